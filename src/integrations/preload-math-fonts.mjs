// @ts-check
/**
 * KaTeX's fonts are `font-display: block`: until they arrive, math is laid out (invisibly) with fallback metrics, and
 * when they arrive the math and the text after it move — a layout shift, if that math is on screen. The inlined CSS
 * names the fonts only once the browser lays out the page, so their download starts late. After the build, this adds
 * `<link rel="preload">` for the two fonts that every page with KaTeX HTML uses at load (upright and italic:
 * KaTeX_Main-Regular, KaTeX_Math-Italic), so both download alongside the HTML and are normally in before the first
 * layout. That is a head start, not a guarantee: a page with math on its first screen should not rely on it (the
 * glossary typesets its symbols as MathML alone, which needs no web font). Other KaTeX fonts (big delimiters,
 * calligraphic) are used further down a page, if at all, and are not preloaded: a preloaded font a page does not use
 * costs bandwidth and a console warning.
 */
import { rewriteBuiltPages } from './built-pages.mjs';

/** The KaTeX font files preloaded on a page with math. */
export const PRELOADED_MATH_FONTS = ['KaTeX_Main-Regular', 'KaTeX_Math-Italic'];

/**
 * The page with a preload link for each of {@link PRELOADED_MATH_FONTS}, when it has KaTeX HTML output before its
 * second section heading (`<h2>`); unchanged otherwise. The URLs are those of the page's own (inlined) KaTeX CSS, so they carry the build's hashes and base path.
 * Throws when a page has math but its CSS does not name a font (the KaTeX CSS changed shape).
 */
export function preloadMathFonts(/** @type {string} */ html) {
  // KaTeX's HTML output (`katex-html`) is what uses the web fonts; MathML alone (the glossary, answer blocks) uses the
  // browser's. Only math near the top — the lead and the first section, what a phone's first screen can show — is laid
  // out at load (later blocks are skipped while off screen), so a page whose KaTeX HTML all comes later would download
  // fonts it does not use at load.
  const firstMath = html.search(/<span class="katex-html"/);
  const secondSection = [...html.matchAll(/<h2[\s>]/g)][1]?.index ?? -1;
  if (firstMath < 0 || (secondSection >= 0 && secondSection < firstMath)) return html;
  if (/<link rel="preload"[^>]*as="font"/.test(html)) return html;
  const links = PRELOADED_MATH_FONTS.map((name) => {
    const url = new RegExp(`url\\(["']?([^)"']*/${name}\\.[\\w-]+\\.woff2)["']?\\)`).exec(html)?.[1];
    if (!url) throw new Error(`preload-math-fonts: a page has math but its CSS names no ${name}.woff2`);
    return `<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin>`;
  });
  // Early in <head>, but after the meta CSP (which comes first, after the encoding: csp-inline-styles.mjs).
  const head =
    /<meta http-equiv="content-security-policy"[^>]*>/i.exec(html) ??
    /<meta charset="[^"]*"\s*\/?>/i.exec(html) ??
    /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('preload-math-fonts: a page with math has no <head>');
  const at = head.index + head[0].length;
  return html.slice(0, at) + links.join('') + html.slice(at);
}

/** @returns {import('astro').AstroIntegration} */
export function preloadMathFontsIntegration() {
  return {
    name: 'why-tanh:preload-math-fonts',
    hooks: {
      'astro:build:done': ({ dir }) => rewriteBuiltPages(dir, preloadMathFonts),
    },
  };
}
