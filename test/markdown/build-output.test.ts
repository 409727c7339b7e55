/**
 * What a build and `npm test` print: content problems alone (scripts/lib/build-errors.mjs), no warning nobody can act
 * on (src/integrations/build-warnings.mjs, build-log.mjs), honest totals (scripts/lib/totals.mjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleOfPage, explainBuildError } from '../../scripts/lib/build-errors.mjs';
import { closingLine, tallyRun } from '../../scripts/lib/totals.mjs';
import { ContentError } from '../../src/markdown/content-error.mjs';
import { isSilencedWarning } from '../../src/integrations/build-warnings.mjs';
import buildLog, { SILENCED, buildLogState } from '../../src/integrations/build-log.mjs';

describe('a failed build', () => {
  it('prints a content error as its lines alone, also when the bundler wrapped it', () => {
    const e = new ContentError([{ file: 'content/articles/x.mdx', line: 3, column: 7, message: 'KaTeX: Expected }' }]);
    expect(explainBuildError(e)).toBe('content/articles/x.mdx:3:7: KaTeX: Expected }');
    const wrapped = Object.assign(new Error('Build failed with 1 error'), {
      errors: [Object.assign(new Error(e.message), { whyTanhContent: true })],
    });
    expect(explainBuildError(wrapped)).toBe('content/articles/x.mdx:3:7: KaTeX: Expected }');
  });

  it('places an import that does not resolve at the article’s import line, not the compiled module’s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'why-tanh-import-'));
    try {
      const file = join(dir, 'a.mdx');
      writeFileSync(file, `---\ntitle: x\n---\n\nimport X from '../nope/X.astro';\n`);
      const error = {
        errors: [
          {
            code: 'UNRESOLVED_IMPORT',
            message: `[UNRESOLVED_IMPORT] Could not resolve '../nope/X.astro' in a.mdx`,
            id: file,
            loc: { file, line: 15, column: 14 },
          },
        ],
      };
      expect(explainBuildError(error)).toBe(
        `${file}:5:16: cannot import "../nope/X.astro": no such file (a relative path starts from the article's folder)`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('places an MDX syntax error with its reason, and leaves every other error (a bug) to be printed in full', () => {
    const mdx = {
      plugin: '@mdx-js/rolldown',
      message: '12:3: Unexpected closing tag `</b>`',
      loc: { file: '/r/content/articles/a.mdx', line: 12, column: 3 },
    };
    expect(explainBuildError({ errors: [mdx] })).toBe('/r/content/articles/a.mdx:12:3: MDX: Unexpected closing tag `</b>`');
    expect(explainBuildError(new TypeError('x is undefined'))).toBeUndefined();
    expect(explainBuildError({ errors: [mdx, new Error('bug')] })).toBeUndefined();
  });

  it('names the article a failed page comes from, in either language', () => {
    expect(articleOfPage('/articles/why-sigmoid-and-tanh/', 'content/articles')).toBe(
      'content/articles/why-sigmoid-and-tanh.mdx',
    );
    expect(articleOfPage('/why-tanh/zh/articles/x/', 'content/articles')).toBe('content/articles/zh/x.mdx');
    expect(articleOfPage('/articles/x/appendix/', 'content/articles')).toBe('content/articles/appendix/x.mdx');
    expect(articleOfPage('/search/', 'content/articles')).toBeUndefined();
  });
});

describe('the build’s log', () => {
  it('silences exactly the bundler warnings nobody can act on', () => {
    const directive = {
      code: 'MODULE_LEVEL_DIRECTIVE',
      message: 'The semantics of the module level directive "use astro:head-inject" in "x.mdx"',
    };
    expect(isSilencedWarning(directive, 'server')).toBe(true);
    expect(isSilencedWarning({ ...directive, message: 'directive "use client" in x.tsx' }, 'client')).toBe(false);
    const dynamic = { code: 'INEFFECTIVE_DYNAMIC_IMPORT', message: 'compute.ts is dynamically imported by …' };
    expect(isSilencedWarning(dynamic, 'server')).toBe(true);
    expect(isSilencedWarning(dynamic, 'client')).toBe(false); // there a lazy import that does not split costs readers
    expect(isSilencedWarning({ code: 'CIRCULAR_DEPENDENCY', message: '…' }, 'server')).toBe(false);
  });

  it('drops the silenced configuration warnings, each with its reason, and Astro’s failure lines under scripts/build.mjs', () => {
    for (const s of SILENCED) expect(s.reason.length).toBeGreaterThan(20);
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const writeErr = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((c: string) => (written.push(String(c)), true)) as typeof process.stdout.write;
    process.stderr.write = ((c: string) => (written.push(String(c)), true)) as typeof process.stderr.write;
    const before = { ...buildLogState };
    try {
      const log = buildLog({ level: 'info' });
      const event = (level: 'info' | 'warn' | 'error', label: string, message: string) => ({
        level,
        label,
        message,
        newLine: true,
      });
      log.write(event('warn', 'csp', 'defines `style-src` … Because `style-src-attr` override `style-src` for their scope …'));
      log.write(event('info', 'build', 'kept'));
      buildLogState.quietFailures = true;
      log.write(event('error', 'build', 'Caught error rendering /articles/x/: TypeError: boom'));
      log.write(event('error', 'vite', '✗ Build failed in 1.2s'));
      expect(buildLogState.failedPage).toBe('/articles/x/');
    } finally {
      process.stdout.write = write;
      process.stderr.write = writeErr;
      Object.assign(buildLogState, before);
    }
    expect(written.join('').replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/\[build\] kept\n$/); // eslint-disable-line no-control-regex
    expect(written.length).toBe(1);
  });

  it('loads the site’s configuration with Node’s own loader (else Astro loads it through Vite, and a build’s last step fails)', () => {
    const r = spawnSync(process.execPath, ['-e', "await import('./astro.config.mjs')"], { encoding: 'utf8', input: '' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('the closing line of npm test', () => {
  const file = (
    f: string,
    state: string,
    tests: Partial<{ passed: number; failed: number; skipped: number; notRun: number }>,
    errors: string[] = [],
    skipNotes: string[] = [],
  ) => ({
    file: f,
    state,
    errors,
    tests: { passed: 0, failed: 0, skipped: 0, notRun: 0, ...tests, skipNotes },
  });

  it('counts the tests of a file that could not run (no Chromium) as failed, and says so', () => {
    const run = {
      reason: 'failed',
      unhandledErrors: [],
      files: [
        file('test/site/links.test.ts', 'passed', { passed: 5 }),
        file('test/browser/site.test.ts', 'failed', { notRun: 31 }, ['Chromium was not found at /x']),
      ],
    };
    const t = tallyRun(run, 1);
    expect([t.passed, t.failed]).toEqual([5, 31]);
    expect(t.counted).toEqual(['test/browser/site.test.ts: 31 tests that did not run as failed (Chromium was not found at /x)']);
    expect(closingLine(t.passed, t.failed, t.skipNotes)).toBe('5 passed, 31 failed');
  });

  it('counts a file that failed to import as one failed test, and a failed run with no failed test as one', () => {
    const t = tallyRun(
      { reason: 'failed', unhandledErrors: [], files: [file('test/x.test.ts', 'failed', {}, ['SyntaxError: nope'])] },
      1,
    );
    expect(t.failed).toBe(1);
    expect(t.counted[0]).toMatch(/test\/x\.test\.ts: the file, whose tests never ran, as failed \(SyntaxError: nope\)/);
    expect(tallyRun({ reason: 'failed', unhandledErrors: [], files: [] }, 1).failed).toBe(1);
  });

  it('reports skipped tests with their reasons after the plain count', () => {
    const notes = [
      'performance not measured: best 0.9 in 3 runs',
      'performance not measured: best 0.8 in 3 runs',
      'skipped in test/a.test.ts',
    ];
    const t = tallyRun(
      { reason: 'passed', unhandledErrors: [], files: [file('test/a.test.ts', 'passed', { passed: 2, skipped: 3 }, [], notes)] },
      0,
    );
    expect(closingLine(t.passed, t.failed, t.skipNotes)).toBe(
      '2 passed, 0 failed, 3 skipped (performance not measured ×2, skipped in test/a.test.ts)',
    );
  });
});
