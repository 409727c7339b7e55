/**
 * The computation behind the gradient-flow figures of "Vanishing (and exploding) gradients through time": one
 * random sequence through a vanilla RNN, an LSTM or a GRU built by the site's numerical library, the loss
 * L = vᵀh_{T−1} (v a fixed unit vector), and exact backpropagation through time in the library's overflow-safe
 * mode. Everything here is plain, deterministic TypeScript (no DOM): the islands, the Web Worker, the article's
 * build-time numbers and the unit tests all call the same {@link computeFlow}.
 *
 * What is reported, per lag k = T−1−t (t = 0 … T−1 is the step, T−1 the last one):
 * - `h`: ‖∂L/∂h_t‖, the library's `flow.hNorm` of the backward pass (total derivative; for the LSTM with c_t held
 *   fixed, for the GRU and RNN the full derivative);
 * - `c` (LSTM only): ‖∂L/∂c_t‖, the library's `flow.cNorm` of the same pass (including the path c_t → h_t);
 * - `ref`: the reference curve — for the RNN the bound (γ‖W‖)^k of Pascanu et al. (2013) with γ = max φ′ from the
 *   registry and ‖W‖ the spectral norm of W_hh; for the LSTM the cell path alone, ‖∂L/∂c_{T−1} ⊙ Π f‖ (no
 *   activation derivative on it); for the GRU the direct path alone, ‖∂L/∂h_{T−1} ⊙ Π z‖.
 *
 * Every value is carried as an exact log10 with a {@link NormFlag} (ok / overflow / underflow / zero), so values far
 * outside the float64 range are still placed and named honestly. If the forward pass itself leaves the float64
 * range (an exploding ReLU or identity network), no gradient of L exists; the loss is then moved to the last step
 * whose state is finite, and {@link FlowResult.overflowStep} says so.
 *
 * @module
 */
import { Activations, type ActivationKey } from '../../lib/nn/activations.ts';
import { describeNorms, type NormFlag, type NormSeries } from '../../lib/nn/gradflow.ts';
import { createGru, type Gru } from '../../lib/nn/gru.ts';
import { orthogonal, scaleToSpectralRadius, spectralNorm, spectralRadius } from '../../lib/nn/init.ts';
import { createLstm, type Lstm } from '../../lib/nn/lstm.ts';
import { clipGradNorm, gradNorm, zeroGrad } from '../../lib/nn/optim.ts';
import { createRng } from '../../lib/nn/rng.ts';
import { createRnn, type Rnn } from '../../lib/nn/rnn.ts';
import type { SeqBatch } from '../../lib/nn/types.ts';
import {
  CLIP_THRESHOLD,
  GATE_BLOCKS,
  HIDDEN,
  INPUT,
  type CutReason,
  type FlowOptions,
  type FlowParams,
  type FlowResult,
  type LagSeries,
  type RefKind,
} from './types.ts';

export * from './types.ts';

/**
 * A built network and its input, deterministic in the params. Scenarios share a cached layer (see
 * {@link buildScenario}): one is valid until the next call of `buildScenario` or `computeFlow`.
 */
export interface Scenario {
  readonly layer: Rnn | Lstm | Gru;
  /** The input sequence, at least T × 1 × I long (a longer sequence of the same seed is drawn once). */
  readonly x: Float64Array;
  /** The unit vector v of L = vᵀh_{T−1}. */
  readonly v: Float64Array;
  readonly hidden: number;
  /** Features per step, I ({@link INPUT} for the figures' own networks; a reader's model may have more). */
  readonly inputSize: number;
}

/** Inputs drawn per seed (the figures' longest sequence); longer requests draw more. */
const X_STEPS = 1000;

/** What does not depend on ρ, the gate bias or T: the layer, its initial parameters, W_hh before scaling, the inputs. */
interface Skeleton {
  readonly key: string;
  readonly layer: Rnn | Lstm | Gru;
  /** Copies of every `Param.w` right after initialisation; W_hh holds Q (orthogonal, gain 1) or the unscaled Gaussian. */
  readonly initial: readonly Float64Array[];
  readonly x: Float64Array;
  readonly v: Float64Array;
  readonly hidden: number;
}

/** Skeletons of recent settings, most recent last: one per figure of a page (two share the vanishing-gradients article). */
const skeletons = new Map<string, Skeleton>();
const SKELETONS_KEPT = 3;

