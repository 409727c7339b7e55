// @ts-check
/**
 * What scripts/build.mjs prints when `astro build` fails: for a problem in the content, one line per problem,
 * `file:line:column: cause`; for anything else, nothing here (the caller prints the error in full).
 *
 * Recognised: a ContentError (src/markdown/content-error.mjs) thrown anywhere — by the Markdown pipeline, the article
 * loader or an article's expression at render time — also when the bundler copied it; an MDX syntax error; an
 * import an article makes that does not resolve (placed at the article's import line, not the compiled module's).
 */
import { readFileSync } from 'node:fs';
import { displayPath, formatProblem, isContentError } from '../../src/markdown/content-error.mjs';

/**
 * @typedef {{ message?: string, code?: string, plugin?: string, id?: string, name?: string,
 *   loc?: { file?: string, line?: number, column?: number } }} BundlerError
 */

/** Removes terminal colours. */
const plain = (/** @type {string} */ s) => s.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

/** The errors inside `e`: Rolldown reports `{ errors: [...] }`, everything else is one error. */
function errorsOf(/** @type {unknown} */ e) {
  const list = /** @type {{ errors?: unknown }} */ (e)?.errors;
  return /** @type {BundlerError[]} */ (Array.isArray(list) && list.length > 0 ? list : [e]);
}

/** `file:line:column` of the first occurrence of `needle` in `file`, or undefined. */
function placeOf(/** @type {string} */ file, /** @type {string} */ needle) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const at = text.indexOf(needle);
  if (at < 0) return undefined;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** One error as content problem lines, or undefined when it is not a content problem. */
function explainOne(/** @type {BundlerError} */ e) {
  const message = plain(String(e.message ?? ''));
  if (isContentError(e)) return message;
  const file = e.loc?.file ?? e.id;
  const isArticle = typeof file === 'string' && /\.mdx?$/.test(file.replace(/\?.*$/, ''));
  if (!isArticle) return undefined;
  const path = file.replace(/\?.*$/, '');

  if (e.code === 'UNRESOLVED_IMPORT') {
    const spec = /Could not resolve '([^']+)'/.exec(message)?.[1];
    if (!spec) return undefined;
    const place = placeOf(path, spec);
    return formatProblem({
      file: path,
      line: place?.line,
      column: place?.column,
      message: `cannot import "${spec}": no such file (a relative path starts from the article's folder)`,
    });
  }
  if (e.plugin === '@mdx-js/rolldown' || e.name === 'MDXError') {
    // An MDX syntax error: micromark's reason, placed by @astrojs/mdx (`loc`).
    const reason = message.replace(/^\d+:\d+(-\d+:\d+)?:\s*/, '').split('\n')[0];
    return formatProblem({ file: path, line: e.loc?.line, column: e.loc?.column, message: `MDX: ${reason}` });
  }
  return undefined;
}

/**
 * The content problems that stopped the build, one `file:line:column: cause` per line; undefined when the failure is
 * not (only) a content problem.
 * @param {unknown} e
 */
export function explainBuildError(e) {
  const lines = errorsOf(e).map(explainOne);
  return lines.every((l) => l !== undefined) ? lines.join('\n') : undefined;
}

/**
 * The article (or appendix) a built page comes from: `/zh/articles/x/` → `content/articles/zh/x.mdx`,
 * `/articles/x/appendix/` → `content/articles/appendix/x.mdx` (in `contentDir`), or undefined for other pages.
 * @param {string} page the site path, with or without the base path
 * @param {string} [contentDir]
 */
export function articleOfPage(page, contentDir = process.env['WHY_TANH_CONTENT_DIR'] ?? 'content/articles') {
  const m = /(?:^|\/)(?:([a-z]{2})\/)?articles\/([a-z0-9-]+)\/(appendix\/)?$/.exec(page.endsWith('/') ? page : `${page}/`);
  if (!m) return undefined;
  const folder = `${m[1] ? `${m[1]}/` : ''}${m[3] ? 'appendix/' : ''}`;
  return displayPath(`${contentDir.replace(/\/+$/, '')}/${folder}${m[2]}.mdx`);
}
