// @ts-check
/**
 * After the build, writes the share pages (issue 20): for every article section `s/<slug>/<section-id>/` (Chinese
 * `zh/s/…`) and for every preset of a figure that has them `s/<slug>/<figure-id>/<preset>/`, each a small page with
 * its own link preview and card (og/s/….png) that sends the reader on to the section or figure state
 * (src/site/share-build.ts). They are not Astro pages: they are made from the built articles, so they are in neither
 * the sitemap nor the search index, and carry `noindex`.
 */
import { fileURLToPath } from 'node:url';

/** @returns {import('astro').AstroIntegration} */
export function sharePages() {
  let base = '/';
  let origin = 'http://localhost';
  return {
    name: 'why-tanh:share-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        if (config.site) origin = new URL(config.site).origin;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { writeSharePages } = await import('../site/share-build.ts');
        const { presetShareItems } = await import('../site/share-presets.ts');
        const written = await writeSharePages(fileURLToPath(dir), base, origin, presetShareItems);
        logger.info(`${written.pages} share pages with their cards (${written.presets} of figure presets)`);
      },
    },
  };
}
