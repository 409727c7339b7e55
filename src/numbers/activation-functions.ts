/**
 * Every number the article "Activation functions, side by side" states, computed at build time from the registry
 * (and Math), never typed by hand. `values` holds the numbers, `text` their plain-text forms for prose and `tex`
 * ready-made LaTeX for `<Tex expr={…} />`. The unit tests check each against closed forms.
 */
import { ACTIVATION_KEYS, Activations } from '../lib/nn/activations';
import { decayPoint } from '../figures/analysis';
import { gaussianMean } from '../figures/normal-mean';
import { asTyped, typedMinimum } from '../figures/errata';
import { formatNumber, formatScientific, texNumber } from '../figures/format';
import { CLOSED_FORMS, secondDerivativePeak } from '../figures/second-derivative';
import { meanOutputText } from '../figures/activation-table';

const sigmoid = Activations.sigmoid;
const tanh = Activations.tanh;

/** Largest |g(z) − h(z)| on an n-point grid of [lo, hi]. */
export function maxGap(g: (z: number) => number, h: (z: number) => number, lo = -10, hi = 10, n = 4001): number {
  let m = 0;
  for (let k = 0; k < n; k++) {
    const z = lo + ((hi - lo) * k) / (n - 1);
    m = Math.max(m, Math.abs(g(z) - h(z)));
  }
  return m;
}

/** Step counts the article discusses. */
export const STEPS = Object.freeze([20, 50] as const);
/** "Below 1 % of its maximum". */
export const FRACTION = 0.01;

const slopeSigmoid0 = sigmoid.df(0);
const slopeTanh0 = tanh.df(0);
const ratio = slopeTanh0 / slopeSigmoid0;
const d2Sigmoid = secondDerivativePeak('sigmoid');
const d2Tanh = secondDerivativePeak('tanh');
const typedMin = typedMinimum();

/** The activations whose derivative the article computes from the stored output y (σ′ = y(1 − y), tanh′ = 1 − y²). */
export const FROM_OUTPUT_KEYS = Object.freeze(['sigmoid', 'tanh'] as const);
/** The activations whose mean output the article quotes. */
export const MEAN_KEYS = Object.freeze(['sigmoid', 'tanh', 'relu', 'silu', 'gelu'] as const);

export const values = Object.freeze({
  slopeSigmoid0,
  slopeTanh0,
  ratio,
  /** ratio^n and ratio^−n for each n in STEPS. */
  powers: STEPS.map((n) => ({ n, up: ratio ** n, down: ratio ** -n })),
  /** Largest |tanh(z) − (2σ(2z) − 1)| on [−10, 10]: rounding error only. */
  identityGap: maxGap(tanh.f, (z) => 2 * sigmoid.f(2 * z) - 1),
  /** Largest |tanh′(z) − 4σ′(2z)| on [−10, 10]. */
  derivativeIdentityGap: maxGap(tanh.df, (z) => 4 * sigmoid.df(2 * z)),
  /** Largest |tanh″(z) − 8σ″(2z)| on [−10, 10]. */
  secondIdentityGap: maxGap(tanh.d2f, (z) => 8 * sigmoid.d2f(2 * z)),
  d2Sigmoid,
  d2Tanh,
  closed: CLOSED_FORMS,
  /** |σ″| and |tanh″| stay below 1 % of their maxima beyond these z (numerically, on the registry's f″). */
  d2DecaySigmoid: decayPoint(sigmoid.d2f, FRACTION * d2Sigmoid.value, 0, 60),
  d2DecayTanh: decayPoint(tanh.d2f, FRACTION * d2Tanh.value, 0, 60),
  /** σ′ and tanh′ stay below 1 % of their maxima beyond these z. */
  d1DecaySigmoid: decayPoint(sigmoid.df, FRACTION * sigmoid.maxSlope.value, 0, 60),
  d1DecayTanh: decayPoint(tanh.df, FRACTION * tanh.maxSlope.value, 0, 60),
  /** The forum formula as typed, −e^{−z} + e^{−2z}: its minimum (−¼ at z = ln 2) and its value at z = −5. */
  typedMin,
  typedAtMinus5: asTyped(-5),
  /**
   * f′ from the output, for σ and tanh: the largest gap on [−10, 10] between the registry's dfFromOutput(f(z)) and
   * f′(z) computed from z (rounding error only).
   */
  fromOutputGap: Object.fromEntries(
    FROM_OUTPUT_KEYS.map((k) => {
      const a = Activations[k];
      return [k, maxGap(a.df, (z) => a.dfFromOutput!(a.f(z)))];
    }),
  ) as Record<(typeof FROM_OUTPUT_KEYS)[number], number>,
  /** Mean output E[f(Z)] for Z ~ N(0, 1) of each of MEAN_KEYS. */
  mean: Object.fromEntries(MEAN_KEYS.map((k) => [k, gaussianMean(Activations[k].f)])) as Record<
    (typeof MEAN_KEYS)[number],
    number
  >,
});

