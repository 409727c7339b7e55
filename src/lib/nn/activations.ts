/**
 * The activation-function registry: the single source of truth for every activation the site knows about.
 *
 * Each entry (an {@link Activation}) carries the value f, the first and second derivatives f′ and f″, the
 * "derivative from the output" form that recurrent cells use in backpropagation, its range and qualitative
 * properties, its steepest slope, and KaTeX-ready formulas. The same objects feed URL keys, UI dropdowns,
 * typeset formulas and the tests (which check every formula against the code, see
 * `test/lib/activations.test.ts`).
 *
 * Numerics: every f, f′ and f″ is a plain allocation-free arrow function over float64 that
 * - never overflows an intermediate `exp` (stable forms such as σ(z) via e^{−|z|}, softplus via log1p),
 * - returns the correct limit at ±Infinity and a finite value at every finite z,
 * - returns NaN if and only if z is NaN.
 *
 * Conventions at kinks follow PyTorch's backward kernels (aten/src/ATen/native/cpu/Activation.cpp); each entry
 * with a kink says which one-sided value it uses in {@link Activation.kink}.
 *
 * @packageDocumentation
 */

import type { ActivationFn } from './types';
import { exp, expm1, sigmoid, tanh } from './elementary.ts';

// ---------------------------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------------------------

/**
 * Stable registry keys. They appear in URLs, so never rename one; add new keys instead.
 */
export type ActivationKey =
  | 'sigmoid'
  | 'tanh'
  | 'hardtanh'
  | 'hardsigmoid'
  | 'relu'
  | 'leakyrelu'
  | 'identity'
  | 'softsign'
  | 'elu'
  | 'softplus'
  | 'silu'
  | 'gelu'
  | 'lecuntanh';

/**
 * Qualitative properties of an activation f: ℝ → ℝ, each defined precisely so that the tests can check it.
 */
export interface ActivationProps {
  /** f(ℝ) is a bounded set, i.e. both ends of {@link Activation.range} are finite. */
  readonly bounded: boolean;
  /**
   * f is non-decreasing on ℝ: z₁ < z₂ ⇒ f(z₁) ≤ f(z₂) (not necessarily strictly, e.g. ReLU, hard tanh). In float64
   * the stable forms of σ and softplus can step back by one ulp between adjacent doubles.
   */
  readonly monotonic: boolean;
  /**
   * f(0) = 0 and f takes both signs (some f(z) < 0 and some f(z) > 0). This is the weak, pointwise sense;
   * it says nothing about the mean output (SiLU and GELU qualify although they are mostly positive).
   */
  readonly zeroCentred: boolean;
  /** f is infinitely differentiable on all of ℝ (no kink in f, f′ or f″); equivalently `kinkAt` is empty. */
  readonly smooth: boolean;
  /**
   * f′(z) → 0 in at least one tail (z → −∞ or z → +∞). One-sided saturation counts: ReLU, ELU, softplus, SiLU
   * and GELU saturate on the left only ("left saturation" in Gulcehre et al. 2016, "Noisy Activation
   * Functions"); σ, tanh, softsign and the hard variants saturate on both sides.
   */
  readonly saturating: boolean;
}

/**
 * KaTeX-ready LaTeX for the right-hand sides f(z), f′(z), f″(z), written in terms of z.
 *
 * Parameterised activations have their parameter values written in as numbers. Besides standard functions
 * (exp, tanh, erf, sgn, |·|, max, cases) the formulas may use the named functions listed in
 * {@link LATEX_NOTATION} (σ and Φ); a page that shows a formula with σ(z) should also show its definition.
 */
export interface ActivationLatex {
  /** f(z). */
  readonly f: string;
  /** f′(z). */
  readonly df: string;
  /** f″(z) (away from kinks; 0 for piecewise-linear functions). */
  readonly d2f?: string | undefined;
}

/**
 * One activation function with everything the site needs to compute, plot, typeset and compare it.
 *
 * @typeParam K - the registry key; `Activations.tanh` has type `Activation<'tanh'>`.
 */
