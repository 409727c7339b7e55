/**
 * Gradient-flow instruments for the vanishing/exploding-gradient demos.
 *
 * - Per-step ‖∂L/∂h_t‖ and ‖∂L/∂c_t‖ of a real loss come for free from every `backward` (`LayerGradients.flow`).
 * - {@link jacobianNormsByLag} measures how strongly the last state depends on earlier states, ‖∂h_{T−1}/∂h_t‖
 *   (and for the LSTM ‖∂c_{T−1}/∂c_t‖), as a function of the lag T−1−t, with one backward pass per probe vector.
 *
 * Long sequences with large weights make these numbers leave the float64 range (1e±308) within a few hundred
 * steps. The cells' backward passes therefore have a `rescale` mode that keeps the carried adjoint near 1 by exact
 * power-of-two rescaling and records the exponent per step; the results below are reported as log10 values that
 * stay finite, with a float64 value and a {@link NormFlag} per lag that says honestly when that value overflowed,
 * underflowed, is exactly zero, or is undefined because the forward pass itself left the float64 range.
 *
 * @module
 */
import type { GradientFlow, LayerBackwardOptions, LayerGradients, RecurrentLayer, SeqBatch } from './types.ts';

/** Extra options of the cells' `backward(dhs, options)` (all optional; the defaults give plain BPTT). */
export interface BackwardOptions extends LayerBackwardOptions {
  /**
   * An additional seed ∂L/∂c_{T−1} (length B·H) for the last cell state — LSTM only, ignored by other cells.
   * Lets an instrument backpropagate from c_{T−1} instead of (or as well as) from h.
   */
  readonly dcLast?: Float64Array;
  /**
   * An additional seed ∂L/∂h_{T−1} (length B·H) for the last hidden state, added to the last step of `dhs` — every
   * cell. For a loss on the last state only, pass an empty `dhs` (`new Float64Array(0)`) and this seed, instead of
   * a [T, B, H] array that is zero but for its last step.
   */
  readonly dhLast?: Float64Array;
  /**
   * Accumulate parameter gradients into `Param.dw` and compute `dx` (default `true`). With `false` only the state
   * gradients (`dh0`, `dc0`) and the flow norms are computed, `dx` is returned empty and no `dw` changes.
   */
  readonly paramGrads?: boolean;
  /**
   * Overflow-safe mode for instruments (default `false`). Before each step the carried adjoints (∂L/∂h, ∂L/∂c)
   * are multiplied by a power of two whenever their largest magnitude leaves [2^−256, 2^256]; the exponent is
   * recorded in `flow.scaleLog2`. Scaling by 2^k is exact, and backpropagation is linear in the seed, so the
   * true values are the reported ones times 2^scaleLog2[t]. Implies `paramGrads: false`, and requires `dhs` to be
   * zero at every step but the last (throws otherwise), because a per-step seed could not share one scale.
   * This mode also computes every activation slope as `df(z)` from the pre-activation instead of from the output
   * (`dfFromOutput(y)`, the fast default), because a saturated output rounds to exactly ±1 and its output-based
   * slope to exactly 0, which would report a false exact zero instead of a tiny (possibly underflowing) value.
   */
  readonly rescale?: boolean;
}

/** {@link GradientFlow} plus the power-of-two scale used by the `rescale` mode of `backward`. */
export interface ScaledGradientFlow extends GradientFlow {
  /**
   * Per step t: the true norms are `hNorm[t] · 2^scaleLog2[t]` and `cNorm[t] · 2^scaleLog2[t]`. All zeros unless
   * `backward` ran with `rescale: true`. After a rescaled pass, `dh0`/`dc0` carry the scale `scaleLog2[0]`.
   */
  readonly scaleLog2: Float64Array;
}

/** What the cells' `backward` returns: {@link LayerGradients} whose flow carries the rescaling exponents. */
export interface CellGradients extends LayerGradients {
  /** Per-step gradient norms seen during this backward pass, with their power-of-two scales. */
  readonly flow: ScaledGradientFlow;
}

