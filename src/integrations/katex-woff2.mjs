// @ts-check
/**
 * KaTeX's stylesheet offers each of its 20 fonts in three formats (WOFF2, WOFF, TrueType). Every browser that runs
 * this site's figures (ES2022 modules, WebAssembly SIMD) reads WOFF2, so the other two are dead weight: 40 files in
 * `dist/` that no browser downloads, and 40 `src` entries (2 KB) in the CSS inlined into every page. This keeps only
 * the WOFF2 sources of `katex/dist/katex(.min).css`, before Vite resolves its URLs, so the other files are never
 * emitted.
 */

/**
 * KaTeX's stylesheet, by module id: as CSS only, plain or with one of the queries under which Vite still hands a
 * plugin CSS (`?inline`, `?direct`, `?used`), not `?url` or `?raw`, under which the module is JavaScript.
 */
export const KATEX_CSS = /[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css(\?(inline|direct|used)(&[^?]*)?)?$/;

/**
 * `css` with every `@font-face` `src` list cut down to its `format("woff2")` entries.
 * Throws when an `@font-face` has no WOFF2 source (the KaTeX stylesheet changed shape): better a failed build than
 * math without fonts.
 */
export function woff2Only(/** @type {string} */ css) {
  let faces = 0;
  const out = css.replace(/@font-face\s*\{([^}]*)\}/g, (face, /** @type {string} */ body) => {
    faces++;
    const src = /(^|;)\s*src\s*:([^;]*)/.exec(body);
    if (!src) throw new Error(`katex-woff2: an @font-face has no src: ${face.slice(0, 120)}`);
    // URLs in KaTeX's CSS hold no commas, so the list splits at every one.
    const kept = src[2].split(',').filter((entry) => /format\(\s*["']?woff2["']?\s*\)/.test(entry));
    if (kept.length === 0) throw new Error(`katex-woff2: an @font-face has no WOFF2 source: ${face.slice(0, 120)}`);
    const before = body.slice(0, src.index + src[1].length);
    const after = body.slice(src.index + src[0].length);
    return `@font-face{${before}src:${kept.join(',').trim()}${after}}`;
  });
  if (faces === 0) throw new Error('katex-woff2: the KaTeX stylesheet has no @font-face (its shape changed)');
  return out;
}

/** @returns {import('astro').AstroIntegration} */
export function katexWoff2() {
  /** @type {import('vite').Plugin} */
  const plugin = {
    name: 'why-tanh:katex-woff2',
    enforce: 'pre',
    transform(code, id) {
      return KATEX_CSS.test(id) ? { code: woff2Only(code), map: { mappings: '' } } : undefined;
    },
  };
  return {
    name: 'why-tanh:katex-woff2',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