export interface Activation<K extends ActivationKey = ActivationKey> extends ActivationFn {
  /** Registry key (the family, for factory-made instances: `leakyRelu(0.2).key === 'leakyrelu'`). */
  readonly key: K;
  /** Display name, e.g. "Sigmoid σ". Does not include parameter values (see {@link Activation.params}). */
  readonly label: string;
  /** Value f(z). */
  readonly f: (z: number) => number;
  /** First derivative f′(z). At kinks, the one-sided value described in {@link Activation.kink}. */
  readonly df: (z: number) => number;
  /** Second derivative f″(z). At kinks, the value described in {@link Activation.kink}. */
  readonly d2f: (z: number) => number;
  /**
   * f′ expressed through the output y = f(z), for activations where backpropagation usually computes it that
   * way (σ′ = y(1 − y), tanh′ = 1 − y², …); `dfFromOutput(f(z))` equals `df(z)` up to absolute rounding error
   * (a few ulp of 1; not relative error in the tails, where `df` itself is the accurate one). Undefined when
   * f′ is not a function of f (SiLU, GELU, leaky ReLU with a negative slope).
   */
  readonly dfFromOutput?: ((y: number) => number) | undefined;
  /**
   * Closure of the image f(ℝ) as [inf, sup], with ±Infinity for unbounded sides. Whether each endpoint is
   * attained is given by {@link Activation.rangeClosed}.
   */
  readonly range: readonly [lo: number, hi: number];
  /**
   * Whether each end of {@link Activation.range} is attained by some real z (closed end) or only approached
   * (open end). Infinite ends are always open. Mathematical statement: in float64, σ(40) rounds to exactly 1,
   * so open ends can be hit by rounding far in the tails.
   */
  readonly rangeClosed: readonly [lo: boolean, hi: boolean];
  /** Qualitative properties (see {@link ActivationProps} for the exact definitions). */
  readonly props: ActivationProps;
  /**
   * sup |f′| over ℝ, and a point where it is attained. When |f′| reaches its maximum on a whole interval (ReLU,
   * hard tanh, identity…) `at` is one representative point of it; when the supremum is only approached in a tail
   * (softplus), `at` is ±Infinity (and `df(at)` still returns the supremum).
   */
  readonly maxSlope: { readonly value: number; readonly at: number };
  /** How expensive f′ is once the forward output y is known, e.g. "1 multiply-add from y: y(1 − y)". */
  readonly costOfDerivativeGivenOutput: string;
  /** KaTeX-ready formulas for f, f′ and f″. */
  readonly latex: ActivationLatex;
  /**
   * Where a derivative is undefined or jumps, and which one-sided value the code returns there (with the
   * framework it matches). Undefined for smooth activations.
   */
  readonly kink?: string | undefined;
  /** The points where f, f′ or f″ is not continuous or not differentiable (empty for smooth activations). */
  readonly kinkAt: readonly number[];
  /** Parameter values of parameterised families (`{ slope }`, `{ alpha }`); empty otherwise. */
  readonly params: Readonly<Record<string, number>>;
}

/** A named function used inside the LaTeX formulas, with its definition (so pages and tests can expand it). */
export interface LatexNotation {
  /** Its MathJSON name, as a LaTeX parser (e.g. the Cortex compute engine) reads the symbol: `sigma`, `Phi`. */
  readonly name: string;
  /** How it appears in formulas, applied to z, e.g. `\sigma(z)`. */
  readonly symbol: string;
  /** Its definition in terms of z and standard functions. */
  readonly definition: string;
  /** Plain-text description. */
  readonly description: string;
}

/**
 * The named functions that {@link ActivationLatex} formulas may use besides standard ones: the logistic sigmoid
 * σ and the standard normal CDF Φ.
 */
export const LATEX_NOTATION: readonly LatexNotation[] = Object.freeze([
  Object.freeze({
    name: 'sigma',
    symbol: String.raw`\sigma(z)`,
    definition: String.raw`\frac{1}{1+e^{-z}}`,
    description: 'logistic sigmoid',
  }),
  Object.freeze({
    name: 'Phi',
    symbol: String.raw`\Phi(z)`,
    definition: String.raw`\frac{1}{2}\left(1+\operatorname{erf}\left(\frac{z}{\sqrt{2}}\right)\right)`,
    description: 'standard normal cumulative distribution function',
  }),
]);

// ---------------------------------------------------------------------------------------------------------------
// The error function (W. J. Cody's rational Chebyshev approximations)
// ---------------------------------------------------------------------------------------------------------------

// Coefficients of CALERF from W. J. Cody, "Rational Chebyshev approximations for the error function",
// Math. Comp. 23 (1969) 631–637, as published in the SPECFUN package (Netlib specfun/erf, latest modification
// March 19, 1990).
const ERF_A0 = 3.1611237438705656;
const ERF_A1 = 1.13864154151050156e2;
const ERF_A2 = 3.77485237685302021e2;
const ERF_A3 = 3.20937758913846947e3;
const ERF_A4 = 1.85777706184603153e-1;
const ERF_B0 = 2.36012909523441209e1;
const ERF_B1 = 2.44024637934444173e2;
const ERF_B2 = 1.28261652607737228e3;
const ERF_B3 = 2.84423683343917062e3;
const ERF_C0 = 5.64188496988670089e-1;
const ERF_C1 = 8.88314979438837594;
const ERF_C2 = 6.61191906371416295e1;
const ERF_C3 = 2.98635138197400131e2;
const ERF_C4 = 8.8195222124176909e2;
const ERF_C5 = 1.71204761263407058e3;
const ERF_C6 = 2.05107837782607147e3;
const ERF_C7 = 1.23033935479799725e3;
const ERF_C8 = 2.15311535474403846e-8;
const ERF_D0 = 1.57449261107098347e1;
const ERF_D1 = 1.17693950891312499e2;
const ERF_D2 = 5.37181101862009858e2;
const ERF_D3 = 1.62138957456669019e3;
const ERF_D4 = 3.29079923573345963e3;
const ERF_D5 = 4.36261909014324716e3;
const ERF_D6 = 3.43936767414372164e3;
const ERF_D7 = 1.23033935480374942e3;
const ERF_P0 = 3.05326634961232344e-1;
const ERF_P1 = 3.60344899949804439e-1;
const ERF_P2 = 1.25781726111229246e-1;
const ERF_P3 = 1.60837851487422766e-2;
const ERF_P4 = 6.58749161529837803e-4;
const ERF_P5 = 1.63153871373020978e-2;
const ERF_Q0 = 2.56852019228982242;
const ERF_Q1 = 1.87295284992346047;
const ERF_Q2 = 5.27905102951428412e-1;
const ERF_Q3 = 6.05183413124413191e-2;
const ERF_Q4 = 2.33520497626869185e-3;
/** 1/√π. */
const SQRPI = 5.6418958354775628695e-1;
/** |x| ≤ THRESH: erf by the first rational function. */
const ERF_THRESH = 0.46875;
/** CALERF's XBIG for IEEE double: erfc(x) is below the smallest normal double for x ≥ XBIG. */
const ERF_XBIG = 26.543;

