/**
 * What the cell explorer shows of a reader's LSTM trace (./cell.ts): one unit at one step, and the share of saturated
 * gates. No imports, so the panel's chunk takes nothing from the pages' shared chunks.
 *
 * @module
 */

/** The LSTM's internals on the probe, [T, H] each (copies: structured-cloneable, safe to post). */
export interface CellTrace {
  readonly T: number;
  readonly H: number;
  readonly i: Float64Array;
  readonly f: Float64Array;
  readonly g: Float64Array;
  readonly o: Float64Array;
  readonly c: Float64Array;
  readonly phiC: Float64Array;
  readonly h: Float64Array;
  /** Pre-activations, [T, 4H]: blocks i, f, g, o of length H per step. */
  readonly pre: Float64Array;
}

/** One unit at one step: what the explorer shows for it. */
export interface UnitStep {
  readonly z: { readonly i: number; readonly f: number; readonly g: number; readonly o: number };
  readonly i: number;
  readonly f: number;
  readonly g: number;
  readonly o: number;
  /** c_{t−1} (0 at t = 0). */
  readonly cPrev: number;
  /** h_{t−1} (0 at t = 0). */
  readonly hPrev: number;
  readonly c: number;
  readonly phiC: number;
  readonly h: number;
}

/** Unit `j` at step `t` of a trace. */
export function unitAt(tr: CellTrace, t: number, j: number): UnitStep {
  const H = tr.H;
  const k = t * H + j;
  const z = t * 4 * H;
  return {
    z: { i: tr.pre[z + j]!, f: tr.pre[z + H + j]!, g: tr.pre[z + 2 * H + j]!, o: tr.pre[z + 3 * H + j]! },
    i: tr.i[k]!,
    f: tr.f[k]!,
    g: tr.g[k]!,
    o: tr.o[k]!,
    cPrev: t === 0 ? 0 : tr.c[k - H]!,
    hPrev: t === 0 ? 0 : tr.h[k - H]!,
    c: tr.c[k]!,
    phiC: tr.phiC[k]!,
    h: tr.h[k]!,
  };
}

/** Gates closer than this to 0 or 1 (and candidates to ±1) count as saturated. */
export const SATURATED = 0.01;

/** Shares of units (0 … 1) at step `t` whose i, f, o are within {@link SATURATED} of 0 or 1 and whose |g| > 1 − it. */
export function saturation(
  tr: CellTrace,
  t: number,
): { readonly i: number; readonly f: number; readonly g: number; readonly o: number } {
  const H = tr.H;
  const near = (a: Float64Array) => {
    let n = 0;
    for (let k = t * H; k < (t + 1) * H; k++) if (a[k]! < SATURATED || a[k]! > 1 - SATURATED) n++;
    return n / H;
  };
  let g = 0;
  for (let k = t * H; k < (t + 1) * H; k++) if (Math.abs(tr.g[k]!) > 1 - SATURATED) g++;
  return { i: near(tr.i), f: near(tr.f), g: g / H, o: near(tr.o) };
}
