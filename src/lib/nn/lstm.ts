/**
 * Long short-term memory layer (Hochreiter & Schmidhuber 1997, with the forget gate of Gers et al. 2000) in
 * PyTorch's formulation, float64, with exact backpropagation through time.
 *
 * For each step t (⊙ is the element-wise product, σ the gate activation, ψ the candidate activation, φ the
 * cell-output activation — σ, tanh, tanh by default, as in PyTorch):
 *
 *   i_t = σ(W_ii x_t + b_ii + W_hi h_{t−1} + b_hi)        input gate
 *   f_t = σ(W_if x_t + b_if + W_hf h_{t−1} + b_hf)        forget gate
 *   g_t = ψ(W_ig x_t + b_ig + W_hg h_{t−1} + b_hg)        candidate
 *   o_t = σ(W_io x_t + b_io + W_ho h_{t−1} + b_ho)        output gate
 *   c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t
 *   h_t = o_t ⊙ φ(c_t)
 *
 * Params (PyTorch `nn.LSTM` state_dict, gate blocks stacked in the order i, f, g, o): `weight_ih_l0` [4H, I],
 * `weight_hh_l0` [4H, H], `bias_ih_l0` [4H], `bias_hh_l0` [4H]. PyTorch has two biases per gate; only their sum
 * matters, so e.g. the effective forget bias is b_if + b_hf.
 *
 * Implementation (what makes it fast): each step is one register-blocked multiply of the fused rows [x_t, h_{t−1}]
 * (B × (I+H)) with [W_ih | W_hh]ᵀ, followed by the element-wise cell equations. The backward loop does only the
 * element-wise gate gradients and one multiply ∂[x_t, h_{t−1}] = ∂Z_t·[W_ih | W_hh] per step; the weight gradients are
 * one long multiply ∂Zᵀ·[X, H_prev] over all T·B rows after the loop (with `inputGrads: false`, as in training, the
 * per-step multiply skips the x columns). The multiplies run in WebAssembly SIMD where the runtime has it (`simd.ts`,
 * about 3–4× the JavaScript kernels at these sizes): their operands live on a WebAssembly memory, and the forward
 * multiply uses a stored transpose of [W_ih | W_hh] so that two output columns fill one f64x2 register; elsewhere the
 * JavaScript kernels of `kernels.ts` run, with the same bits. With the default activations (σ, tanh, tanh, no
 * CIFG) the element-wise part of a step is one call, forward (the bias, the gates, c_t, φ(c_t), h_t) and backward
 * (the cell equations in reverse, the norms' sums): in WebAssembly SIMD on the same memory (`simd.ts`), or as
 * fastexact.ts's `lstmForwardCell` and `lstmBackwardCell`, both with the registry's bits; the σ/tanh derivatives
 * are written out from the saved outputs. Other activations go through the registry, one call per element.
 * The bias gradient is the product 1ᵀ·∂Z (1·x = x: the bits of a row-by-row sum).
 * Every change of this kind keeps each sum's order, so results are bit-for-bit those of the plain formulation. Buffers
 * are sized for the largest (T, B) seen so far and only reallocated when a bigger batch arrives; nothing is allocated
 * per step.
 *
 * @module
 */
import type { ActivationFn, Param, Rng, SeqBatch } from './types.ts';
import type { BackwardOptions, CellGradients, InstrumentedLayer, ScaledGradientFlow } from './gradflow.ts';
import { Activations } from './activations.ts';
import { checkBatch, checkSize, checkState, checkSeeds } from './checks.ts';
import { derivativeAt, exactDerivativeAt, type DerivativeAt } from './derivatives.ts';
import { initUniformPytorch } from './init.ts';
import { gemmABt, norm2, rescaleCarries } from './kernels.ts';
import { createRecurrentParams, initStream, type InitMode } from './params.ts';
import type { LstmCellArrays } from './fastexact.ts';
import { createGemmArena, type GemmArena } from './simd.ts';

/** The three activation roles of an LSTM. */
export interface LstmActivations {
  /** σ in i, f, o. Default `Activations.sigmoid`. */
  readonly gate: ActivationFn;
  /** ψ in g. Default `Activations.tanh`. */
  readonly candidate: ActivationFn;
  /** φ in h = o ⊙ φ(c). Default `Activations.tanh`. */
  readonly cellOutput: ActivationFn;
}