/** erf(y)/y for 0 ≤ y ≤ 0.46875, as a rational function of y². */
const erfSmallRatio = (ysq: number): number => {
  let num = ERF_A4 * ysq;
  let den = ysq;
  num = (num + ERF_A0) * ysq;
  den = (den + ERF_B0) * ysq;
  num = (num + ERF_A1) * ysq;
  den = (den + ERF_B1) * ysq;
  num = (num + ERF_A2) * ysq;
  den = (den + ERF_B2) * ysq;
  return (num + ERF_A3) / (den + ERF_B3);
};

/** erfc(y) for y > 0.46875 (or NaN). */
const erfcAbove = (y: number): number => {
  let r: number;
  if (y <= 4) {
    let num = ERF_C8 * y;
    let den = y;
    num = (num + ERF_C0) * y;
    den = (den + ERF_D0) * y;
    num = (num + ERF_C1) * y;
    den = (den + ERF_D1) * y;
    num = (num + ERF_C2) * y;
    den = (den + ERF_D2) * y;
    num = (num + ERF_C3) * y;
    den = (den + ERF_D3) * y;
    num = (num + ERF_C4) * y;
    den = (den + ERF_D4) * y;
    num = (num + ERF_C5) * y;
    den = (den + ERF_D5) * y;
    num = (num + ERF_C6) * y;
    den = (den + ERF_D6) * y;
    r = (num + ERF_C7) / (den + ERF_D7);
  } else {
    if (y >= ERF_XBIG) return 0;
    const ysq = 1 / (y * y);
    let num = ERF_P5 * ysq;
    let den = ysq;
    num = (num + ERF_P0) * ysq;
    den = (den + ERF_Q0) * ysq;
    num = (num + ERF_P1) * ysq;
    den = (den + ERF_Q1) * ysq;
    num = (num + ERF_P2) * ysq;
    den = (den + ERF_Q2) * ysq;
    num = (num + ERF_P3) * ysq;
    den = (den + ERF_Q3) * ysq;
    r = (ysq * (num + ERF_P4)) / (den + ERF_Q4);
    r = (SQRPI - r) / y;
  }
  // exp(−y²) without the rounding error of y²: split y = ysq + (y − ysq) with ysq a multiple of 1/16 (exact square).
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return exp(-ysq * ysq) * exp(-del) * r;
};

/**
 * The error function erf(x) = (2/√π)∫₀ˣ e^{−t²} dt.
 *
 * W. J. Cody's rational Chebyshev approximations (Math. Comp. 23, 1969; the SPECFUN routine CALERF), which
 * approximate erf and erfc to at least 18 significant digits before rounding; in float64 the rounding of the
 * rational evaluation and of the two `Math.exp` calls dominates. Measured against mpmath (40 digits) on 220 000
 * points of [−6, 26.5]: max relative error 4.9e-16 for erf (≈ 4 ulp) and 8.7e-16 for erfc (≈ 7 ulp, over
 * values ≥ the smallest normal double). `test/lib/activations.test.ts` checks reference values to 1e-15.
 *
 * @param x - any number; erf(±Infinity) = ±1, erf(NaN) = NaN.
 */
export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= ERF_THRESH) return x * erfSmallRatio(y * y);
  const v = 0.5 - erfcAbove(y) + 0.5;
  return x < 0 ? -v : v;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms in the upper tail
 * (no cancellation): same algorithm and accuracy as {@link erf}. Returns 0 for x ≥ 26.543, where the true
 * value is below the smallest normal double (CALERF's XBIG), and 2 − erfc(−x) for negative x.
 *
 * @param x - any number; erfc(+Infinity) = 0, erfc(−Infinity) = 2, erfc(NaN) = NaN.
 */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= ERF_THRESH) return 1 - x * erfSmallRatio(y * y);
  const r = erfcAbove(y);
  return x < 0 ? 2 - r : r;
}

// ---------------------------------------------------------------------------------------------------------------
// Scalar kernels (module-level so that every entry shares them; all allocation-free)
// ---------------------------------------------------------------------------------------------------------------

const MAX = Number.MAX_VALUE;
const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)

/** σ(z) = 1/(1 + e^{−z}) via e^{−|z|}: no overflow, full relative precision in both tails (elementary.ts). */
const sigmoidF = sigmoid;
/** σ′(z) = e^{−|z|}/(1 + e^{−|z|})², accurate in relative terms in the tails (unlike σ(1 − σ)). */
const sigmoidDf = (z: number): number => {
  const e = exp(-Math.abs(z));
  const d = 1 + e;
  return e / (d * d);
};
/** σ″(z) = σ′(z)(1 − 2σ(z)) = −tanh(z/2)·σ′(z) (no cancellation in 1 − 2σ). */
const sigmoidD2f = (z: number): number => -tanh(0.5 * z) * sigmoidDf(z);

