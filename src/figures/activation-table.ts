/**
 * The comparison table of the article "Activation functions, side by side", generated from the registry: range,
 * bounded, zero-centred, mean output for a standard normal input, monotonic, smooth, which tails saturate, max |f′| and where, and the cost of f′ once the
 * output is known. Where the registry gives a property as a boolean, the table shows it; the only derived columns
 * (which tail saturates, where the maximum slope is attained) are computed from the registry's own functions and
 * checked against its booleans in the tests.
 */
import { ACTIVATION_KEYS, Activations, type Activation, type ActivationKey } from '../lib/nn/activations';
import { bisectPredicate } from './analysis';
import { gaussianMean } from './normal-mean';
import { formatNumber, MINUS } from './format';
import { ACTIVATION_NAMES } from '../i18n/activations';
import { ACTIVATION_COSTS, ACTIVATION_TABLE } from '../i18n/activation-table';
import type { Lang } from '../i18n/core';

/** Which tails of f′ go to 0. */
export type Tails = 'both' | 'left' | 'right' | 'none';

export interface TableRow {
  readonly key: ActivationKey;
  readonly label: string;
  /** "(0, 1)", "[−1, 1]", "[0, ∞)", "[≈ −0.2785, ∞)". */
  readonly range: string;
  readonly bounded: boolean;
  readonly zeroCentred: boolean;
  /** The mean output for a standard normal input, E f(Z), as text ({@link meanOutputText}). */
  readonly mean: string;
  readonly monotonic: boolean;
  readonly smooth: boolean;
  readonly saturates: Tails;
  /** max |f′| as text ("1", "0.25", "≈ 1.1"). */
  readonly maxSlope: string;
  /** Where it is attained ("z = 0", "z > 0", "−1 < z < 1", "all z", "as z → ∞ (not attained)"). */
  readonly maxSlopeAt: string;
  readonly cost: string;
}

/** A number rounded to `sig` digits, marked "≈ " when rounding changed it. */
export function approx(v: number, sig = 4): string {
  const s = formatNumber(v, sig);
  return Number(s.replace(MINUS, '-')) === v ? s : `≈ ${s}`;
}

/**
 * The mean output E f(Z) for Z ~ N(0, 1) as text, three significant digits ("0.207"). The value is first rounded to
 * 9 decimals, above the integration error ({@link gaussianMean}, ≈ 10⁻¹⁰), so an exact mean reads exactly: "0.5" for
 * σ and hard sigmoid, "0" for the odd functions.
 */
export function meanOutputText(m: number): string {
  return formatNumber(Number(m.toFixed(9)) + 0, 3);
}

/** The range of f as interval text, with open or closed ends from the registry. */
export function rangeText(a: Activation): string {
  const [lo, hi] = a.range;
  const [cl, ch] = a.rangeClosed;
  const end = (v: number) => (v === Infinity ? '∞' : v === -Infinity ? `${MINUS}∞` : approx(v));
  return `${cl ? '[' : '('}${end(lo)}, ${end(hi)}${ch ? ']' : ')'}`;
}

/** Far enough out that every registry f′ has reached its limit to float precision, or is polynomially small. */
const FAR = 1e6;

/** Which tails saturate: |f′(±FAR)| below 10⁻⁶ of the maximum slope. */
export function saturatingTails(a: Activation): Tails {
  const tiny = 1e-6 * a.maxSlope.value;
  const left = Math.abs(a.df(-FAR)) < tiny;
  const right = Math.abs(a.df(FAR)) < tiny;
  return left && right ? 'both' : left ? 'left' : right ? 'right' : 'none';
}

/** How far (|z|) the plateau search for the maximum slope looks before calling a plateau unbounded. */
const PLATEAU_LIMIT = 64;
const PLATEAU_STEP = 1 / 64;

/**
 * Where |f′| attains its maximum: a single point, an interval (plateau of piecewise-linear functions, with its ends
 * snapped to the registry's kinks and open/closed by evaluating f′ there), all of ℝ, or only in a limit.
 */
export function maxSlopeWhere(a: Activation, lang: Lang = 'en'): string {
  const { value, at } = a.maxSlope;
  const words = ACTIVATION_TABLE[lang];
  if (!Number.isFinite(at)) return words.notAttained(at > 0 ? '' : MINUS);
  const tol = 1e-12 * value;
  const on = (z: number) => Math.abs(Math.abs(a.df(z)) - value) <= tol;
  // A smooth maximum (f′ varies on both sides of `at`) is one point; only plateaus are searched for their ends.
  if (!on(at - PLATEAU_STEP) && !on(at + PLATEAU_STEP)) {
    const t = approx(at);
    return t.startsWith('≈') ? `z ${t}` : `z = ${t}`;
  }
  const edge = (dir: -1 | 1): { end: number; closed: boolean } => {
    let good = at;
    for (let k = 1; k * PLATEAU_STEP <= PLATEAU_LIMIT; k++) {
      const z = at + dir * k * PLATEAU_STEP;
      if (!on(z)) {
        let end = bisectPredicate(on, good, z);
        const kink = a.kinkAt.find((q) => Math.abs(q - end) < 1e-6);
        if (kink !== undefined) end = kink;
        return { end, closed: kink !== undefined ? on(kink) : false };
      }
      good = z;
    }
    return { end: dir * Infinity, closed: false };
  };
  const l = edge(-1);
  const r = edge(1);
  const L = formatNumber(l.end);
  const R = formatNumber(r.end);
  if (l.end === -Infinity && r.end === Infinity) return words.allZ;
  if (l.end === -Infinity) return `z ${r.closed ? '≤' : '<'} ${R}`;
  if (r.end === Infinity) return `z ${l.closed ? '≥' : '>'} ${L}`;
  return `${L} ${l.closed ? '≤' : '<'} z ${r.closed ? '≤' : '<'} ${R}`;
}

/** The table rows for `keys` (default: every registry key, in display order), with words in `lang`. */
export function activationTable(keys: readonly ActivationKey[] = ACTIVATION_KEYS, lang: Lang = 'en'): TableRow[] {
  return keys.map((key) => {
    const a = Activations[key];
    return {
      key,
      label: ACTIVATION_NAMES[lang][key],
      range: rangeText(a),
      bounded: a.props.bounded,
      zeroCentred: a.props.zeroCentred,
      mean: meanOutputText(gaussianMean(a.f)),
      monotonic: a.props.monotonic,
      smooth: a.props.smooth,
      saturates: saturatingTails(a),
      maxSlope: approx(a.maxSlope.value),
      maxSlopeAt: maxSlopeWhere(a, lang),
      cost: ACTIVATION_COSTS[lang][key],
    };
  });
}

/** Display text of a {@link Tails} value. */
export function tailsText(t: Tails, lang: Lang = 'en'): string {
  const w = ACTIVATION_TABLE[lang];
  return t === 'both' ? w.bothTails : t === 'left' ? w.leftTail : t === 'right' ? w.rightTail : w.noTail;
}
