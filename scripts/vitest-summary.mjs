// @ts-check
/**
 * A Vitest reporter for scripts/test.mjs: writes, to the file named by VITEST_SUMMARY, what the closing line of
 * `npm test` counts — per test file its state, its tests' results, the notes of skipped tests (`ctx.skip(note)`) and
 * the errors that stopped the file (a failed import, a `beforeAll` that threw). Vitest's own reporters still print.
 */
import { writeFileSync } from 'node:fs';

/**
 * @typedef {{ passed: number, failed: number, skipped: number, notRun: number, skipNotes: string[] }} Counts
 * @typedef {{ file: string, state: string, errors: string[], tests: Counts }} FileSummary
 * @typedef {{ files: FileSummary[], unhandledErrors: string[], reason: string }} RunSummary
 */

export default class SummaryReporter {
  /**
   * @param {ReadonlyArray<import('vitest/node').TestModule>} modules
   * @param {ReadonlyArray<{ message?: string }>} unhandledErrors
   * @param {string} reason
   */
  onTestRunEnd(modules, unhandledErrors, reason) {
    const out = process.env['VITEST_SUMMARY'];
    if (!out) return;
    /** @type {RunSummary} */
    const summary = {
      reason,
      unhandledErrors: unhandledErrors.map((e) => String(e.message ?? e)),
      files: modules.map((m) => {
        /** @type {Counts} */
        const tests = { passed: 0, failed: 0, skipped: 0, notRun: 0, skipNotes: [] };
        for (const t of m.children.allTests()) {
          const r = t.result();
          if (r.state === 'passed') tests.passed++;
          else if (r.state === 'failed') tests.failed++;
          else if (r.state === 'skipped') {
            // A test skipped on purpose has a mode of 'skip'/'todo' or a note; one left 'run' never ran (its suite failed).
            if (r.note !== undefined || t.options.mode === 'skip' || t.options.mode === 'todo') {
              tests.skipped++;
              tests.skipNotes.push(r.note ?? `${t.options.mode === 'todo' ? 'todo' : 'skipped'} in ${m.relativeModuleId}`);
            } else tests.notRun++;
          } else tests.notRun++; // pending/queued: never ran
        }
        return { file: m.relativeModuleId, state: m.state(), errors: m.errors().map((e) => String(e.message)), tests };
      }),
    };
    writeFileSync(out, JSON.stringify(summary, null, 1));
  }
}