/** tanh′(z) = sech²(z) = 4e^{−2|z|}/(1 + e^{−2|z|})², accurate in relative terms in the tails. */
const tanhDf = (z: number): number => {
  const e = exp(-2 * Math.abs(z));
  const d = 1 + e;
  return (4 * e) / (d * d);
};
const tanhD2f = (z: number): number => -2 * tanh(z) * tanhDf(z);

/** Φ(z), the standard normal CDF, as ½·erfc(−z/√2): accurate in relative terms in the lower tail. */
const normalCdf = (z: number): number => 0.5 * erfc(-z * Math.SQRT1_2);
/** φ(z), the standard normal density. */
const normalPdf = (z: number): number => exp(-0.5 * z * z) * INV_SQRT_2PI;

/** 0 for every number, NaN for NaN: the second derivative of piecewise-linear functions. */
const zeroD2f = (z: number): number => (z === z ? 0 : z);

// LeCun et al. (1998) "Efficient BackProp", §4.4: f(x) = 1.7159 tanh(2x/3), chosen so that f(±1) = ±1
// (to 3e-6) and |f″| peaks near x = ±1.
const LECUN_A = 1.7159;
const LECUN_B = 2 / 3;
const LECUN_AB = LECUN_A * LECUN_B;

// Extrema of SiLU and GELU (mpmath, 40 digits; re-derived by grid search and Newton's method in the tests).
/** −W(1/e), the minimum of SiLU (W = Lambert W), attained at z = −1 − W(1/e) ≈ −1.2785. */
const SILU_MIN = -0.2784645427610738;
/** The z > 0 root of 2 − z·tanh(z/2) = 0, where SiLU′ is largest. */
const SILU_MAX_SLOPE_AT = 2.3993572805154677;
/** SiLU′ at {@link SILU_MAX_SLOPE_AT}. */
const SILU_MAX_SLOPE = 1.0998393201288669;
/** Minimum of GELU, attained at z ≈ −0.75179 (root of Φ(z) + zφ(z) = 0). */
const GELU_MIN = -0.16997120747990366;
/** GELU′(√2) = ½ + ½·erf(1) + 1/(e√π), the largest slope of GELU (GELU″ = φ(z)(2 − z²) vanishes at √2). */
const GELU_MAX_SLOPE = 1.1289041451851548;

// ---------------------------------------------------------------------------------------------------------------
// Construction helpers
// ---------------------------------------------------------------------------------------------------------------

interface Spec<K extends ActivationKey> {
  key: K;
  label: string;
  f: (z: number) => number;
  df: (z: number) => number;
  d2f: (z: number) => number;
  dfFromOutput: ((y: number) => number) | undefined;
  range: readonly [number, number];
  rangeClosed: readonly [boolean, boolean];
  props: ActivationProps;
  maxSlope: { readonly value: number; readonly at: number };
  costOfDerivativeGivenOutput: string;
  latex: ActivationLatex;
  kink: string | undefined;
  kinkAt: readonly number[];
  params: Readonly<Record<string, number>>;
}

/** Builds a frozen entry with every property present in the same order (one hidden class for all entries). */
function make<K extends ActivationKey>(s: Spec<K>): Activation<K> {
  const a: Activation<K> = {
    key: s.key,
    label: s.label,
    f: s.f,
    df: s.df,
    d2f: s.d2f,
    dfFromOutput: s.dfFromOutput,
    range: Object.freeze([s.range[0], s.range[1]] as const),
    rangeClosed: Object.freeze([s.rangeClosed[0], s.rangeClosed[1]] as const),
    props: Object.freeze({ ...s.props }),
    maxSlope: Object.freeze({ value: s.maxSlope.value, at: s.maxSlope.at }),
    costOfDerivativeGivenOutput: s.costOfDerivativeGivenOutput,
    latex: Object.freeze({ f: s.latex.f, df: s.latex.df, d2f: s.latex.d2f }),
    kink: s.kink,
    kinkAt: Object.freeze([...s.kinkAt]),
    params: Object.freeze({ ...s.params }),
  };
  return Object.freeze(a);
}

/** Formats a number for LaTeX: `0.01`, `-0.5`, `1.5\times10^{-5}`. */
function texNumber(x: number): string {
  const s = String(x);
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  return m ? `${m[1]}\\times10^{${Number(m[2])}}` : s;
}

// ---------------------------------------------------------------------------------------------------------------
// Parameterised families
// ---------------------------------------------------------------------------------------------------------------

/**
 * Leaky ReLU with the given negative-side slope s: f(z) = z for z > 0, s·z for z ≤ 0.
 * The registry entry `Activations.leakyrelu` is `leakyRelu(0.01)`, PyTorch's default `negative_slope`.
 *
 * f′(0) is undefined; like PyTorch's `leaky_relu_backward` (which passes the gradient unscaled only when
 * z > 0) the code returns s there. `dfFromOutput` exists for s ≥ 0 (the sign of y then tells the branch).
 * Properties follow s: s = 0 is ReLU (left-saturating, range [0, ∞)), s < 0 is not monotonic, s = 1 is the
 * identity (smooth).
 *
 * @param slope - the slope s for z ≤ 0; any finite number.
 * @throws RangeError if `slope` is not finite.
 */
