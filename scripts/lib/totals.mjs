// @ts-check
/**
 * The counts of one Vitest run for `npm test`'s closing line (scripts/test.mjs), from the summary that
 * scripts/vitest-summary.mjs writes. Honest: a test file that stopped before its tests ran (a failed import, a
 * `beforeAll` that threw — no Chromium, say) counts each test that did not run as failed, or itself as one failed
 * test when Vitest never learnt its tests; an unhandled error counts as one failed test; a run that failed with no
 * failed test counts as one. `counted` says, for each such case, what was counted and why.
 */

/**
 * @typedef {import('../vitest-summary.mjs').RunSummary} RunSummary
 * @typedef {{ passed: number, failed: number, skipped: number, skipNotes: string[], counted: string[] }} Tally
 */

/**
 * @param {RunSummary} run
 * @param {number | null} exitStatus the runner's exit status
 * @returns {Tally}
 */
export function tallyRun(run, exitStatus) {
  /** @type {Tally} */
  const t = { passed: 0, failed: 0, skipped: 0, skipNotes: [], counted: [] };
  for (const file of run.files) {
    t.passed += file.tests.passed;
    t.failed += file.tests.failed;
    t.skipped += file.tests.skipped;
    t.skipNotes.push(...file.tests.skipNotes);
    const stopped = file.state === 'failed' && file.tests.failed === 0 && file.tests.notRun === 0;
    const notRun = file.tests.notRun + (stopped ? 1 : 0);
    if (notRun === 0) continue;
    t.failed += notRun;
    const why = file.errors[0]?.split('\n')[0] ?? 'it stopped';
    const what = stopped ? 'the file, whose tests never ran,' : `${notRun} test${notRun === 1 ? '' : 's'} that did not run`;
    t.counted.push(`${file.file}: ${what} as failed (${why})`);
  }
  if (run.unhandledErrors.length > 0) {
    t.failed += run.unhandledErrors.length;
    t.counted.push(`${run.unhandledErrors.length} unhandled error(s) as failed (${run.unhandledErrors[0]?.split('\n')[0]})`);
  }
  if (exitStatus !== 0 && t.failed === 0) {
    t.failed += 1;
    t.counted.push(`the run, which failed (exit ${exitStatus}) with no failed test, as 1 failed`);
  }
  return t;
}

/** The skip notes grouped by their lead (the text before the first colon): `performance not measured ×9, todo ×1`. */
export function skipReasons(/** @type {string[]} */ notes) {
  /** @type {Map<string, number>} */
  const byLead = new Map();
  for (const n of notes) {
    const lead = n.split(':')[0]?.trim() || n;
    byLead.set(lead, (byLead.get(lead) ?? 0) + 1);
  }
  return [...byLead].map(([lead, n]) => (n === 1 ? lead : `${lead} ×${n}`)).join(', ');
}

/** The closing line: `N passed, N failed`, then `, N skipped (reasons)` when tests were skipped. */
export function closingLine(/** @type {number} */ passed, /** @type {number} */ failed, /** @type {string[]} */ skipNotes) {
  const skipped = skipNotes.length > 0 ? `, ${skipNotes.length} skipped (${skipReasons(skipNotes)})` : '';
  return `${passed} passed, ${failed} failed${skipped}`;
}
