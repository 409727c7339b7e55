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
 * Implementation: Z = X·W_ihᵀ + b_ih + b_hh is computed for all T·B rows in one multiply before the time loop;
 * each step then adds h_{t−1}·W_hhᵀ (one register-blocked multiply) and applies the element-wise equations. The
 * backward loop does only the element-wise gate gradients and ∂L/∂h_{t−1} = dZ_t·W_hh; the weight gradients are
 * two long multiplies over all T·B rows after the loop. Buffers are sized for the largest (T, B) seen so far.
 *
 * @module
 */
import type { ActivationFn, Param, Rng, SeqBatch } from './types.ts';
import type { BackwardOptions, CellGradients, InstrumentedLayer, ScaledGradientFlow } from './gradflow.ts';
import { Activations } from './activations.ts';
import {
  addColumnSums,
  addRowBias,
  checkBatch,
  checkSize,
  checkState,
  createRecurrentParams,
  derivativeAt,
  gemmAB,
  gemmABt,
  gemmAtB,
  initUniformPytorch,
  norm2,
  rescaleCarries,
} from './kernels.ts';

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
   * If given, every param is drawn from U(−1/√H, 1/√H) like PyTorch's `reset_parameters`, in state_dict order.
   * Without it all params start at 0.
   */
  readonly rng?: Rng;
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
  /** Runs the sequence; `h0`, `c0` (length B·H) default to zeros. Returns h_t for all t, [T, B, H]. */
  forward(batch: SeqBatch, h0?: Float64Array, c0?: Float64Array): Float64Array;
  /**
   * Backpropagates ∂L/∂h_t (`dhs`, [T, B, H]) and optionally ∂L/∂c_{T−1} (`options.dcLast`) through the last
   * forward; accumulates into each `Param.dw`; returns ∂L/∂x, ∂L/∂h_0, ∂L/∂c_0 and the per-step norms
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
  const I = options.inputSize;
  const H = options.hiddenSize;
  checkSize('createLstm: inputSize', I);
  checkSize('createLstm: hiddenSize', H);
  const H4 = 4 * H;
  const activations: LstmActivations = Object.freeze({
    gate: options.activations?.gate ?? Activations.sigmoid,
    candidate: options.activations?.candidate ?? Activations.tanh,
    cellOutput: options.activations?.cellOutput ?? Activations.tanh,
  });
  const cifg = options.cifg ?? false;
  const forgetBias = options.forgetBias ?? 0;

  const params = createRecurrentParams(4, I, H);
  const [weightIh, weightHh, biasIh, biasHh] = params;
  if (options.rng !== undefined) initUniformPytorch(params, H, options.rng);
  for (let j = H; j < 2 * H; j++) biasHh.w[j] += forgetBias;

  const gateF = activations.gate.f;
  const candF = activations.candidate.f;
  const phiF = activations.cellOutput.f;
  const gateD = derivativeAt(activations.gate);
  const candD = derivativeAt(activations.candidate);
  const phiD = derivativeAt(activations.cellOutput);

  // Buffers, sized for capT × capB (rows = capT · capB).
  let capT = 0;
  let capB = 0;
  let xs = new Float64Array(0); // copy of the input, [T, B, I]
  let Z = new Float64Array(0); // pre-activations, [T, B, 4H]
  let Gi = new Float64Array(0); // gates and candidate, [T, B, H] each
  let Gf = new Float64Array(0);
  let Gg = new Float64Array(0);
  let Go = new Float64Array(0);
  let Hs = new Float64Array(0); // h_{−1} = h0, h_0 … h_{T−1}: [T + 1, B, H]
  let Cs = new Float64Array(0); // c0, c_0 … c_{T−1}: [T + 1, B, H]
  let Phi = new Float64Array(0); // φ(c_t), [T, B, H]
  let dZ = new Float64Array(0); // ∂L/∂Z, [T, B, 4H]
  let dx = new Float64Array(0); // ∂L/∂x, [T, B, I]
  const bsum = new Float64Array(H4); // b_ih + b_hh
  let dh = new Float64Array(0); // ∂L/∂h_t of the current step, [B, H]
  let dc = new Float64Array(0); // ∂L/∂c_t of the current step, [B, H]
  let dhNext = new Float64Array(0); // carried ∂L/∂h_{t−1} (from dZ_t·W_hh), [B, H]
  let dcNext = new Float64Array(0); // carried ∂L/∂c_{t−1} (f_t ⊙ dc_t), [B, H]
  let hNorm = new Float64Array(0);
  let cNorm = new Float64Array(0);
  let scaleLog2 = new Float64Array(0);
  let lastT = 0;
  let lastB = 0;

  function ensureCapacity(T: number, B: number): void {
    if (T <= capT && B <= capB) return;
    capT = Math.max(T, capT);
    capB = Math.max(B, capB);
    const R = capT * capB;
    xs = new Float64Array(R * I);
    Z = new Float64Array(R * H4);
    Gi = new Float64Array(R * H);
    Gf = new Float64Array(R * H);
    Gg = new Float64Array(R * H);
    Go = new Float64Array(R * H);
    Hs = new Float64Array((R + capB) * H);
    Cs = new Float64Array((R + capB) * H);
    Phi = new Float64Array(R * H);
    dZ = new Float64Array(R * H4);
    dx = new Float64Array(R * I);
    dh = new Float64Array(capB * H);
    dc = new Float64Array(capB * H);
    dhNext = new Float64Array(capB * H);
    dcNext = new Float64Array(capB * H);
    hNorm = new Float64Array(capT);
    cNorm = new Float64Array(capT);
    scaleLog2 = new Float64Array(capT);
  }
  ensureCapacity(options.maxT ?? 1, options.maxB ?? 1);

  function forward(batch: SeqBatch, h0?: Float64Array, c0?: Float64Array): Float64Array {
    checkBatch('lstm', batch, I);
    const { T, B } = batch;
    const BH = B * H;
    checkState('lstm', 'h0', h0, BH);
    checkState('lstm', 'c0', c0, BH);
    ensureCapacity(T, B);
    const R = T * B;
    lastT = T;
    lastB = B;
    xs.set(batch.x);
    if (h0 === undefined) Hs.fill(0, 0, BH); else Hs.set(h0);
    if (c0 === undefined) Cs.fill(0, 0, BH); else Cs.set(c0);
    const Wih = weightIh.w;
    const Whh = weightHh.w;
    for (let k = 0; k < H4; k++) bsum[k] = biasIh.w[k]! + biasHh.w[k]!;

    // Z_t = x_t·W_ihᵀ + b_ih + b_hh, for all t at once.
    gemmABt(R, H4, I, xs, 0, I, Wih, 0, I, Z, 0, H4, false);
    addRowBias(R, H4, Z, 0, bsum);

    const z = Z, gi = Gi, gf = Gf, gg = Gg, go = Go, hs = Hs, cs = Cs, phi = Phi;
    for (let t = 0; t < T; t++) {
      // Z_t += h_{t−1}·W_hhᵀ  (h_{t−1} is row block t of Hs).
      gemmABt(B, H4, H, hs, t * BH, H, Whh, 0, H, z, t * B * H4, H4, true);
      for (let b = 0; b < B; b++) {
        const zRow = (t * B + b) * H4;
        const row = (t * B + b) * H; // (t, b) in [T, B, H]
        for (let j = 0; j < H; j++) {
          const k = row + j;
          const f = gateF(z[zRow + H + j]!);
          const i = cifg ? 1 - f : gateF(z[zRow + j]!);
          const g = candF(z[zRow + 2 * H + j]!);
          const o = gateF(z[zRow + 3 * H + j]!);
          // c_t = f ⊙ c_{t−1} + i ⊙ g   (c_{t−1} at k, c_t at k + BH in Cs)
          const c = f * cs[k]! + i * g;
          // h_t = o ⊙ φ(c_t)
          const p = phiF(c);
          gi[k] = i;
          gf[k] = f;
          gg[k] = g;
          go[k] = o;
          cs[k + BH] = c;
          phi[k] = p;
          hs[k + BH] = o * p;
        }
      }
    }
    return Hs.subarray(BH, (T + 1) * BH);
  }

  function backward(dhs: Float64Array, opts: BackwardOptions = {}): CellGradients {
    const T = lastT;
    const B = lastB;
    if (T === 0) throw new Error('lstm.backward: call forward first');
    const BH = B * H;
    const R = T * B;
    if (dhs.length !== R * H) throw new RangeError(`lstm.backward: dhs has length ${dhs.length}, expected T·B·H = ${R * H}`);
    const rescale = opts.rescale ?? false;
    const paramGrads = !rescale && (opts.paramGrads ?? true);
    if (rescale) {
      for (let k = 0; k < (T - 1) * BH; k++) {
        if (dhs[k] !== 0) throw new RangeError('lstm.backward: rescale needs dhs to be zero before the last step');
      }
    }
    const dcLast = opts.dcLast;
    if (dcLast !== undefined && dcLast.length !== BH) {
      throw new RangeError(`lstm.backward: dcLast has length ${dcLast.length}, expected B·H = ${BH}`);
    }
    const Whh = weightHh.w;
    const z = Z, gi = Gi, gf = Gf, gg = Gg, go = Go, cs = Cs, phi = Phi, dz = dZ;
    const dhT = dh, dcT = dc, dhN = dhNext, dcN = dcNext;
    dhN.fill(0, 0, BH);
    if (dcLast === undefined) dcN.fill(0, 0, BH); else dcN.set(dcLast);
    let scale = 0;

    for (let t = T - 1; t >= 0; t--) {
      if (rescale) scale = rescaleCarries(dhN, dcN, BH, scale);
      scaleLog2[t] = scale;
      const dhsOff = t * BH;
      for (let b = 0; b < B; b++) {
        const zRow = (t * B + b) * H4;
        const row = (t * B + b) * H;
        const s = b * H;
        for (let j = 0; j < H; j++) {
          const k = row + j;
          // ∂L/∂h_t: from the loss at step t and from step t+1 (dZ_{t+1}·W_hh).
          const dht = dhs[dhsOff + s + j]! + dhN[s + j]!;
          const i = gi[k]!, f = gf[k]!, g = gg[k]!, o = go[k]!, p = phi[k]!;
          const cPrev = cs[k]!;
          // h_t = o ⊙ φ(c_t):  ∂o = ∂h ⊙ φ(c_t),  ∂c_t += ∂h ⊙ o ⊙ φ′(c_t)
          const dO = dht * p;
          const dct = dcN[s + j]! + dht * o * phiD(cs[k + BH]!, p);
          // c_t = f ⊙ c_{t−1} + i ⊙ g:  ∂i = ∂c ⊙ g,  ∂f = ∂c ⊙ c_{t−1},  ∂g = ∂c ⊙ i,  ∂c_{t−1} = ∂c ⊙ f
          const dI = dct * g;
          const dF = dct * cPrev;
          const dG = dct * i;
          dcN[s + j] = dct * f;
          // Gates from their pre-activations: ∂z = ∂(gate) ⊙ act′(z).
          // With CIFG, i = 1 − f: the i rows get no gradient and f collects −∂i.
          const zf = z[zRow + H + j]!;
          const zg = z[zRow + 2 * H + j]!;
          const zo = z[zRow + 3 * H + j]!;
          if (cifg) {
            dz[zRow + j] = 0;
            dz[zRow + H + j] = (dF - dI) * gateD(zf, f);
          } else {
            dz[zRow + j] = dI * gateD(z[zRow + j]!, i);
            dz[zRow + H + j] = dF * gateD(zf, f);
          }
          dz[zRow + 2 * H + j] = dG * candD(zg, g);
          dz[zRow + 3 * H + j] = dO * gateD(zo, o);
          dhT[s + j] = dht;
          dcT[s + j] = dct;
        }
      }
      hNorm[t] = norm2(dhT, 0, BH);
      cNorm[t] = norm2(dcT, 0, BH);
      // Z_t = … + h_{t−1}·W_hhᵀ:  ∂h_{t−1} = dZ_t·W_hh.
      gemmAB(B, H, H4, dz, t * B * H4, H4, Whh, 0, H, dhN, 0, H, false);
    }

    if (paramGrads) {
      // Z = X·W_ihᵀ + H_prev·W_hhᵀ + b_ih + b_hh, summed over all T·B rows.
      gemmAtB(H4, I, R, dZ, 0, H4, xs, 0, I, weightIh.dw, 0, I, true);
      gemmAtB(H4, H, R, dZ, 0, H4, Hs, 0, H, weightHh.dw, 0, H, true);
      addColumnSums(R, H4, dZ, 0, H4, biasIh.dw, 0);
      addColumnSums(R, H4, dZ, 0, H4, biasHh.dw, 0);
      gemmAB(R, I, H4, dZ, 0, H4, weightIh.w, 0, I, dx, 0, I, false);
    }
    const flow: ScaledGradientFlow = {
      hNorm: hNorm.subarray(0, T),
      cNorm: cNorm.subarray(0, T),
      scaleLog2: scaleLog2.subarray(0, T),
    };
    return {
      dx: paramGrads ? dx.subarray(0, R * I) : dx.subarray(0, 0),
      dh0: dhN.subarray(0, BH),
      dc0: dcN.subarray(0, BH),
      flow,
    };
  }

  function trace(): LstmTrace {
    const T = lastT;
    const B = lastB;
    if (T === 0) throw new Error('lstm.trace: call forward first');
    const n = T * B * H;
    const BH = B * H;
    return {
      T,
      B,
      H,
      i: Gi.subarray(0, n),
      f: Gf.subarray(0, n),
      g: Gg.subarray(0, n),
      o: Go.subarray(0, n),
      c: Cs.subarray(BH, BH + n),
      phiC: Phi.subarray(0, n),
      h: Hs.subarray(BH, BH + n),
      pre: Z.subarray(0, n * 4),
    };
  }

  return {
    kind: 'lstm',
    inputSize: I,
    hiddenSize: H,
    params,
    activations,
    cifg,
    weightIh,
    weightHh,
    biasIh,
    biasHh,
    forward,
    backward,
    trace,
  };
}

