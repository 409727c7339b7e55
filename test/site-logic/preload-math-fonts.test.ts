import { describe, expect, it } from 'vitest';
import { PRELOADED_MATH_FONTS, preloadMathFonts } from '../../src/integrations/preload-math-fonts.mjs';

const css =
  '<style>@font-face{font-family:KaTeX_Main;src:url(/why-tanh/_astro/KaTeX_Main-Regular.B22Nviop.woff2) format("woff2")}' +
  '@font-face{font-family:KaTeX_Math;src:url(/why-tanh/_astro/KaTeX_Math-Italic.t53AETM-.woff2) format("woff2")}</style>';
const page = (body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title>${css}</head><body>${body}</body></html>`;
const math = '<p>A <span class="katex"><span class="katex-mathml"></span><span class="katex-html"></span></span> here.</p>';

describe('preloadMathFonts', () => {
  it('preloads the upright and italic KaTeX fonts first thing in the head of a page with math', () => {
    const out = preloadMathFonts(page(math));
    expect(out).toContain(
      '<meta charset="utf-8"><link rel="preload" href="/why-tanh/_astro/KaTeX_Main-Regular.B22Nviop.woff2" as="font" type="font/woff2" crossorigin>' +
        '<link rel="preload" href="/why-tanh/_astro/KaTeX_Math-Italic.t53AETM-.woff2" as="font" type="font/woff2" crossorigin><title>',
    );
    expect(PRELOADED_MATH_FONTS).toEqual(['KaTeX_Main-Regular', 'KaTeX_Math-Italic']);
  });

  it('puts the preloads after the meta CSP, which stays first in the head', () => {
    const csp = `<meta http-equiv="content-security-policy" content="default-src 'self'">`;
    const out = preloadMathFonts(page(math).replace('<meta charset="utf-8">', `$&${csp}`));
    expect(out).toContain(`<meta charset="utf-8">${csp}<link rel="preload"`);
  });

  it('leaves a page without math alone (a preloaded font it never used would earn a console warning)', () => {
    const html = page('<p>No math.</p>');
    expect(preloadMathFonts(html)).toBe(html);
  });

  it('leaves a page whose math is MathML alone (drawn with the browser’s math font) alone', () => {
    const html = page('<p><span class="katex"><math><mi>f</mi></math></span></p>');
    expect(preloadMathFonts(html)).toBe(html);
  });

  it('preloads for math in the lead or the first section, and leaves a page whose math all comes later alone', () => {
    const h2 = (id: string) => `<h2 id="${id}">${id}</h2><p>Text.</p>`;
    expect(preloadMathFonts(page(h2('a') + math + h2('b')))).toContain('rel="preload"');
    const later = page(h2('a') + h2('b') + math);
    expect(preloadMathFonts(later)).toBe(later);
  });

  it('is idempotent', () => {
    const once = preloadMathFonts(page(math));
    expect(preloadMathFonts(once)).toBe(once);
  });

  it('fails loudly when a page has math but its CSS names no KaTeX font', () => {
    expect(() => preloadMathFonts(`<html><head><meta charset="utf-8"></head><body>${math}</body></html>`)).toThrow(
      /a page has math but its CSS names no KaTeX_Main-Regular\.woff2/,
    );
  });
});
