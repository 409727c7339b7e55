// @ts-check
/**
 * `npm test`: lint, format check, type-check, unit tests, production build, then tests of the built site (gates + real
 * Chromium). `node scripts/test.mjs lint unit` runs only the named steps (by prefix).
 * Prints every step's result and, last, one line "N passed, N failed" totalling every test that ran.
 * A step that is not a test runner (type-check, build) counts as one test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const only = process.argv.slice(2);

/** @type {{ name: string, cmd: string, args: string[], json?: string }[]} */
const steps = [
  { name: 'lint', cmd: process.execPath, args: ['scripts/lint.mjs', 'eslint'] },
  { name: 'format', cmd: process.execPath, args: ['scripts/lint.mjs', 'prettier'] },
  { name: 'type-check', cmd: 'astro', args: ['check', '--minimumSeverity', 'warning'] },
  {
    name: 'unit tests',
    cmd: 'vitest',
    args: ['run'],
    json: '.tmp/unit.json',
  },
  { name: 'build', cmd: 'astro', args: ['build'] },
  { name: 'site and browser tests', cmd: 'vitest', args: ['run', '-c', 'vitest.site.config.ts'], json: '.tmp/site.json' },
];

let passed = 0;
let failed = 0;
/** @type {string[]} */
const summary = [];
for (const step of steps) {
  if (only.length > 0 && !only.some((o) => step.name.startsWith(o))) continue;
  const args = [...step.args];
  if (step.json) {
    rmSync(step.json, { force: true });
    args.push('--reporter=default', '--reporter=json', `--outputFile.json=${step.json}`);
  }
  console.log(`\n▶ ${step.name}: ${step.cmd === process.execPath ? 'node' : step.cmd} ${step.args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd, args, { stdio: 'inherit', shell: false });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (step.json) {
    try {
      const report = JSON.parse(readFileSync(step.json, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      const extra = r.status !== 0 && report.numFailedTests === 0 ? 1 : 0; // e.g. a suite that failed to load
      failed += extra;
      summary.push(`${step.name}: ${report.numPassedTests} passed, ${report.numFailedTests + extra} failed (${secs} s)`);
    } catch {
      failed += 1;
      summary.push(`${step.name}: runner crashed (exit ${r.status}) (${secs} s)`);
    }
  } else if (r.status === 0) {
    passed += 1;
    summary.push(`${step.name}: ok (${secs} s)`);
  } else {
    failed += 1;
    summary.push(`${step.name}: FAILED with exit ${r.status} (${secs} s)`);
    if (step.name === 'build') break; // nothing to test without a build
  }
}
console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