/** A recurrent layer whose `backward` understands {@link BackwardOptions} (all cells of this library). */
export interface InstrumentedLayer extends RecurrentLayer {
  /** See {@link RecurrentLayer.backward} and {@link BackwardOptions}. */
  backward(dhs: Float64Array, options?: BackwardOptions): CellGradients;
}

/**
 * How trustworthy a reported norm is:
 * - `ok`: a positive finite float64 value ≥ {@link UNDERFLOW_LIMIT};
 * - `overflow`: the true value exceeds the float64 range (value reported as Infinity, log10 still exact);
 * - `underflow`: 0 < true value < {@link UNDERFLOW_LIMIT} (value reported as 0, log10 still exact);
 * - `zero`: exactly zero (e.g. every path goes through a dead ReLU or a saturated hard activation); log10 = −∞;
 * - `undefined`: not computable — the forward pass produced a non-finite state at or before the last step, so the
 *   Jacobian is NaN in float64 (value and log10 are NaN).
 */
export type NormFlag = 'ok' | 'overflow' | 'underflow' | 'zero' | 'undefined';

/** Values below this are reported as underflow (0) rather than as tiny subnormal-adjacent numbers. */
export const UNDERFLOW_LIMIT = 1e-300;

/** A norm as a function of the lag, with honest range reporting. Index k of every array is lag k. */
export interface NormSeries {
  /** The norm as a float64 number: Infinity on overflow, 0 on underflow or exact zero, NaN if undefined. */
  readonly value: Float64Array;
  /** log10 of the norm, finite whenever the norm is positive (even far outside the float64 range). */
  readonly log10: Float64Array;
  /** One flag per lag, see {@link NormFlag}. */
  readonly flags: readonly NormFlag[];
  /** True if any lag is flagged `overflow`. */
  readonly overflowed: boolean;
  /** True if any lag is flagged `underflow`. */
  readonly underflowed: boolean;
}

/** What {@link jacobianNormsByLag} returns. */
export interface LagNorms {
  /** Sequence length T; the lags are 0 … T−1 (lag k compares step T−1 with step T−1−k). */
  readonly T: number;
  /** Which norm was computed, see {@link LagNormOptions.mode}. */
  readonly mode: 'vjp' | 'frobenius';
  /** Backward passes used (1 per probe vector; for the LSTM twice that, h and c separately). */
  readonly passes: number;
  /** RMS over the batch of ‖∂h_{T−1}/∂h_{T−1−k}‖ per lag k (see {@link LagNormOptions.mode} for which norm). */
  readonly h: NormSeries;
  /** Same for the cell state c (LSTM only; `null` for other cells). */
  readonly c: NormSeries | null;
  /**
   * First time step whose forward state (h, or c for the LSTM) contains a non-finite number, or −1 if the whole
   * forward pass stayed finite. When ≥ 0 every lag is flagged `undefined`.
   */
  readonly firstNonFiniteStep: number;
}

/** Options of {@link jacobianNormsByLag}. */
export interface LagNormOptions {
  /** Initial hidden state, length B·H (default zeros). */
  readonly h0?: Float64Array;
  /** Initial cell state (LSTM), length B·H (default zeros). */
  readonly c0?: Float64Array;
  /**
   * - `vjp` (default): one backward pass per state with a fixed unit probe vector v per example; reports
   *   ‖vᵀ ∂h_{T−1}/∂h_t‖₂ (a lower bound of the spectral norm, exact for H = 1).
   * - `frobenius`: H passes with the basis vectors e_1 … e_H; reports the Frobenius norm ‖∂h_{T−1}/∂h_t‖_F.
   */
  readonly mode?: 'vjp' | 'frobenius';
  /**
   * Probe vector for `vjp` mode: length H (the same for every example) or B·H (one per example); each example's
   * probe is normalised to unit length. Default (1, …, 1)/√H.
   */
  readonly v?: Float64Array;
}

