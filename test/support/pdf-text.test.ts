import { describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text.ts';

/** A PDF of three objects as Chromium writes them, uncompressed: a font, its /ToUnicode CMap, a page's text. */
function pdf(cmapBody: string, text: string): Buffer {
  const cmap = `begincodespacerange <0000> <FFFF> endcodespacerange\n${cmapBody}\n`;
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj\n<< /Type /Font /ToUnicode 2 0 R >>\nendobj',
      `2 0 obj\n<< /Length ${cmap.length} >>\nstream\n${cmap}endstream\nendobj`,
      `3 0 obj\n<< /Length ${text.length} >>\nstream\n${text}\nendstream\nendobj`,
    ].join('\n'),
    'latin1',
  );
}

describe('pdfText', () => {
  it('reads a bfrange whose target is a surrogate pair, as KaTeX’s math italic letters are mapped', () => {
    // <D835DC53> is U+1D453 MATHEMATICAL ITALIC SMALL F; the range's next code is U+1D454 (small g).
    const file = pdf(
      'beginbfrange\n<0001> <0002> <D835DC53>\nendbfrange\nbeginbfchar\n<0003> <0020>\nendbfchar',
      'BT /F1 12 Tf <000100030002> Tj ET',
    );
    expect(pdfText(file)).toBe('\u{1D453} \u{1D454}');
  });

  it('reads a bfrange of single code units', () => {
    const file = pdf('beginbfrange\n<0010> <0012> <0061>\nendbfrange', 'BT /F1 12 Tf [<0010> -250 <00110012>] TJ ET');
    expect(pdfText(file)).toBe('abc');
  });
});
