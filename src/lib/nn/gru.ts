/**
 * Gated recurrent unit (Cho et al. 2014) in PyTorch's formulation, float64, with exact backpropagation through
 * time. For each step t (σ the gate activation, ψ the candidate activation; σ and tanh by default):
 *
 *   r_t = σ(W_ir x_t + b_ir + W_hr h_{t−1} + b_hr)            reset gate
 *   z_t = σ(W_iz x_t + b_iz + W_hz h_{t−1} + b_hz)            update gate
 *   n_t = ψ(W_in x_t + b_in + r_t ⊙ (W_hn h_{t−1} + b_hn))    candidate
 *   h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}
 *
 * Params (PyTorch `nn.GRU` state_dict, gate blocks in the order r, z, n): `weight_ih_l0` [3H, I], `weight_hh_l0`
 * [3H, H], `bias_ih_l0` [3H], `bias_hh_l0` [3H]. Unlike the LSTM, the two n biases are not interchangeable: b_hn
 * sits inside the reset-gate product.
 *
 * Implementation: GX = X·W_ihᵀ + b_ih for all T·B rows in one multiply before the loop (the input and hidden
 * parts of n must stay separate, so the LSTM's fused [x, h] multiply does not apply); per step
 * GH_t = h_{t−1}·W_hhᵀ + b_hh (kept for backward, which needs W_hn h + b_hn), then the gate equations for all B rows
 * in short passes (the pre-activations of r and z; σ of both; that of n; ψ; h_t). The backward loop does the
 * element-wise gate gradients and one multiply ∂h_{t−1} += ∂GH_t·W_hh per step; the weight gradients are two long
 * multiplies over all T·B rows after the loop. As in lstm.ts, the multiplies run in WebAssembly SIMD where the runtime
 * has it (`simd.ts`): their operands live on a WebAssembly memory, and the forward multiplies use stored transposes of
 * W_ih and W_hh so that two output columns fill one f64x2 register; elsewhere the JavaScript kernels of `kernels.ts`
 * run, with the same bits. The default σ and tanh run once per step over all B rows through the same memory and
 * module pair (`GemmArena.activateRows`, or fastexact.ts's loops without SIMD), both returning the registry's bits;
 * other activations are called per element, and the σ/tanh derivatives are written out from the saved outputs. With
 * both default activations the backward step's element-wise pass (the gate equations in reverse and the sum of
 * squares for ‖∂L/∂h_t‖) is one call too (`GemmArena.gruBackward`: WebAssembly SIMD, or fastexact.ts's
 * `gruBackwardCell`, with the same bits). Every sum keeps its order, so results are bit-for-bit those of the plain
 * formulation. Buffers are sized for the largest (T, B) seen so far; nothing is allocated per step.
 *
 * @module
 */
import type { ActivationFn, Param, Rng, SeqBatch } from './types.ts';
import type { BackwardOptions, CellGradients, InstrumentedLayer, ScaledGradientFlow } from './gradflow.ts';
import { Activations } from './activations.ts';
import { checkBatch, checkSeeds, checkSize, checkState } from './checks.ts';
import { derivativeAt, exactDerivativeAt, type DerivativeAt } from './derivatives.ts';
import { initUniformPytorch } from './init.ts';
import { addColumnSums, addRowBias, gemmABt, norm2, rescaleCarries } from './kernels.ts';
import { createRecurrentParams, initStream, type InitMode } from './params.ts';
import type { GruCellArrays } from './fastexact.ts';
import { createGemmArena, type GemmArena } from './simd.ts';

/** The two activation roles of a GRU. */
export interface GruActivations {
  /** σ in r and z. Default `Activations.sigmoid`. */
  readonly gate: ActivationFn;
  /** ψ in n. Default `Activations.tanh`. */
  readonly candidate: ActivationFn;
}