/** Options of {@link createLstm}. */
export interface LstmOptions {
  /** Features per input step, I. */
  readonly inputSize: number;
  /** Hidden units, H. */
  readonly hiddenSize: number;
  /** Activation per role; missing roles take the defaults (σ, tanh, tanh). */
  readonly activations?: Partial<LstmActivations>;
  /**
   * Coupled input-forget gate (CIFG, Greff et al. 2017 "LSTM: A search space odyssey"): i_t = 1 − f_t. The params
   * keep their PyTorch shapes so state_dicts stay interchangeable; the input-gate rows (rows 0 … H−1 of both
   * weights and both biases) are then unused: they do not affect the output and always receive zero gradient.
   * `trace().i` reports 1 − f. Default `false`.
   */
  readonly cifg?: boolean;
  /**
   * The stream every param is drawn from, U(−1/√H, 1/√H) like PyTorch's `reset_parameters`, in state_dict order.
   * Default `createRng(DEFAULT_INIT_SEED)` (seed 0): a layer made without one is initialised like PyTorch's, never
   * silently all zero.
   */
  readonly rng?: Rng;
  /**
   * `pytorch` (default): the draws above; `zeros`: every param 0 (for callers that set the weights themselves, as
   * {@link fromStateDict} does; takes no `rng`).
   */
  readonly init?: InitMode;
  /**
   * Added to the forget-gate slice of `bias_hh_l0` (rows H … 2H−1) after initialisation, e.g. 1 as recommended by
   * Jozefowicz et al. 2015. The effective forget bias is b_if + b_hf. Default 0.
   */
  readonly forgetBias?: number;
  /** Initial buffer capacity in time steps (buffers grow when a longer batch arrives). Default 1. */
  readonly maxT?: number;
  /** Initial buffer capacity in batch size. Default 1. */
  readonly maxB?: number;
}

/**
 * The per-step internals of the last `forward`, for figures. All arrays are views valid until the next `forward`;
 * [T, B, H] arrays put (t, b, j) at `(t * B + b) * H + j`.
 */
export interface LstmTrace {
  /** Steps of the last forward. */
  readonly T: number;
  /** Batch size of the last forward. */
  readonly B: number;
  /** Hidden size. */
  readonly H: number;
  /** Input gate i_t, [T, B, H] (1 − f_t with `cifg`). */
  readonly i: Float64Array;
  /** Forget gate f_t, [T, B, H]. */
  readonly f: Float64Array;
  /** Candidate g_t, [T, B, H]. */
  readonly g: Float64Array;
  /** Output gate o_t, [T, B, H]. */
  readonly o: Float64Array;
  /** Cell state c_t, [T, B, H]. */
  readonly c: Float64Array;
  /** φ(c_t), [T, B, H]. */
  readonly phiC: Float64Array;
  /** Hidden state h_t, [T, B, H] (same as the array `forward` returned). */
  readonly h: Float64Array;
  /**
   * Gate pre-activations, [T, B, 4H]: (t, b) row holds the i, f, g, o blocks of length H each, i.e. gate q ∈ {0,1,2,3},
   * unit j at `(t * B + b) * 4H + q * H + j`. With `cifg` the i block is computed but unused.
   *
   * A view on the layer's own buffer, which the next `forward` overwrites, and which holds more than this view: with
   * the SIMD multiplies, it is the layer's WebAssembly memory, all of its multiply operands. Posting it with
   * `postMessage` copies the whole buffer, and transferring it fails (a WebAssembly memory's buffer cannot be
   * detached). To keep or send it, copy it first (`pre.slice()`).
   */
  readonly pre: Float64Array;
}

/** An LSTM layer: a {@link RecurrentLayer} with trace access and instrument options on `backward`. */
export interface Lstm extends InstrumentedLayer {
  /** Always `lstm`. */
  readonly kind: 'lstm';
  /** The activations in use. */
  readonly activations: LstmActivations;
  /** Whether the input gate is coupled to the forget gate (i = 1 − f). */
  readonly cifg: boolean;
  /** `weight_ih_l0`, [4H, I]. */
  readonly weightIh: Param;
  /** `weight_hh_l0`, [4H, H]. */
  readonly weightHh: Param;
  /** `bias_ih_l0`, [4H]. */
  readonly biasIh: Param;
  /** `bias_hh_l0`, [4H]. */
  readonly biasHh: Param;
  /**
   * Runs the sequence; `h0`, `c0` (length B·H) default to zeros. Returns h_t for all t, [T, B, H]: a view on the
   * layer's own buffer, valid until the next `forward` (on WebAssembly memory where the SIMD kernels run, so copy it
   * with `slice()` before posting it to a worker, as for {@link LstmTrace.pre}).
   */
  forward(batch: SeqBatch, h0?: Float64Array, c0?: Float64Array): Float64Array;
  /**
   * Backpropagates ∂L/∂h_t (`dhs`, [T, B, H], or empty for none) and optionally ∂L/∂h_{T−1} (`options.dhLast`) and
   * ∂L/∂c_{T−1} (`options.dcLast`) through the last forward; accumulates into each `Param.dw`; returns ∂L/∂x, ∂L/∂h_0, ∂L/∂c_0 and the per-step norms
   * hNorm[t] = ‖∂L/∂h_t‖, cNorm[t] = ‖∂L/∂c_t‖ (Frobenius over the batch; total derivatives, i.e. including
   * every later path).
   */
  backward(dhs: Float64Array, options?: BackwardOptions): CellGradients;
  /** Views of the gates, cells and states of the last forward. Throws before the first forward. */
  trace(): LstmTrace;
}

