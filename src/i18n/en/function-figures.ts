/**
 * English text of the tables in ../function-figures.ts (loaded only by the English entries of the four figures, the
 * server and the tests; see ../core.ts).
 */
import { register } from '../core.ts';
import type {
  ErrataStrings,
  ExplorerStrings,
  FunctionPlotStrings,
  MorphStrings,
  SecondDerivativeStrings,
} from '../function-figures.ts';

const EN: {
  readonly FUNCTION_PLOT: FunctionPlotStrings;
  readonly EXPLORER: ExplorerStrings;
  readonly MORPH: MorphStrings;
  readonly ERRATA: ErrataStrings;
  readonly SECOND_DERIVATIVES: SecondDerivativeStrings;
} = {
  FUNCTION_PLOT: {
    figureControls: 'Figure controls',
    legend: 'Legend',
    cursorPosition: (label) => `${label}: cursor position`,
    plotHint: (pan, lo, hi) => `Hover or tap the plot, or focus it and use ← →${pan}. Range shown: ${lo} to ${hi}.`,
    panHint: '; + and − zoom, drag pans',
    zoomLabel: 'z range ±',
    rangeDisplay: (lo, hi) => `${lo} to ${hi}`,
    plottedFor: (domain) => `Plotted for ${domain}.`,
    domain: (x, lo, hi) => `${x} from ${lo} to ${hi}`,
    constant: (label, v) => `${label} is constant at ${v}`,
    rises: (label, a, b) => `${label} rises from ${a} to ${b}`,
    falls: (label, b, a) => `${label} falls from ${b} to ${a}`,
    varies: (label, a, b) => `${label} varies between ${a} and ${b}`,
    risesThenFalls: (label, a, b) => `${label} rises, then falls, between ${a} and ${b}`,
    fallsThenRises: (label, a, b) => `${label} falls, then rises, between ${a} and ${b}`,
    peaking: (x, v) => `peaking at ${x} = ${v}`,
    lowest: (x, v) => `lowest at ${x} = ${v}`,
    oneExtremum: (e) => `, ${e}`,
    twoExtrema: (peak, low) => `, ${peak} and ${low}`,
    gaps: ' (with gaps where it is not a finite number)',
    stop: '.',
    shaded: (label, where) => `Shaded: ${label}, ${where}.`,
    and: ' and ',
    allX: (x) => `all ${x}`,
  },
  EXPLORER: {
    title: (name) => `${name} and its derivatives.`,
    caption:
      'Solid: the function; dashed: its first derivative; dotted: its second derivative. Every curve is computed by the site’s activation registry.',
    activation: 'Activation',
    showFirst: 'f′',
    showSecond: 'f″',
    shade: (pct) => `shade |f′| < ${pct} % of max`,
    zValueText: (lo, hi) => `z from ${lo} to ${hi}`,
    plotLabel: (name) => `${name} and its derivatives`,
    shadingLabel: (fprime, pct, max) => `|${fprime}(z)| < ${pct} % of its maximum ${max}`,
    kinks: (where) => ` (kinks at z = ${where})`,
    nowhereSaturated: (fprime, pct) => ` Nowhere in this range is |${fprime}(z)| below ${pct} % of its maximum.`,
  },
  MORPH: {
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
  ERRATA: {
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
      'The correct derivative of the sigmoid is positive everywhere and largest at z = 0. With the intended parentheses the forum formula is its mirror image, negative everywhere; as typed, it is negative for z > 0, lowest at z = ln 2, and grows without bound for z < 0, leaving the plot.',
  },
  SECOND_DERIVATIVES: {
    title: 'Second derivatives of σ and tanh.',
    caption:
      'Blue: tanh″; vermillion (dashed): σ″; dots mark their extrema. Tick “8σ″(2z)” to overlay the rescaled sigmoid curve: it lies exactly on tanh″.',
    firstDerivatives: 'σ′ and tanh′',
    plotLabel: 'Second derivatives of σ and tanh',
    peaks: (sv, sz, tv, tz) =>
      `|σ″| is largest, ${sv}, at z = ±${sz}; |tanh″| is largest, ${tv}, at z = ±${tz}, half as far out.`,
    overlay: 'The overlaid 8σ″(2z) coincides with tanh″ everywhere.',
  },
};

register('en', EN);