/** Options of {@link createGru}. */
export interface GruOptions {
  /** Features per input step, I. */
  readonly inputSize: number;
  /** Hidden units, H. */
  readonly hiddenSize: number;
  /** Activation per role; missing roles take the defaults (σ, tanh). */
  readonly activations?: Partial<GruActivations>;
  /**
   * The stream every param is drawn from, U(−1/√H, 1/√H) (PyTorch default), in state_dict order. Default
   * `createRng(DEFAULT_INIT_SEED)` (seed 0).
   */
  readonly rng?: Rng;
  /** `pytorch` (default): the draws above; `zeros`: every param 0 (takes no `rng`). */
  readonly init?: InitMode;
  /** Initial buffer capacity in time steps. Default 1. */
  readonly maxT?: number;
  /** Initial buffer capacity in batch size. Default 1. */
  readonly maxB?: number;
}

/** Per-step internals of the last `forward` (views valid until the next `forward`; [T, B, H] unless noted). */
export interface GruTrace {
  /** Steps of the last forward. */
  readonly T: number;
  /** Batch size of the last forward. */
  readonly B: number;
  /** Hidden size. */
  readonly H: number;
  /** Reset gate r_t. */
  readonly r: Float64Array;
  /** Update gate z_t. */
  readonly z: Float64Array;
  /** Candidate n_t. */
  readonly n: Float64Array;
  /** Hidden state h_t (same as the array `forward` returned). */
  readonly h: Float64Array;
  /**
   * Pre-activations, [T, B, 3H]: blocks r, z, n of length H per (t, b) row; the n block holds the full argument
   * W_in x + b_in + r ⊙ (W_hn h + b_hn) of ψ.
   *
   * Like every array here, a view on the layer's own buffer, which with the SIMD multiplies is its WebAssembly memory
   * (all of its operands): posting it copies that whole buffer, and transferring it fails. Copy it first (`slice()`).
   */
  readonly pre: Float64Array;
}

/** A GRU layer: a {@link RecurrentLayer} with trace access and instrument options on `backward`. */
export interface Gru extends InstrumentedLayer {
  /** Always `gru`. */
  readonly kind: 'gru';
  /** The activations in use. */
  readonly activations: GruActivations;
  /** `weight_ih_l0`, [3H, I]. */
  readonly weightIh: Param;
  /** `weight_hh_l0`, [3H, H]. */
  readonly weightHh: Param;
  /** `bias_ih_l0`, [3H]. */
  readonly biasIh: Param;
  /** `bias_hh_l0`, [3H]. */
  readonly biasHh: Param;
  /** Runs the sequence; `h0` (length B·H) defaults to zeros; `c0` is ignored. Returns h_t for all t, [T, B, H]. */
  forward(batch: SeqBatch, h0?: Float64Array, c0?: Float64Array): Float64Array;
  /** See {@link InstrumentedLayer.backward}; `dc0` and `flow.cNorm` are empty. */
  backward(dhs: Float64Array, options?: BackwardOptions): CellGradients;
  /** Views of the gates and states of the last forward. Throws before the first forward. */
  trace(): GruTrace;
}

/** Creates a GRU layer with PyTorch's parameter layout and equations (see the module comment). */
export function createGru(options: GruOptions): Gru {
  return new GruLayer(options);
}

/** The implementation behind {@link createGru} (a class so that all instances share optimised code; see lstm.ts). */
class GruLayer implements Gru {
  readonly kind = 'gru' as const;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly params: readonly Param[];
  readonly activations: GruActivations;
  readonly weightIh: Param;
  readonly weightHh: Param;
  readonly biasIh: Param;
  readonly biasHh: Param;

  readonly #gateF: (z: number) => number;
  readonly #candF: (z: number) => number;
  readonly #gateD: DerivativeAt;
  readonly #candD: DerivativeAt;
  readonly #gateDz: DerivativeAt; // f′(z) only, for the rescaled backward pass
  readonly #candDz: DerivativeAt;
  // Whether a role uses the registry's σ or tanh itself: those run through the arena (same bits, fewer calls).
  readonly #gateSigmoid: boolean;
  readonly #candTanh: boolean;

