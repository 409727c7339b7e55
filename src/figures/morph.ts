/**
 * Figure "morph": the exact identity tanh(z) = 2σ(2z) − 1, as a one-parameter family that turns σ into tanh.
 *
 * g_t(z) = a(t)·σ(b(t)·z) + c(t) with a(t) = 1 + t, b(t) = 1 + t, c(t) = −t, for t ∈ [0, 1]:
 * t = 0 gives σ(z), t = 1 gives 2σ(2z) − 1 = tanh(z). Its slope at 0 is a(t)·b(t)·σ′(0) = (1 + t)²/4, from ¼ to 1.
 */
import { Activations } from '../lib/nn/activations';
import { formatNumber } from './format';
import { describePlot, type PlotSpec } from './function-plot';
import { defineFigureState, numberCodec } from './url-state';
import { MORPH } from '../i18n/function-figures';
import type { Lang } from '../i18n/core';

export interface MorphState {
  /** Interpolation parameter: 0 = σ, 1 = tanh. */
  readonly t: number;
  /** Cursor position. */
  readonly x: number;
}

/** The t slider's range (the URL accepts the same). */
export const MORPH_T = Object.freeze({ min: 0, max: 1, step: 0.01 });

export const morphState = defineFigureState<MorphState>('morph', {
  t: { codec: numberCodec(MORPH_T), default: 0, label: 'morph parameter t' },
  x: { codec: numberCodec({ min: -6, max: 6 }), default: 1, label: 'cursor' },
});

/** a(t), b(t), c(t) of g_t(z) = a·σ(b·z) + c. */
export function morphParams(t: number): { a: number; b: number; c: number } {
  return { a: 1 + t, b: 1 + t, c: -t };
}

/** g_t as a function of z (through the registry's σ). */
export function morphFn(t: number): (z: number) => number {
  const { a, b, c } = morphParams(t);
  const s = Activations.sigmoid.f;
  return (z) => a * s(b * z) + c;
}

/** g_t′(0) = a·b·σ′(0). */
export function morphSlopeAt0(t: number): number {
  const { a, b } = morphParams(t);
  return a * b * Activations.sigmoid.df(0);
}

/** Largest |g_t(z) − tanh(z)| on an n-point grid of [lo, hi] (0 up to rounding at t = 1). */
export function maxDeviationFromTanh(t: number, lo = -6, hi = 6, n = 1201): number {
  const g = morphFn(t);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const z = lo + ((hi - lo) * k) / (n - 1);
    m = Math.max(m, Math.abs(g(z) - Activations.tanh.f(z)));
  }
  return m;
}

/** Plain-text formula of g_t with its current numbers: "1.5·σ(1.5z) − 0.5". */
export function morphFormula(t: number): string {
  const { a, b, c } = morphParams(t);
  const A = formatNumber(a, 3);
  const B = formatNumber(b, 3);
  const tail = c === 0 ? '' : ` − ${formatNumber(-c, 3)}`;
  return `${A === '1' ? '' : `${A}·`}σ(${B === '1' ? '' : B}z)${tail}`;
}

export const MORPH_DOMAIN = [-6, 6] as const;

/** The last curve functions made by {@link morphSpec}: reused while t stays put, so a cursor move redraws nothing. */
let lastFns: { t: number; g: (z: number) => number; tangent: (z: number) => number } | undefined;

function curveFns(t: number): { g: (z: number) => number; tangent: (z: number) => number } {
  if (lastFns?.t !== t) {
    const slope = morphSlopeAt0(t);
    const g = morphFn(t);
    const y0 = g(0);
    lastFns = { t, g, tangent: (z) => y0 + slope * z };
  }
  return lastFns;
}

export function morphSpec(s: MorphState, lang: Lang = 'en'): PlotSpec {
  const w = MORPH[lang];
  const slope = morphSlopeAt0(s.t);
  const { g, tangent } = curveFns(s.t);
  return {
    curves: [
      { id: 'sigma', label: 'σ(z)', fn: Activations.sigmoid.f, colour: 'muted', dash: 'dash', faint: true },
      { id: 'tanh', label: 'tanh(z)', fn: Activations.tanh.f, colour: 'muted', dash: 'dot', faint: true },
      {
        id: 'tangent',
        label: w.tangent(formatNumber(slope, 4)),
        short: w.tangentShort,
        fn: tangent,
        colour: 2,
        dash: 'dash',
      },
      { id: 'g', label: `g(z) = ${morphFormula(s.t)}`, short: 'g(z)', fn: g, colour: 1, dash: 'solid' },
    ],
    xDomain: MORPH_DOMAIN,
    yDomain: [-1.25, 1.25],
  };
}

export function morphDescription(
  s: MorphState,
  spec: PlotSpec,
  samples: Parameters<typeof describePlot>[1],
  lang: Lang = 'en',
): string {
  const w = MORPH[lang];
  const { a, b, c } = morphParams(s.t);
  const dev = maxDeviationFromTanh(s.t);
  const end = s.t === 1 ? w.atOne(formatNumber(dev, 2)) : s.t === 0 ? w.atZero : w.between(formatNumber(dev, 3));
  const lead = w.description(
    formatNumber(s.t, 3),
    morphFormula(s.t),
    formatNumber(a, 3),
    formatNumber(b, 3),
    formatNumber(c, 3),
    formatNumber(c, 3),
    formatNumber(a + c, 3),
    formatNumber(morphSlopeAt0(s.t), 4),
    formatNumber(Activations.sigmoid.df(0)),
    formatNumber(Activations.tanh.df(0)),
  );
  const sp = lang === 'zh' ? '' : ' ';
  return `${lead}${sp}${end}${sp}${describePlot(spec, samples, lang)}`;
}
