import { describe, expect, it } from 'vitest';
import { compileMdx } from './compile';

describe('formulas in an answer block', () => {
  it('keep only their MathML inside data-answer (no KaTeX HTML waiting for web fonts) and both forms elsewhere', async () => {
    const code = await compileMdx(
      [
        '<div class="callout" data-answer>',
        '',
        'Inside: $c_t$ and',
        '',
        '$$',
        'h_t = o_t \\odot \\tanh(c_t)',
        '$$',
        '',
        '</div>',
        '',
        'Outside: $f_t$.',
      ].join('\n'),
    );
    const answer = code.slice(code.indexOf('"data-answer"'), code.indexOf('Outside'));
    const outside = code.slice(code.indexOf('Outside'));
    expect(answer).toContain('_components.math');
    expect(answer).toContain('c_t');
    expect(answer).not.toContain('katex-html');
    expect(answer).not.toContain('katex-mathml');
    expect(answer).toContain('katex-display'); // a display formula still scrolls sideways, focusable
    expect(outside).toContain('katex-html');
    expect(outside).toContain('katex-mathml');
  });

  it('keep only their MathML inside a block marked data-mathml too (a long display at a tenth of the bytes)', async () => {
    const code = await compileMdx(
      ['<div data-mathml>', '', '$$', 'c_t = f_t \\odot c_{t-1}', '$$', '', '</div>', '', 'Outside: $f_t$.'].join('\n'),
    );
    const block = code.slice(code.indexOf('"data-mathml"'), code.indexOf('Outside'));
    expect(block).toContain('_components.math');
    expect(block).not.toContain('katex-html');
    expect(block).toContain('katex-display');
    expect(code.slice(code.indexOf('Outside'))).toContain('katex-html');
  });
});
