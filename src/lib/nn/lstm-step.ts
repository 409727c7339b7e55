/**
 * One LSTM step, forward only, for one sequence (B = 1): the cell equations of `lstm.ts` written out plainly, with the
 * same parameter layout (PyTorch's `weight_ih_l0` [4H, I], `weight_hh_l0` [4H, H], `bias_ih_l0`, `bias_hh_l0` [4H],
 * gate blocks i, f, g, o) and the same bits:
 *
 *   z_q = [x, h_{t−1}]·[W_ih | W_hh]_qᵀ + (b_ih + b_hh)_q      for q ∈ {i, f, g, o}
 *   i = σ(z_i),  f = σ(z_f),  g = ψ(z_g),  o = σ(z_o)
 *   c_t = f ⊙ c_{t−1} + i ⊙ g
 *   h_t = o ⊙ φ(c_t)
 *
 * Each dot product starts at 0 and adds x's terms then h_{t−1}'s in column order, the bias sum is added last, and the
 * activations are the registry's (activations.ts): exactly the sums and calls of `createLstm`'s forward pass, whose
 * σ and tanh fast paths (simd.ts, fastexact.ts) return the registry's bits. So a figure that shows a single step (the
 * LSTM cell explorer, I = H = 1) gets the library's numbers without loading its multiply kernels, its WebAssembly
 * module or its training machinery; test/lib/lstm-step.test.ts holds the two to the same bits.
 *
 * No backward pass, no batches, no CIFG: use `createLstm` for those.
 *
 * @module
 */
import type { LstmActivations } from './lstm.ts';
import { Activations } from './activations.ts';

/** The four parameter tensors of an LSTM layer in PyTorch's layout (e.g. an `Lstm`'s `weightIh.w` … `biasHh.w`). */
export interface LstmStepWeights {
  /** `weight_ih_l0`, [4H, I], rows i, f, g, o. */
  readonly weightIh: Float64Array;
  /** `weight_hh_l0`, [4H, H]. */
  readonly weightHh: Float64Array;
  /** `bias_ih_l0`, [4H]. */
  readonly biasIh: Float64Array;
  /** `bias_hh_l0`, [4H]. */
  readonly biasHh: Float64Array;
}

/**
 * The three activation roles, as in `createLstm`'s `activations` option (a type-only import: it adds nothing to a
 * bundle).
 */
export type LstmStepActivations = LstmActivations;

/** Everything one step computes; the same quantities as `Lstm.trace()` for T = B = 1. */
export interface LstmStepResult {
  /** Pre-activations z, [4H]: the i, f, g, o blocks of length H each (`trace().pre`). */
  readonly pre: Float64Array;
  /** Input gate i, [H]. */
  readonly i: Float64Array;
  /** Forget gate f, [H]. */
  readonly f: Float64Array;
  /** Candidate g, [H]. */
  readonly g: Float64Array;
  /** Output gate o, [H]. */
  readonly o: Float64Array;
  /** New cell state c_t, [H]. */
  readonly c: Float64Array;
  /** φ(c_t), [H]. */
  readonly phiC: Float64Array;
  /** New hidden state h_t, [H]. */
  readonly h: Float64Array;
}

const lengthError = (what: string, got: number, expected: number) =>
  new RangeError(`lstmStep: ${what} has length ${got}, expected ${expected}`);

/**
 * One forward step of an LSTM layer with input size `x.length` and hidden size `hPrev.length`, from `hPrev` and
 * `cPrev`. Missing activation roles take the defaults (σ, tanh, tanh). Returns fresh arrays.
 *
 * @example
 * const { h, c } = lstmStep(
 *   { weightIh: lstm.weightIh.w, weightHh: lstm.weightHh.w, biasIh: lstm.biasIh.w, biasHh: lstm.biasHh.w },
 *   Float64Array.of(1), Float64Array.of(0.2), Float64Array.of(0.5),
 * );
 */
export function lstmStep(
  weights: LstmStepWeights,
  x: Float64Array,
  hPrev: Float64Array,
  cPrev: Float64Array,
  activations: Partial<LstmStepActivations> = {},
): LstmStepResult {
  const I = x.length;
  const H = hPrev.length;
  const H4 = 4 * H;
  if (I < 1) throw new RangeError('lstmStep: x must not be empty');
  if (H < 1) throw new RangeError('lstmStep: hPrev must not be empty');
  if (cPrev.length !== H) throw lengthError('cPrev', cPrev.length, H);
  const { weightIh: wih, weightHh: whh, biasIh: bih, biasHh: bhh } = weights;
  if (wih.length !== H4 * I) throw lengthError('weightIh', wih.length, H4 * I);
  if (whh.length !== H4 * H) throw lengthError('weightHh', whh.length, H4 * H);
  if (bih.length !== H4) throw lengthError('biasIh', bih.length, H4);
  if (bhh.length !== H4) throw lengthError('biasHh', bhh.length, H4);
  const gate = (activations.gate ?? Activations.sigmoid).f;
  const cand = (activations.candidate ?? Activations.tanh).f;
  const phiF = (activations.cellOutput ?? Activations.tanh).f;

  const pre = new Float64Array(H4);
  for (let r = 0; r < H4; r++) {
    let s = 0;
    for (let k = 0; k < I; k++) s += x[k]! * wih[r * I + k]!;
    for (let k = 0; k < H; k++) s += hPrev[k]! * whh[r * H + k]!;
    pre[r] = s + (bih[r]! + bhh[r]!);
  }
  const i = new Float64Array(H);
  const f = new Float64Array(H);
  const g = new Float64Array(H);
  const o = new Float64Array(H);
  const c = new Float64Array(H);
  const phiC = new Float64Array(H);
  const h = new Float64Array(H);
  for (let j = 0; j < H; j++) {
    i[j] = gate(pre[j]!);
    f[j] = gate(pre[H + j]!);
    g[j] = cand(pre[2 * H + j]!);
    o[j] = gate(pre[3 * H + j]!);
    c[j] = f[j]! * cPrev[j]! + i[j]! * g[j]!;
    phiC[j] = phiF(c[j]!);
    h[j] = o[j]! * phiC[j]!;
  }
  return { pre, i, f, g, o, c, phiC, h };
}
