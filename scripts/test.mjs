// @ts-check
/**
 * `npm test`: lint, format check, type-check, unit tests, production build, then tests of the built site (gates + real
 * Chromium). `npm test -- lint unit` (or `node scripts/test.mjs lint unit`, on any Node: it re-runs itself on the
 * pinned one) runs only the named steps, matched by prefix.
 *
 * Prints every step's result and, last, one line `N passed, N failed` totalling every test, followed by
 * `, N skipped (reasons)` when tests were skipped. Honest counts: a test file that failed to run (a failed import, a
 * `beforeAll` that threw, e.g. no Chromium) counts each of its tests that did not run as failed, or itself as one
 * failed test when Vitest never learnt its tests; a step that is not a test runner (type-check, build) counts as one
 * test; a step that could not start counts as one failed test. The line above the total says what was counted so.
 */
import { onPinnedNode, ROOT } from './lib/pinned-node.mjs';

onPinnedNode(import.meta.url);

const { spawnSync } = await import('node:child_process');
const { mkdirSync, readFileSync, rmSync } = await import('node:fs');
const { join } = await import('node:path');

process.chdir(ROOT);
mkdirSync('.tmp', { recursive: true });
const only = process.argv.slice(2);

/** @typedef {{ name: string, cmd: string, args: string[], vitest?: boolean }} Step */
/** @type {Step[]} */
const steps = [
  { name: 'lint', cmd: process.execPath, args: ['scripts/lint.mjs', 'eslint'] },
  { name: 'format', cmd: process.execPath, args: ['scripts/lint.mjs', 'prettier'] },
  { name: 'type-check', cmd: 'astro', args: ['check', '--minimumSeverity', 'warning'] },
  { name: 'unit tests', cmd: 'vitest', args: ['run'], vitest: true },
  { name: 'build', cmd: process.execPath, args: ['scripts/build.mjs'] },
  { name: 'site and browser tests', cmd: 'vitest', args: ['run', '-c', 'vitest.site.config.ts'], vitest: true },
];

const unknown = only.filter((o) => !steps.some((s) => s.name.startsWith(o)));
if (unknown.length > 0) {
  console.error(`unknown step ${unknown.map((u) => `"${u}"`).join(', ')}; the steps are: ${steps.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

let passed = 0;
let failed = 0;
/** @type {string[]} */
const skipNotes = [];
/** @type {string[]} */
const summary = [];
/** @type {string[]} */
const counted = [];

for (const step of steps) {
  if (only.length > 0 && !only.some((o) => step.name.startsWith(o))) continue;
  const args = [...step.args];
  const summaryFile = join('.tmp', `${step.name.replaceAll(' ', '-')}.summary.json`);
  if (step.vitest) {
    rmSync(summaryFile, { force: true });
    args.push('--reporter=default', '--reporter=./scripts/vitest-summary.mjs');
  }
  const shown = step.cmd === process.execPath ? 'node' : step.cmd;
  console.log(`\n▶ ${step.name}: ${shown} ${step.args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd, args, { stdio: 'inherit', env: { ...process.env, VITEST_SUMMARY: summaryFile } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.error) {
    failed += 1;
    summary.push(`${step.name}: could not start ${shown} (${r.error.message})`);
    counted.push(`${step.name} (could not start) as 1 failed`);
    if (step.name === 'build') break;
    continue;
  }
  if (step.vitest) {
    /** @type {import('./vitest-summary.mjs').RunSummary | undefined} */
    let run;
    try {
      run = JSON.parse(readFileSync(summaryFile, 'utf8'));
    } catch {
      run = undefined;
    }
    if (!run) {
      failed += 1;
      summary.push(`${step.name}: the runner stopped before reporting (exit ${r.status ?? r.signal}) (${secs} s)`);
      counted.push(`${step.name} (no report) as 1 failed`);
      continue;
    }
    let p = 0;
    let f = 0;
    let s = 0;
    for (const file of run.files) {
      p += file.tests.passed;
      f += file.tests.failed;
      s += file.tests.skipped;
      skipNotes.push(...file.tests.skipNotes);
      const stopped = file.state === 'failed' && file.tests.failed === 0 ? 1 : 0;
      const notRun = file.tests.notRun > 0 ? file.tests.notRun : stopped;
      if (notRun > 0) {
        f += notRun;
        const why = file.errors[0]?.split('\n')[0] ?? 'stopped';
        counted.push(
          `${file.file}: ${file.tests.notRun > 0 ? `${notRun} test${notRun === 1 ? '' : 's'} that did not run` : 'the file (no test ran)'} as failed — ${why}`,
        );
      }
    }
    if (run.unhandledErrors.length > 0) {
      f += run.unhandledErrors.length;
      counted.push(`${run.unhandledErrors.length} unhandled error(s) as failed — ${run.unhandledErrors[0]?.split('\n')[0]}`);
    }
    if (r.status !== 0 && f === 0) {
      f += 1;
      counted.push(`${step.name} (exit ${r.status ?? r.signal} with no failed test) as 1 failed`);
    }
    passed += p;
    failed += f;
    summary.push(
      `${step.name}: ${p} passed, ${f} failed${s > 0 ? `, ${s} skipped` : ''} in ${run.files.length} files (${secs} s)`,
    );
  } else if (r.status === 0) {
    passed += 1;
    summary.push(`${step.name}: ok (${secs} s)`);
  } else {
    failed += 1;
    summary.push(`${step.name}: FAILED with exit ${r.status ?? r.signal} (${secs} s)`);
    if (step.name === 'build') break; // nothing to test without a build
  }
}

console.log(`\n${summary.join('\n')}`);
if (counted.length > 0) console.log(`Counted: ${counted.join('; ')}`);
if (skipNotes.length > 0) console.log(`Skipped:\n  ${skipNotes.join('\n  ')}`);
console.log(
  `${passed} passed, ${failed} failed${skipNotes.length > 0 ? `, ${skipNotes.length} skipped (${reasons(skipNotes)})` : ''}`,
);
process.exit(failed > 0 ? 1 : 0);

/** The skip notes grouped by their lead (the text before the first colon): `performance not measured ×9, todo ×1`. */
function reasons(/** @type {string[]} */ notes) {
  /** @type {Map<string, number>} */
  const byLead = new Map();
  for (const n of notes) {
    const lead = n.split(':')[0]?.trim() || n;
    byLead.set(lead, (byLead.get(lead) ?? 0) + 1);
  }
  return [...byLead].map(([lead, n]) => (n === 1 ? lead : `${lead} ×${n}`)).join(', ');
}
