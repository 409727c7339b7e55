// @ts-check
/**
 * Which articles a change touches, and which browser tests visit them (`npm run check` runs only those): an article
 * is touched when its file changed or a file it imports did; a browser test file is run when it visits every page
 * under test (it calls `pagesUnderTest`, test/support/site.ts) or is about one touched page (`const PATH = '…'`).
 */
import { dirname, join, posix, relative } from 'node:path';

/**
 * Every article file (`.mdx`) under `dir`, recursively, as paths that start with `dir`.
 * @param {string} dir
 * @param {(dir: string) => { name: string, isDirectory(): boolean }[]} list
 * @returns {string[]}
 */
export function articleFiles(dir, list) {
  return list(dir).flatMap((e) =>
    e.isDirectory() ? articleFiles(join(dir, e.name), list) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : [],
  );
}

/**
 * The site path of an article or appendix: `content/articles/zh/x.mdx` → `zh/articles/x/`,
 * `content/articles/appendix/x.mdx` → `articles/x/appendix/`.
 */
export function pageOfArticle(/** @type {string} */ file) {
  const rel = relative('content/articles', file)
    .split('\\')
    .join('/')
    .replace(/\.mdx$/, '');
  const m = /^(?:([a-z]{2})\/)?(appendix\/)?([^/]+)$/.exec(rel);
  if (!m) return rel;
  return `${m[1] ? `${m[1]}/` : ''}articles/${m[3]}/${m[2] ? 'appendix/' : ''}`;
}

/**
 * The articles among `articles` that `changed` (repository-relative paths) touches.
 * @param {readonly string[]} articles
 * @param {ReadonlySet<string>} changed
 * @param {(file: string) => string} read
 */
export function touchedArticles(articles, changed, read) {
  return articles.filter((file) => {
    if (changed.has(file)) return true;
    const imports = [...read(file).matchAll(/^import\s[^;]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) => m[1] ?? '');
    return imports.some((spec) => {
      const target = posix.normalize(posix.join(dirname(file).split('\\').join('/'), spec));
      return [target, `${target}.ts`, `${target}.tsx`].some((t) => changed.has(t));
    });
  });
}

/**
 * The browser test files to run for `pages`: none when no page; else those that visit every page under test and
 * those about one of `pages`.
 * @param {readonly string[]} pages
 * @param {readonly { file: string, text: string }[]} tests
 */
export function browserTestsFor(pages, tests) {
  if (pages.length === 0) return [];
  return tests
    .filter(({ text }) => {
      const about = [...text.matchAll(/^const (?:PATH|CORE) = '([^']+)'/gm)].map((m) => m[1] ?? '');
      return text.includes('pagesUnderTest(') || about.some((p) => pages.includes(p));
    })
    .map(({ file }) => file);
}
