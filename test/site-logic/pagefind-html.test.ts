import { describe, expect, it } from 'vitest';
import { forIndex, texToText } from '../../src/integrations/pagefind-html.mjs';

describe('the plain-text form of a formula in the search index', () => {
  it('reads the TeX the articles use', () => {
    expect(texToText('\\sigma(z) = \\frac{1}{1+e^{-z}}')).toBe('σ(z) = 1 / (1 + e^(−z))');
    expect(texToText("\\tanh'(z) = 1 - \\tanh^2(z)")).toBe('tanh′(z) = 1 − tanh^2(z)');
    expect(texToText('c_t = f_t \\odot c_{t-1} + i_t \\odot g_t')).toBe('c_t = f_t ⊙ c_(t − 1) + i_t ⊙ g_t');
    expect(texToText('\\lVert W \\rVert \\le \\sqrt{H}')).toBe('‖ W ‖ ≤ √H');
    expect(texToText('\\operatorname{Var}(X_1 + X_2) = 2 \\cdot \\tfrac{1}{12}')).toBe('Var(X_1 + X_2) = 2 · 1 / 12');
  });

  it('reads cases as value, condition; rows apart; a minus after an operator as a sign', () => {
    expect(texToText('\\begin{cases} 0 & z \\le -3 \\\\ z/6 + 1/2 & -3 < z < 3 \\\\ 1 & z \\ge 3 \\end{cases}')).toBe(
      '0, z ≤ −3; z/6 + 1/2, −3 < z < 3; 1, z ≥ 3',
    );
  });
});

describe('the copy of a page that the search index reads', () => {
  it('drops the headings’ permalinks', () => {
    expect(forIndex('<h2 id="a">The adding problem<a class="heading-anchor" href="#a" aria-label="Link">#</a></h2>')).toBe(
      '<h2 id="a">The adding problem</h2>',
    );
  });

  it('keeps table cells, and the parts of a cell, apart', () => {
    expect(forIndex('<tr><th>Function</th><td><strong>0/3 solved</strong><span class="xr-sub">2 diverged</span></td></tr>')).toBe(
      '<tr><th>Function · </th><td> <strong>0/3 solved</strong> <span class="xr-sub">2 diverged</span> · </td></tr>',
    );
  });

  it('puts a formula’s text form beside the MathML the index skips, with or without KaTeX’s HTML', () => {
    const mathml =
      '<math><semantics><mi>x</mi><annotation encoding="application/x-tex">x^{2} &lt; 1</annotation></semantics></math>';
    expect(
      forIndex(`<span class="katex"><span class="katex-mathml">${mathml}</span><span class="katex-html">x</span></span>`),
    ).toBe(
      `<span class="katex"> <span data-formula-text>x^2 &lt; 1</span> <span class="katex-mathml">${mathml}</span><span class="katex-html">x</span></span>`,
    );
    expect(forIndex(`<span class="katex">${mathml}</span>`)).toBe(
      `<span class="katex"> <span data-formula-text>x^2 &lt; 1</span> ${mathml}</span>`,
    );
  });
});
