/**
 * Shared helpers for the cell tests: a seeded generator, random batches, and a central finite-difference gradient
 * check of every parameter, every input and the initial state(s) of a recurrent layer.
 *
 * The checked loss is L = Σ_{t,b,j} w[t,b,j] · h[t,b,j] with fixed random weights w ~ U(−1, 1), so every step
 * contributes and backward receives dhs = w. A second, optional term u · c_{T−1} (LSTM) exercises `dcLast`.
 */
import type { ActivationFn, Param, Rng, SeqBatch } from '../../src/lib/nn/types.ts';
import type { InstrumentedLayer } from '../../src/lib/nn/gradflow.ts';

/** mulberry32, a small public-domain PRNG, so these tests do not depend on rng.ts. */
export function testRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    int: (n) => Math.floor(next() * n),
  };
}

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
 * Points where each piecewise activation is not differentiable, by registry key. Central differences straddling
 * one of these would compare the mean of the two one-sided slopes with the analytic (one-sided) derivative.
 */
export const KINKS: Readonly<Record<string, readonly number[]>> = {
  relu: [0],
  hardtanh: [-1, 1],
  hardsigmoid: [-3, 3],
  relu6: [0, 6],
};

/** Pre-activation values that pass through an activation, for the kink test. */
export interface KinkSite {
  readonly act: ActivationFn;
  readonly values: Float64Array;
}

/** The smallest distance between any value and a kink of its activation (Infinity if none is piecewise). */
export function distanceToKinks(sites: readonly KinkSite[]): number {
  let d = Infinity;
  for (const { act, values } of sites) {
    const kinks = KINKS[act.key] ?? [];
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
  /** Finite-difference step. Default 1e-6. */
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
 * Relative error |a − n| / max(|a|, |n|, 1e-7): relative for normal-sized gradients, absolute (scaled by 1e7) for
 * gradients that are essentially zero, where a relative error would only measure finite-difference noise.
 */
export function relError(a: number, n: number): number {
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), 1e-7);
}

/**
 * Compares the analytic gradients of L = Σ w·h (+ u·c_{T−1}) with central differences
 * (L(θ + ε) − L(θ − ε)) / 2ε for every param element, every input and every initial-state entry.
 */
export function gradcheck(layer: InstrumentedLayer, o: GradcheckOptions): GradcheckResult {
  const eps = o.eps ?? 1e-6;
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

  let worst: GradcheckEntry = { what: 'none', analytic: 0, numeric: 0, relError: 0 };
  let count = 0;
  for (const [name, values, grad] of analytic) {
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!;
      values[k] = v + eps;
      const lp = loss();
      values[k] = v - eps;
      const lm = loss();
      values[k] = v;
      const numeric = (lp - lm) / (2 * eps);
      const e = relError(grad[k]!, numeric);
      count++;
      if (!(e <= worst.relError)) worst = { what: `${name}[${k}]`, analytic: grad[k]!, numeric, relError: e };
    }
  }
  return { count, worst };
}