/** The skeleton of `p`: built from the seed, or the cached one (a slider that moves ρ or T rebuilds nothing). */
function skeletonOf(p: FlowParams, H: number): Skeleton {
  const steps = Math.max(X_STEPS, p.t);
  const key = `${p.c},${p.a},${p.w},${p.s},${H}`;
  const cached = skeletons.get(key);
  if (cached !== undefined && cached.x.length >= steps * INPUT) {
    skeletons.delete(key);
    skeletons.set(key, cached);
    return cached;
  }
  const rng = createRng(p.s);
  const act = Activations[p.a];
  const layer =
    p.c === 'rnn'
      ? createRnn({ inputSize: INPUT, hiddenSize: H, activation: act, rng })
      : p.c === 'lstm'
        ? createLstm({ inputSize: INPUT, hiddenSize: H, activations: { candidate: act, cellOutput: act }, rng })
        : createGru({ inputSize: INPUT, hiddenSize: H, activations: { candidate: act }, rng });
  const whh = layer.weightHh;
  if (p.w === 'orth') {
    orthogonal(whh, rng, { blocks: GATE_BLOCKS[p.c], gain: 1 });
  } else {
    const std = 1 / Math.sqrt(H);
    for (let k = 0; k < whh.w.length; k++) whh.w[k] = std * rng.normal();
  }
  const x = new Float64Array(steps * INPUT);
  for (let k = 0; k < x.length; k++) x[k] = rng.normal();
  const v = new Float64Array(H).fill(1 / Math.sqrt(H));
  const skeleton = { key, layer, initial: layer.params.map((q) => Float64Array.from(q.w)), x, v, hidden: H };
  skeletons.delete(key);
  skeletons.set(key, skeleton);
  if (skeletons.size > SKELETONS_KEPT) skeletons.delete(skeletons.keys().next().value!);
  return skeleton;
}

/**
 * Builds the network and input of `p`: PyTorch's default initialisation U(−1/√H, 1/√H) of every parameter from
 * the seed, then each gate block of W_hh replaced — ρ·Q with Q from the library's `orthogonal` (exactly what
 * `orthogonal(…, { gain: ρ })` writes), or N(0, 1/H) rescaled by the library's `scaleToSpectralRadius` to radius ρ —,
 * the gate bias written as b_i· = 0, b_h· = bf, and inputs x_t ~ N(0, 1) drawn after the weights (so a shorter
 * sequence is a prefix of a longer one with the same seed). Only ρ, the gate bias and T may change between calls
 * that reuse the cached layer; the result is the same with or without the cache.
 */
export function buildScenario(p: FlowParams, options: FlowOptions = {}): Scenario {
  const H = options.hidden ?? HIDDEN;
  const sk = skeletonOf(p, H);
  const { layer } = sk;
  layer.params.forEach((q, i) => {
    q.w.set(sk.initial[i]!);
    q.dw.fill(0);
  });
  const whh = layer.weightHh;
  if (p.w === 'orth') {
    const q = whh.w;
    for (let k = 0; k < q.length; k++) q[k] = p.r * q[k]!;
  } else {
    scaleToSpectralRadius(whh, p.r, { blocks: GATE_BLOCKS[p.c] });
  }
  if (p.c !== 'rnn') {
    // Rows H … 2H−1 are the forget gate (LSTM: i, f, g, o) or the update gate (GRU: r, z, n).
    for (let j = H; j < 2 * H; j++) {
      layer.biasIh.w[j] = 0;
      layer.biasHh.w[j] = p.bf;
    }
  }
  return { layer, x: sk.x, v: sk.v, hidden: H, inputSize: INPUT };
}

/** The batch of the first `T` steps of a scenario. */
export function prefixBatch(sc: Scenario, T: number): SeqBatch {
  const I = sc.inputSize;
  return { T, B: 1, I, x: sc.x.subarray(0, T * I) };
}

/**
 * First step whose h (or, for the LSTM, c) is not finite or exceeds `limit` in magnitude, or −1. (NaN fails
 * `Math.abs(v) <= limit`, so it counts too.)
 */
function firstBadStep(sc: Scenario, hs: Float64Array, T: number, limit: number): number {
  const H = sc.hidden;
  const cs = sc.layer.kind === 'lstm' ? sc.layer.trace().c : null;
  for (let t = 0; t < T; t++) {
    for (let k = t * H; k < (t + 1) * H; k++) {
      if (!(Math.abs(hs[k]!) <= limit)) return t;
      if (cs !== null && !(Math.abs(cs[k]!) <= limit)) return t;
    }
  }
  return -1;
}

/** States above this size make the backward pass's products (state × state-sized factors) overflow: √MAX_VALUE. */
export const SAFE_STATE = 1e154;

