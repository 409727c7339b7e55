/**
 * Figure "d2": the second derivatives σ″ and tanh″, their extrema (the closed forms, which the tests check against
 * the maxima found numerically on the registry's functions), and the identity tanh″(z) = 8σ″(2z).
 */
import { Activations } from '../lib/nn/activations';
import { maximize } from './analysis';
import { formatNumber } from './format';
import { DESCRIPTION_SIG, describePlot, type CurveSpec, type Marker, type PlotSpec } from './function-plot';
import { booleanCodec, defineFigureState, numberCodec, rangeCodec } from './url-state';
import { SECOND_DERIVATIVES } from '../i18n/function-figures';
import type { Lang } from '../i18n/core';

export interface SecondDerivativeState {
  readonly d: readonly [number, number];
  /** Overlay 8σ″(2z) on tanh″. */
  readonly ov: boolean;
  /** Also show the first derivatives. */
  readonly d1: boolean;
  readonly x: number;
}

export const D2_LIMITS = Object.freeze({ min: -30, max: 30, minSpan: 0.5 });

export const secondDerivativeState = defineFigureState<SecondDerivativeState>('d2', {
  d: { codec: rangeCodec(D2_LIMITS), default: [-6, 6], label: 'z range' },
  ov: { codec: booleanCodec(), default: false, label: 'overlay 8σ″(2z)' },
  d1: { codec: booleanCodec(), default: false, label: 'first derivatives' },
  x: { codec: numberCodec({ min: D2_LIMITS.min, max: D2_LIMITS.max }), default: 1, label: 'cursor' },
});

/** Where |f″| is largest (z > 0 side; both functions are odd in f″) and its value, found numerically. */
export function secondDerivativePeak(key: 'sigmoid' | 'tanh'): { z: number; value: number } {
  const d2f = Activations[key].d2f;
  // f″ is odd with f″ < 0 for z > 0 (both curves bend down there): maximise −f″ on (0, 10].
  const m = maximize((z) => -d2f(z), 0, 10, 4001);
  return { z: m.x, value: m.value };
}

/** Closed forms: |σ″| max √3/18 at ln(2+√3); |tanh″| max 4√3/9 at ½·ln(2+√3). */
export const CLOSED_FORMS = Object.freeze({
  sigmoid: { z: Math.log(2 + Math.sqrt(3)), value: Math.sqrt(3) / 18 },
  tanh: { z: 0.5 * Math.log(2 + Math.sqrt(3)), value: (4 * Math.sqrt(3)) / 9 },
});

export const eightSigmaD2 = (z: number): number => 8 * Activations.sigmoid.d2f(2 * z);

export function secondDerivativeSpec(s: SecondDerivativeState): PlotSpec {
  // The figure marks the closed forms (no search in the browser); the tests check them against the numeric peaks.
  const { sigmoid: sp, tanh: tp } = CLOSED_FORMS;
  const curves: CurveSpec[] = [];
  if (s.d1) {
    curves.push({ id: 'ds', label: 'σ′(z)', fn: Activations.sigmoid.df, colour: 2, dash: 'dot', faint: true });
    curves.push({ id: 'dt', label: 'tanh′(z)', fn: Activations.tanh.df, colour: 1, dash: 'dot', faint: true });
  }
  curves.push({ id: 'd2s', label: 'σ″(z)', fn: Activations.sigmoid.d2f, colour: 2, dash: 'dash' });
  curves.push({ id: 'd2t', label: 'tanh″(z)', fn: Activations.tanh.d2f, colour: 1, dash: 'solid' });
  if (s.ov) curves.push({ id: 'ov', label: '8σ″(2z)', fn: eightSigmaD2, colour: 5, dash: 'dot' });
  const markers: Marker[] = [
    { x: -sp.z, y: sp.value, colour: 2, label: formatNumber(sp.value, DESCRIPTION_SIG) },
    { x: sp.z, y: -sp.value, colour: 2, label: formatNumber(-sp.value, DESCRIPTION_SIG) },
    { x: -tp.z, y: tp.value, colour: 1, label: formatNumber(tp.value, DESCRIPTION_SIG) },
    { x: tp.z, y: -tp.value, colour: 1, label: formatNumber(-tp.value, DESCRIPTION_SIG) },
  ];
  return { curves, xDomain: s.d, markers };
}

export function secondDerivativeDescription(
  s: SecondDerivativeState,
  spec: PlotSpec,
  samples: Parameters<typeof describePlot>[1],
  lang: Lang = 'en',
): string {
  const w = SECOND_DERIVATIVES[lang];
  const { sigmoid: sp, tanh: tp } = CLOSED_FORMS;
  const gap = lang === 'zh' ? '' : ' ';
  const n = (v: number) => formatNumber(v, DESCRIPTION_SIG);
  const peaks = w.peaks(n(sp.value), n(sp.z), n(tp.value), n(tp.z));
  return `${peaks}${gap}${s.ov ? `${w.overlay}${gap}` : ''}${describePlot(spec, samples, lang)}`;
}
