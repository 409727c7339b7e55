/**
 * Vanilla (Elman) recurrent layer in PyTorch's formulation, float64, with exact backpropagation through time:
 *
 *   h_t = φ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)
 *
 * with φ = tanh by default (PyTorch `nonlinearity='tanh'`) or any other activation, e.g. ReLU
 * (`nonlinearity='relu'`). Params (PyTorch `nn.RNN` state_dict): `weight_ih_l0` [H, I], `weight_hh_l0` [H, H],
 * `bias_ih_l0` [H], `bias_hh_l0` [H].
 *
 * The `identityInit` option gives the IRNN of Le, Jaitly & Hinton 2015 ("A simple way to initialize recurrent
 * networks of rectified linear units"): W_hh = I, biases 0, input weights small Gaussian.
 *
 * Implementation: Z = X·W_ihᵀ + b_ih + b_hh for all T·B rows in one multiply before the loop, then per step
 * Z_t += h_{t−1}·W_hhᵀ and h_t = φ(Z_t); the backward loop does ∂Z_t = ∂h_t ⊙ φ′ and one multiply
 * ∂h_{t−1} = ∂Z_t·W_hh per step, and the weight gradients are two long multiplies over all T·B rows after it. As in
 * lstm.ts, the multiplies run in WebAssembly SIMD where the runtime has it (`simd.ts`): their operands live on a
 * WebAssembly memory, and the forward multiplies use stored transposes of W_ih and W_hh so that two output columns
 * fill one f64x2 register; elsewhere the JavaScript kernels of `kernels.ts` run, with the same bits. The default tanh
 * runs once per step over all B rows through the same memory and module pair (`GemmArena.tanhInto`, or fastexact.ts's
 * loop without SIMD), both returning the registry's bits; other activations are called per element. The backward
 * step's element-wise pass with the default tanh (∂Z_t = ∂h_t ⊙ (1 − h_t²), tanh′ written out from the saved output,
 * and the sum of squares for ‖∂L/∂h_t‖) is one call too (`GemmArena.rnnBackward`: WebAssembly SIMD, or
 * fastexact.ts's `rnnBackwardCell`, with the same bits). Every sum keeps its order, so results are bit-for-bit those
 * of the plain formulation. Buffers are sized for the largest (T, B) seen so far; nothing is allocated per step.
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
import type { RnnCellArrays } from './fastexact.ts';
import { createGemmArena, type GemmArena } from './simd.ts';

/** Options of {@link createRnn}. */
export interface RnnOptions {
  /** Features per input step, I. */
  readonly inputSize: number;
  /** Hidden units, H. */
  readonly hiddenSize: number;
  /** φ. Default `Activations.tanh`. */
  readonly activation?: ActivationFn;
  /**
   * The stream the params are drawn from: every param ~ U(−1/√H, 1/√H) (PyTorch default), or with `identityInit`
   * W_ih. Default `createRng(DEFAULT_INIT_SEED)` (seed 0).
   */
  readonly rng?: Rng;
  /** `pytorch` (default): the draws above; `zeros`: every param 0, also with `identityInit` (takes no `rng`). */
  readonly init?: InitMode;
  /**
   * IRNN initialisation (Le et al. 2015): W_hh = `identityScale`·I, both biases 0, W_ih ~ N(0, `inputInitStd`²)
   * drawn from `rng` (W_ih stays 0 with `init: 'zeros'`). Default `false`.
   */
  readonly identityInit?: boolean;
  /** Multiplier of the identity for `identityInit`. Default 1 (Le et al.). */
  readonly identityScale?: number;
  /** Standard deviation of W_ih for `identityInit`. Default 0.001 (Le et al.). */
  readonly inputInitStd?: number;
  /** Initial buffer capacity in time steps. Default 1. */
  readonly maxT?: number;
  /** Initial buffer capacity in batch size. Default 1. */
  readonly maxB?: number;
}

/** Per-step internals of the last `forward` (views valid until the next `forward`). */
export interface RnnTrace {
  /** Steps of the last forward. */
  readonly T: number;
  /** Batch size of the last forward. */
  readonly B: number;
  /** Hidden size. */
  readonly H: number;
  /**
   * Pre-activations W_ih x_t + b_ih + W_hh h_{t−1} + b_hh, [T, B, H].
   *
   * Like `h`, a view on the layer's own buffer, which with the SIMD multiplies is its WebAssembly memory (all of its
   * operands): posting it copies that whole buffer, and transferring it fails. Copy it first (`slice()`).
   */
  readonly pre: Float64Array;
  /** Hidden state h_t, [T, B, H] (same as the array `forward` returned). */
  readonly h: Float64Array;
}

