// @ts-check
// Thin on purpose: the Markdown pipeline lives in src/markdown/pipeline.mjs, the content schema in src/site/schema.ts.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor } from './src/markdown/pipeline.mjs';
import { SITE_ORIGIN, basePath } from './src/site/deploy.mjs';
import { pagefind } from './src/integrations/pagefind.mjs';
import { drafts } from './src/integrations/drafts.mjs';
import { cspInlineStyles } from './src/integrations/csp-inline-styles.mjs';
import { katexCssWhereUsedIntegration } from './src/integrations/katex-css-where-used.mjs';
import { preloadMathFontsIntegration } from './src/integrations/preload-math-fonts.mjs';
import { katexWoff2 } from './src/integrations/katex-woff2.mjs';
import { buildWarnings } from './src/integrations/build-warnings.mjs';
import { sharePages } from './src/integrations/share-pages.mjs';

export default defineConfig({
  site: SITE_ORIGIN,
  base: basePath(process.env.BASE_PATH),
  trailingSlash: 'always',
  integrations: [
    drafts(),
    mdx(),
    preact(),
    sitemap(),
    pagefind(),
    // Before the CSP hashes: it changes the <style> of pages without KaTeX HTML.
    katexCssWhereUsedIntegration(),
    cspInlineStyles(),
    preloadMathFontsIntegration(),
    katexWoff2(),
    buildWarnings(),
    // After the search index and the sitemap: share pages are in neither.
    sharePages(),
  ],
  // Astro's log without the warnings nobody can act on (each listed with its reason in build-log.mjs).
  logger: { entrypoint: new URL('./src/integrations/build-log.mjs', import.meta.url) },
  // Prism marks code up with classes only; Shiki's inline styles would need a looser CSP.
  markdown: { processor: markdownProcessor, syntaxHighlight: 'prism' },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // KaTeX lays out math with inline style attributes (heights, vertical-align): allow attributes only, never <style> elements.
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  // Every page's CSS in <style> elements, hashed in its CSP (see csp-inline-styles.mjs): no render-blocking CSS requests.
  build: { inlineStylesheets: 'always' },
  vite: {
    build: { assetsInlineLimit: 0 },
    // Numeric scales only: d3-scale gets d3-interpolate's number interpolators, and neither the generic interpolator
    // nor d3-color (which only it imports) reaches the bundles (src/figures/d3-interpolate-numbers.ts).
    resolve: {
      alias: { 'd3-interpolate': fileURLToPath(new URL('./src/figures/d3-interpolate-numbers.ts', import.meta.url)) },
    },
  },
});
