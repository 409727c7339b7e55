/**
 * `npm test`'s closing line counts what could not run: with Chromium missing, a browser test file's tests fail
 * (its `beforeAll` throws) instead of vanishing from the count. Runs the orchestrator on one browser test file, on
 * the system's `node` when there is one (scripts/test.mjs re-runs itself on the pinned Node).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEnv } from './lib/env';

const FILE = 'test/browser/sharing.test.ts';
/** An older system Node, if installed (the orchestrator must re-run itself on the pinned one), else the pinned one. */
const NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p)) ?? process.execPath;

describe('npm test with Chromium missing', () => {
  it('ends with a failed count equal to the tests that could not run, and says why', () => {
    const env = buildEnv({ CHROME_PATH: '/nonexistent/chromium', NO_COLOR: '1' });
    const r = spawnSync(NODE, ['scripts/test.mjs', 'site', '--', FILE], { env, encoding: 'utf8' });
    // Vitest's own count of the file's tests, from its summary ("Tests  9 skipped (9)"): none of them ran.
    const tests = Number(/^\s*Tests\s.*\((\d+)\)$/m.exec(r.stdout)?.[1]);
    expect(tests).toBeGreaterThan(3);
    const lines = r.stdout.trim().split('\n');
    expect(r.status).toBe(1);
    expect(lines.at(-1)).toBe(`0 passed, ${tests} failed`);
    expect(r.stdout).toContain(
      `${FILE}: ${tests} tests that did not run as failed (Chromium was not found at /nonexistent/chromium.`,
    );
  });
});
