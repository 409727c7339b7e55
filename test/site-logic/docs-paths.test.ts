/**
 * Every path README.md and CONTRIBUTING.md name exists, so the docs' layout block and "Where things are" table cannot
 * drift from the tree. A path is a code span (or a line of README's layout block) made of path characters with a `/`
 * or a file extension; `<slug>` and `my-slug` stand for an article's slug; component names in CONTRIBUTING's table
 * (`figures/ActivationExplorer`) are relative to src/components/; a bare name (`lstm.ts`, `en/`) must exist in one of
 * the folders the same document names. Build output and other ignored folders (`dist/`, `node_modules/`) are not
 * checked: a clean clone has none.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const DOCS = ['README.md', 'CONTRIBUTING.md'];
const SLUG = 'why-sigmoid-and-tanh';

/** Candidate paths named in a Markdown document: code spans, and the first word of each line of a ``` block. */
export function namedPaths(md: string): string[] {
  const spans = [...md.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
  const layout = [...md.matchAll(/^```\n([\s\S]*?)^```/gm)].flatMap((m) =>
    m[1]!.split('\n').flatMap((l) => l.split(/\s{2,}/)[0]!.split(/,\s*/)),
  );
  const looksLikePath = (s: string) =>
    /^\.?[A-Za-z0-9_.<>-]+(\/[A-Za-z0-9_.<>-]*)*$/.test(s) &&
    (s.includes('/') || /\.(ts|tsx|mjs|js|json|md|mdx|astro|css|bib|yml)$/.test(s)) &&
    !/^[a-z]+:/.test(s);
  return [...new Set([...spans, ...layout].map((s) => s.trim()).filter(looksLikePath))];
}

/** Top-level folders git ignores (build output, installs, caches), from .gitignore. */
const IGNORED = readFileSync(join(ROOT, '.gitignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => /^[A-Za-z0-9._-]+\/$/.test(l));

function exists(p: string, dirs: readonly string[]): boolean {
  if (IGNORED.some((d) => p === d || p.startsWith(d))) return true; // generated: not in a clean clone
  const path = p.replaceAll('<slug>', SLUG).replaceAll('my-slug', SLUG);
  if (path.includes('<')) return true; // another placeholder (<lang>, <n>): nothing to check
  const bare = !path.replace(/\/$/, '').includes('/');
  const candidates = [path, `src/components/${path}.tsx`, `src/components/${path}.astro`];
  if (bare) candidates.push(...dirs.map((d) => join(d, path)));
  return candidates.some((c) => existsSync(join(ROOT, c)));
}

describe.each(DOCS)('%s', (doc) => {
  it('names only paths that exist', () => {
    const paths = namedPaths(readFileSync(join(ROOT, doc), 'utf8'));
    expect(paths.length).toBeGreaterThan(10);
    const dirs = paths.filter((p) => p.endsWith('/') && p.includes('/', 0) && existsSync(join(ROOT, p)));
    expect(paths.filter((p) => !exists(p, dirs))).toEqual([]);
  });
});

describe('namedPaths', () => {
  it('finds code spans and layout lines, and ignores URLs, commands and prose', () => {
    const md =
      'See `src/lib/nn/` and `bench/README.md`, run `npm test`, open `/articles/x/` or `https://a/b`.\n```\nsrc/numbers/   the numbers\na/, b/   two\n```\n';
    expect(namedPaths(md)).toEqual(['src/lib/nn/', 'bench/README.md', 'src/numbers/', 'a/', 'b/']);
  });
});
