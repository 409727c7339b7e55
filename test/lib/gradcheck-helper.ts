/**
 * Shared helpers for the cell tests: a seeded generator, random batches, and a central finite-difference gradient
 * check of every parameter, every input and the initial state(s) of a recurrent layer.
 *
 * The checked loss is L = Σ_{t,b,j} w[t,b,j] · h[t,b,j] with fixed random weights w ~ U(−1, 1), so every step
 * contributes and backward receives dhs = w. A second, optional term u · c_{T−1} (LSTM) exercises `dcLast`.
 */
import type { ActivationFn, Param, Rng, SeqBatch } from '../../src/lib/nn/types.ts';
import type { InstrumentedLayer } from '../../src/lib/nn/gradflow.ts';
import { createRng } from '../../src/lib/nn/rng.ts';

/** The library's seeded generator (xoshiro128**), re-exported under the name the cell tests use. */
export const testRng: (seed: number) => Rng = createRng;

/** A Float64Array of n draws from U(lo, hi). */
export function uniformArray(rng: Rng, n: number, lo = -1, hi = 1): Float64Array {
  const a = new Float64Array(n);
  for (let k = 0; k < n; k++) a[k] = rng.uniform(lo, hi);
  return a;
}

/** A random time-major batch with x ~ U(−1, 1). */
export function randomBatch(rng: Rng, T: number, B: number, I: number): SeqBatch {
  return { T, B, I, x: uniformArray(rng, T * B * I) };
}

/**
 * Minimum distance of every pre-activation from a kink for a valid check: perturbing one param or input by ±2ε
 * (ε = 1e-4) moves a pre-activation by at most 2ε·(largest |x|, |h|, |c| or weight it multiplies), which stays far
 * below this for the O(1) values used in the tests.
 */
export const KINK_MARGIN = 2e-3;

/** Pre-activation values that pass through an activation, for the kink test. */
export interface KinkSite {
  readonly act: ActivationFn;
  readonly values: Float64Array;
}

/**
 * The smallest distance between any value and a point in its activation's `kinkAt` list (the registry lists every
 * point where f, f′ or f″ is not smooth; Infinity if there is none). A finite-difference stencil straddling such a
 * point compares an average of one-sided slopes (or suffers an O(ε) truncation error for a jump in f″) with the
 * analytic one-sided derivative.
 */
export function distanceToKinks(sites: readonly KinkSite[]): number {
  let d = Infinity;
  for (const { act, values } of sites) {
    const kinks = (act as { readonly kinkAt?: readonly number[] }).kinkAt ?? [];
    for (const kink of kinks) for (const v of values) d = Math.min(d, Math.abs(v - kink));
  }
  return d;
}

/** Options of {@link gradcheck}. */
export interface GradcheckOptions {
  readonly batch: SeqBatch;
  readonly h0?: Float64Array;
  readonly c0?: Float64Array;
  /** Weights of the loss, [T, B, H]. */
  readonly w: Float64Array;
  /** Optional weights u of an extra term u·c_{T−1} (LSTM), passed to backward as `dcLast`. */
  readonly u?: Float64Array;
  /** c_{T−1} of the last forward (needed with `u`). */
  readonly lastCell?: () => Float64Array;
  /** Finite-difference step ε. Default 1e-4 (see {@link gradcheck}). */
  readonly eps?: number;
}

/** One compared entry. */
export interface GradcheckEntry {
  readonly what: string;
  readonly analytic: number;
  readonly numeric: number;
  readonly relError: number;
}

/** The worst entry and how many entries were compared. */
export interface GradcheckResult {
  readonly count: number;
  readonly worst: GradcheckEntry;
}

/**
 * Relative error |a − n| / max(|a|, |n|, floor). The floor (1e-5 times the largest analytic gradient entry of the
 * check, at least 1e-5) makes the comparison absolute (to 1e-11 × that scale at the 1e-6 tolerance) for entries
 * that are 5+ orders of magnitude below the largest one, where a relative error would only measure the
 * finite-difference rounding noise: ≈ 1.5·ulp(L)/ε ≈ 1e-12 for |L| ≈ 3 at ε = 1e-4.
 */
export function relError(a: number, n: number, floor = 1e-5): number {
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), floor);
}

