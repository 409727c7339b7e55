// @ts-check
/** Post-build rewriting of the built HTML pages, shared by the integrations that need it. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every `.html` file under `dir`, recursively. */
export function htmlFiles(/** @type {string} */ dir) {
  /** @type {string[]} */
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...htmlFiles(join(dir, e.name)));
    else if (e.name.endsWith('.html')) out.push(join(dir, e.name));
  }
  return out;
}

/** Applies `rewrite` to every built page under the build's output `dir` (a file URL), writing the pages it changes. */
export function rewriteBuiltPages(/** @type {URL} */ dir, /** @type {(html: string) => string} */ rewrite) {
  for (const file of htmlFiles(fileURLToPath(dir))) {
    const html = readFileSync(file, 'utf8');
    const out = rewrite(html);
    if (out !== html) writeFileSync(file, out);
  }
}