/** A vanilla RNN layer: a {@link RecurrentLayer} with trace access and instrument options on `backward`. */
export interface Rnn extends InstrumentedLayer {
  /** Always `rnn`. */
  readonly kind: 'rnn';
  /** φ. */
  readonly activation: ActivationFn;
  /** `weight_ih_l0`, [H, I]. */
  readonly weightIh: Param;
  /** `weight_hh_l0`, [H, H]. */
  readonly weightHh: Param;
  /** `bias_ih_l0`, [H]. */
  readonly biasIh: Param;
  /** `bias_hh_l0`, [H]. */
  readonly biasHh: Param;
  /** Runs the sequence; `h0` (length B·H) defaults to zeros; `c0` is ignored. Returns h_t for all t, [T, B, H]. */
  forward(batch: SeqBatch, h0?: Float64Array, c0?: Float64Array): Float64Array;
  /** See {@link InstrumentedLayer.backward}; `dc0` and `flow.cNorm` are empty. */
  backward(dhs: Float64Array, options?: BackwardOptions): CellGradients;
  /** Views of the pre-activations and states of the last forward. Throws before the first forward. */
  trace(): RnnTrace;
}

/** Creates a vanilla RNN layer with PyTorch's parameter layout (see the module comment). */
export function createRnn(options: RnnOptions): Rnn {
  return new RnnLayer(options);
}

/** The implementation behind {@link createRnn} (a class so that all instances share optimised code; see lstm.ts). */
class RnnLayer implements Rnn {
  readonly kind = 'rnn' as const;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly params: readonly Param[];
  readonly activation: ActivationFn;
  readonly weightIh: Param;
  readonly weightHh: Param;
  readonly biasIh: Param;
  readonly biasHh: Param;

  readonly #actF: (z: number) => number;
  readonly #actD: DerivativeAt;
  readonly #actDz: DerivativeAt; // f′(z) only, for the rescaled backward pass
  /** Whether φ is the registry's tanh itself: that runs through the arena (same bits, fewer calls). */
  readonly #actTanh: boolean;
  /**
   * Where the multiplies' operands live: on WebAssembly memory, so that the SIMD kernels of `simd.ts` can run on
   * them, or in plain arrays (same bits) where those are unavailable or every multiply is too small to gain from them.
   */
  #arena: GemmArena | null = null;
  #capT = 0;
  #capB = 0;
  #xs = new Float64Array(0); // copy of the input, [T, B, I]
  #Z = new Float64Array(0); // pre-activations, [T, B, H]
  #Hs = new Float64Array(0); // h0, h_0 … h_{T−1}: [T + 1, B, H]
  #dZ = new Float64Array(0); // ∂L/∂Z, [T, B, H]
  #WihT = new Float64Array(0); // W_ihᵀ, [I, H], and W_hhᵀ, [H, H], for the forward multiplies in SIMD
  #WhhT = new Float64Array(0);
  #Wih = new Float64Array(0); // copies of W_ih, [H, I], and W_hh, [H, H], for the backward multiplies
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
  /** The arrays of the backward step with φ = tanh (`GemmArena.rnnBackward`), all on the arena. */
  #cell: RnnCellArrays | null = null;
  readonly #bsum: Float64Array; // b_ih + b_hh
  readonly #empty = new Float64Array(0);
  #zeros = new Float64Array(0);
  #lastT = 0;
  #lastB = 0;

  constructor(options: RnnOptions) {
    const I = options.inputSize;
    const H = options.hiddenSize;
    checkSize('createRnn: inputSize', I);
    checkSize('createRnn: hiddenSize', H);
    this.inputSize = I;
    this.hiddenSize = H;
    this.activation = options.activation ?? Activations.tanh;
    const params = createRecurrentParams(1, I, H);
    this.params = params;
    [this.weightIh, this.weightHh, this.biasIh, this.biasHh] = params;
    const rng = initStream('createRnn', options.rng, options.init);
    if (options.identityInit ?? false) {
      const scale = options.identityScale ?? 1;
      const std = options.inputInitStd ?? 0.001;
      for (let j = 0; j < H; j++) this.weightHh.w[j * H + j] = scale;
      if (rng !== null) for (let k = 0; k < this.weightIh.w.length; k++) this.weightIh.w[k] = std * rng.normal();
    } else if (rng !== null) {
      initUniformPytorch(params, H, rng);
    }
    this.#actF = this.activation.f;
    this.#actD = derivativeAt(this.activation);
    this.#actDz = exactDerivativeAt(this.activation);
    this.#actTanh = this.activation === Activations.tanh;
    this.#bsum = new Float64Array(H);
    this.#ensureCapacity(options.maxT ?? 1, options.maxB ?? 1);
  }

