// @ts-check
/**
 * Builds the Pagefind full-text index into `dist/pagefind/` after every `astro build`, so search works offline and
 * from any static host. Only article bodies (`data-pagefind-body`) are indexed; KaTeX's visual HTML and its
 * MathML copy are excluded so a formula is not indexed twice (or three times).
 * @returns {import('astro').AstroIntegration}
 */
export function pagefind() {
  return {
    name: 'why-tanh:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { createIndex, close } = await import('pagefind');
        const { index, errors } = await createIndex({ excludeSelectors: ['.katex-html', '.katex-mathml', 'svg'] });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const site = new URL(dir).pathname;
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        logger.info(`indexed ${added.page_count} pages`);
        await close();
      },
    },
  };
}