export function leakyRelu(slope: number): Activation<'leakyrelu'> {
  if (!Number.isFinite(slope)) {
    throw new RangeError(`leakyRelu(slope): slope must be a finite number, got ${String(slope)}`);
  }
  const s = slope + 0; // normalise −0
  const f = s === 0 ? (z: number): number => (z > 0 ? z : z === z ? 0 : z) : (z: number): number => (z > 0 ? z : s * z);
  const df = (z: number): number => (z > 0 ? 1 : z <= 0 ? s : z);
  const t = texNumber(s);
  const smooth = s === 1;
  const steep = Math.abs(s) > 1;
  return make({
    key: 'leakyrelu',
    label: 'Leaky ReLU',
    f,
    df,
    d2f: zeroD2f,
    dfFromOutput: s >= 0 ? (y: number): number => (y > 0 ? 1 : y <= 0 ? s : y) : undefined,
    range: s > 0 ? [-Infinity, Infinity] : [0, Infinity],
    rangeClosed: s > 0 ? [false, false] : [true, false],
    props: { bounded: false, monotonic: s >= 0, zeroCentred: s > 0, smooth, saturating: s === 0 },
    maxSlope: { value: steep ? Math.abs(s) : 1, at: steep ? -1 : 1 },
    costOfDerivativeGivenOutput:
      s >= 0
        ? `1 comparison from y: y > 0 ? 1 : ${String(s)}`
        : 'not available from y alone (a negative slope makes y > 0 on both sides); 1 comparison from z',
    latex: {
      f: String.raw`\begin{cases} z & z > 0 \\ ${t}\,z & z \le 0 \end{cases}`,
      df: String.raw`\begin{cases} 1 & z > 0 \\ ${t} & z \le 0 \end{cases}`,
      d2f: '0',
    },
    kink: smooth
      ? undefined
      : `f′(0) is undefined (1 on the right, ${String(s)} on the left); the code returns ${String(s)} ` +
        '(left value), as PyTorch’s leaky_relu_backward, which uses slope 1 only for z > 0. ' +
        'f″ is 0 away from 0 and the code returns 0 at 0 too.',
    kinkAt: smooth ? [] : [0],
    params: { slope: s },
  });
}

/**
 * ELU (Clevert, Unterthiner & Hochreiter 2016): f(z) = z for z > 0, α(e^z − 1) for z ≤ 0.
 * The registry entry `Activations.elu` is `elu(1)`.
 *
 * At z = 0 the code takes the z ≤ 0 branch for f′ and f″ (f′(0) = α, f″(0) = α), as PyTorch's
 * `elu_backward` does (α·e^z when z ≤ 0). For α = 1, f′ is continuous and only f″ jumps (0 → 1).
 * `dfFromOutput(y)` = y > 0 ? 1 : y + α, PyTorch's `is_result` form.
 *
 * @param alpha - α > 0, the negative saturation value is −α. Default 1.
 * @throws RangeError if `alpha` is not a finite positive number.
 */
