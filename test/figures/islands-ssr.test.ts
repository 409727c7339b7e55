import { describe, expect, it } from 'vitest';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import ActivationExplorer from '../../src/components/figures/ActivationExplorer';
import SigmoidTanhMorph from '../../src/components/figures/SigmoidTanhMorph';
import SigmoidDerivativeErrata from '../../src/components/figures/SigmoidDerivativeErrata';
import SecondDerivatives from '../../src/components/figures/SecondDerivatives';
import { clampDomain, zoomDomain } from '../../src/components/figures/FunctionPlot';

const islands = { ActivationExplorer, SigmoidTanhMorph, SigmoidDerivativeErrata, SecondDerivatives };

describe('figure islands, server-rendered', () => {
  for (const [name, C] of Object.entries(islands)) {
    it(`${name}: a figure with an SVG plot, labelled controls, a data table and no NaN`, () => {
      const html = renderToString(h(C, {}));
      expect(html).toMatch(/^<figure class="figure fig l-(body|page|screen)"/);
      expect(html).toMatch(/<svg[^>]*viewBox="0 0 640 400"/);
      expect(html.match(/<path d="M/g)?.length ?? 0).toBeGreaterThan(0);
      expect(html).toContain('<figcaption');
      expect(html).toContain('<details class="fig-data">');
      expect(html).toContain('<table>');
      expect(html).toMatch(/<input type="range" id="[^"]+"/);
      for (const m of html.matchAll(/<input[^>]*id="([^"]+)"/g)) expect(html).toContain(`for="${m[1]}"`);
      expect(html).not.toMatch(/NaN|Infinity/);
      // Deterministic: the client's hydrating render produces the same markup.
      expect(renderToString(h(C, {}))).toBe(html);
      // Before hydration the plot is an image, not a (dead) focusable slider.
      expect(html).toContain('role="img"');
      expect(html).not.toContain('role="slider"');
    });
  }
});

describe('zoom and pan limits', () => {
  const lim = { min: -100, max: 100, minSpan: 0.5 };
  it('keeps width when shifting into the limits', () => {
    expect(clampDomain([-120, -100], lim)).toEqual([-100, -80]);
    expect(clampDomain([90, 110], lim)).toEqual([80, 100]);
    expect(clampDomain([1, 1.1], lim)).toEqual([1, 1.5]);
  });
  it('zooms around a point', () => {
    expect(zoomDomain([-6, 6], 0.5, 0, lim)).toEqual([-3, 3]);
    expect(zoomDomain([-6, 6], 100, 0, lim)).toEqual([-100, 100]);
  });
});
