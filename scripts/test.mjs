// @ts-check
/**
 * `npm test`: lint, format check, type-check, unit tests, production build, then tests of the built site (gates + real
 * Chromium). `npm test -- lint unit` (or `node scripts/test.mjs lint unit`, on any Node: it re-runs itself on the
 * pinned one) runs only the named steps, matched by prefix; files after `--` go to the test runners
 * (`npm test -- site -- test/site/links.test.ts`). `--dry-run` prints what would run and checks that every named step and
 * file exists (the docs test uses it on the commands the docs show).
 *
 * Prints every step's result and, last, one line `N passed, N failed` totalling every test, followed by
 * `, N skipped (reasons)` when tests were skipped. Honest counts (scripts/lib/totals.mjs): the tests of a file that
 * could not run (a failed import, a `beforeAll` that threw, e.g. no Chromium) count as failed; a step that is not a
 * test runner (type-check, build) counts as one test, and as one failed test when it fails or cannot start. The line
 * above the total says what was counted so.
 */
import { onPinnedNode, ROOT } from './lib/pinned-node.mjs';

onPinnedNode(import.meta.url);

const { spawnSync } = await import('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync } = await import('node:fs');
const { join } = await import('node:path');

process.chdir(ROOT);
mkdirSync('.tmp', { recursive: true });
const { closingLine, tallyRun } = await import('./lib/totals.mjs');
const dryRun = process.argv.includes('--dry-run');
const argv = process.argv.slice(2).filter((a) => a !== '--dry-run');
const dashes = argv.indexOf('--');
const only = dashes < 0 ? argv : argv.slice(0, dashes);
const files = dashes < 0 ? [] : argv.slice(dashes + 1);

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

const missing = files.filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`no such test file: ${missing.join(', ')}`);
  process.exit(2);
}
if (dryRun) {
  for (const step of steps.filter((st) => only.length === 0 || only.some((o) => st.name.startsWith(o)))) {
    console.log(
      `${step.name}: ${step.cmd === process.execPath ? 'node' : step.cmd} ${[...step.args, ...(step.vitest ? files : [])].join(' ')}`,
    );
  }
  process.exit(0);
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
    args.push('--reporter=default', '--reporter=./scripts/vitest-summary.mjs', ...files);
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
    const t = tallyRun(run, r.status);
    passed += t.passed;
    failed += t.failed;
    skipNotes.push(...t.skipNotes);
    counted.push(...t.counted);
    const skipped = t.skipped > 0 ? `, ${t.skipped} skipped` : '';
    summary.push(`${step.name}: ${t.passed} passed, ${t.failed} failed${skipped} in ${run.files.length} files (${secs} s)`);
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
if (counted.length > 0) console.log(`Counted:\n  ${counted.join('\n  ')}`);
if (skipNotes.length > 0) console.log(`Skipped:\n  ${skipNotes.join('\n  ')}`);
console.log(closingLine(passed, failed, skipNotes));
process.exit(failed > 0 ? 1 : 0);
