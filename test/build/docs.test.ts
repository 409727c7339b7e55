/**
 * Every MDX example README.md and CONTRIBUTING.md show builds as it stands: each fenced `mdx` block becomes a scratch
 * article (under a frontmatter, in a folder two levels below the root like content/articles, so its relative imports
 * resolve) and the site is built with them (test/site-logic/docs.test.ts compiles them without a build, and shows that
 * a broken one fails).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fencedBlocks } from '../support/docs';
import { buildEnv } from './lib/env';

mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
const dir = mkdtempSync(join(process.cwd(), '.tmp', 'docs-'));
const out = mkdtempSync(join(process.cwd(), '.tmp', 'docs-out-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const frontmatter = (title: string, order: number) =>
  `---\ntitle: ${title}\ndescription: An example from the project's documentation, built by a test so that the docs cannot drift.\n` +
  `published: 2026-01-01\nupdated: 2026-01-01\nauthors:\n  - name: Test\norder: ${order}\n---\n\n`;

describe('the MDX examples of the docs', () => {
  it('build into a site, every one of them', () => {
    const examples = ['README.md', 'CONTRIBUTING.md'].flatMap((doc) =>
      fencedBlocks(readFileSync(doc, 'utf8'))
        .filter((b) => b.lang === 'mdx')
        .map((b) => ({ doc, ...b })),
    );
    expect(examples.length).toBeGreaterThanOrEqual(2);
    examples.forEach((e, i) => {
      const slug = `${e.doc.replace(/\W+/g, '-').toLowerCase()}-line-${e.line}`;
      writeFileSync(join(dir, `${slug}.mdx`), frontmatter(`${e.doc}, line ${e.line}`, i + 1) + e.text);
    });
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--outDir', out], {
      env: buildEnv({ WHY_TANH_CONTENT_DIR: dir }),
      encoding: 'utf8',
      timeout: 280_000,
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  }, 300_000);
});