  /**
   * Where the multiplies' operands and the element-wise buffers live: on WebAssembly memory, so that the SIMD kernels
   * of `simd.ts` can run on them, or in plain arrays (same bits) where those are unavailable or every multiply is too
   * small to gain from them.
   */
  #arena: GemmArena | null = null;
  #capT = 0;
  #capB = 0;
  #xs = new Float64Array(0); // copy of the input, [T, B, I]
  #GX = new Float64Array(0); // X·W_ihᵀ + b_ih, [T, B, 3H]
  #GH = new Float64Array(0); // h_{t−1}·W_hhᵀ + b_hh, [T, B, 3H]
  #P = new Float64Array(0); // pre-activations of r, z, n, [T, B, 3H]
  #Rg = new Float64Array(0); // r_t, [T, B, H]
  #Zg = new Float64Array(0); // z_t
  #Ng = new Float64Array(0); // n_t
  #Hs = new Float64Array(0); // h0, h_0 … h_{T−1}: [T + 1, B, H]
  #dGX = new Float64Array(0); // ∂L/∂GX, [T, B, 3H]
  #dGH = new Float64Array(0); // ∂L/∂GH, [T, B, 3H]
  #WihT = new Float64Array(0); // W_ihᵀ, [I, 3H], and W_hhᵀ, [H, 3H], for the forward multiplies in SIMD
  #WhhT = new Float64Array(0);
  #Wih = new Float64Array(0); // copies of W_ih, [3H, I], and W_hh, [3H, H], for the backward multiplies
  #Whh = new Float64Array(0);
  #dWih = new Float64Array(0); // ∂L/∂W_ih and ∂L/∂W_hh while their long multiplies add to them
  #dWhh = new Float64Array(0);
  #dxA = new Float64Array(0); // ∂L/∂x as the multiply writes it, [T, B, I]
  #dx = new Float64Array(0); // ∂L/∂x, [T, B, I]
  #dHs = new Float64Array(0); // a copy of `backward`'s dhs on the arena, [T, B, H]
  #dh = new Float64Array(0); // ∂L/∂h_t of the current step, [B, H]
  #dhNext = new Float64Array(0); // carried ∂L/∂h_{t−1}, [B, H]
  #dh0 = new Float64Array(0); // ∂L/∂h0, [B, H]
  #hNorm = new Float64Array(0);
  #scaleLog2 = new Float64Array(0);
  /** The arrays of the backward step with the default activations (`GemmArena.gruBackward`), all on the arena. */
  #cell: GruCellArrays | null = null;
  readonly #empty = new Float64Array(0);
  #zeros = new Float64Array(0);
  #lastT = 0;
  #lastB = 0;

  constructor(options: GruOptions) {
    const I = options.inputSize;
    const H = options.hiddenSize;
    checkSize('createGru: inputSize', I);
    checkSize('createGru: hiddenSize', H);
    this.inputSize = I;
    this.hiddenSize = H;
    this.activations = Object.freeze({
      gate: options.activations?.gate ?? Activations.sigmoid,
      candidate: options.activations?.candidate ?? Activations.tanh,
    });
    const params = createRecurrentParams(3, I, H);
    this.params = params;
    [this.weightIh, this.weightHh, this.biasIh, this.biasHh] = params;
    const rng = initStream('createGru', options.rng, options.init);
    if (rng !== null) initUniformPytorch(params, H, rng);
    this.#gateF = this.activations.gate.f;
    this.#candF = this.activations.candidate.f;
    this.#gateD = derivativeAt(this.activations.gate);
    this.#candD = derivativeAt(this.activations.candidate);
    this.#gateDz = exactDerivativeAt(this.activations.gate);
    this.#candDz = exactDerivativeAt(this.activations.candidate);
    this.#gateSigmoid = this.activations.gate === Activations.sigmoid;
    this.#candTanh = this.activations.candidate === Activations.tanh;
    this.#ensureCapacity(options.maxT ?? 1, options.maxB ?? 1);
  }

