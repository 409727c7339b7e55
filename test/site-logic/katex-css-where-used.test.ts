import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { katexCssWhereUsed, topLevelRules, withoutKatexCss } from '../../src/integrations/katex-css-where-used.mjs';
import { woff2Only } from '../../src/integrations/katex-woff2.mjs';

const KATEX =
  '@font-face{font-display:block;font-family:KaTeX_AMS;src:url(/_astro/KaTeX_AMS-Regular.x.woff2)format("woff2")}' +
  '.katex{font:normal 1.21em KaTeX_Main,Times New Roman,serif;line-height:1.2;text-indent:0}' +
  '.katex .mfrac .frac-line,.katex .overline .overline-line{border-bottom-style:solid}' +
  '.katex-display{text-align:center;margin:1em 0;display:block}' +
  '.katex-display>.katex{text-align:center;white-space:nowrap;display:block}' +
  'body{counter-reset:katexEqnNo mmlEqnNo}';
const SITE = ':root{--bg:#fff}.katex-display{padding:.25rem 0}';
const KEPT =
  '.katex{font:normal 1.21em KaTeX_Main,Times New Roman,serif;line-height:1.2;text-indent:0}' +
  '.katex-display{text-align:center;margin:1em 0;display:block}' +
  '.katex-display>.katex{text-align:center;white-space:nowrap;display:block}';
const hash = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
const page = (css: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'; style-src 'self' ${hash(css)} 'sha256-other=';">` +
  `<style>${css}</style></head><body>${body}</body></html>`;
const mathml = '<p><span class="katex"><math><mi>c</mi></math></span></p>';

describe('katexCssWhereUsed', () => {
  it('cuts KaTeX’s stylesheet from a page without KaTeX HTML, keeping .katex and .katex-display, and swaps the style’s hash in the CSP', () => {
    const out = katexCssWhereUsed(page(KATEX + SITE, mathml));
    expect(out).toContain(`<style>${KEPT}${SITE}</style>`);
    expect(out).toContain(`style-src 'self' ${hash(KEPT + SITE)} 'sha256-other=';`);
    expect(out).not.toContain(hash(KATEX + SITE));
  });

  it('leaves a page with KaTeX HTML as it is', () => {
    const html = page(KATEX + SITE, '<span class="katex"><span class="katex-html" aria-hidden="true"></span></span>');
    expect(katexCssWhereUsed(html)).toBe(html);
  });

  it('leaves a style without KaTeX’s stylesheet as it is', () => {
    expect(withoutKatexCss(SITE)).toBe(SITE);
  });

  it('fails on a rule inside KaTeX’s run that is not KaTeX’s (the stylesheet was merged differently)', () => {
    const merged = KATEX.replace('body{', 'p{color:red}body{');
    expect(() => withoutKatexCss(merged)).toThrow(/not KaTeX's: p\{color:red\}/);
  });

  it('splits minified CSS into its top-level rules, at-rules with nested blocks whole', () => {
    expect(topLevelRules('a{b:c}@media (x){d{e:f}}g,h{i:j}')).toEqual(['a{b:c}', '@media (x){d{e:f}}', 'g,h{i:j}']);
  });

  it('recognises the real KaTeX stylesheet, as the build minifies it, from its first font face to its last rule', () => {
    const css = woff2Only(readFileSync('node_modules/katex/dist/katex.min.css', 'utf8'));
    const out = withoutKatexCss(css + SITE);
    expect(out.endsWith(SITE)).toBe(true);
    expect(topLevelRules(out.slice(0, -SITE.length)).map((r) => r.slice(0, r.indexOf('{')))).toEqual([
      '.katex',
      '.katex-display',
      '.katex-display>.katex',
    ]);
  });
});