/**
 * The Jacobian norms ‖∂h_{T−1}/∂h_t‖ (and, for the LSTM, ‖∂c_{T−1}/∂c_t‖) for every t, indexed by the lag
 * k = T−1−t, computed by backpropagation with the overflow-safe `rescale` mode.
 *
 * Exactly what is reported: for each example b and lag k, n_b(k) = ‖v_bᵀ J_b(k)‖₂ (`vjp`) or ‖J_b(k)‖_F
 * (`frobenius`), where J_b(k) is the total derivative of the state at step T−1 with respect to the state at step
 * T−1−k (for h: with c_{T−1−k} held fixed, i.e. the adjoint backprop assigns to h; for c: including the path
 * through h_{T−1−k} = o ⊙ φ(c_{T−1−k})). The series holds the root mean square over the batch,
 * sqrt(Σ_b n_b(k)² / B); at lag 0 it is exactly 1 (`vjp`) or √H (`frobenius`).
 *
 * Side effects: runs `layer.forward(batch, h0, c0)` (so earlier views returned by the layer become stale); does not
 * touch any `Param.dw`.
 */
export function jacobianNormsByLag(layer: InstrumentedLayer, batch: SeqBatch, options: LagNormOptions = {}): LagNorms {
  const { T, B } = batch;
  const H = layer.hiddenSize;
  const BH = B * H;
  const mode = options.mode ?? 'vjp';
  const isLstm = layer.kind === 'lstm';

  const hs = layer.forward(batch, options.h0, options.c0);
  const firstNonFinite = firstNonFiniteStep(layer, hs, T, BH);

  // Probe vectors: one [B·H] seed per pass.
  const probes: Float64Array[] = [];
  if (mode === 'frobenius') {
    for (let j = 0; j < H; j++) {
      const p = new Float64Array(BH);
      for (let b = 0; b < B; b++) p[b * H + j] = 1;
      probes.push(p);
    }
  } else {
    probes.push(unitProbe(options.v, B, H));
  }

  // Per lag, log2 of Σ_b n_b(k)² accumulated over the probes (log-sum-exp so no pass can overflow the sum).
  const hLog2Sq = new Float64Array(T).fill(-Infinity);
  const cLog2Sq = isLstm ? new Float64Array(T).fill(-Infinity) : null;
  const dhs = new Float64Array(T * BH);
  let passes = 0;
  if (firstNonFinite < 0) {
    for (const probe of probes) {
      // Seed ∂(vᵀh_{T−1})/∂h_{T−1} = v, nothing else.
      dhs.set(probe, (T - 1) * BH);
      const gh = layer.backward(dhs, { rescale: true });
      passes++;
      accumulateLog2Sq(hLog2Sq, gh.flow.hNorm, gh.flow.scaleLog2, T);
      if (cLog2Sq !== null) {
        // Seed ∂(vᵀc_{T−1})/∂c_{T−1} = v through the LSTM's extra cell seed, with no h seed.
        dhs.fill(0, (T - 1) * BH);
        const gc = layer.backward(dhs, { rescale: true, dcLast: probe });
        passes++;
        accumulateLog2Sq(cLog2Sq, gc.flow.cNorm, gc.flow.scaleLog2, T);
      }
      dhs.fill(0, (T - 1) * BH);
    }
  }
  const undefinedAll = firstNonFinite >= 0;
  return {
    T,
    mode,
    passes,
    h: seriesFromLog2Sq(hLog2Sq, B, undefinedAll),
    c: cLog2Sq === null ? null : seriesFromLog2Sq(cLog2Sq, B, undefinedAll),
    firstNonFiniteStep: firstNonFinite,
  };
}

/**
 * Turns raw per-step norms (e.g. `LayerGradients.flow.hNorm`, possibly with `scaleLog2` from a rescaled pass) into
 * a {@link NormSeries} indexed like the input (by time step, not lag), flagging Infinity, NaN, exact zeros and values
 * below {@link UNDERFLOW_LIMIT}.
 */
export function describeNorms(norms: Float64Array, scaleLog2?: Float64Array): NormSeries {
  const n = norms.length;
  const log2 = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const v = norms[t]!;
    log2[t] = v !== v ? NaN : Math.log2(v) + (scaleLog2?.[t] ?? 0);
  }
  return seriesFromLog2(log2, false);
}

