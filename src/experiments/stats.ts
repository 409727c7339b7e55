/**
 * The statistics behind every rate and step count the experiment pages show, and the rule that decides when two of
 * them may be called different:
 *
 * - a success rate k/n gets its 95 % **Wilson score interval** (Wilson 1927; method 3 of Newcombe 1998, "Two-sided
 *   confidence intervals for the single proportion: comparison of seven methods", Stat. Med. 17:857–872), which
 *   stays inside [0, 1] and is sensible at k = 0 and k = n, where the textbook (Wald) interval collapses;
 * - the median of a sample (steps to solve) gets the distribution-free 95 % interval between two order statistics
 *   (the binomial "sign test" interval), which needs no assumption about the shape of the distribution;
 * - two results are called different only when their intervals **separate** (one lies wholly above the other). That
 *   is stricter than a 5 % test (two 95 % intervals can overlap a little although a test of the difference would
 *   reject), so a difference it reports is a real one, and "no clear difference at n = …" may hide a small one.
 *
 * Then the wording: `k/n [lo–hi %]`, median (min–max) and `n = …`, in every language of the site (src/i18n).
 *
 * @module
 */
import { formatNumber } from '../figures/format.ts';
import { EXPERIMENT_WORDS } from '../i18n/experiments.ts';
import type { Lang } from '../i18n/core.ts';

/** The 0.975 quantile of the standard normal distribution (two-sided 95 %), to double precision. */
export const WILSON_Z = 1.959963984540054;

/** A closed interval [lo, hi]. */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** A count of successes out of trials (a group's `solved` of its `runs`, or totals over groups). */
export interface Count {
  readonly solved: number;
  readonly runs: number;
}

/** A sample's median and extremes (the steps to solve of a group; src/experiments/results.ts `Spread` fits). */
export interface MedianRange {
  readonly n: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function checkCount(k: number, n: number): void {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`wilson: n must be a positive integer, got ${n}`);
  if (!(Number.isInteger(k) && k >= 0 && k <= n))
    throw new RangeError(`wilson: k must be an integer from 0 to n = ${n}, got ${k}`);
}

/**
 * The Wilson score interval for a proportion k/n (no continuity correction): the p whose score test at level
 * 1 − α does not reject k/n, i.e. ((k + z²/2) ± z √(k(n − k)/n + z²/4)) / (n + z²). Exactly 0 at k = 0 and exactly
 * 1 at k = n (the formula gives them up to rounding).
 */
export function wilson(k: number, n: number, z: number = WILSON_Z): Interval {
  checkCount(k, n);
  const z2 = z * z;
  const centre = (k + z2 / 2) / (n + z2);
  const half = (z / (n + z2)) * Math.sqrt((k * (n - k)) / n + z2 / 4);
  return { lo: k === 0 ? 0 : centre - half, hi: k === n ? 1 : centre + half };
}

/** The Wilson interval of a count. */
export const rateInterval = (c: Count): Interval => wilson(c.solved, c.runs);

/** Whether two intervals separate: one lies wholly above the other (touching is not separating). */
export function differ(a: Interval, b: Interval): boolean {
  return a.hi < b.lo || b.hi < a.lo;
}

/** P(X ≤ j) for X ~ Binomial(n, 1/2), exact for the n of this site (n ≤ 1000). */
function binomHalfCdf(j: number, n: number): number {
  let term = 2 ** -n; // C(n, 0) / 2^n
  let sum = term;
  for (let i = 1; i <= j; i++) {
    term = (term * (n - i + 1)) / i;
    sum += term;
  }
  return sum;
}

/**
 * The ranks (1-based) of the order statistics that bound a distribution-free confidence interval for the median of
 * n values: [x₍ⱼ₎, x₍ₙ₊₁₋ⱼ₎] with the largest j whose coverage 1 − 2 P(B ≤ j − 1), B ~ Bin(n, ½), is at least `level`;
 * null when even [x₍₁₎, x₍ₙ₎] covers less (n ≤ 5 at 95 %: 1 − 2/2⁵ = 0.9375).
 */
export function medianRanks(n: number, level = 0.95): { lo: number; hi: number; coverage: number } | null {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`medianRanks: n must be a positive integer, got ${n}`);
  let best: { lo: number; hi: number; coverage: number } | null = null;
  for (let j = 1; 2 * j <= n; j++) {
    const coverage = 1 - 2 * binomHalfCdf(j - 1, n);
    if (coverage < level) break;
    best = { lo: j, hi: n + 1 - j, coverage };
  }
  return best;
}

/** The distribution-free 95 % interval for the median of a sample (null when the sample is too small for one). */
export function medianInterval(values: readonly number[], level = 0.95): Interval | null {
  const r = values.length > 0 ? medianRanks(values.length, level) : null;
  if (!r) return null;
  const s = [...values].sort((a, b) => a - b);
  return { lo: s[r.lo - 1]!, hi: s[r.hi - 1]! };
}

/** How two success rates compare under the interval rule. */
export type RateVerdict = 'more' | 'fewer' | 'unclear';

/** `more` when a's interval lies wholly above b's, `fewer` when wholly below, else `unclear`. */
export function compareRates(a: Count, b: Count): RateVerdict {
  const ia = rateInterval(a);
  const ib = rateInterval(b);
  if (!differ(ia, ib)) return 'unclear';
  return ia.lo > ib.hi ? 'more' : 'fewer';
}

/** How two samples of steps to solve compare: `slower` when a's median interval lies wholly above b's. */
export type StepsVerdict = 'slower' | 'faster' | 'unclear' | 'too-few';

/**
 * Compares the steps to solve of two groups (each over its solved runs) by their medians' 95 % intervals: `too-few`
 * when either has too few solved runs for an interval (fewer than 6).
 */
export function compareSteps(a: readonly number[], b: readonly number[]): StepsVerdict {
  const ia = medianInterval(a);
  const ib = medianInterval(b);
  if (!ia || !ib) return 'too-few';
  if (!differ(ia, ib)) return 'unclear';
  return ia.lo > ib.hi ? 'slower' : 'faster';
}

/** Significant digits of a step count (steps go up to 20 000: every digit of one). */
export const STEP_DIGITS = 5;

/** Whole per cent, rounded outwards (the printed interval is never narrower than the computed one). */
export function percentBounds(i: Interval): { lo: number; hi: number } {
  return { lo: Math.floor(i.lo * 100 + 1e-9), hi: Math.ceil(i.hi * 100 - 1e-9) };
}

/** "7/10 [35–93 %]": the count and its 95 % Wilson interval in whole per cent. */
export function rateText(c: Count, lang: Lang = 'en'): string {
  const p = percentBounds(rateInterval(c));
  return EXPERIMENT_WORDS[lang].rate(String(c.solved), String(c.runs), String(p.lo), String(p.hi));
}

/** "n = 10". */
export function nText(n: number, lang: Lang = 'en'): string {
  return EXPERIMENT_WORDS[lang].n(String(n));
}

/**
 * "1400 (1000–1600)": the median and the extremes (one value alone when they agree); "—" for no sample. Step counts
 * take `sig` = {@link STEP_DIGITS}, so that a median between two steps (1825) is not rounded to another (1830).
 */
export function spreadText(s: MedianRange | null, lang: Lang = 'en', sig = 3): string {
  if (!s) return EXPERIMENT_WORDS[lang].none;
  if (s.n === 1 || s.min === s.max) return formatNumber(s.median, sig);
  return EXPERIMENT_WORDS[lang].spread(formatNumber(s.median, sig), formatNumber(s.min, sig), formatNumber(s.max, sig));
}
