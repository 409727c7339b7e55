import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { KATEX_CSS, woff2Only } from '../../src/integrations/katex-woff2.mjs';

const require = createRequire(import.meta.url);

describe('woff2Only', () => {
  it('keeps only the WOFF2 source of each KaTeX font face, and every other declaration as it was', () => {
    const css =
      '.katex{font:normal 1.21em KaTeX_Main}' +
      '@font-face{font-display:block;font-family:KaTeX_AMS;font-style:normal;font-weight:400;' +
      'src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2"),url(fonts/KaTeX_AMS-Regular.woff) format("woff"),' +
      'url(fonts/KaTeX_AMS-Regular.ttf) format("truetype")}';
    expect(woff2Only(css)).toBe(
      '.katex{font:normal 1.21em KaTeX_Main}' +
        '@font-face{font-display:block;font-family:KaTeX_AMS;font-style:normal;font-weight:400;' +
        'src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2")}',
    );
  });

  it('keeps a src that is not the last declaration in place', () => {
    const css = "@font-face{font-family:A;src:url(a.ttf) format('truetype'), url(a.woff2) format('woff2');font-display:block}";
    expect(woff2Only(css)).toBe("@font-face{font-family:A;src:url(a.woff2) format('woff2');font-display:block}");
  });

  it('turns the installed KaTeX stylesheet into one WOFF2 source for each of its 20 fonts', () => {
    const css = readFileSync(require.resolve('katex/dist/katex.min.css'), 'utf8');
    const out = woff2Only(css);
    expect(out.match(/@font-face/g)).toHaveLength(20);
    expect(out.match(/url\(/g)).toHaveLength(20);
    expect(out).not.toMatch(/\.(woff|ttf)\)/);
    // Nothing but the font sources changed.
    expect(out.replace(/@font-face\{[^}]*\}/g, '')).toBe(css.replace(/@font-face\{[^}]*\}/g, ''));
  });

  it('fails, naming the face, when a font has no WOFF2 source', () => {
    expect(() => woff2Only('@font-face{font-family:Old;src:url(old.woff) format("woff")}')).toThrow(
      /katex-woff2: an @font-face has no WOFF2 source: @font-face\{font-family:Old/,
    );
  });

  it('fails when the stylesheet has no font face at all (its shape changed)', () => {
    expect(() => woff2Only('.katex{}')).toThrow(/has no @font-face/);
  });
});

describe('KATEX_CSS', () => {
  it('matches the KaTeX stylesheet as Vite names it: absolute, under pnpm, on Windows, with a CSS query', () => {
    for (const id of [
      '/work/main/node_modules/katex/dist/katex.min.css',
      '/repo/node_modules/.pnpm/katex@0.16.0/node_modules/katex/dist/katex.css',
      'C:\\repo\\node_modules\\katex\\dist\\katex.min.css',
      '/r/node_modules/katex/dist/katex.min.css?inline',
      '/r/node_modules/katex/dist/katex.min.css?direct&lang.css',
      '/r/node_modules/katex/dist/katex.min.css?used',
    ])
      expect(KATEX_CSS.test(id), id).toBe(true);
  });

  it('does not match other files, nor the stylesheet imported as a URL or as raw text (JavaScript, not CSS)', () => {
    for (const id of [
      '/r/node_modules/katex/dist/katex.min.js',
      '/r/node_modules/katex/dist/contrib/copy-tex.css',
      '/r/src/styles/katex.min.css',
      '/r/node_modules/katex/dist/katex.min.css?url',
      '/r/node_modules/katex/dist/katex.min.css?raw',
    ])
      expect(KATEX_CSS.test(id), id).toBe(false);
  });
});