export function elu(alpha = 1): Activation<'elu'> {
  if (!(alpha > 0 && alpha < Infinity)) {
    throw new RangeError(`elu(alpha): alpha must be a finite positive number, got ${String(alpha)}`);
  }
  const a = alpha;
  const t = a === 1 ? '' : texNumber(a);
  const steep = a > 1;
  return make({
    key: 'elu',
    label: 'ELU',
    f: (z) => (z > 0 ? z : a * expm1(z)),
    df: (z) => (z > 0 ? 1 : a * exp(z)),
    d2f: (z) => (z > 0 ? 0 : a * exp(z)),
    dfFromOutput: (y) => (y > 0 ? 1 : y + a),
    range: [-a, Infinity],
    rangeClosed: [false, false],
    props: { bounded: false, monotonic: true, zeroCentred: true, smooth: false, saturating: true },
    maxSlope: { value: steep ? a : 1, at: a >= 1 ? 0 : 1 },
    costOfDerivativeGivenOutput: `1 comparison + 1 add from y: y > 0 ? 1 : y + ${String(a)}`,
    latex: {
      f:
        a === 1
          ? String.raw`\begin{cases} z & z > 0 \\ e^{z}-1 & z \le 0 \end{cases}`
          : String.raw`\begin{cases} z & z > 0 \\ ${t}\left(e^{z}-1\right) & z \le 0 \end{cases}`,
      df: String.raw`\begin{cases} 1 & z > 0 \\ ${t}e^{z} & z \le 0 \end{cases}`,
      d2f: String.raw`\begin{cases} 0 & z > 0 \\ ${t}e^{z} & z \le 0 \end{cases}`,
    },
    kink:
      (a === 1
        ? 'f′ is continuous; '
        : `f′ jumps at 0 (1 on the right, ${String(a)} on the left) and the code returns ${String(a)} (left value); `) +
      `f″ jumps at 0 (0 on the right, ${String(a)} on the left) and the code returns ${String(a)} (left value), ` +
      'as PyTorch’s elu_backward, which uses α·e^z for z ≤ 0.',
    kinkAt: [0],
    params: { alpha: a },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The registry
// ---------------------------------------------------------------------------------------------------------------

/**
 * The registry of activations, keyed by {@link ActivationKey}. Entries are frozen.
 *
 * Definitions: σ(z) = 1/(1 + e^{−z}); tanh; hard tanh = clamp(z, −1, 1); hard sigmoid = relu6(z + 3)/6 as in
 * PyTorch (Keras ≤ 2 used clip(0.2z + 0.5, 0, 1) instead); ReLU = max(0, z); leaky ReLU (slope 0.01); identity;
 * softsign z/(1 + |z|); ELU (α = 1); softplus ln(1 + e^z); SiLU z·σ(z); exact GELU z·Φ(z) (Φ via {@link erfc});
 * LeCun's scaled tanh 1.7159·tanh(2z/3) (LeCun et al. 1998, "Efficient BackProp").
 */
export const Activations: { readonly [K in ActivationKey]: Activation<K> } = Object.freeze({
  sigmoid: make({
    key: 'sigmoid',
    label: 'Sigmoid σ',
    f: sigmoidF,
    df: sigmoidDf,
    d2f: sigmoidD2f,
    dfFromOutput: (y) => y * (1 - y),
    range: [0, 1],
    rangeClosed: [false, false],
    props: { bounded: true, monotonic: true, zeroCentred: false, smooth: true, saturating: true },
    maxSlope: { value: 0.25, at: 0 },
    costOfDerivativeGivenOutput: '1 multiply-add from y: y(1 − y)',
    latex: {
      f: String.raw`\frac{1}{1+e^{-z}}`,
      df: String.raw`\sigma(z)\left(1-\sigma(z)\right)`,
      d2f: String.raw`\sigma(z)\left(1-\sigma(z)\right)\left(1-2\sigma(z)\right)`,
    },
    kink: undefined,
    kinkAt: [],
    params: {},
  }),
  tanh: make({
    key: 'tanh',
    label: 'tanh',
    f: tanh,
    df: tanhDf,
    d2f: tanhD2f,
    dfFromOutput: (y) => 1 - y * y,
    range: [-1, 1],
    rangeClosed: [false, false],
    props: { bounded: true, monotonic: true, zeroCentred: true, smooth: true, saturating: true },
    maxSlope: { value: 1, at: 0 },
    costOfDerivativeGivenOutput: '1 multiply-add from y: 1 − y²',
    latex: {
      f: String.raw`\tanh(z)`,
      df: String.raw`1-\tanh^2(z)`,
      d2f: String.raw`-2\tanh(z)\left(1-\tanh^2(z)\right)`,
    },
    kink: undefined,
    kinkAt: [],
    params: {},
  }),
  hardtanh: make({
    key: 'hardtanh',
    label: 'Hard tanh',
    f: (z) => (z < -1 ? -1 : z > 1 ? 1 : z),
    df: (z) => (z > -1 && z < 1 ? 1 : z === z ? 0 : z),
    d2f: zeroD2f,
    dfFromOutput: (y) => (y > -1 && y < 1 ? 1 : y === y ? 0 : y),
    range: [-1, 1],
    rangeClosed: [true, true],
    props: { bounded: true, monotonic: true, zeroCentred: true, smooth: false, saturating: true },
    maxSlope: { value: 1, at: 0 },
    costOfDerivativeGivenOutput: '2 comparisons from y: −1 < y < 1 ? 1 : 0',
    latex: {
      f: String.raw`\begin{cases} -1 & z \le -1 \\ z & -1 < z < 1 \\ 1 & z \ge 1 \end{cases}`,
      df: String.raw`\begin{cases} 1 & -1 < z < 1 \\ 0 & \text{otherwise} \end{cases}`,
      d2f: '0',
    },
    kink:
      'f′ is undefined at z = ±1; the code returns 0 there, as PyTorch’s hardtanh_backward ' +
      '(gradient 0 when z ≤ min_val or z ≥ max_val). f″ is 0 away from ±1 and the code returns 0 at ±1 too.',
    kinkAt: [-1, 1],
    params: {},
  }),
  hardsigmoid: make({
    key: 'hardsigmoid',
    label: 'Hard sigmoid',
    f: (z) => Math.min(Math.max(z + 3, 0), 6) / 6,
    df: (z) => (z > -3 && z < 3 ? 1 / 6 : z === z ? 0 : z),
    d2f: zeroD2f,
    dfFromOutput: (y) => (y > 0 && y < 1 ? 1 / 6 : y === y ? 0 : y),
    range: [0, 1],
    rangeClosed: [true, true],
    props: { bounded: true, monotonic: true, zeroCentred: false, smooth: false, saturating: true },
    maxSlope: { value: 1 / 6, at: 0 },
    costOfDerivativeGivenOutput: '2 comparisons from y: 0 < y < 1 ? 1/6 : 0',
    latex: {
      f: String.raw`\begin{cases} 0 & z \le -3 \\ \frac{z}{6}+\frac{1}{2} & -3 < z < 3 \\ 1 & z \ge 3 \end{cases}`,
      df: String.raw`\begin{cases} \frac{1}{6} & -3 < z < 3 \\ 0 & \text{otherwise} \end{cases}`,
      d2f: '0',
    },
    kink:
      'f′ is undefined at z = ±3; the code returns 0 there, as PyTorch’s hardsigmoid_backward ' +
      '(gradient/6 only for −3 < z < 3). f″ is 0 away from ±3 and the code returns 0 at ±3 too.',
    kinkAt: [-3, 3],
    params: {},
  }),
  relu: make({
    key: 'relu',
    label: 'ReLU',
    f: (z) => Math.max(0, z),
    df: (z) => (z > 0 ? 1 : z === z ? 0 : z),
    d2f: zeroD2f,
    dfFromOutput: (y) => (y > 0 ? 1 : y === y ? 0 : y),
    range: [0, Infinity],
    rangeClosed: [true, false],
    props: { bounded: false, monotonic: true, zeroCentred: false, smooth: false, saturating: true },
    maxSlope: { value: 1, at: 1 },
    costOfDerivativeGivenOutput: '1 comparison from y: y > 0 ? 1 : 0',
    latex: {
      f: String.raw`\max(0, z)`,
      df: String.raw`\begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}`,
      d2f: '0',
    },
    kink:
      'f′(0) is undefined (1 on the right, 0 on the left); the code returns 0 (left value), as PyTorch’s ' +
      'threshold_backward (gradient 0 when z ≤ 0). f″ is 0 away from 0 and the code returns 0 at 0 too.',
    kinkAt: [0],
    params: {},
  }),
  leakyrelu: leakyRelu(0.01),
  identity: make({
    key: 'identity',
    label: 'Identity',
    f: (z) => z,
    df: (z) => (z === z ? 1 : z),
    d2f: zeroD2f,
    dfFromOutput: (y) => (y === y ? 1 : y),
    range: [-Infinity, Infinity],
    rangeClosed: [false, false],
    props: { bounded: false, monotonic: true, zeroCentred: true, smooth: true, saturating: false },
    maxSlope: { value: 1, at: 0 },
    costOfDerivativeGivenOutput: 'free: the constant 1',
    latex: { f: 'z', df: '1', d2f: '0' },
    kink: undefined,
    kinkAt: [],
    params: {},
  }),
  softsign: make({
    key: 'softsign',
    label: 'Softsign',
    f: (z) => {
      const a = Math.abs(z);
      return a === Infinity ? Math.sign(z) : z / (1 + a);
    },
    df: (z) => {
      const d = 1 + Math.abs(z);
      return 1 / (d * d);
    },
    d2f: (z) => {
      const d = 1 + Math.abs(z);
      return (-2 * Math.sign(z)) / (d * d * d);
    },
    dfFromOutput: (y) => {
      const d = 1 - Math.abs(y);
      return d * d;
    },
    range: [-1, 1],
    rangeClosed: [false, false],
    props: { bounded: true, monotonic: true, zeroCentred: true, smooth: false, saturating: true },
    maxSlope: { value: 1, at: 0 },
    costOfDerivativeGivenOutput: '1 abs, 1 subtract, 1 multiply from y: (1 − |y|)²',
    latex: {
      f: String.raw`\frac{z}{1+|z|}`,
      df: String.raw`\frac{1}{\left(1+|z|\right)^2}`,
      d2f: String.raw`-\frac{2\operatorname{sgn}(z)}{\left(1+|z|\right)^3}`,
    },
    kink:
      'f and f′ are continuous; f″ jumps at 0 (−2 on the right, +2 on the left) and the code returns 0 there ' +
      '(sgn(0) = 0, the mean of the one-sided limits).',
    kinkAt: [0],
    params: {},
  }),
  elu: elu(1),
  softplus: make({
    key: 'softplus',
    label: 'Softplus',
    f: (z) => Math.max(z, 0) + Math.log1p(exp(-Math.abs(z))),
    df: sigmoidF,
    d2f: sigmoidDf,
    dfFromOutput: (y) => -expm1(-y),
    range: [0, Infinity],
    rangeClosed: [false, false],
    props: { bounded: false, monotonic: true, zeroCentred: false, smooth: true, saturating: true },
    maxSlope: { value: 1, at: Infinity },
    costOfDerivativeGivenOutput: '1 exp from y: 1 − e^{−y}',
    latex: {
      f: String.raw`\ln\left(1+e^{z}\right)`,
      df: String.raw`\sigma(z)`,
      d2f: String.raw`\sigma(z)\left(1-\sigma(z)\right)`,
    },
    kink: undefined,
    kinkAt: [],
    params: {},
  }),
  silu: make({
    key: 'silu',
    label: 'SiLU (swish)',
    f: (z) => {
      const x = Math.max(z, -MAX); // −Infinity → −MAX so that x·σ(x) = −0 rather than −∞·0
      return x * sigmoidF(x);
    },
    df: (z) => {
      const x = Math.min(Math.max(z, -MAX), MAX);
      const e = exp(-Math.abs(x));
      const d = 1 + e;
      const s = x >= 0 ? 1 / d : e / d;
      return s + (x * e) / (d * d);
    },
    d2f: (z) => {
      const x = Math.min(Math.max(z, -MAX), MAX);
      return sigmoidDf(x) * (2 - x * tanh(0.5 * x));
    },
    dfFromOutput: undefined,
    range: [SILU_MIN, Infinity],
    rangeClosed: [true, false],
    props: { bounded: false, monotonic: false, zeroCentred: true, smooth: true, saturating: true },
    maxSlope: { value: SILU_MAX_SLOPE, at: SILU_MAX_SLOPE_AT },
    costOfDerivativeGivenOutput:
      'not available from y alone (SiLU is not one-to-one); from z and σ(z): σ(z)(1 + z(1 − σ(z))), 2 multiply-adds',
    latex: {
      f: String.raw`z\,\sigma(z)`,
      df: String.raw`\sigma(z)\left(1+z\left(1-\sigma(z)\right)\right)`,
      d2f: String.raw`\sigma(z)\left(1-\sigma(z)\right)\left(2+z\left(1-2\sigma(z)\right)\right)`,
    },
    kink: undefined,
    kinkAt: [],
    params: {},
  }),
  gelu: make({
    key: 'gelu',
    label: 'GELU',
    f: (z) => {
      const x = Math.max(z, -MAX);
      return x * normalCdf(x);
    },
    df: (z) => {
      const x = Math.min(Math.max(z, -MAX), MAX);
      return normalCdf(x) + x * normalPdf(x);
    },
    d2f: (z) => {
      const x = Math.min(Math.max(z, -MAX), MAX);
      const p = normalPdf(x);
      return 2 * p - p * x * x; // φ(x)(2 − x²) without overflowing x² when φ(x) = 0
    },
    dfFromOutput: undefined,
    range: [GELU_MIN, Infinity],
    rangeClosed: [true, false],
    props: { bounded: false, monotonic: false, zeroCentred: true, smooth: true, saturating: true },
    maxSlope: { value: GELU_MAX_SLOPE, at: Math.SQRT2 },
    costOfDerivativeGivenOutput:
      'not available from y alone (GELU is not one-to-one); from z and Φ(z): Φ(z) + z·φ(z), 1 exp + 2 multiply-adds',
    latex: {
      f: String.raw`z\,\Phi(z)`,
      df: String.raw`\Phi(z)+\frac{z}{\sqrt{2\pi}}e^{-z^2/2}`,
      d2f: String.raw`\frac{2-z^2}{\sqrt{2\pi}}e^{-z^2/2}`,
    },
    kink: undefined,
    kinkAt: [],
    params: {},
  }),
  lecuntanh: make({
    key: 'lecuntanh',
    label: 'LeCun tanh',
    f: (z) => LECUN_A * tanh(LECUN_B * z),
    df: (z) => LECUN_AB * tanhDf(LECUN_B * z),
    d2f: (z) => -2 * LECUN_B * tanh(LECUN_B * z) * (LECUN_AB * tanhDf(LECUN_B * z)),
    dfFromOutput: (y) => LECUN_B * (LECUN_A - (y * y) / LECUN_A),
    range: [-LECUN_A, LECUN_A],
    rangeClosed: [false, false],
    props: { bounded: true, monotonic: true, zeroCentred: true, smooth: true, saturating: true },
    maxSlope: { value: LECUN_AB, at: 0 },
    costOfDerivativeGivenOutput: '1 multiply-add from y: (2/3)(1.7159 − y²/1.7159)',
    latex: {
      f: String.raw`1.7159\tanh\left(\frac{2}{3}z\right)`,
      df: String.raw`\frac{2}{3}\cdot1.7159\left(1-\tanh^2\left(\frac{2}{3}z\right)\right)`,
      d2f: String.raw`-2\left(\frac{2}{3}\right)^2\cdot1.7159\tanh\left(\frac{2}{3}z\right)\left(1-\tanh^2\left(\frac{2}{3}z\right)\right)`,
    },
    kink: undefined,
    kinkAt: [],
    params: {},
  }),
});

/**
 * Every registry key, in display order for dropdowns: the two LSTM activations first, then their hard and
 * rescaled variants, the rectifier family, the smooth rectifiers, and the identity last.
 */
export const ACTIVATION_KEYS: readonly ActivationKey[] = Object.freeze([
  'sigmoid',
  'tanh',
  'hardsigmoid',
  'hardtanh',
  'lecuntanh',
  'softsign',
  'relu',
  'leakyrelu',
  'elu',
  'softplus',
  'silu',
  'gelu',
  'identity',
] as const satisfies readonly ActivationKey[]);

/**
 * Whether `s` is a registry key (own keys only: `'toString'` is not one). Use it to validate URL parameters.
 *
 * @param s - any string.
 */
export function isActivationKey(s: string): s is ActivationKey {
  return Object.hasOwn(Activations, s);
}

/**
 * The registry entry for `key`.
 *
 * @param key - a registry key, or any string (e.g. from a URL).
 * @throws RangeError naming the valid keys if `key` is not one of them.
 */
export function getActivation(key: string): Activation {
  if (!isActivationKey(key)) {
    throw new RangeError(`Unknown activation "${key}"; expected one of: ${ACTIVATION_KEYS.join(', ')}`);
  }
  return Activations[key];
}