  #ensureCapacity(T: number, B: number): void {
    if (T <= this.#capT && B <= this.#capB) return;
    const capT = (this.#capT = Math.max(T, this.#capT));
    const capB = (this.#capB = Math.max(B, this.#capB));
    const R = capT * capB;
    const I = this.inputSize;
    const H = this.hiddenSize;
    const H3 = 3 * H;
    // Everything a multiply or the arena's σ and tanh touch. The largest product is a weight gradient over all R
    // rows (3H·max(I, H)·R multiply-adds); below the SIMD size threshold the arena allocates no WebAssembly memory.
    const RH = R * H,
      RG = R * H3;
    const arena = createGemmArena(
      [
        ...[R * I, RG, RG, RG, RH, RH, RH, RH + capB * H, RG, RG, I * H3, H * H3, H3 * I, H3 * H, H3 * I, H3 * H, R * I],
        ...[capB * H, RH, capB * H, 2],
      ],
      { maxProduct: H3 * Math.max(I, H) * R },
    );
    this.#arena = arena;
    [this.#xs, this.#GX, this.#GH, this.#P, this.#Rg, this.#Zg, this.#Ng, this.#Hs, this.#dGX, this.#dGH] = arena.buffers;
    [this.#WihT, this.#WhhT, this.#Wih, this.#Whh, this.#dWih, this.#dWhh, this.#dxA, this.#dhNext] = arena.buffers.slice(10);
    const [dHs, dh, sums] = arena.buffers.slice(18) as Float64Array<ArrayBuffer>[];
    this.#dHs = dHs;
    this.#dh = dh;
    this.#cell = {
      dhs: dHs,
      dhN: this.#dhNext,
      r: this.#Rg,
      z: this.#Zg,
      n: this.#Ng,
      hs: this.#Hs,
      gh: this.#GH,
      dgx: this.#dGX,
      dgh: this.#dGH,
      dh,
      sums,
    };
    this.#dx = new Float64Array(R * I);
    this.#dh0 = new Float64Array(capB * H);
    this.#hNorm = new Float64Array(capT);
    this.#scaleLog2 = new Float64Array(capT);
  }

  forward(batch: SeqBatch, h0?: Float64Array): Float64Array {
    const I = this.inputSize;
    const H = this.hiddenSize;
    checkBatch('gru', batch, I);
    const { T, B } = batch;
    const BH = B * H;
    checkState('gru', 'h0', h0, BH);
    this.#ensureCapacity(T, B);
    const R = T * B;
    this.#lastT = T;
    this.#lastB = B;
    const H3 = 3 * H;
    const xs = this.#xs,
      gx = this.#GX,
      hs = this.#Hs,
      wih = this.weightIh.w,
      whh = this.weightHh.w;
    xs.set(batch.x);
    if (h0 === undefined) hs.fill(0, 0, BH);
    else hs.set(h0);

    // GX_t = x_t·W_ihᵀ + b_ih, for all t at once. In SIMD the multiplies use stored transposes of the weights
    // (A·(Wᵀ) with the same sums in the same order: the same bits).
    const arena = this.#arena!;
    if (arena.simd) {
      const wihT = this.#WihT,
        whhT = this.#WhhT;
      for (let r = 0; r < H3; r++) {
        for (let k = 0; k < I; k++) wihT[k * H3 + r] = wih[r * I + k]!;
        for (let k = 0; k < H; k++) whhT[k * H3 + r] = whh[r * H + k]!;
      }
      arena.gemmAB(R, H3, I, xs, 0, I, wihT, 0, H3, gx, 0, H3, false);
    } else {
      gemmABt(R, H3, I, xs, 0, I, wih, 0, I, gx, 0, H3, false);
    }
    addRowBias(R, H3, gx, 0, this.biasIh.w);

    // One small method per step, as in lstm.ts (V8 optimises it as a whole instead of through on-stack replacement).
    for (let t = 0; t < T; t++) this.#forwardStep(t, B);
    return hs.subarray(BH, (T + 1) * BH);
  }

  /**
   * Step t of the forward pass: GH_t from one multiply, then the gate equations for all B·H units in short passes
   * over all B rows. The default σ and tanh run through the arena's `activateRows` (WebAssembly SIMD where the arena
   * has it, else fastexact.ts's loops; both the registry's bits), other activations through the registry.
   */
  #forwardStep(t: number, B: number): void {
    const H = this.hiddenSize,
      H2 = 2 * H,
      H3 = 3 * H,
      BH = B * H;
    const gx = this.#GX,
      gh = this.#GH,
      pre = this.#P,
      rg = this.#Rg,
      zg = this.#Zg,
      ng = this.#Ng,
      hs = this.#Hs;
    const g0 = t * B * H3, // (t, 0) in [T, B, 3H]
      row0 = t * BH; // (t, 0) in [T, B, H]
    // GH_t = h_{t−1}·W_hhᵀ + b_hh.
    const arena = this.#arena!;
    if (arena.simd) arena.gemmAB(B, H3, H, hs, row0, H, this.#WhhT, 0, H3, gh, g0, H3, false);
    else gemmABt(B, H3, H, hs, row0, H, this.weightHh.w, 0, H, gh, g0, H3, false);
    addRowBias(B, H3, gh, g0, this.biasHh.w);
    // a_r = W_ir x + b_ir + W_hr h + b_hr,  a_z = W_iz x + b_iz + W_hz h + b_hz;  r = σ(a_r), z = σ(a_z)
    for (let b = 0; b < B; b++) {
      const g = g0 + b * H3;
      for (let j = 0; j < H2; j++) pre[g + j] = gx[g + j]! + gh[g + j]!;
    }
    if (this.#gateSigmoid) {
      arena.activateRows('sigmoid', pre, g0, H3, H, B, rg, row0, H);
      arena.activateRows('sigmoid', pre, g0 + H, H3, H, B, zg, row0, H);
    } else {
      const gateF = this.#gateF;
      for (let b = 0; b < B; b++) {
        const g = g0 + b * H3,
          row = row0 + b * H;
        for (let j = 0; j < H; j++) {
          rg[row + j] = gateF(pre[g + j]!);
          zg[row + j] = gateF(pre[g + H + j]!);
        }
      }
    }
    // a_n = W_in x + b_in + r ⊙ (W_hn h + b_hn);  n = ψ(a_n)
    for (let b = 0; b < B; b++) {
      const g = g0 + b * H3 + H2,
        row = row0 + b * H;
      for (let j = 0; j < H; j++) pre[g + j] = gx[g + j]! + rg[row + j]! * gh[g + j]!;
    }
    if (this.#candTanh) arena.activateRows('tanh', pre, g0 + H2, H3, H, B, ng, row0, H);
    else {
      const candF = this.#candF;
      for (let b = 0; b < B; b++) {
        const g = g0 + b * H3 + H2,
          row = row0 + b * H;
        for (let j = 0; j < H; j++) ng[row + j] = candF(pre[g + j]!);
      }
    }
    // h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}   (h_{t−1} at k, h_t at k + BH in Hs)
    for (let k = row0; k < row0 + BH; k++) {
      const z = zg[k]!;
      hs[k + BH] = (1 - z) * ng[k]! + z * hs[k]!;
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
    if (T === 0) throw new Error('gru.backward: call forward first');
    const I = this.inputSize;
    const H = this.hiddenSize;
    const BH = B * H;
    const R = T * B;
    checkSeeds('gru', dhs, R * H, opts.dhLast, BH);
    if (dhs.length === 0) dhs = this.#noSeeds(R * H);
    const rescale = opts.rescale ?? false;
    const paramGrads = !rescale && (opts.paramGrads ?? true);
    const inputGrads = paramGrads && (opts.inputGrads ?? true);
    if (rescale) {
      for (let k = 0; k < (T - 1) * BH; k++) {
        if (dhs[k] !== 0) throw new RangeError('gru.backward: rescale needs dhs to be zero before the last step');
      }
    }
    const H3 = 3 * H;
    const arena = this.#arena!;
    // The default activations: each step's element-wise pass in one call (`GemmArena.gruBackward`), which reads
    // ∂L/∂h_t from the arena (where its SIMD pass can address it).
    const fused = !rescale && this.#gateSigmoid && this.#candTanh;
    if (fused) this.#dHs.set(dhs.subarray(0, R * H));
    const dhN = this.#dhNext,
      hNorm = this.#hNorm,
      scaleLog2 = this.#scaleLog2;
    // W_hh as it is now, on the arena for the per-step multiply.
    this.#Whh.set(this.weightHh.w);
    if (opts.dhLast === undefined) dhN.fill(0, 0, BH);
    else dhN.set(opts.dhLast);
    let scale = 0;
    for (let t = T - 1; t >= 0; t--) {
      if (rescale) scale = rescaleCarries(dhN, BH, dhN, 0, scale);
      scaleLog2[t] = scale;
      if (fused) {
        // In SIMD where the arena has it (fastexact.ts's `gruBackwardCell` otherwise), with the same bits, and the
        // sum of squares of ∂L/∂h_t: norm2's own first pass, so norm2 is needed only outside its safe range.
        const cell = this.#cell!;
        arena.gruBackward(cell, t, B, H);
        const sum = cell.sums[0]!;
        hNorm[t] = sum < 1e300 && sum > 1e-300 ? Math.sqrt(sum) : norm2(this.#dh, 0, BH);
      } else {
        this.#backwardStep(t, B, dhs, rescale);
        hNorm[t] = norm2(this.#dh, 0, BH);
      }
      // GH_t = h_{t−1}·W_hhᵀ + b_hh:  ∂h_{t−1} += ∂GH_t·W_hh.
      arena.gemmAB(B, H, H3, this.#dGH, t * B * H3, H3, this.#Whh, 0, H, dhN, 0, H, true);
    }

    const dx = this.#dx,
      dgx = this.#dGX,
      dgh = this.#dGH;
    if (paramGrads) {
      // GX = X·W_ihᵀ + b_ih and GH = H_prev·W_hhᵀ + b_hh, summed over all T·B rows, onto the gradients so far (copied
      // to the arena and back: each chunk's sum is added to them in order, as the kernel does in place).
      const dWih = this.#dWih,
        dWhh = this.#dWhh;
      dWih.set(this.weightIh.dw);
      dWhh.set(this.weightHh.dw);
      arena.gemmAtB(H3, I, R, dgx, 0, H3, this.#xs, 0, I, dWih, 0, I, true);
      arena.gemmAtB(H3, H, R, dgh, 0, H3, this.#Hs, 0, H, dWhh, 0, H, true);
      this.weightIh.dw.set(dWih);
      this.weightHh.dw.set(dWhh);
      addColumnSums(R, H3, dgx, 0, H3, this.biasIh.dw, 0);
      addColumnSums(R, H3, dgh, 0, H3, this.biasHh.dw, 0);
      if (inputGrads) {
        const wih = this.#Wih,
          dxA = this.#dxA;
        wih.set(this.weightIh.w);
        arena.gemmAB(R, I, H3, dgx, 0, H3, wih, 0, I, dxA, 0, I, false);
        dx.set(dxA.subarray(0, R * I));
      }
    }
    const dh0 = this.#dh0;
    dh0.set(dhN.subarray(0, BH));
    const empty = this.#empty;
    const flow: ScaledGradientFlow = { hNorm: hNorm.subarray(0, T), cNorm: empty, scaleLog2: scaleLog2.subarray(0, T) };
    return {
      dx: dx.subarray(0, inputGrads ? R * I : 0),
      dh0: dh0.subarray(0, BH),
      dc0: empty,
      flow,
    };
  }

  /**
   * Step t of the backward pass: the gate equations in reverse for all B·H units, reading the carried ∂L/∂h_t and
   * writing ∂L/∂GX_t, ∂L/∂GH_t, ∂L/∂h_t (for its norm) and the direct part z ⊙ ∂h_t of ∂L/∂h_{t−1}. The derivatives
   * of σ and tanh are written out (y(1 − y), 1 − y², exactly the registry's `dfFromOutput`). Runs where not both
   * roles have their default activation, and in the rescaled mode; with both defaults `backward` calls the arena's
   * `gruBackward` instead (the same operations for those).
   */
  #backwardStep(t: number, B: number, dhs: Float64Array, exact: boolean): void {
    const H = this.hiddenSize,
      H3 = 3 * H,
      BH = B * H;
    const gateD = exact ? this.#gateDz : this.#gateD;
    const candD = exact ? this.#candDz : this.#candD;
    const gateSigmoid = !exact && this.#gateSigmoid,
      candTanh = !exact && this.#candTanh;
    const gh = this.#GH,
      pre = this.#P,
      rg = this.#Rg,
      zg = this.#Zg,
      ng = this.#Ng,
      hs = this.#Hs;
    const dgx = this.#dGX,
      dgh = this.#dGH,
      dhT = this.#dh,
      dhN = this.#dhNext;
    const dhsOff = t * BH;
    for (let b = 0; b < B; b++) {
      const gRow = (t * B + b) * H3;
      const row = (t * B + b) * H;
      const s = b * H;
      for (let j = 0; j < H; j++) {
        const k = row + j;
        // ∂L/∂h_t: from the loss at step t and from step t+1.
        const dht = dhs[dhsOff + s + j]! + dhN[s + j]!;
        const r = rg[k]!,
          z = zg[k]!,
          n = ng[k]!,
          hPrev = hs[k]!;
        // h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}:  ∂n = ∂h ⊙ (1 − z),  ∂z = ∂h ⊙ (h_{t−1} − n),  ∂h_{t−1} = ∂h ⊙ z (+ below)
        const dn = dht * (1 - z);
        const dz = dht * (hPrev - n);
        dhN[s + j] = dht * z;
        // n = ψ(a_n), a_n = GX_n + r ⊙ GH_n:  ∂a_n = ∂n ⊙ ψ′(a_n),  ∂GX_n = ∂a_n,  ∂GH_n = ∂a_n ⊙ r,  ∂r = ∂a_n ⊙ GH_n
        const dan = dn * (candTanh ? 1 - n * n : candD(pre[gRow + 2 * H + j]!, n));
        const dr = dan * gh[gRow + 2 * H + j]!;
        // r = σ(a_r), z = σ(a_z), a_· = GX_· + GH_·:  both summands get ∂a_·
        const dar = dr * (gateSigmoid ? r * (1 - r) : gateD(pre[gRow + j]!, r));
        const daz = dz * (gateSigmoid ? z * (1 - z) : gateD(pre[gRow + H + j]!, z));
        dgx[gRow + j] = dar;
        dgh[gRow + j] = dar;
        dgx[gRow + H + j] = daz;
        dgh[gRow + H + j] = daz;
        dgx[gRow + 2 * H + j] = dan;
        dgh[gRow + 2 * H + j] = dan * r;
        dhT[s + j] = dht;
      }
    }
  }

  trace(): GruTrace {
    const T = this.#lastT;
    const B = this.#lastB;
    if (T === 0) throw new Error('gru.trace: call forward first');
    const H = this.hiddenSize;
    const n = T * B * H;
    const BH = B * H;
    return {
      T,
      B,
      H,
      r: this.#Rg.subarray(0, n),
      z: this.#Zg.subarray(0, n),
      n: this.#Ng.subarray(0, n),
      h: this.#Hs.subarray(BH, BH + n),
      pre: this.#P.subarray(0, 3 * n),
    };
  }
}
