/**
 * An appendix belongs to an article (issue 19): `content/articles/appendix/<slug>.mdx` without
 * `content/articles/<slug>.mdx` fails the build, naming the appendix file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv } from './lib/env';

mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
const dir = mkdtempSync(join(process.cwd(), '.tmp', 'appendix-'));
const out = mkdtempSync(join(process.cwd(), '.tmp', 'appendix-out-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('a build with an appendix', () => {
  it('fails on an appendix whose article does not exist, naming the appendix file and the article it needs', () => {
    writeFileSync(
      join(dir, 'an-article.mdx'),
      `---\ntitle: An article\ndescription: A published scratch article, so that the site has one article with an appendix.\n` +
        `published: 2026-01-01\nupdated: 2026-01-01\nauthors:\n  - name: Test\norder: 1\n---\n\n## A section [#a-section]\n\nText.\n`,
    );
    mkdirSync(join(dir, 'appendix'));
    writeFileSync(join(dir, 'appendix', 'an-article.mdx'), '## Methods [#methods]\n\nText.\n');
    writeFileSync(join(dir, 'appendix', 'no-such-article.mdx'), '## Methods [#methods]\n\nText.\n');
    const r = spawnSync('astro', ['build', '--outDir', out], {
      env: buildEnv({ WHY_TANH_CONTENT_DIR: dir }),
      encoding: 'utf8',
      timeout: 170_000,
    });
    const output = `${r.stdout}\n${r.stderr}`;
    expect(r.status, output).not.toBe(0);
    expect(output).toContain(
      'appendix/no-such-article.mdx: an appendix of "no-such-article", but there is no no-such-article.mdx',
    );
  }, 180_000);
});