/**
 * Creates an LSTM layer with PyTorch's parameter layout and equations (see the module comment).
 *
 * @example
 * const lstm = createLstm({ inputSize: 2, hiddenSize: 16, rng: createRng(1), forgetBias: 1 });
 * const hs = lstm.forward({ T: 50, B: 32, I: 2, x });
 * const { dx } = lstm.backward(dhs);
 */
export function createLstm(options: LstmOptions): Lstm {
  return new LstmLayer(options);
}

/**
 * The implementation behind {@link createLstm}. A class rather than a closure on purpose: all instances share one
 * hidden class and one copy of optimised code for `forward`/`backward`, so a second layer (another H, another
 * experiment) runs exactly as fast as the first. Per-instance closures measured ~17% slower from the second
 * instance on, because V8 then drops the context specialisation of their optimised code.
 */
class LstmLayer implements Lstm {
  readonly kind = 'lstm' as const;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly params: readonly Param[];
  readonly activations: LstmActivations;
  readonly cifg: boolean;
  readonly weightIh: Param;
  readonly weightHh: Param;
  readonly biasIh: Param;
  readonly biasHh: Param;

  // Element-wise functions: f for the forward pass, f′ (from z and y = f(z)) for the backward pass.
  readonly #gateF: (z: number) => number;
  readonly #candF: (z: number) => number;
  readonly #phiF: (z: number) => number;
  readonly #gateD: DerivativeAt;
  readonly #candD: DerivativeAt;
  readonly #phiD: DerivativeAt;
  // f′(z) only, for the rescaled (instrument) backward pass; see `exactDerivativeAt`.
  readonly #gateDz: DerivativeAt;
  readonly #candDz: DerivativeAt;
  readonly #phiDz: DerivativeAt;
  // Whether a role uses the registry's σ or tanh itself: those get inline code (same bits, fewer calls).
  readonly #gateSigmoid: boolean;
  readonly #candTanh: boolean;
  readonly #phiTanh: boolean;
  /** All three are the defaults, without CIFG: the element-wise steps run as one pass (`GemmArena.lstmForward`). */
  readonly #fused: boolean;

  /** Width of a fused input row [x_t, h_{t−1}]: I + H. */
  readonly #K: number;
  /**
   * Where the multiplies' operands live (XH, Z, dZ, dXH, Wcat, WcatT, dWcat): on WebAssembly memory, so that the
   * SIMD kernels of `simd.ts` can run on them, or in plain arrays (same bits) where those are unavailable or every
   * multiply is too small to gain from them (e.g. I = H = 1 and T = B = 1).
   */
  #arena: GemmArena | null = null;
  /** [W_ih | W_hh], [4H, I + H], refreshed from the params at every forward. */
  #Wcat = new Float64Array(0);
  /** Its transpose, [I + H, 4H], for the forward multiply in SIMD (refreshed with it when the arena has SIMD). */
  #WcatT = new Float64Array(0);
  /** ∂L/∂[W_ih | W_hh] of one backward, [4H, I + H]. */
  #dWcat = new Float64Array(0);
  /** b_ih + b_hh, [4H]. */
  #bsum: Float64Array;
  /** Σ over rows of ∂L/∂Z, [4H]. */
  #dbsum = new Float64Array(0);
  /** R ones: Σ over rows as the product 1ᵀ·∂Z. */
  #ones = new Float64Array(0);

  // Buffers sized for #capT × #capB (rows R = capT · capB); reallocated only when a bigger batch arrives.
  #capT = 0;
  #capB = 0;
  #XH = new Float64Array(0); // fused rows [x_t, h_{t−1}], [T, B, I + H]
  #Z = new Float64Array(0); // pre-activations, [T, B, 4H]
  #Gi = new Float64Array(0); // gates and candidate, [T, B, H] each
  #Gf = new Float64Array(0);
  #Gg = new Float64Array(0);
  #Go = new Float64Array(0);
  #Hs = new Float64Array(0); // h_0 … h_{T−1}, [T, B, H]
  #Cs = new Float64Array(0); // c0, c_0 … c_{T−1}, [T + 1, B, H]
  #Phi = new Float64Array(0); // φ(c_t), [T, B, H]
  #dZ = new Float64Array(0); // ∂L/∂Z, [T, B, 4H]
  #dXH = new Float64Array(0); // ∂L/∂[x_t, h_{t−1}] of the current step, [B, I + H]
  #dx = new Float64Array(0); // ∂L/∂x, [T, B, I]
  #dh = new Float64Array(0); // ∂L/∂h_t of the current step, [B, H]
  #dc = new Float64Array(0); // ∂L/∂c_t of the current step, [B, H]
  #dcNext = new Float64Array(0); // carried ∂L/∂c_{t−1} = f_t ⊙ ∂c_t, [B, H]
  #dc0 = new Float64Array(0); // ∂L/∂c0 as returned (a plain copy of #dcNext), [B, H]
  #dHs = new Float64Array(0); // a copy of `backward`'s dhs on the arena, [T, B, H]
  /** The arrays of the element-wise steps (views of the buffers above), for the arena's fused passes. */
  #cell: LstmCellArrays | null = null;
  #dh0 = new Float64Array(0); // ∂L/∂h0, [B, H]
  #hNorm = new Float64Array(0);
  #cNorm = new Float64Array(0);
  #scaleLog2 = new Float64Array(0);
  #zeros = new Float64Array(0);
  #lastT = 0;
  #lastB = 0;

