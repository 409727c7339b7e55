/**
 * Small numerical helpers for figures and article numbers: where a predicate holds (with bisection-refined ends),
 * maxima by grid search + golden-section refinement (and the refinement of a sampled extremum), and monotone root
 * finding. All pure and allocation-light.
 */
import type { Fn } from './sampling';
import type { Interval } from './scale';

/** Bisection on a predicate that is `a`-valued at `lo` and not at `hi`: the switch point to ~`tol`. */
export function bisectPredicate(pred: (x: number) => boolean, lo: number, hi: number, tol = 1e-12): number {
  const a = pred(lo);
  let l = lo;
  let h = hi;
  for (let i = 0; i < 200 && Math.abs(h - l) > tol * Math.max(1, Math.abs(l)); i++) {
    const m = 0.5 * (l + h);
    if (pred(m) === a) l = m;
    else h = m;
  }
  return 0.5 * (l + h);
}

/**
 * The maximal sub-intervals of [x0, x1] where `pred` holds, found on an `n`-point grid and with their inner ends
 * refined by bisection. Intervals narrower than the grid spacing may be missed (choose `n` for the features).
 */
export function intervalsWhere(pred: (x: number) => boolean, x0: number, x1: number, n = 2001): Interval[] {
  const out: [number, number][] = [];
  const step = (x1 - x0) / (n - 1);
  let inside = pred(x0);
  let start = x0;
  let prevX = x0;
  for (let k = 1; k < n; k++) {
    const x = k === n - 1 ? x1 : x0 + step * k;
    const p = pred(x);
    if (p !== inside) {
      const edge = bisectPredicate(pred, prevX, x);
      if (inside) out.push([start, edge]);
      else start = edge;
      inside = p;
    }
    prevX = x;
  }
  if (inside) out.push([start, x1]);
  return out;
}

/**
 * Golden-section search for the maximum of `f` on [lo, hi], assumed unimodal there: the interval shrinks by the
 * golden ratio per step until it is as narrow as float64 allows. Near a smooth maximum f changes only quadratically,
 * so the point is found to about √ε relative to the interval (≈ 1e−8) and the value to full precision.
 */
export function goldenMax(f: Fn, lo: number, hi: number): { x: number; value: number } {
  const g = (Math.sqrt(5) - 1) / 2;
  let c = hi - g * (hi - lo);
  let d = lo + g * (hi - lo);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
    if (fc >= fd) {
      hi = d;
      d = c;
      fd = fc;
      c = hi - g * (hi - lo);
      fc = f(c);
    } else {
      lo = c;
      c = d;
      fc = fd;
      d = lo + g * (hi - lo);
      fd = f(d);
    }
  }
  const x = 0.5 * (lo + hi);
  return { x, value: f(x) };
}

/** The point and value of the maximum of `f` on [a, b]: grid search, then golden-section refinement. */
export function maximize(f: Fn, a: number, b: number, n = 2001): { x: number; value: number } {
  let bestK = 0;
  let best = -Infinity;
  const step = (b - a) / (n - 1);
  for (let k = 0; k < n; k++) {
    const v = f(a + step * k);
    if (v > best) {
      best = v;
      bestK = k;
    }
  }
  return refineExtremum(f, a + step * bestK, Math.max(a, a + step * (bestK - 1)), Math.min(b, a + step * (bestK + 1)), 'max');
}

/**
 * Refines an extremum that a sampled curve shows at the sample `x`, whose neighbouring samples are `lo` and `hi`: the
 * true maximum (or minimum) of `f` on [lo, hi] by golden-section search — not the grid point, which can be off by
 * half a sample spacing (the minimum of −e^{−z} + e^{−2z} is at ln 2 ≈ 0.6931, not at the sample 0.683). The
 * sample is kept when the search finds nothing better (a maximum that lies on the grid, as tanh′'s at 0, stays
 * exactly there), and so is a non-finite search result.
 */
export function refineExtremum(f: Fn, x: number, lo: number, hi: number, kind: 'max' | 'min'): { x: number; value: number } {
  const sign = kind === 'max' ? 1 : -1;
  const fx = f(x);
  if (!(hi > lo)) return { x, value: fx };
  const m = goldenMax((z) => sign * f(z), lo, hi);
  return Number.isFinite(m.value) && m.value > sign * fx ? { x: m.x, value: sign * m.value } : { x, value: fx };
}

/**
 * The smallest z ≥ `from` beyond which |f(z)| stays below `threshold`, searching up to `to` (the last upward
 * crossing of |f| = threshold on the grid, refined by bisection). Returns `from` if |f| < threshold throughout.
 */
export function decayPoint(f: Fn, threshold: number, from: number, to: number, n = 4001): number {
  const below = (z: number) => Math.abs(f(z)) < threshold;
  const ivs = intervalsWhere(below, from, to, n);
  const last = ivs.at(-1);
  if (!last || last[1] < to) return to;
  return last[0];
}
