import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { woff2Only } from '../../src/markdown/katex-woff2.mjs';

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