  constructor(options: LstmOptions) {
    const I = options.inputSize;
    const H = options.hiddenSize;
    checkSize('createLstm: inputSize', I);
    checkSize('createLstm: hiddenSize', H);
    this.inputSize = I;
    this.hiddenSize = H;
    this.activations = Object.freeze({
      gate: options.activations?.gate ?? Activations.sigmoid,
      candidate: options.activations?.candidate ?? Activations.tanh,
      cellOutput: options.activations?.cellOutput ?? Activations.tanh,
    });
    this.cifg = options.cifg ?? false;
    const params = createRecurrentParams(4, I, H);
    this.params = params;
    [this.weightIh, this.weightHh, this.biasIh, this.biasHh] = params;
    const rng = initStream('createLstm', options.rng, options.init);
    if (rng !== null) initUniformPytorch(params, H, rng);
    const forgetBias = options.forgetBias ?? 0;
    for (let j = H; j < 2 * H; j++) this.biasHh.w[j] += forgetBias;

    this.#gateF = this.activations.gate.f;
    this.#candF = this.activations.candidate.f;
    this.#phiF = this.activations.cellOutput.f;
    this.#gateD = derivativeAt(this.activations.gate);
    this.#candD = derivativeAt(this.activations.candidate);
    this.#phiD = derivativeAt(this.activations.cellOutput);
    this.#gateDz = exactDerivativeAt(this.activations.gate);
    this.#candDz = exactDerivativeAt(this.activations.candidate);
    this.#phiDz = exactDerivativeAt(this.activations.cellOutput);
    this.#gateSigmoid = this.activations.gate === Activations.sigmoid;
    this.#candTanh = this.activations.candidate === Activations.tanh;
    this.#phiTanh = this.activations.cellOutput === Activations.tanh;
    this.#fused = this.#gateSigmoid && this.#candTanh && this.#phiTanh && !this.cifg;
    this.#K = I + H;
    this.#bsum = new Float64Array(4 * H);
    this.#ensureCapacity(options.maxT ?? 1, options.maxB ?? 1);
  }