/**
 * Compares the analytic gradients of L = Σ w·h (+ u·c_{T−1}) with the five-point central difference
 * (8·(L(θ + ε) − L(θ − ε)) − (L(θ + 2ε) − L(θ − 2ε))) / 12ε for every param element, every input and every
 * initial-state entry. Its truncation error is O(ε⁴) instead of O(ε²), so ε = 1e-4 gives ~1e-16 truncation and
 * ~1e-12·|L| rounding error, versus ~1e-10·|L| rounding for the two-point formula at its best ε ≈ 1e-6 — which
 * left too little margin below 1e-6 relative error for small gradient entries. The points probed lie within 2ε of
 * θ, so callers keep every pre-activation at least {@link KINK_MARGIN} from a kink.
 */
export function gradcheck(layer: InstrumentedLayer, o: GradcheckOptions): GradcheckResult {
  const eps = o.eps ?? 1e-4;
  const { batch, w, u } = o;
  const loss = (): number => {
    const hs = layer.forward(batch, o.h0, o.c0);
    let s = 0;
    for (let k = 0; k < hs.length; k++) s += w[k]! * hs[k]!;
    if (u !== undefined && o.lastCell !== undefined) {
      const c = o.lastCell();
      for (let k = 0; k < u.length; k++) s += u[k]! * c[k]!;
    }
    return s;
  };
  for (const p of layer.params) p.dw.fill(0);
  layer.forward(batch, o.h0, o.c0);
  const g = layer.backward(w, u === undefined ? {} : { dcLast: u });
  const analytic: Array<[string, Float64Array, Float64Array]> = layer.params.map(
    (p: Param) => [p.name, p.w, p.dw.slice()] as [string, Float64Array, Float64Array],
  );
  analytic.push(['x', batch.x, g.dx.slice()]);
  if (o.h0 !== undefined) analytic.push(['h0', o.h0, g.dh0.slice()]);
  if (o.c0 !== undefined) analytic.push(['c0', o.c0, g.dc0.slice()]);

  let scale = 1;
  for (const [, , grad] of analytic) for (const g of grad) scale = Math.max(scale, Math.abs(g));
  const floor = 1e-5 * scale;
  let worst: GradcheckEntry = { what: 'none', analytic: 0, numeric: 0, relError: 0 };
  let count = 0;
  for (const [name, values, grad] of analytic) {
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!;
      values[k] = v + 2 * eps;
      const lp2 = loss();
      values[k] = v + eps;
      const lp1 = loss();
      values[k] = v - eps;
      const lm1 = loss();
      values[k] = v - 2 * eps;
      const lm2 = loss();
      values[k] = v;
      const numeric = (8 * (lp1 - lm1) - (lp2 - lm2)) / (12 * eps);
      const e = relError(grad[k]!, numeric, floor);
      count++;
      if (!(e <= worst.relError)) worst = { what: `${name}[${k}]`, analytic: grad[k]!, numeric, relError: e };
    }
  }
  return { count, worst };
}

// ---------------------------------------------------------------------------------------------------------------
// Forward-mode dual numbers for the naive reference implementations of the golden tests (no library code).
// ---------------------------------------------------------------------------------------------------------------

/** A dual number v + d·ε with ε² = 0: d carries the derivative along one seeded input direction. */
export interface Dual {
  v: number;
  d: number;
}
/** The dual number v + d·ε. */
export const dual = (v: number, d = 0): Dual => ({ v, d });
/** a + b. */
export const add = (a: Dual, b: Dual): Dual => ({ v: a.v + b.v, d: a.d + b.d });
/** a − b. */
export const sub = (a: Dual, b: Dual): Dual => ({ v: a.v - b.v, d: a.d - b.d });
/** a · b (product rule). */
export const mul = (a: Dual, b: Dual): Dual => ({ v: a.v * b.v, d: a.d * b.v + a.v * b.d });
/** σ(a) = 1/(1 + e^−a), σ′ = σ(1 − σ). */
export const sigmoid = (a: Dual): Dual => {
  const s = 1 / (1 + Math.exp(-a.v));
  return { v: s, d: a.d * s * (1 - s) };
};
/** tanh(a), tanh′ = 1 − tanh². */
export const tanh = (a: Dual): Dual => {
  const t = Math.tanh(a.v);
  return { v: t, d: a.d * (1 - t * t) };
};
/** max(0, a), derivative 1 for a > 0 and 0 otherwise. */
export const relu = (a: Dual): Dual => (a.v > 0 ? a : { v: 0, d: 0 });
