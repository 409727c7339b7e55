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
 * GH_t = h_{t−1}·W_hhᵀ + b_hh (kept for backward, which needs W_hn h + b_hn); weight gradients as two long multiplies
 * after the backward loop.
 *
 * @module
 */
import type { ActivationFn, Param, Rng, SeqBatch } from './types.ts';
import type { BackwardOptions, CellGradients, InstrumentedLayer, ScaledGradientFlow } from './gradflow.ts';
import { Activations } from './activations.ts';
import { checkBatch, checkSeeds, checkSize, checkState } from './checks.ts';
import { derivativeAt, exactDerivativeAt, type DerivativeAt } from './derivatives.ts';
import { initUniformPytorch } from './init.ts';
import { addColumnSums, addRowBias, gemmAB, gemmABt, gemmAtB, norm2, rescaleCarries } from './kernels.ts';
import { createRecurrentParams, initStream, type InitMode } from './params.ts';

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
  #dx = new Float64Array(0); // ∂L/∂x, [T, B, I]
  #dh = new Float64Array(0); // ∂L/∂h_t of the current step, [B, H]
  #dhNext = new Float64Array(0); // carried ∂L/∂h_{t−1}, [B, H]
  #hNorm = new Float64Array(0);
  #scaleLog2 = new Float64Array(0);
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
    this.#ensureCapacity(options.maxT ?? 1, options.maxB ?? 1);
  }

  #ensureCapacity(T: number, B: number): void {
    if (T <= this.#capT && B <= this.#capB) return;
    const capT = (this.#capT = Math.max(T, this.#capT));
    const capB = (this.#capB = Math.max(B, this.#capB));
    const R = capT * capB;
    const H = this.hiddenSize;
    this.#xs = new Float64Array(R * this.inputSize);
    this.#GX = new Float64Array(R * 3 * H);
    this.#GH = new Float64Array(R * 3 * H);
    this.#P = new Float64Array(R * 3 * H);
    this.#Rg = new Float64Array(R * H);
    this.#Zg = new Float64Array(R * H);
    this.#Ng = new Float64Array(R * H);
    this.#Hs = new Float64Array((R + capB) * H);
    this.#dGX = new Float64Array(R * 3 * H);
    this.#dGH = new Float64Array(R * 3 * H);
    this.#dx = new Float64Array(R * this.inputSize);
    this.#dh = new Float64Array(capB * H);
    this.#dhNext = new Float64Array(capB * H);
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
    const gateF = this.#gateF,
      candF = this.#candF;
    const xs = this.#xs,
      gx = this.#GX,
      gh = this.#GH,
      pre = this.#P,
      rg = this.#Rg,
      zg = this.#Zg,
      ng = this.#Ng;
    const hs = this.#Hs,
      Whh = this.weightHh.w,
      bhh = this.biasHh.w;
    xs.set(batch.x);
    if (h0 === undefined) hs.fill(0, 0, BH);
    else hs.set(h0);

    // GX_t = x_t·W_ihᵀ + b_ih, for all t at once.
    gemmABt(R, H3, I, xs, 0, I, this.weightIh.w, 0, I, gx, 0, H3, false);
    addRowBias(R, H3, gx, 0, this.biasIh.w);

    for (let t = 0; t < T; t++) {
      // GH_t = h_{t−1}·W_hhᵀ + b_hh.
      gemmABt(B, H3, H, hs, t * BH, H, Whh, 0, H, gh, t * B * H3, H3, false);
      addRowBias(B, H3, gh, t * B * H3, bhh);
      for (let b = 0; b < B; b++) {
        const gRow = (t * B + b) * H3;
        const row = (t * B + b) * H;
        for (let j = 0; j < H; j++) {
          const k = row + j;
          // r = σ(W_ir x + b_ir + W_hr h + b_hr),  z = σ(W_iz x + b_iz + W_hz h + b_hz)
          const ar = gx[gRow + j]! + gh[gRow + j]!;
          const az = gx[gRow + H + j]! + gh[gRow + H + j]!;
          const r = gateF(ar);
          const z = gateF(az);
          // n = ψ(W_in x + b_in + r ⊙ (W_hn h + b_hn))
          const an = gx[gRow + 2 * H + j]! + r * gh[gRow + 2 * H + j]!;
          const n = candF(an);
          // h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
          hs[k + BH] = (1 - z) * n + z * hs[k]!;
          pre[gRow + j] = ar;
          pre[gRow + H + j] = az;
          pre[gRow + 2 * H + j] = an;
          rg[k] = r;
          zg[k] = z;
          ng[k] = n;
        }
      }
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
    const gateD = rescale ? this.#gateDz : this.#gateD;
    const candD = rescale ? this.#candDz : this.#candD;
    const gh = this.#GH,
      pre = this.#P,
      rg = this.#Rg,
      zg = this.#Zg,
      ng = this.#Ng,
      hs = this.#Hs;
    const dgx = this.#dGX,
      dgh = this.#dGH,
      dhT = this.#dh,
      dhN = this.#dhNext,
      Whh = this.weightHh.w;
    const hNorm = this.#hNorm,
      scaleLog2 = this.#scaleLog2;
    if (opts.dhLast === undefined) dhN.fill(0, 0, BH);
    else dhN.set(opts.dhLast);
    let scale = 0;

    for (let t = T - 1; t >= 0; t--) {
      if (rescale) scale = rescaleCarries(dhN, BH, dhN, 0, scale);
      scaleLog2[t] = scale;
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
          const dan = dn * candD(pre[gRow + 2 * H + j]!, n);
          const dr = dan * gh[gRow + 2 * H + j]!;
          // r = σ(a_r), z = σ(a_z), a_· = GX_· + GH_·:  both summands get ∂a_·
          const dar = dr * gateD(pre[gRow + j]!, r);
          const daz = dz * gateD(pre[gRow + H + j]!, z);
          dgx[gRow + j] = dar;
          dgh[gRow + j] = dar;
          dgx[gRow + H + j] = daz;
          dgh[gRow + H + j] = daz;
          dgx[gRow + 2 * H + j] = dan;
          dgh[gRow + 2 * H + j] = dan * r;
          dhT[s + j] = dht;
        }
      }
      hNorm[t] = norm2(dhT, 0, BH);
      // GH_t = h_{t−1}·W_hhᵀ + b_hh:  ∂h_{t−1} += ∂GH_t·W_hh.
      gemmAB(B, H, H3, dgh, t * B * H3, H3, Whh, 0, H, dhN, 0, H, true);
    }

    const dx = this.#dx;
    if (paramGrads) {
      // GX = X·W_ihᵀ + b_ih and GH = H_prev·W_hhᵀ + b_hh, summed over all T·B rows.
      gemmAtB(H3, I, R, dgx, 0, H3, this.#xs, 0, I, this.weightIh.dw, 0, I, true);
      gemmAtB(H3, H, R, dgh, 0, H3, hs, 0, H, this.weightHh.dw, 0, H, true);
      addColumnSums(R, H3, dgx, 0, H3, this.biasIh.dw, 0);
      addColumnSums(R, H3, dgh, 0, H3, this.biasHh.dw, 0);
      if (inputGrads) gemmAB(R, I, H3, dgx, 0, H3, this.weightIh.w, 0, I, dx, 0, I, false);
    }
    const empty = this.#empty;
    const flow: ScaledGradientFlow = { hNorm: hNorm.subarray(0, T), cNorm: empty, scaleLog2: scaleLog2.subarray(0, T) };
    return {
      dx: dx.subarray(0, inputGrads ? R * I : 0),
      dh0: dhN.subarray(0, BH),
      dc0: empty,
      flow,
    };
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