/** Reverses a per-step library series into a per-lag {@link LagSeries}. */
function byLag(s: NormSeries): LagSeries {
  const n = s.log10.length;
  const log10 = new Float64Array(n);
  const flags: NormFlag[] = new Array<NormFlag>(n);
  for (let k = 0; k < n; k++) {
    const t = n - 1 - k;
    log10[k] = s.log10[t]!;
    flags[k] = s.flags[t]!;
  }
  return { log10, flags };
}

/**
 * A {@link LagSeries} from exact log2 values (−Infinity = exact zero), flagged by the library's own rules: the values
 * are handed to `describeNorms` as 1·2^log2 (or 0 for −Infinity), which it flags exactly as it flags the gradients.
 */
export function seriesFromLog2(log2: Float64Array): LagSeries {
  const n = log2.length;
  const ones = new Float64Array(n);
  const scale = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const l = log2[k]!;
    if (l === -Infinity) continue; // norm 0, scale 0: an exact zero
    ones[k] = 1;
    scale[k] = l;
  }
  const s = describeNorms(ones, scale);
  return { log10: s.log10, flags: s.flags };
}

/** log2(2^a + 2^b) for a, b ∈ [−∞, ∞). */
function logAddExp2(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log2(2 ** (a - m) + 2 ** (b - m));
}

/**
 * ‖d ⊙ Π_{m=T−k}^{T−1} g_m‖ for every lag k, exactly in log2 (no overflow or underflow): the norm of a seed vector
 * d (length H) carried back along a path whose only factor per step is the gate vector g_m (the LSTM's forget gate,
 * the GRU's update gate). `gates` is [T, H] (batch of one).
 */
export function gatePathLog2(d: Float64Array, gates: Float64Array, T: number, H: number): Float64Array {
  const acc = new Float64Array(H); // log2 |d_j Π g|
  for (let j = 0; j < H; j++) acc[j] = Math.log2(Math.abs(d[j]!));
  const out = new Float64Array(T);
  for (let k = 0; k < T; k++) {
    if (k > 0) {
      const row = (T - k) * H; // step m = T − k
      for (let j = 0; j < H; j++) acc[j] = acc[j]! + Math.log2(Math.abs(gates[row + j]!));
    }
    let s = -Infinity;
    for (let j = 0; j < H; j++) s = logAddExp2(s, 2 * acc[j]!);
    out[k] = s === -Infinity ? -Infinity : 0.5 * s;
  }
  return out;
}

/** γ = max |φ′| of an activation (the registry's `maxSlope`). */
export function gammaOf(a: ActivationKey): number {
  return Activations[a].maxSlope.value;
}

/**
 * log2 of the bound (γ‖W‖)^k for k = 0 … T−1 (−Infinity for an exactly zero factor at k ≥ 1).
 */
export function boundLog2(gamma: number, wNorm: number, T: number): Float64Array {
  const out = new Float64Array(T);
  const l = Math.log2(gamma * wNorm);
  for (let k = 0; k < T; k++) out[k] = k === 0 ? 0 : k * l;
  return out;
}

interface Pass {
  readonly h: LagSeries;
  readonly c: LagSeries | null;
  readonly dhs: Float64Array;
}

/**
 * The overflow-safe backward pass of L = vᵀh_{T−1} (after a forward pass over the first T steps, run here unless the
 * layer's last forward pass was exactly that).
 */
function backwardFrom(sc: Scenario, T: number, forwardDone: boolean): Pass {
  const { layer, v } = sc;
  const H = sc.hidden;
  if (!forwardDone) layer.forward(prefixBatch(sc, T));
  // Seed ∂L/∂h_{T−1} = v at the last step only.
  const dhs = new Float64Array(T * H);
  dhs.set(v, (T - 1) * H);
  const g = layer.backward(dhs, { rescale: true });
  const h = byLag(describeNorms(g.flow.hNorm, g.flow.scaleLog2));
  const c = layer.kind === 'lstm' ? byLag(describeNorms(g.flow.cNorm, g.flow.scaleLog2)) : null;
  return { h, c, dhs };
}

function hasUndefined(p: Pass): boolean {
  return p.h.flags.includes('undefined') || (p.c?.flags.includes('undefined') ?? false);
}

/**
 * Runs the scenario of `p` and measures the gradient flow (see the module comment). Deterministic: the same params
 * give bit-identical results.
 */
export function computeFlow(p: FlowParams, options: FlowOptions = {}): FlowResult {
  return measureFlow(buildScenario(p, options), p, options);
}

