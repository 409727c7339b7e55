/**
 * Every article's numbers module (src/numbers/<slug>.ts, one per article) has the same shape — `values` (the numbers),
 * `text` (ready-made wording) and `tex` (ready-made LaTeX) — and is checked the same way: no text says NaN,
 * undefined or Infinity, and every LaTeX string typesets with the site's KaTeX settings.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTex } from '../../src/figures/tex';

const SLUGS = readdirSync(join(process.cwd(), 'content/articles'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

/** Every string leaf of a value, with its path. */
function strings(x: unknown, path = ''): [string, string][] {
  if (typeof x === 'string') return [[path, x]];
  if (x === null || typeof x !== 'object') return [];
  return Object.entries(x).flatMap(([k, v]) => strings(v, `${path}.${k}`));
}

describe.each(SLUGS)('src/numbers/%s.ts', (slug) => {
  it('exists for the article and exports values, text and tex objects', async () => {
    const m = (await import(`../../src/numbers/${slug}.ts`)) as Record<string, unknown>;
    for (const k of ['values', 'text', 'tex']) {
      expect(typeof m[k], `${slug}: ${k}`).toBe('object');
      expect(m[k]).not.toBeNull();
    }
    // the first import computes the module's numbers: the core article's trains an LSTM for 10 seeds (≈ 20 s alone,
    // over a minute when the two cores are shared with a build)
  }, 240_000);

  it('has no text that reads NaN, undefined or Infinity', async () => {
    const m = (await import(`../../src/numbers/${slug}.ts`)) as { text: object; tex: object };
    for (const [path, s] of [...strings(m.text, 'text'), ...strings(m.tex, 'tex')]) {
      expect(s, `${slug} ${path}`).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('has LaTeX that typesets', async () => {
    const m = (await import(`../../src/numbers/${slug}.ts`)) as { tex: object };
    for (const [path, s] of strings(m.tex, 'tex')) expect(() => renderTex(s), `${slug} ${path}`).not.toThrow();
  });
});
