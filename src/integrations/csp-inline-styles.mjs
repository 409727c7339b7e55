// @ts-check
/**
 * `build.inlineStylesheets: 'always'` puts each page's CSS in `<style>` elements (no render-blocking stylesheet request).
 * Astro 7.3's CSP lists the hash of a page's own inlined styles, but not of the styles *propagated* from components used
 * inside MDX content (its `trackStyleHashes` never reads `propagatedStylesMap`), so the browser blocks those (figure
 * and explorer CSS). After the build, this adds the sha256 of every `<style>` of a page that its meta CSP does not list
 * yet to that CSP's `style-src`. Nothing else changes: no `'unsafe-inline'`, only the hashes of the styles we ship.
 * It also moves that meta CSP to the top of `<head>`, right after `<meta charset>`: Astro writes it at the end of the
 * head, after anything a page puts there (the search pages' Pagefind stylesheet was fetched and applied before the
 * policy existed).
 */
import { createHash } from 'node:crypto';
import { rewriteBuiltPages } from './built-pages.mjs';

/** The page with every inline `<style>` hashed in the `style-src` of its meta CSP (unchanged when there is no CSP). */
export function hashInlineStyles(/** @type {string} */ html) {
  const hashes = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
  if (hashes.length === 0) return html;
  return html.replace(
    /(<meta http-equiv="content-security-policy" content="[^"]*?\bstyle-src )([^;"]*)/i,
    (_, head, list) => head + [...new Set([...list.trim().split(/\s+/), ...hashes])].join(' '),
  );
}

/** The page with its meta CSP moved to just after `<meta charset>` (unchanged without either). */
export function cspMetaFirst(/** @type {string} */ html) {
  const csp = /<meta http-equiv="content-security-policy"[^>]*>/i.exec(html);
  const charset = /<meta charset="[^"]*">/i.exec(html);
  if (!csp || !charset || csp.index < charset.index) return html;
  const without = html.slice(0, csp.index) + html.slice(csp.index + csp[0].length);
  const at = charset.index + charset[0].length;
  return without.slice(0, at) + csp[0] + without.slice(at);
}

/** @returns {import('astro').AstroIntegration} */
export function cspInlineStyles() {
  return {
    name: 'why-tanh:csp-inline-styles',
    hooks: {
      'astro:build:done': ({ dir }) => rewriteBuiltPages(dir, (html) => cspMetaFirst(hashInlineStyles(html))),
    },
  };
}
