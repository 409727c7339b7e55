/**
 * `npm run new -- <slug>` (scripts/new-article.mjs): validates the slug, never overwrites, writes a draft dated today
 * with the next free `order` — and that draft passes the content schema (the build succeeds) without being published.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv } from './lib/env';

// The scratch content folder sits two levels below the repository root, like content/articles, so the template's
// relative imports (../../src/components/…) resolve exactly as they do for a real article.
mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
const dir = mkdtempSync(join(process.cwd(), '.tmp', 'scaffold-'));
const out = mkdtempSync(join(process.cwd(), '.tmp', 'scaffold-out-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const scaffold = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/new-article.mjs', ...args], {
    env: { ...process.env, WHY_TANH_CONTENT_DIR: dir },
    encoding: 'utf8',
  });

writeFileSync(
  join(dir, 'existing-article.mdx'),
  `---\ntitle: An existing article\ndescription: A published scratch article, so the scaffold has an order to count from.\n` +
    `published: 2026-01-01\nupdated: 2026-01-01\nauthors:\n  - name: Test\norder: 7\n---\n\nText.\n`,
);

describe('npm run new', () => {
  it('refuses a malformed slug, naming it', () => {
    for (const bad of ['Bad_Slug', 'trailing-', '-x', 'a--b', 'ünï']) {
      const r = scaffold(bad);
      expect(r.status, bad).toBe(1);
      expect(r.stderr).toContain(`"${bad}" is not a valid slug`);
    }
    expect(scaffold().status).toBe(1); // no slug: usage
  });

  it('writes a draft dated today with the next free order, and refuses to overwrite it', () => {
    const r = scaffold('my-new-article', '--title', 'A new article: about "quotes"');
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'my-new-article.mdx'), 'utf8');
    const today = new Date().toISOString().slice(0, 10);
    expect(text).toContain('draft: true');
    expect(text).toContain('order: 8');
    expect(text).toContain(`published: ${today}`);
    expect(text).toContain(`updated: ${today}`);
    expect(text).toContain('title: "A new article: about \\"quotes\\""');
    expect(text).not.toMatch(/\{\{\w+\}\}/);

    const again = scaffold('my-new-article');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(join(dir, 'my-new-article.mdx'), 'utf8')).toBe(text);
  });

  it('builds: the draft passes the schema and is not published (whatever NODE_ENV says)', () => {
    const t0 = Date.now();
    // NODE_ENV=test on purpose (some CI systems set it): Vite then reports import.meta.env.DEV = true even in
    // `astro build`, and a draft filter keyed on DEV would publish drafts. A draft must never ship from a build.
    const r = spawnSync('astro', ['build', '--outDir', out], {
      env: buildEnv({ NODE_ENV: 'test', WHY_TANH_CONTENT_DIR: dir }),
      encoding: 'utf8',
      timeout: 170_000,
    });
    console.log(`scaffolded draft: build ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(existsSync(join(out, 'articles/existing-article/index.html'))).toBe(true);
    expect(existsSync(join(out, 'articles/my-new-article'))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('my-new-article');
  }, 180_000);

  it('renders the draft in the check build of npm run check, which never writes dist/', () => {
    const check = mkdtempSync(join(process.cwd(), '.tmp', 'scaffold-check-'));
    try {
      const r = spawnSync(process.execPath, ['scripts/build.mjs', '--check', '--outDir', check], {
        env: buildEnv({ WHY_TANH_CONTENT_DIR: dir }),
        encoding: 'utf8',
        timeout: 280_000,
      });
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(existsSync(join(check, 'articles/my-new-article/index.html'))).toBe(true);
      const refused = spawnSync(process.execPath, ['scripts/build.mjs'], {
        env: buildEnv({ WHY_TANH_CONTENT_DIR: dir, WHY_TANH_CHECK_BUILD: '1' }),
        encoding: 'utf8',
        timeout: 280_000,
      });
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('A check build includes drafts: it must not write dist/');
    } finally {
      rmSync(check, { recursive: true, force: true });
    }
  }, 300_000);
});
