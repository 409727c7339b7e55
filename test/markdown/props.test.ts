/**
 * The props articles may give figures and build-time components (src/figures/props.ts), and what the compiled
 * articles call while a page renders (src/markdown/mdx-runtime.ts).
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT_PROPS, FIGURE_KEYS, GRADIENT_FIGURE_IDS, checkProps, componentOfImport } from '../../src/figures/props';
import { __whyTanhAt, __whyTanhProps, type Place } from '../../src/markdown/mdx-runtime';
import { isContentError } from '../../src/markdown/content-error.mjs';
import { closeNames, didYouMean, editDistance } from '../../src/site/did-you-mean';
import { explorerState } from '../../src/figures/explorer';
import { morphState } from '../../src/figures/morph';
import { errataState } from '../../src/figures/errata';
import { secondDerivativeState } from '../../src/figures/second-derivative';
import { GRADIENT_FIGURES } from '../../src/figures/gradients/state';

describe('the props registry', () => {
  it('knows the figures’ ids as the figures define them (it cannot import them: Node loads it with the config)', () => {
    expect(FIGURE_KEYS.explorer).toBe(explorerState.key);
    expect(FIGURE_KEYS.morph).toBe(morphState.key);
    expect(FIGURE_KEYS.errata).toBe(errataState.key);
    expect(FIGURE_KEYS.secondDerivatives).toBe(secondDerivativeState.key);
    expect([...GRADIENT_FIGURE_IDS]).toEqual(Object.keys(GRADIENT_FIGURES));
    for (const id of GRADIENT_FIGURE_IDS) expect(FIGURE_KEYS.gradients[id]).toBe(GRADIENT_FIGURES[id].key);
  });

  it('finds a component by the file it is imported from, English or Chinese entry, whatever its local name', () => {
    expect(componentOfImport('../../src/components/gradients/GradientFlow.tsx')).toBe('GradientFlow');
    expect(componentOfImport('../../../src/components/zh/GradientFlow.tsx')).toBe('GradientFlow');
    expect(componentOfImport('/abs/src/components/Tex.astro')).toBe('Tex');
    expect(componentOfImport('../../src/components/figures/ActivationExplorer.island.tsx')).toBe('ActivationExplorer');
    expect(componentOfImport('../../src/components/lstm/ArticleStyle.astro')).toBeUndefined();
    expect(componentOfImport('preact')).toBeUndefined();
  });

  it('accepts the props every article uses today', () => {
    expect(checkProps('GradientFlow', { figure: 'cec', initial: '{}', lang: 'zh', title: 'T' })).toEqual([]);
    expect(checkProps('ActivationFormulas', { keys: 'sigmoid,tanh', lang: 'zh' })).toEqual([]);
    expect(checkProps('Tex', { expr: '\\sigma(z)', display: true })).toEqual([]);
    expect(checkProps('ActivationExplorer', { initial: 'relu', width: 'page' })).toEqual([]);
  });

  it('names a wrong value, an unknown prop and a missing one, waiting for missing ones when props are spread in', () => {
    expect(checkProps('SigmoidTanhMorph', { width: 'wide' })).toEqual([
      { prop: 'width', message: '<SigmoidTanhMorph width>: "wide" is not a figure width; use "body", "page", "screen"' },
    ]);
    expect(checkProps('CellExplorer', { lnag: 'zh' })[0]?.message).toBe(
      '<CellExplorer> has no prop "lnag" (did you mean "lang"?); its props are lang',
    );
    expect(checkProps('Tex', {})).toEqual([{ prop: undefined, message: '<Tex> needs the prop "expr"' }]);
    expect(checkProps('Tex', {}, false)).toEqual([]);
  });

  it('lists a schema for every component it names, each prop with one', () => {
    for (const [name, spec] of Object.entries(COMPONENT_PROPS)) {
      for (const r of spec.required ?? []) expect(spec.props, `${name} requires ${r}`).toHaveProperty(r);
    }
  });
});

describe('while a page renders', () => {
  const place: Place = ['content/articles/x.mdx', 22, 5, 'Activations.nosuch.latex.f'];

  it('an {expression} that throws becomes a content error at its line, naming the expression and the cause', () => {
    const none: Record<string, { latex: string } | undefined> = {};
    let error: unknown;
    try {
      __whyTanhAt(() => none['nosuch']!.latex, place);
    } catch (e) {
      error = e;
    }
    expect(isContentError(error)).toBe(true);
    expect((error as Error).message).toBe(
      "content/articles/x.mdx:22:5: {Activations.nosuch.latex.f} failed: Cannot read properties of undefined (reading 'latex')",
    );
    expect(__whyTanhAt(() => 42, place)).toBe(42);
  });

  it('computed props are checked once evaluated, each problem at its prop', () => {
    const element: Place = ['a.mdx', 9, 1, '<ActivationExplorer>'];
    expect(() =>
      __whyTanhProps(
        'ActivationExplorer',
        { width: ['page', ['a.mdx', 9, 22, 'page']] },
        { initial: [() => 'nope', ['a.mdx', 9, 35, "'no' + 'pe'"]] },
        element,
        true,
      ),
    ).toThrow(
      /^a\.mdx:9:35: <ActivationExplorer initial>: "nope" is not an activation of the registry; use .* \(the value of \{'no' \+ 'pe'\}\)$/,
    );
    expect(__whyTanhProps('ActivationExplorer', {}, { initial: [() => 'relu', ['a.mdx', 9, 1, 'x']] }, element, true)).toEqual({
      initial: 'relu',
    });
  });
});

describe('did you mean', () => {
  it('counts a swap of neighbours as one edit and suggests close names only', () => {
    expect(editDistance('drfat', 'draft')).toBe(1);
    expect(editDistance('titel', 'title')).toBe(1);
    expect(closeNames('bpt', ['bptt', 'cec'])).toEqual(['bptt']);
    expect(didYouMean('zzz', ['bptt'])).toBe('');
    expect(didYouMean('lnag', ['lang', 'keys'])).toBe(' (did you mean "lang"?)');
  });
});