  #ensureCapacity(T: number, B: number): void {
    if (T <= this.#capT && B <= this.#capB) return;
    const capT = (this.#capT = Math.max(T, this.#capT));
    const capB = (this.#capB = Math.max(B, this.#capB));
    const R = capT * capB;
    const I = this.inputSize;
    const H = this.hiddenSize;
    // Everything a multiply or the arena's tanh touches. The largest product is a weight gradient over all R rows
    // (H·max(I, H)·R multiply-adds); below the SIMD size threshold the arena allocates no WebAssembly memory.
    const arena = createGemmArena(
      [R * I, R * H, (R + capB) * H, R * H, I * H, H * H, H * I, H * H, H * I, H * H, R * I, capB * H, R * H, capB * H, 2],
      { maxProduct: H * Math.max(I, H) * R },
    );
    this.#arena = arena;
    [this.#xs, this.#Z, this.#Hs, this.#dZ, this.#WihT, this.#WhhT, this.#Wih, this.#Whh, this.#dWih, this.#dWhh] = arena.buffers;
    const [dxA, dhNext, dHs, dh, sums] = arena.buffers.slice(10) as Float64Array<ArrayBuffer>[];
    [this.#dxA, this.#dhNext, this.#dHs, this.#dh] = [dxA, dhNext, dHs, dh];
    this.#cell = { dhs: dHs, dhN: dhNext, hs: this.#Hs, dz: this.#dZ, dh, sums };
    this.#dx = new Float64Array(R * I);
    this.#dh0 = new Float64Array(capB * H);
    this.#hNorm = new Float64Array(capT);
    this.#scaleLog2 = new Float64Array(capT);
  }

  forward(batch: SeqBatch, h0?: Float64Array): Float64Array {
    const I = this.inputSize;
    const H = this.hiddenSize;
    checkBatch('rnn', batch, I);
    const { T, B } = batch;
    const BH = B * H;
    checkState('rnn', 'h0', h0, BH);
    this.#ensureCapacity(T, B);
    const R = T * B;
    this.#lastT = T;
    this.#lastB = B;
    const actF = this.#actF,
      actTanh = this.#actTanh,
      xs = this.#xs,
      z = this.#Z,
      hs = this.#Hs,
      bsum = this.#bsum,
      wih = this.weightIh.w,
      whh = this.weightHh.w;
    xs.set(batch.x);
    if (h0 === undefined) hs.fill(0, 0, BH);
    else hs.set(h0);
    for (let j = 0; j < H; j++) bsum[j] = this.biasIh.w[j]! + this.biasHh.w[j]!;

    // Z_t = x_t·W_ihᵀ + b_ih + b_hh, for all t at once. In SIMD the multiplies use stored transposes of the weights
    // (A·(Wᵀ) with the same sums in the same order: the same bits).
    const arena = this.#arena!;
    const simd = arena.simd,
      wihT = this.#WihT,
      whhT = this.#WhhT;
    if (simd) {
      for (let r = 0; r < H; r++) {
        for (let k = 0; k < I; k++) wihT[k * H + r] = wih[r * I + k]!;
        for (let k = 0; k < H; k++) whhT[k * H + r] = whh[r * H + k]!;
      }
      arena.gemmAB(R, H, I, xs, 0, I, wihT, 0, H, z, 0, H, false);
    } else {
      gemmABt(R, H, I, xs, 0, I, wih, 0, I, z, 0, H, false);
    }
    addRowBias(R, H, z, 0, bsum);
    for (let t = 0; t < T; t++) {
      // Z_t += h_{t−1}·W_hhᵀ
      const off = t * BH;
      if (simd) arena.gemmAB(B, H, H, hs, off, H, whhT, 0, H, z, off, H, true);
      else gemmABt(B, H, H, hs, off, H, whh, 0, H, z, off, H, true);
      // h_t = φ(Z_t): the default tanh over all B rows at once (WebAssembly SIMD where the arena has it, else
      // fastexact.ts's loop; both the registry's bits), other activations through the registry.
      if (actTanh) arena.tanhInto(z, off, BH, hs, off + BH);
      else for (let k = off; k < off + BH; k++) hs[k + BH] = actF(z[k]!);
    }
    return hs.subarray(BH, (T + 1) * BH);
  }

  /** Zeros standing in for an empty `dhs` (allocated on first use, grown with the batch). */
  #noSeeds(n: number): Float64Array {
    if (this.#zeros.length < n) this.#zeros = new Float64Array(n);
    return this.#zeros.subarray(0, n);
  }

  backward(dhs: Float64Array, opts: BackwardOptions = {}): CellGradients {
    const T = this.#lastT;
    const B = this.#lastB;
    if (T === 0) throw new Error('rnn.backward: call forward first');
    const I = this.inputSize;
    const H = this.hiddenSize;
    const BH = B * H;
    const R = T * B;
    checkSeeds('rnn', dhs, R * H, opts.dhLast, BH);
    if (dhs.length === 0) dhs = this.#noSeeds(R * H);
    const rescale = opts.rescale ?? false;
    const paramGrads = !rescale && (opts.paramGrads ?? true);
    const inputGrads = paramGrads && (opts.inputGrads ?? true);
    if (rescale) {
      for (let k = 0; k < (T - 1) * BH; k++) {
        if (dhs[k] !== 0) throw new RangeError('rnn.backward: rescale needs dhs to be zero before the last step');
      }
    }
    const actD = rescale ? this.#actDz : this.#actD;
    const actTanh = !rescale && this.#actTanh;
    // With φ = tanh each step's element-wise pass is one call (`GemmArena.rnnBackward`), which reads ∂L/∂h_t from the
    // arena (where its SIMD pass can address it).
    if (actTanh) this.#dHs.set(dhs.subarray(0, R * H));
    const cell = this.#cell!;
    const arena = this.#arena!;
    const z = this.#Z,
      hs = this.#Hs,
      dz = this.#dZ,
      dhT = this.#dh,
      dhN = this.#dhNext;
    const whh = this.#Whh,
      hNorm = this.#hNorm,
      scaleLog2 = this.#scaleLog2;
    // W_hh as it is now, on the arena for the per-step multiply.
    whh.set(this.weightHh.w);
    if (opts.dhLast === undefined) dhN.fill(0, 0, BH);
    else dhN.set(opts.dhLast);
    let scale = 0;
    for (let t = T - 1; t >= 0; t--) {
      if (rescale) scale = rescaleCarries(dhN, BH, dhN, 0, scale);
      scaleLog2[t] = scale;
      const off = t * BH;
      if (actTanh) {
        // ∂Z_t = ∂h_t ⊙ (1 − h_t²) in SIMD where the arena has it (fastexact.ts's `rnnBackwardCell` otherwise), with
        // the same bits, and the sum of squares of ∂L/∂h_t: norm2's own first pass, so norm2 is needed only outside
        // its safe range.
        arena.rnnBackward(cell, t, B, H);
        const sum = cell.sums[0]!;
        hNorm[t] = sum < 1e300 && sum > 1e-300 ? Math.sqrt(sum) : norm2(dhT, 0, BH);
      } else {
        for (let s = 0; s < BH; s++) {
          const k = off + s;
          // ∂L/∂h_t: from the loss at step t and from step t+1.
          const dht = dhs[k]! + dhN[s]!;
          // h_t = φ(Z_t):  ∂Z_t = ∂h_t ⊙ φ′(Z_t)
          dz[k] = dht * actD(z[k]!, hs[k + BH]!);
          dhT[s] = dht;
        }
        hNorm[t] = norm2(dhT, 0, BH);
      }
      // Z_t = … + h_{t−1}·W_hhᵀ:  ∂h_{t−1} = ∂Z_t·W_hh
      arena.gemmAB(B, H, H, dz, off, H, whh, 0, H, dhN, 0, H, false);
    }
    const dx = this.#dx;
    if (paramGrads) {
      // Z = X·W_ihᵀ + H_prev·W_hhᵀ + b_ih + b_hh, summed over all T·B rows, onto the gradients so far (copied to the
      // arena and back: each chunk's sum is added to them in order, as the kernel does in place).
      const dWih = this.#dWih,
        dWhh = this.#dWhh;
      dWih.set(this.weightIh.dw);
      dWhh.set(this.weightHh.dw);
      arena.gemmAtB(H, I, R, dz, 0, H, this.#xs, 0, I, dWih, 0, I, true);
      arena.gemmAtB(H, H, R, dz, 0, H, hs, 0, H, dWhh, 0, H, true);
      this.weightIh.dw.set(dWih);
      this.weightHh.dw.set(dWhh);
      addColumnSums(R, H, dz, 0, H, this.biasIh.dw, 0);
      addColumnSums(R, H, dz, 0, H, this.biasHh.dw, 0);
      if (inputGrads) {
        const wih = this.#Wih,
          dxA = this.#dxA;
        wih.set(this.weightIh.w);
        arena.gemmAB(R, I, H, dz, 0, H, wih, 0, I, dxA, 0, I, false);
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

  trace(): RnnTrace {
    const T = this.#lastT;
    const B = this.#lastB;
    if (T === 0) throw new Error('rnn.trace: call forward first');
    const n = T * B * this.hiddenSize;
    const BH = B * this.hiddenSize;
    return { T, B, H: this.hiddenSize, pre: this.#Z.subarray(0, n), h: this.#Hs.subarray(BH, BH + n) };
  }
}
