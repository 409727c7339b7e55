/**
 * Figure "act": one activation from the registry with its first and (optionally) second derivative, a zoomable
 * z range, a cursor, and optional shading where |f′| is below 1 % of its maximum (where the unit saturates).
 */
import { Activations, ACTIVATION_KEYS, type ActivationKey } from '../lib/nn/activations';
import { intervalsWhere } from './analysis';
import { formatNumber } from './format';
import { describePlot, type CurveSpec, type PlotSpec } from './function-plot';
import { activationSymbol, curveLabel } from './names';
import { EXPLORER } from '../i18n/function-figures';
import { ACTIVATION_NAMES } from '../i18n/activations';
import type { Lang } from '../i18n/core';
import type { Interval } from './scale';
import { activationCodec, booleanCodec, defineFigureState, numberCodec, rangeCodec } from './url-state';

/** The state of the activation explorer; also its URL fragment `#fig-act=f:tanh,d:-6_6,d1:1,d2:0,sh:0,x:1`. */
export interface ExplorerState {
  /** Activation shown. */
  readonly f: ActivationKey;
  /** Visible z range. */
  readonly d: readonly [number, number];
  /** Show f′. */
  readonly d1: boolean;
  /** Show f″. */
  readonly d2: boolean;
  /** Shade where |f′| < 1 % of its maximum. */
  readonly sh: boolean;
  /** Cursor position. */
  readonly x: number;
}

/** Bounds of the z range (zoom and pan stay inside them). */
export const Z_LIMITS = Object.freeze({ min: -100, max: 100, minSpan: 0.5 });

export const explorerState = defineFigureState<ExplorerState>('act', {
  f: { codec: activationCodec(ACTIVATION_KEYS), default: 'tanh', label: 'activation' },
  d: { codec: rangeCodec(Z_LIMITS), default: [-6, 6], label: 'z range' },
  d1: { codec: booleanCodec(), default: true, label: 'first derivative' },
  d2: { codec: booleanCodec(), default: false, label: 'second derivative' },
  sh: { codec: booleanCodec(), default: false, label: 'saturation shading' },
  x: { codec: numberCodec({ min: Z_LIMITS.min, max: Z_LIMITS.max }), default: 1, label: 'cursor' },
});

/** The fraction of max |f′| below which a region counts as saturated in the shading. */
export const SATURATION_FRACTION = 0.01;

/** Where |f′(z)| < fraction·max|f′| inside `domain` (ends refined by bisection). */
export function saturationIntervals(key: ActivationKey, domain: Interval, fraction = SATURATION_FRACTION): Interval[] {
  const a = Activations[key];
  const threshold = fraction * a.maxSlope.value;
  return intervalsWhere((z) => Math.abs(a.df(z)) < threshold, domain[0], domain[1], 1201);
}

/** The plot of a state. */
export function explorerSpec(s: ExplorerState, lang: Lang = 'en'): PlotSpec {
  const a = Activations[s.f];
  const curves: CurveSpec[] = [
    { id: 'f', label: curveLabel(s.f, 0, 'z', lang), fn: a.f, colour: 1, dash: 'solid', breaks: a.kinkAt },
  ];
  if (s.d1)
    curves.push({
      id: 'df',
      label: curveLabel(s.f, 1, 'z', lang),
      fn: a.df,
      colour: 2,
      dash: 'dash',
      breaks: a.kinkAt,
      splitAtBreaks: true,
    });
  if (s.d2)
    curves.push({
      id: 'd2f',
      label: curveLabel(s.f, 2, 'z', lang),
      fn: a.d2f,
      colour: 3,
      dash: 'dot',
      breaks: a.kinkAt,
      splitAtBreaks: true,
    });
  return {
    curves,
    xDomain: s.d,
    shading: s.sh ? saturationIntervals(s.f, s.d) : undefined,
    shadingLabel: EXPLORER[lang].shadingLabel(
      `${activationSymbol(s.f, lang)}′`,
      formatNumber(SATURATION_FRACTION * 100),
      formatNumber(a.maxSlope.value),
    ),
  };
}

/** The text alternative: what the figure shows, in words, for the current state. */
export function explorerDescription(
  s: ExplorerState,
  spec: PlotSpec,
  samples: Parameters<typeof describePlot>[1],
  lang: Lang = 'en',
): string {
  const a = Activations[s.f];
  const w = EXPLORER[lang];
  const kinks = a.kinkAt.length > 0 ? w.kinks(a.kinkAt.map((k) => formatNumber(k)).join(', ')) : '';
  const stop = lang === 'zh' ? '。' : '.';
  let text = `${ACTIVATION_NAMES[lang][s.f]}${kinks}${stop}${lang === 'zh' ? '' : ' '}${describePlot(spec, samples, lang)}`;
  if (s.sh && (!spec.shading || spec.shading.length === 0)) {
    text += w.nowhereSaturated(`${activationSymbol(s.f, lang)}′`, formatNumber(SATURATION_FRACTION * 100));
  }
  return text;
}