/** The first step t whose state is non-finite (h, and for an LSTM also c via its trace), or −1. */
function firstNonFiniteStep(layer: RecurrentLayer, hs: Float64Array, T: number, BH: number): number {
  const traced = layer as RecurrentLayer & { trace?: () => { c?: Float64Array } };
  const cs = layer.kind === 'lstm' && typeof traced.trace === 'function' ? traced.trace().c : undefined;
  for (let t = 0; t < T; t++) {
    for (let k = t * BH; k < (t + 1) * BH; k++) {
      if (!Number.isFinite(hs[k]!)) return t;
      if (cs !== undefined && !Number.isFinite(cs[k]!)) return t;
    }
  }
  return -1;
}

/** The probe for `vjp` mode as a [B·H] seed with unit length per example. */
function unitProbe(v: Float64Array | undefined, B: number, H: number): Float64Array {
  const out = new Float64Array(B * H);
  if (v === undefined) {
    out.fill(1 / Math.sqrt(H));
    return out;
  }
  if (v.length !== H && v.length !== B * H) {
    throw new RangeError(`jacobianNormsByLag: v has length ${v.length}, expected H = ${H} or B·H = ${B * H}`);
  }
  for (let b = 0; b < B; b++) {
    const off = v.length === H ? 0 : b * H;
    let s = 0;
    for (let j = 0; j < H; j++) s += v[off + j]! * v[off + j]!;
    const n = Math.sqrt(s);
    if (!(n > 0) || !Number.isFinite(n)) throw new RangeError('jacobianNormsByLag: probe vector must be finite and non-zero');
    for (let j = 0; j < H; j++) out[b * H + j] = v[off + j]! / n;
  }
  return out;
}

/**
 * acc[k] ← log2(2^acc[k] + (norm[t]·2^scale[t])²) for lag k = T−1−t. `norm[t]` is ‖·‖ over the batch of one pass,
 * so its square is Σ_b n_b² of that probe.
 */
function accumulateLog2Sq(acc: Float64Array, norm: Float64Array, scaleLog2: Float64Array, T: number): void {
  for (let t = 0; t < T; t++) {
    const k = T - 1 - t;
    const v = norm[t]!;
    const term = v !== v ? NaN : 2 * (Math.log2(v) + scaleLog2[t]!);
    acc[k] = logAddExp2(acc[k]!, term);
  }
}

/** log2(2^a + 2^b), exact for −∞ arguments, NaN-propagating. */
function logAddExp2(a: number, b: number): number {
  if (a !== a || b !== b) return NaN;
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log2(2 ** (a - m) + 2 ** (b - m));
}

/** RMS over the batch: log2 sqrt(S / B) from log2 S, then the series. */
function seriesFromLog2Sq(log2Sq: Float64Array, B: number, undefinedAll: boolean): NormSeries {
  const log2 = new Float64Array(log2Sq.length);
  for (let k = 0; k < log2.length; k++) log2[k] = undefinedAll ? NaN : 0.5 * (log2Sq[k]! - Math.log2(B));
  return seriesFromLog2(log2, undefinedAll);
}

/** Builds a {@link NormSeries} from exact log2 values (−∞ for an exact zero, NaN for undefined). */
function seriesFromLog2(log2: Float64Array, undefinedAll: boolean): NormSeries {
  const n = log2.length;
  const value = new Float64Array(n);
  const log10 = new Float64Array(n);
  const flags: NormFlag[] = [];
  const maxLog2 = Math.log2(Number.MAX_VALUE);
  const minLog2 = Math.log2(UNDERFLOW_LIMIT);
  let overflowed = false;
  let underflowed = false;
  for (let k = 0; k < n; k++) {
    const l = log2[k]!;
    log10[k] = l * Math.LOG10E * Math.LN2;
    if (undefinedAll || l !== l) {
      value[k] = NaN;
      log10[k] = NaN;
      flags.push('undefined');
    } else if (l === -Infinity) {
      value[k] = 0;
      flags.push('zero');
    } else if (l >= maxLog2 || !Number.isFinite(2 ** l)) {
      value[k] = Infinity;
      flags.push('overflow');
      overflowed = true;
    } else if (l < minLog2) {
      value[k] = 0;
      flags.push('underflow');
      underflowed = true;
    } else {
      value[k] = 2 ** l;
      flags.push('ok');
    }
  }
  return { value, log10, flags, overflowed, underflowed };
}