/** Options of {@link measureFlow} beyond {@link FlowOptions}. */
export interface MeasureOptions extends FlowOptions {
  /**
   * Compute the spectral radius of W_hh's first block (default `true`). Its 20 squarings cost 20·H³ multiply-adds,
   * about 10 s at H = 1024: a reader's large model skips it (`wRadius` is then NaN).
   */
  readonly radius?: boolean | undefined;
}

/**
 * The measurements of {@link computeFlow} on any scenario: a figure's own network, or a reader's model with its own
 * input (`p.t` steps; `p.c` and `p.a` name the cell and the activation whose γ the RNN's bound uses).
 */
export function measureFlow(sc: Scenario, p: FlowParams, options: MeasureOptions = {}): FlowResult {
  const { layer, v } = sc;
  const H = sc.hidden;
  // The forward pass may leave the float64 range (exploding ReLU or identity networks). Then no gradient of the loss
  // at step T exists: the loss moves to the last step whose state is finite. If the backward pass from there still
  // overflows (it multiplies states of up to 1e308 together), it moves further back, to the last step whose state
  // is below √MAX_VALUE ≈ 1e154.
  let T = p.t;
  let cutReason: CutReason = null;
  let overflowStep = firstBadStep(sc, layer.forward(prefixBatch(sc, T)), T, Infinity);
  if (overflowStep >= 0) {
    cutReason = 'nonfinite';
    T = Math.max(1, overflowStep);
  }
  let pass = backwardFrom(sc, T, cutReason === null);
  if (cutReason !== null && hasUndefined(pass)) {
    const safe = firstBadStep(sc, layer.forward(prefixBatch(sc, T)), T, SAFE_STATE);
    if (safe > 0) {
      overflowStep = safe;
      cutReason = 'huge';
      T = safe;
      pass = backwardFrom(sc, T, false);
    }
  }
  const { h, c, dhs } = pass;

  const block = { blocks: GATE_BLOCKS[p.c], block: 0 };
  const wNorm = spectralNorm(layer.weightHh, block);
  // 2^20 squarings in Gelfand's formula: the error ~ log(κ)/2^20 is far below what the read-out shows.
  const wRadius = (options.radius ?? true) ? spectralRadius(layer.weightHh, { ...block, iterations: 20 }) : NaN;
  const gamma = gammaOf(p.a);

  let ref: LagSeries;
  let refKind: RefKind;
  let meanGate = NaN;
  if (layer.kind === 'lstm') {
    // ∂L/∂c_{T−1} = v ⊙ o_{T−1} ⊙ φ′(c_{T−1}); then back along the cell path, one forget gate per step.
    const tr = layer.trace();
    const phi = layer.activations.cellOutput;
    const last = (T - 1) * H;
    const d = new Float64Array(H);
    for (let j = 0; j < H; j++) d[j] = v[j]! * tr.o[last + j]! * phi.df(tr.c[last + j]!);
    ref = seriesFromLog2(gatePathLog2(d, tr.f, T, H));
    refKind = 'cell-path';
    meanGate = mean(tr.f, T * H);
  } else if (layer.kind === 'gru') {
    // ∂L/∂h_{T−1} = v; back along the direct path h_{t−1} → z_t ⊙ h_{t−1}, one update gate per step.
    const tr = layer.trace();
    ref = seriesFromLog2(gatePathLog2(v, tr.z, T, H));
    refKind = 'update-path';
    meanGate = mean(tr.z, T * H);
  } else {
    ref = seriesFromLog2(boundLog2(gamma, wNorm, T));
    refKind = 'bound';
  }

  // Gradient clipping on the plain (not rescaled) parameter gradients of the same loss.
  const clipAt = options.clip ?? CLIP_THRESHOLD;
  zeroGrad(layer.params);
  layer.backward(dhs);
  const before = clipGradNorm(layer.params, clipAt);
  const after = Number.isFinite(before) ? gradNorm(layer.params) : NaN;
  const factor = Number.isFinite(before) ? Math.min(1, clipAt / (before + 1e-6)) : NaN;

  return {
    params: { ...p },
    hidden: H,
    T,
    overflowStep,
    cutReason,
    h,
    c,
    ref,
    refKind,
    gamma,
    wNorm,
    wRadius,
    clip: { threshold: clipAt, before, after, factor },
    meanGate,
  };
}

function mean(a: Float64Array, n: number): number {
  let s = 0;
  for (let k = 0; k < n; k++) s += a[k]!;
  return s / n;
}

/** The first lag whose flag is one of `flags`, or −1. */
export function firstLagWith(series: LagSeries, flags: readonly NormFlag[]): number {
  return series.flags.findIndex((f) => flags.includes(f));
}
