// @ts-check
/**
 * Builds the Pagefind full-text index into `dist/pagefind/` after every `astro build`, so search works offline and
 * from any static host. Only article bodies (`data-pagefind-body`) are indexed, each from a copy prepared for the
 * index (./pagefind-html.mjs: no heading permalinks, table cells apart, formulas as plain text). Skipped: KaTeX's
 * visual HTML and its MathML copy (the plain-text form stands for a formula), SVG, and what a figure offers to
 * operate (controls, presets, buttons, its notice and data view), which is not what a reader searches for.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './built-pages.mjs';
import { forIndex } from './pagefind-html.mjs';

/** What the index skips. */
export const EXCLUDED = [
  '.katex-html',
  '.katex-mathml',
  'math',
  'svg',
  '.fig-notice',
  '.fig-controls',
  '.fig-tools',
  '.gf-presets',
  '.lx-presets',
  '.lx-roles',
  '.lx-controls',
  '.xr-presets',
  '.xr-actions',
];

/** @returns {import('astro').AstroIntegration} */
export function pagefind() {
  return {
    name: 'why-tanh:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { createIndex, close } = await import('pagefind');
        const { index, errors } = await createIndex({ excludeSelectors: EXCLUDED });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const site = fileURLToPath(dir);
        let pages = 0;
        for (const file of htmlFiles(site)) {
          const sourcePath = relative(site, file).split(sep).join('/');
          const added = await index.addHTMLFile({ sourcePath, content: forIndex(readFileSync(file, 'utf8')) });
          if (added.errors.length > 0) throw new Error(`Pagefind: ${sourcePath}: ${added.errors.join('; ')}`);
          if (added.file) pages++;
        }
        const written = await index.writeFiles({ outputPath: `${site}${site.endsWith(sep) ? '' : sep}pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        logger.info(`indexed ${pages} pages`);
        await close();
      },
    },
  };
}
