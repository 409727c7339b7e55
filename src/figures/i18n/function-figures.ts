/**
 * Text of the four function-plot figures of the article "Activation functions, side by side": the activation
 * explorer (`act`), σ → tanh (`morph`), the forum's sigmoid derivative (`errata`) and the second derivatives (`d2`).
 */
import { localised, type Localised } from './core.ts';

export interface ExplorerStrings {
  readonly title: (name: string) => string;
  readonly caption: string;
  readonly activation: string;
  readonly showFirst: string;
  readonly showSecond: string;
  readonly shade: string;
  readonly zValueText: (lo: string, hi: string) => string;
  readonly plotLabel: (name: string) => string;
  /** Legend of the shading: |f′(z)| below `pct` % of its maximum `max`. */
  readonly shadingLabel: (fprime: string, pct: string, max: string) => string;
  readonly kinks: (where: string) => string;
  readonly nowhereSaturated: (fprime: string, pct: string) => string;
}

export const EXPLORER: Localised<ExplorerStrings> = localised('EXPLORER', {
  en: {
    title: (name) => `${name} and its derivatives.`,
    caption:
      'Solid: the function; dashed: its first derivative; dotted: its second derivative. Every curve is computed by the site’s activation registry.',
    activation: 'Activation',
    showFirst: 'f′',
    showSecond: 'f″',
    shade: 'shade |f′| < 1 % of max',
    zValueText: (lo, hi) => `z from ${lo} to ${hi}`,
    plotLabel: (name) => `${name} and its derivatives`,
    shadingLabel: (fprime, pct, max) => `|${fprime}(z)| < ${pct} % of its maximum ${max}`,
    kinks: (where) => ` (kinks at z = ${where})`,
    nowhereSaturated: (fprime, pct) => ` Nowhere in this range is |${fprime}(z)| below ${pct} % of its maximum.`,
  },
});

export interface MorphStrings {
  readonly title: string;
  readonly caption: string;
  readonly slider: string;
  readonly slopeAt0: string;
  readonly valueText: (t: string, a: string, b: string, c: string, slope: string) => string;
  readonly plotLabel: string;
  readonly tangent: (slope: string) => string;
  readonly tangentShort: string;
  readonly atOne: (dev: string) => string;
  readonly atZero: string;
  readonly between: (dev: string) => string;
  readonly description: (
    t: string,
    formula: string,
    a: string,
    b: string,
    c: string,
    lo: string,
    hi: string,
    slope: string,
    sigmaSlope: string,
    tanhSlope: string,
  ) => string;
}

export const MORPH: Localised<MorphStrings> = localised('MORPH', {
  en: {
    title: 'From σ to tanh.',
    caption:
      'The blue curve is a(t)·σ(b(t)·z) + c(t) with a = b = 1 + t and c = −t: σ at t = 0, exactly tanh at t = 1. Grey: σ (dashed) and tanh (dotted). Vermillion: its tangent at z = 0.',
    slider: 't (σ → tanh)',
    slopeAt0: 'slope at 0',
    valueText: (t, a, b, c, slope) => `t = ${t}: a = ${a}, b = ${b}, c = ${c}, slope at 0 = ${slope}`,
    plotLabel: 'The curve between σ and tanh',
    tangent: (slope) => `tangent at 0, slope ${slope}`,
    tangentShort: 'tangent',
    atOne: (dev) => `At t = 1 the curve is tanh: the largest difference from tanh on the plot is ${dev}, rounding error.`,
    atZero: 'At t = 0 the curve is the sigmoid σ itself.',
    between: (dev) => `It differs from tanh by up to ${dev}.`,
    description: (t, formula, a, b, c, lo, hi, slope, sigmaSlope, tanhSlope) =>
      `t = ${t}: the blue curve g(z) = ${formula} (a = ${a}, b = ${b}, c = ${c}) runs from ${lo} to ${hi} and has slope ${slope} at z = 0 (σ: ${sigmaSlope}, tanh: ${tanhSlope}).`,
  },
});

export interface ErrataStrings {
  readonly title: string;
  readonly caption: string;
  readonly withParentheses: string;
  readonly asTyped: string;
  readonly plotLabel: string;
  readonly correct: string;
  readonly correctShort: string;
  readonly signError: string;
  readonly signErrorShort: string;
  readonly typed: string;
  readonly typedShort: string;
  readonly description: string;
}

export const ERRATA: Localised<ErrataStrings> = localised('ERRATA', {
  en: {
    title: 'The forum’s sigmoid derivative, checked.',
    caption:
      'Green: the correct σ′(z). Vermillion (dashed): the forum formula with the intended parentheses, the mirror image. Purple (dotted): the formula as typed, −e⁻ᶻ + e⁻²ᶻ, which leaves the plot for z < 0.',
    withParentheses: 'with parentheses',
    asTyped: 'as typed',
    plotLabel: 'The sigmoid’s derivative, correct and as in the forum answer',
    correct: 'σ′(z) = σ(z)(1 − σ(z)), correct',
    correctShort: 'correct',
    signError: '−e⁻ᶻ/(1 + e⁻ᶻ)², sign error',
    signErrorShort: 'sign error',
    typed: '−e⁻ᶻ/1 + (e⁻ᶻ)², as typed',
    typedShort: 'as typed',
    description:
      'The correct derivative of the sigmoid is positive everywhere, peaking at 0.25 at z = 0. With the intended parentheses the forum formula is its mirror image, negative everywhere; as typed, it is negative for z > 0 and grows without bound for z < 0, leaving the plot.',
  },
});

export interface SecondDerivativeStrings {
  readonly title: string;
  readonly caption: string;
  readonly firstDerivatives: string;
  readonly plotLabel: string;
  readonly peaks: (sv: string, sz: string, tv: string, tz: string) => string;
  readonly overlay: string;
}

export const SECOND_DERIVATIVES: Localised<SecondDerivativeStrings> = localised('SECOND_DERIVATIVES', {
  en: {
    title: 'Second derivatives of σ and tanh.',
    caption:
      'Blue: tanh″; vermillion (dashed): σ″; dots mark their extrema. Tick “8σ″(2z)” to overlay the rescaled sigmoid curve: it lies exactly on tanh″.',
    firstDerivatives: 'σ′ and tanh′',
    plotLabel: 'Second derivatives of σ and tanh',
    peaks: (sv, sz, tv, tz) =>
      `|σ″| is largest, ${sv}, at z = ±${sz}; |tanh″| is largest, ${tv}, at z = ±${tz}, half as far out.`,
    overlay: 'The overlaid 8σ″(2z) coincides with tanh″ everywhere.',
  },
});
