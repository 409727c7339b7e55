/**
 * Figure "errata": a widely copied forum answer gives the sigmoid's derivative as "−exp(−z) / 1 + exp(−z)^2".
 * Read as typed that is −e^{−z} + e^{−2z}; read with the intended parentheses it is −e^{−z}/(1 + e^{−z})², which has
 * the wrong sign. The correct derivative is e^{−z}/(1 + e^{−z})² = σ(z)(1 − σ(z)) (the registry's σ′).
 */
import { Activations } from '../lib/nn/activations';
import { describePlot, type PlotSpec, type CurveSpec } from './function-plot';
import { booleanCodec, defineFigureState, numberCodec, rangeCodec } from './url-state';
import { ERRATA } from '../i18n/function-figures';
import type { Lang } from '../i18n/core';

export interface ErrataState {
  readonly d: readonly [number, number];
  /** Show the formula as typed (operator precedence taken literally). */
  readonly typed: boolean;
  /** Show the formula with the intended parentheses (sign error). */
  readonly sign: boolean;
  readonly x: number;
}

export const ERRATA_LIMITS = Object.freeze({ min: -50, max: 50, minSpan: 0.5 });

export const errataState = defineFigureState<ErrataState>('errata', {
  d: { codec: rangeCodec(ERRATA_LIMITS), default: [-5, 5], label: 'z range' },
  typed: { codec: booleanCodec(), default: true, label: 'formula as typed' },
  sign: { codec: booleanCodec(), default: true, label: 'formula with parentheses' },
  x: { codec: numberCodec({ min: ERRATA_LIMITS.min, max: ERRATA_LIMITS.max }), default: -1, label: 'cursor' },
});

/** "−exp(−z) / 1 + exp(−z)^2" evaluated with the usual precedence: −e^{−z} + e^{−2z}. */
export const asTyped = (z: number): number => -Math.exp(-z) / 1 + Math.exp(-z) ** 2;
/** "−exp(−z) / (1 + exp(−z))^2": the intended reading, the negative of σ′. */
export const withParentheses = (z: number): number => {
  const e = Math.exp(-z);
  return -e / ((1 + e) * (1 + e));
};
/** The correct σ′(z) = e^{−z}/(1 + e^{−z})², written out literally (overflows for z below about −709). */
export const correctLiteral = (z: number): number => {
  const e = Math.exp(-z);
  return e / ((1 + e) * (1 + e));
};

export const ERRATA_Y = [-0.3, 0.3] as const;

/**
 * The minimum of the formula as typed, −e^{−z} + e^{−2z}: its derivative e^{−z}(1 − 2e^{−z}) vanishes where
 * e^{−z} = ½, at z = ln 2, where the value is −½ + ¼ = −¼ (the tests check this against a golden-section search).
 */
export function typedMinimum(): { z: number; value: number } {
  return { z: Math.LN2, value: asTyped(Math.LN2) };
}

export function errataSpec(s: ErrataState, lang: Lang = 'en'): PlotSpec {
  const w = ERRATA[lang];
  const curves: CurveSpec[] = [
    {
      id: 'correct',
      label: w.correct,
      short: w.correctShort,
      fn: Activations.sigmoid.df,
      colour: 3,
      dash: 'solid',
    },
  ];
  if (s.sign)
    curves.push({
      id: 'sign',
      label: w.signError,
      short: w.signErrorShort,
      fn: withParentheses,
      colour: 2,
      dash: 'dash',
    });
  if (s.typed) curves.push({ id: 'typed', label: w.typed, short: w.typedShort, fn: asTyped, colour: 4, dash: 'dot' });
  return { curves, xDomain: s.d, yDomain: ERRATA_Y };
}

export function errataDescription(
  _s: ErrataState,
  spec: PlotSpec,
  samples: Parameters<typeof describePlot>[1],
  lang: Lang = 'en',
): string {
  return `${ERRATA[lang].description}${lang === 'zh' ? '' : ' '}${describePlot(spec, samples, lang)}`;
}