  #ensureCapacity(T: number, B: number): void {
    if (T <= this.#capT && B <= this.#capB) return;
    const capT = (this.#capT = Math.max(T, this.#capT));
    const capB = (this.#capB = Math.max(B, this.#capB));
    const R = capT * capB;
    const H = this.hiddenSize;
    const K = this.#K;
    // The largest multiply is ∂W's over all R rows (4H·K·R multiply-adds; the per-step ones are capB·4H·K at most).
    // Below the SIMD size threshold every multiply runs in JavaScript, and the arena allocates no WebAssembly memory.
    // Everything the element-wise steps touch lives on the arena too, for its SIMD passes.
    const RH = R * H,
      BH = capB * H,
      H4K = 4 * H * K;
    // Every buffer by name and length, in the order of `arena.buffers`.
    const layout = {
      XH: R * K,
      Z: R * 4 * H,
      dZ: R * 4 * H,
      dXH: capB * K,
      Wcat: H4K,
      WcatT: H4K,
      dWcat: H4K,
      Gi: RH,
      Gf: RH,
      Gg: RH,
      Go: RH,
      Cs: (R + capB) * H,
      Phi: RH,
      bsum: 4 * H,
      Hs: RH,
      dHs: RH,
      dcNext: BH,
      dh: BH,
      dc: BH,
      sums: 2,
      ones: R,
      dbsum: 4 * H,
    };
    const arena = createGemmArena(Object.values(layout), { maxProduct: 4 * H * K * R });
    this.#arena = arena;
    const buf = Object.fromEntries(Object.keys(layout).map((name, k) => [name, arena.buffers[k]!])) as Record<
      keyof typeof layout,
      Float64Array<ArrayBuffer>
    >;
    [this.#XH, this.#Z, this.#dZ, this.#dXH] = [buf.XH, buf.Z, buf.dZ, buf.dXH];
    [this.#Wcat, this.#WcatT, this.#dWcat] = [buf.Wcat, buf.WcatT, buf.dWcat];
    [this.#Gi, this.#Gf, this.#Gg, this.#Go, this.#Cs, this.#Phi] = [buf.Gi, buf.Gf, buf.Gg, buf.Go, buf.Cs, buf.Phi];
    buf.bsum.set(this.#bsum);
    this.#bsum = buf.bsum;
    [this.#Hs, this.#dHs, this.#dcNext, this.#dh, this.#dc] = [buf.Hs, buf.dHs, buf.dcNext, buf.dh, buf.dc];
    this.#ones = buf.ones.fill(1);
    this.#dbsum = buf.dbsum;
    const { Hs, dHs, dcNext, dh, dc, sums } = buf;
    this.#cell = {
      z: this.#Z,
      bias: buf.bsum,
      gi: this.#Gi,
      gf: this.#Gf,
      gg: this.#Gg,
      go: this.#Go,
      cs: this.#Cs,
      phi: this.#Phi,
      hs: Hs,
      xh: this.#XH,
      dhs: dHs,
      dxh: this.#dXH,
      dcN: dcNext,
      dz: this.#dZ,
      dh: dh,
      dc: dc,
      sums: sums,
    };
    this.#dx = new Float64Array(R * this.inputSize);
    this.#dc0 = new Float64Array(BH);
    this.#dh0 = new Float64Array(BH);
    this.#hNorm = new Float64Array(capT);
    this.#cNorm = new Float64Array(capT);
    this.#scaleLog2 = new Float64Array(capT);
  }

  forward(batch: SeqBatch, h0?: Float64Array, c0?: Float64Array): Float64Array {
    const I = this.inputSize;
    const H = this.hiddenSize;
    checkBatch('lstm', batch, I);
    const { T, B } = batch;
    const BH = B * H;
    checkState('lstm', 'h0', h0, BH);
    checkState('lstm', 'c0', c0, BH);
    this.#ensureCapacity(T, B);
    this.#lastT = T;
    this.#lastB = B;
    const H4 = 4 * H,
      K = this.#K;
    const Wcat = this.#Wcat,
      bs = this.#bsum,
      xh = this.#XH,
      cs = this.#Cs;

    // Fused operands: Wcat = [W_ih | W_hh] row by row, bs = b_ih + b_hh, XH rows = [x_t, h_{t−1}].
    const wih = this.weightIh.w,
      whh = this.weightHh.w,
      bih = this.biasIh.w,
      bhh = this.biasHh.w;
    for (let r = 0; r < H4; r++) {
      for (let k = 0; k < I; k++) Wcat[r * K + k] = wih[r * I + k]!;
      for (let k = 0; k < H; k++) Wcat[r * K + I + k] = whh[r * H + k]!;
      bs[r] = bih[r]! + bhh[r]!;
    }
    if (this.#arena!.simd) {
      const WcatT = this.#WcatT;
      for (let r = 0; r < H4; r++) for (let k = 0; k < K; k++) WcatT[k * H4 + r] = Wcat[r * K + k]!;
    }
    const x = batch.x;
    for (let r = 0; r < T * B; r++) for (let k = 0; k < I; k++) xh[r * K + k] = x[r * I + k]!;
    for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) xh[b * K + I + j] = h0 === undefined ? 0 : h0[b * H + j]!;
    if (c0 === undefined) cs.fill(0, 0, BH);
    else cs.set(c0);

    // One small method per step (instead of one long loop) lets V8 optimise it as a whole after a few calls,
    // rather than through on-stack replacement, whose exits deoptimised the long loop again and again.
    for (let t = 0; t < T; t++) this.#forwardStep(t, T, B);
    return this.#Hs.subarray(0, T * BH);
  }

  /**
   * Step t of the forward pass: Z_t from one fused multiply, then the cell equations for all B·H units in short
   * passes over all B rows (gates and candidate, which also add the bias; c_t; φ(c_t); h_t). With the default
   * activations the arena's `lstmForward` does all of it in one call (WebAssembly SIMD where the arena has it, else
   * fastexact.ts's `lstmForwardCell`; both the registry's bits without its data-dependent branches); with CIFG and
   * a default σ or tanh the arena's `biasSigmoidRows`, `biasTanhRows` and `tanhInto`; other activations are called
   * through the registry.
   */
  #forwardStep(t: number, T: number, B: number): void {
    const I = this.inputSize,
      H = this.hiddenSize,
      H4 = 4 * H,
      K = this.#K,
      BH = B * H,
      cifg = this.cifg;
    const gateF = this.#gateF,
      candF = this.#candF,
      phiF = this.#phiF;
    const gateSigmoid = this.#gateSigmoid,
      candTanh = this.#candTanh,
      phiTanh = this.#phiTanh;
    const bs = this.#bsum,
      xh = this.#XH,
      z = this.#Z;
    const gi = this.#Gi,
      gf = this.#Gf,
      gg = this.#Gg,
      go = this.#Go,
      hs = this.#Hs,
      cs = this.#Cs,
      phi = this.#Phi;
    const feed = t + 1 < T;
    // Z_t = [x_t, h_{t−1}]·[W_ih | W_hh]ᵀ (+ b_ih + b_hh below): one multiply per step. In SIMD it multiplies by
    // the stored transpose instead (A·(Wᵀ) with the same sums in the same order: the same bits).
    const arena = this.#arena!;
    if (arena.simd) arena.gemmAB(B, H4, K, xh, t * B * K, K, this.#WcatT, 0, H4, z, t * B * H4, H4, false);
    else gemmABt(B, H4, K, xh, t * B * K, K, this.#Wcat, 0, K, z, t * B * H4, H4, false);
    const z0 = t * B * H4,
      row0 = t * B * H; // (t, 0) in [T, B, H]
    if (this.#fused) {
      // The default activations: the bias, the gates, c_t, φ(c_t) and h_t in one pass over all B rows, in SIMD
      // where the arena has it (fastexact.ts's `lstmForwardCell` otherwise: the same bits).
      arena.lstmForward(this.#cell!, t, B, H, I, feed);
      return;
    }
    // Z_t += b_ih + b_hh, fused into the activation passes over all B rows: i = σ(z_i), f = σ(z_f), o = σ(z_o),
    // g = ψ(z_g); with CIFG i = 1 − f (set in the cell pass; z_i still gets its bias, for the trace). The arena runs
    // the default σ and tanh in WebAssembly SIMD where it can, otherwise fastexact.ts's loops (the same bits).
    if (gateSigmoid) {
      if (cifg) for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) z[z0 + b * H4 + j] += bs[j]!;
      else arena.biasSigmoidRows(z, z0, H4, bs, 0, H, B, gi, row0, H);
      arena.biasSigmoidRows(z, z0 + H, H4, bs, H, H, B, gf, row0, H);
      arena.biasSigmoidRows(z, z0 + 3 * H, H4, bs, 3 * H, H, B, go, row0, H);
    } else {
      for (let b = 0; b < B; b++) {
        const zRow = z0 + b * H4,
          row = row0 + b * H;
        for (let j = 0; j < H; j++) {
          const zi = (z[zRow + j] += bs[j]!);
          if (!cifg) gi[row + j] = gateF(zi);
          gf[row + j] = gateF((z[zRow + H + j] += bs[H + j]!));
          go[row + j] = gateF((z[zRow + 3 * H + j] += bs[3 * H + j]!));
        }
      }
    }
    if (candTanh) arena.biasTanhRows(z, z0 + 2 * H, H4, bs, 2 * H, H, B, gg, row0, H);
    else {
      for (let b = 0; b < B; b++) {
        const zg = z0 + b * H4 + 2 * H,
          row = row0 + b * H;
        for (let j = 0; j < H; j++) gg[row + j] = candF((z[zg + j] += bs[2 * H + j]!));
      }
    }
    // c_t = f ⊙ c_{t−1} + i ⊙ g   (c_{t−1} at k, c_t at k + BH in Cs)
    for (let k = row0; k < row0 + BH; k++) {
      const f = gf[k]!;
      const i = cifg ? 1 - f : gi[k]!;
      cs[k + BH] = f * cs[k]! + i * gg[k]!;
      if (cifg) gi[k] = i;
    }
    // φ(c_t), then h_t = o ⊙ φ(c_t)
    if (phiTanh) arena.tanhInto(cs, row0 + BH, BH, phi, row0);
    else for (let k = row0; k < row0 + BH; k++) phi[k] = phiF(cs[k + BH]!);
    for (let b = 0; b < B; b++) {
      const row = row0 + b * H;
      const next = (t + 1) * B * K + b * K + I; // h_t's slot in the next fused row (none after the last step)
      for (let j = 0; j < H; j++) {
        const h = go[row + j]! * phi[row + j]!;
        hs[row + j] = h;
        if (feed) xh[next + j] = h;
      }
    }
  }

  /** Zeros standing in for an empty `dhs` (allocated on first use, grown with the batch). */
  #noSeeds(n: number): Float64Array {
    if (this.#zeros.length < n) this.#zeros = new Float64Array(n);
    return this.#zeros.subarray(0, n);
  }

  backward(dhs: Float64Array, opts: BackwardOptions = {}): CellGradients {
    const T = this.#lastT;
    const B = this.#lastB;
    if (T === 0) throw new Error('lstm.backward: call forward first');
    const I = this.inputSize;
    const H = this.hiddenSize;
    const BH = B * H;
    const R = T * B;
    checkSeeds('lstm', dhs, R * H, opts.dhLast, BH);
    if (dhs.length === 0) dhs = this.#noSeeds(R * H);
    const fused = this.#fused && !(opts.rescale ?? false);
    // The fused backward pass reads ∂L/∂h_t from the arena (where its SIMD pass can address it).
    if (fused) this.#dHs.set(dhs.subarray(0, R * H));
    const rescale = opts.rescale ?? false;
    const paramGrads = !rescale && (opts.paramGrads ?? true);
    const inputGrads = paramGrads && (opts.inputGrads ?? true);
    if (rescale) {
      for (let k = 0; k < (T - 1) * BH; k++) {
        if (dhs[k] !== 0) throw new RangeError('lstm.backward: rescale needs dhs to be zero before the last step');
      }
    }
    const dcLast = opts.dcLast;
    if (dcLast !== undefined && dcLast.length !== BH) {
      throw new RangeError(`lstm.backward: dcLast has length ${dcLast.length}, expected B·H = ${BH}`);
    }
    const K = this.#K,
      dxh = this.#dXH,
      dcN = this.#dcNext,
      dh0 = this.#dh0,
      scaleLog2 = this.#scaleLog2;
    // The carried ∂L/∂h_{t−1} lives in columns I … I+H−1 of dXH (written by the multiply at the end of each step).
    // The x columns are cleared too: the rescaled mode measures all of dXH, and must not see a previous call's ∂x.
    dxh.fill(0, 0, B * K);
    const dhLast = opts.dhLast;
    if (dhLast !== undefined) for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) dxh[b * K + I + j] = dhLast[b * H + j]!;
    if (dcLast === undefined) dcN.fill(0, 0, BH);
    else dcN.set(dcLast);
    let scale = 0;
    for (let t = T - 1; t >= 0; t--) {
      if (rescale) scale = rescaleCarries(dxh, B * K, dcN, BH, scale);
      scaleLog2[t] = scale;
      this.#backwardStep(t, B, dhs, rescale, fused, inputGrads, paramGrads && !inputGrads);
    }
    for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) dh0[b * H + j] = dxh[b * K + I + j]!;
    if (paramGrads) this.#accumulateParamGrads(R);
    const dc0 = this.#dc0;
    dc0.set(dcN.subarray(0, BH));

    const flow: ScaledGradientFlow = {
      hNorm: this.#hNorm.subarray(0, T),
      cNorm: this.#cNorm.subarray(0, T),
      scaleLog2: scaleLog2.subarray(0, T),
    };
    return {
      dx: this.#dx.subarray(0, inputGrads ? R * I : 0),
      dh0: dh0.subarray(0, BH),
      dc0: dc0.subarray(0, BH),
      flow,
    };
  }

  /**
   * Step t of the backward pass: the cell equations in reverse for all B·H units (reading the carried ∂L/∂h_t and
   * ∂L/∂c_t, writing ∂L/∂Z_t and the new ∂L/∂c_{t−1}), the per-step norms, then ∂[x_t, h_{t−1}] = ∂Z_t·Wcat.
   * The derivatives of the default σ and tanh are written out inline (y(1 − y), 1 − y², exactly the registry's
   * `dfFromOutput`), and the sums of squares for the norms are accumulated in the same loop, in the same order
   * as {@link norm2}, which is only called when that plain sum leaves the safe range. With the default activations
   * (`fused`) the arena's `lstmBackward` runs that loop in one call (SIMD, or fastexact.ts's `lstmBackwardCell`).
   */
  #backwardStep(t: number, B: number, dhs: Float64Array, exact: boolean, fused: boolean, keepDx: boolean, hOnly: boolean): void {
    const I = this.inputSize,
      H = this.hiddenSize,
      H4 = 4 * H,
      K = this.#K,
      BH = B * H,
      cifg = this.cifg;
    const gateD = exact ? this.#gateDz : this.#gateD;
    const candD = exact ? this.#candDz : this.#candD;
    const phiD = exact ? this.#phiDz : this.#phiD;
    const gateSigmoid = !exact && this.#gateSigmoid,
      candTanh = !exact && this.#candTanh,
      phiTanh = !exact && this.#phiTanh;
    const z = this.#Z,
      gi = this.#Gi,
      gf = this.#Gf,
      gg = this.#Gg,
      go = this.#Go,
      cs = this.#Cs,
      phi = this.#Phi;
    const dz = this.#dZ,
      dxh = this.#dXH,
      dhT = this.#dh,
      dcT = this.#dc,
      dcN = this.#dcNext;
    const dhsOff = t * BH;
    let sumH = 0,
      sumC = 0;
    if (fused) {
      // The default activations: the whole pass below in one call, in SIMD where the arena has it (fastexact.ts's
      // `lstmBackwardCell` otherwise), with the same bits and the same sums.
      const cell = this.#cell!;
      this.#arena!.lstmBackward(cell, t, B, H, I);
      sumH = cell.sums[0]!;
      sumC = cell.sums[1]!;
    }
    for (let b = 0; b < (fused ? 0 : B); b++) {
      const zRow = (t * B + b) * H4;
      const row = (t * B + b) * H;
      const s = b * H;
      const carry = b * K + I;
      for (let j = 0; j < H; j++) {
        const k = row + j;
        // ∂L/∂h_t: from the loss at step t and from step t+1 (∂Z_{t+1}·W_hh).
        const dht = dhs[dhsOff + s + j]! + dxh[carry + j]!;
        const i = gi[k]!,
          f = gf[k]!,
          g = gg[k]!,
          o = go[k]!,
          p = phi[k]!;
        const cPrev = cs[k]!;
        // h_t = o ⊙ φ(c_t):  ∂o = ∂h ⊙ φ(c_t),  ∂c_t += ∂h ⊙ o ⊙ φ′(c_t)
        const dO = dht * p;
        const dct = dcN[s + j]! + dht * o * (phiTanh ? 1 - p * p : phiD(cs[k + BH]!, p));
        // c_t = f ⊙ c_{t−1} + i ⊙ g:  ∂i = ∂c ⊙ g,  ∂f = ∂c ⊙ c_{t−1},  ∂g = ∂c ⊙ i,  ∂c_{t−1} = ∂c ⊙ f
        const dI = dct * g;
        const dF = dct * cPrev;
        const dG = dct * i;
        dcN[s + j] = dct * f;
        // Gates from their pre-activations: ∂z = ∂(gate) ⊙ act′(z).
        // With CIFG, i = 1 − f: the i rows get no gradient and f collects −∂i.
        if (cifg) {
          dz[zRow + j] = 0;
          dz[zRow + H + j] = (dF - dI) * (gateSigmoid ? f * (1 - f) : gateD(z[zRow + H + j]!, f));
        } else {
          dz[zRow + j] = dI * (gateSigmoid ? i * (1 - i) : gateD(z[zRow + j]!, i));
          dz[zRow + H + j] = dF * (gateSigmoid ? f * (1 - f) : gateD(z[zRow + H + j]!, f));
        }
        dz[zRow + 2 * H + j] = dG * (candTanh ? 1 - g * g : candD(z[zRow + 2 * H + j]!, g));
        dz[zRow + 3 * H + j] = dO * (gateSigmoid ? o * (1 - o) : gateD(z[zRow + 3 * H + j]!, o));
        dhT[s + j] = dht;
        dcT[s + j] = dct;
        sumH += dht * dht;
        sumC += dct * dct;
      }
    }
    // ‖∂L/∂h_t‖, ‖∂L/∂c_t‖: the sums above are norm2's own first pass; it is needed only outside its safe range.
    this.#hNorm[t] = sumH < 1e300 && sumH > 1e-300 ? Math.sqrt(sumH) : norm2(dhT, 0, BH);
    this.#cNorm[t] = sumC < 1e300 && sumC > 1e-300 ? Math.sqrt(sumC) : norm2(dcT, 0, BH);
    // Z_t = [x_t, h_{t−1}]·Wcatᵀ + b:  ∂[x_t, h_{t−1}] = ∂Z_t·Wcat (one multiply; the h part is the next carry).
    // When training without input gradients only the h columns are needed (each column is its own sum: same bits).
    const arena = this.#arena!;
    if (hOnly) arena.gemmAB(B, H, H4, dz, t * B * H4, H4, this.#Wcat, I, K, dxh, I, K, false);
    else arena.gemmAB(B, K, H4, dz, t * B * H4, H4, this.#Wcat, 0, K, dxh, 0, K, false);
    if (keepDx) {
      const dx = this.#dx;
      for (let b = 0; b < B; b++) for (let q = 0; q < I; q++) dx[(t * B + b) * I + q] = dxh[b * K + q]!;
    }
  }

  /** After the time loop: ∂W and ∂b from all R = T·B rows at once, accumulated into the params' `dw`. */
  #accumulateParamGrads(R: number): void {
    const I = this.inputSize,
      H = this.hiddenSize,
      H4 = 4 * H,
      K = this.#K;
    // ∂[W_ih | W_hh] = Σ over all T·B rows of ∂Z_rowᵀ·[x, h_prev]_row: one long multiply, then split.
    const dWcat = this.#dWcat,
      dz = this.#dZ;
    this.#arena!.gemmAtB(H4, K, R, dz, 0, H4, this.#XH, 0, K, dWcat, 0, K, false);
    const dwih = this.weightIh.dw,
      dwhh = this.weightHh.dw;
    for (let r = 0; r < H4; r++) {
      for (let k = 0; k < I; k++) dwih[r * I + k] += dWcat[r * K + k]!;
      for (let k = 0; k < H; k++) dwhh[r * H + k] += dWcat[r * K + I + k]!;
    }
    // Both biases enter Z as a sum, so both get Σ ∂Z, summed row by row from 0 as the product 1ᵀ·∂Z (in SIMD on
    // the arena; 1·x = x, so these are the bits of `addColumnSums`).
    const dbsum = this.#dbsum;
    this.#arena!.gemmAB(1, H4, R, this.#ones, 0, R, dz, 0, H4, dbsum, 0, H4, false);
    const dbih = this.biasIh.dw,
      dbhh = this.biasHh.dw;
    for (let r = 0; r < H4; r++) {
      dbih[r] += dbsum[r]!;
      dbhh[r] += dbsum[r]!;
    }
  }

  trace(): LstmTrace {
    const T = this.#lastT;
    const B = this.#lastB;
    if (T === 0) throw new Error('lstm.trace: call forward first');
    const H = this.hiddenSize;
    const n = T * B * H;
    const BH = B * H;
    return {
      T,
      B,
      H,
      i: this.#Gi.subarray(0, n),
      f: this.#Gf.subarray(0, n),
      g: this.#Gg.subarray(0, n),
      o: this.#Go.subarray(0, n),
      c: this.#Cs.subarray(BH, BH + n),
      phiC: this.#Phi.subarray(0, n),
      h: this.#Hs.subarray(0, n),
      pre: this.#Z.subarray(0, n * 4),
    };
  }
}