const sq = (n: number) => formatNumber(n, 4);

/** Every z at which some registry function has a kink, as |z| in increasing order (0, 1, 3). */
export const KINKS: readonly number[] = Object.freeze(
  [...new Set(ACTIVATION_KEYS.flatMap((k) => Activations[k].kinkAt.map((z) => Math.abs(z))))].sort((a, b) => a - b),
);
/** A rounding-error gap: "0" when exact, else one significant digit in scientific notation. */
const gapText = (g: number) => (g === 0 ? '0' : formatScientific(g, 1));

/** Plain-text forms for prose. */
export const text = Object.freeze({
  slopeSigmoid0: formatNumber(slopeSigmoid0),
  slopeTanh0: formatNumber(slopeTanh0),
  ratio: formatNumber(ratio),
  powers: values.powers.map((p) => ({ n: p.n, up: formatScientific(p.up, 2), down: formatScientific(p.down, 2) })),
  identityGap: formatScientific(values.identityGap, 1),
  derivativeIdentityGap: formatScientific(values.derivativeIdentityGap, 1),
  secondIdentityGap: formatScientific(values.secondIdentityGap, 1),
  d2SigmoidValue: sq(d2Sigmoid.value),
  d2SigmoidZ: sq(d2Sigmoid.z),
  d2TanhValue: sq(d2Tanh.value),
  d2TanhZ: sq(d2Tanh.z),
  d2DecaySigmoid: formatNumber(values.d2DecaySigmoid, 3),
  d2DecayTanh: formatNumber(values.d2DecayTanh, 3),
  d1DecaySigmoid: formatNumber(values.d1DecaySigmoid, 3),
  d1DecayTanh: formatNumber(values.d1DecayTanh, 3),
  typedMinValue: formatNumber(values.typedMin.value, 4),
  typedMinZ: formatNumber(values.typedMin.z, 4),
  typedAtMinus5: formatNumber(values.typedAtMinus5, 5),
  /** LeCun's scaled tanh 1.7159 tanh(2z/3): f(1) and f′(0). */
  lecunF1: formatNumber(Activations.lecuntanh.f(1), 6),
  lecunSlope0: formatNumber(Activations.lecuntanh.df(0)),
  /** Leaky ReLU's slope for z ≤ 0 (PyTorch's default). */
  leakySlope: formatNumber(Activations.leakyrelu.params['slope'] ?? Number.NaN),
  /** The gaps of `values.fromOutputGap` ("2 × 10⁻¹⁶"), or "0" for an exact agreement. */
  fromOutputGap: {
    sigmoid: gapText(values.fromOutputGap.sigmoid),
    tanh: gapText(values.fromOutputGap.tanh),
  },
  /** Mean outputs for a standard normal input, three significant digits ("0.5", "0.207"; "0" for the odd ones). */
  mean: Object.fromEntries(MEAN_KEYS.map((k) => [k, meanOutputText(values.mean[k])])) as Record<
    (typeof MEAN_KEYS)[number],
    string
  >,
  fraction: formatNumber(FRACTION * 100),
  /** The registry's kinks: "0, ±1, ±3". */
  kinks: KINKS.map((z) => (z === 0 ? '0' : `±${formatNumber(z)}`)).join(', '),
});

/** LaTeX with computed numbers, for `<Tex expr={tex.…} />`. */
export const tex = Object.freeze({
  slopes: String.raw`\tanh'(0) = ${texNumber(slopeTanh0)}, \qquad \sigma'(0) = ${texNumber(slopeSigmoid0)}`,
  powers: values.powers.map(
    (p) =>
      String.raw`${texNumber(ratio)}^{${p.n}} \approx ${texNumber(p.up, 2, true)}, \qquad \left(\tfrac{1}{${texNumber(ratio)}}\right)^{${p.n}} \approx ${texNumber(p.down, 2, true)}`,
  ),
  /** Both second-derivative maxima and where they fall, on four short lines (fits a phone column). */
  d2Maxima: String.raw`\begin{aligned} \max_z |\sigma''(z)| &= \frac{\sqrt3}{18} \approx ${texNumber(d2Sigmoid.value)} \\ &\text{at } z = \pm\ln\left(2+\sqrt3\right) \approx \pm${texNumber(d2Sigmoid.z)}, \\[0.6em] \max_z |\tanh''(z)| &= \frac{4\sqrt3}{9} \approx ${texNumber(d2Tanh.value)} \\ &\text{at } z = \pm\tfrac12\ln\left(2+\sqrt3\right) \approx \pm${texNumber(d2Tanh.z)}. \end{aligned}`,
});
