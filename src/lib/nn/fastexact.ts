/**
 * Faster element-wise kernels that return **exactly the same bits** as the registry's default activations, for the
 * hot loops of the recurrent cells.
 *
 * Why this exists: the forward pass of an LSTM spends most of its element-wise time in three σ and two tanh per
 * unit and step. The registry's σ, `z >= 0 ? 1/(1 + e) : e/(1 + e)` with e = `Math.exp(−|z|)`, costs two
 * mispredicted branches per call (the sign of z, and the range tests inside `Math.exp`), since gate
 * pre-activations change sign at random. {@link sigmoidExact} computes the same expression without data-dependent
 * branches:
 *
 * - e^{−|z|} by the algorithm of `elementary.ts`'s exp (fdlibm's `e_exp.c`, as ported in V8's
 *   `src/base/ieee754.cc`: argument reduction x = k·ln2 + r with ln2 split in two, the degree-5 Remez rational
 *   approximation, scaling by 2^k), specialised to x = −|z| ≤ 0 so that the three reduction branches collapse
 *   into one formula (shown in the comments below to give the same k, hi and lo as the branches);
 * - the final select between 1/(1+e) and e/(1+e) as the exact blend (1 − s + s·e)/(1 + e) with s ∈ {0, 1} the
 *   sign bit of z.
 *
 * Every IEEE operation is the one fdlibm performs, in the same order, and JavaScript evaluates float64 arithmetic
 * without contraction or extra precision, so the result is bit-identical to `Activations.sigmoid.f`, which computes
 * σ with the same fdlibm exp written out in `elementary.ts` — in every engine, whatever its `Math.exp`.
 * `test/lib/fastexact.test.ts` checks this on every reduction boundary and a few hundred thousand random arguments.
 * Arguments outside 2^−28 ≤ |z| < 707 (and NaN) take the registry function itself. {@link tanhExact},
 * {@link biasTanhInto} and {@link tanhInto} do the same for tanh on fdlibm's expm1 (one formula with a table per
 * reduction step in place of expm1's five final cases), since `elementary.ts`'s tanh, with its data-dependent
 * branches, is slow in a loop.
 *
 * @module
 */
import { Activations } from './activations.ts';
import { tanh as tanhReference } from './elementary.ts';

/** Scratch for reading the high 32 bits of a float64 (little-endian: word 1). */
const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);
/** Whether word 1 of a float64 holds its sign and exponent (little-endian; true on every platform V8 runs on). */
const LITTLE_ENDIAN = ((): boolean => {
  F64[0] = -1;
  return I32[1] === (0xbff00000 | 0);
})();

/** The double whose high word is `hi` and low word 0. */
function fromHighWord(hi: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, hi >>> 0);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

/** 2^k at index k + 1074 for k ∈ [−1074, 0] (exact: built by halving). */
const POW2 = ((): Float64Array => {
  const p = new Float64Array(1075);
  let v = 1;
  for (let k = 0; k >= -1074; k--, v /= 2) p[k + 1074] = v;
  return p;
})();

// fdlibm e_exp.c constants (bit patterns in V8's source comments).
const LN2_HI = 6.9314718036912381649e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const INV_LN2 = 1.442695040888963387; // 0x3FF71547 652B82FE
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
/** |x| < 2^−28: fdlibm returns 1 + x directly; we leave that (and everything else unusual) to the registry. */
const TINY = fromHighWord(0x3e300000);
/** Above this |z| the reduction gives k < −1020 and fdlibm's gradual-underflow scaling starts; not worth a path. */
const LARGE = 707;
/** High word from which fdlibm reduces the argument (|x| > 0.5·ln2 means hx > 0x3FD62E42). */
const REDUCE_HW = 0x3fd62e43;

const sigmoidReference = Activations.sigmoid.f;

/**
 * σ(z) = 1/(1 + e^{−z}), bit-identical to `Activations.sigmoid.f(z)` (see the module comment), about a third
 * cheaper in a loop because it has no data-dependent branches.
 */
export function sigmoidExact(z: number): number {
  const a = Math.abs(z);
  if (!(a >= TINY && a < LARGE) || !LITTLE_ENDIAN) return sigmoidReference(z);
  F64[0] = z;
  const hz = I32[1]!;
  const x = -a;
  // fdlibm: k = 0 if |x| ≤ 0.5·ln2 (high word ≤ 0x3FD62E42); k = −1 with hi = x + ln2_hi, lo = −ln2_lo if
  // |x| < 1.5·ln2; otherwise k = (int)(x/ln2 − 0.5), hi = x − k·ln2_hi, lo = k·ln2_lo. The general formula gives
  // k = −1 on the whole middle range and the same hi and lo (x − (−1)·c is x + c exactly), and k ∈ {0, −1} below
  // 0.5·ln2, where the mask (all ones iff the high word of |x| ≥ 0x3FD62E43) forces k = 0. With k = 0, hi = x and
  // lo = 0, so 1 − ((lo − x·c/(2 − c)) − hi) below is fdlibm's 1 − (x·c/(c − 2) − x) exactly, and 2^0 = 1.
  const k = ((INV_LN2 * x - 0.5) | 0) & ~(((hz & 0x7fffffff) - REDUCE_HW) >> 31);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const e = (1 - (lo - (r * c) / (2.0 - c) - hi)) * POW2[k + 1074]!;
  // z ≥ 0 ? 1/(1 + e) : e/(1 + e), as an exact blend: s = 1 for negative z (its sign bit), else 0.
  const s = hz >>> 31;
  return (1 - s + s * e) / (1 + e);
}

/**
 * Adds a bias and applies σ, for a row of pre-activations: for j < n, `z[zOff + j] += bias[bOff + j]`, then
 * `out[oOff + j] = σ(z[zOff + j])`, bit-identical to `Activations.sigmoid.f` (see {@link sigmoidExact}, whose
 * body this loop repeats so that it runs inline whatever V8's inlining budget decides about the caller). The
 * updated `z` is kept because the cells report and reuse their pre-activations.
 *
 * @param z - pre-activations without the bias; updated in place.
 * @param zOff - offset of the first one.
 * @param bias - the bias.
 * @param bOff - offset of the bias of the first one.
 * @param n - how many.
 * @param out - output; must not overlap `z`.
 * @param oOff - offset of the first output.
 */
export function biasSigmoidInto(
  z: Float64Array,
  zOff: number,
  bias: Float64Array,
  bOff: number,
  n: number,
  out: Float64Array,
  oOff: number,
): void {
  for (let j = 0; j < n; j++) {
    const v = (z[zOff + j] += bias[bOff + j]!);
    const a = Math.abs(v);
    if (!(a >= TINY && a < LARGE) || !LITTLE_ENDIAN) {
      out[oOff + j] = sigmoidReference(v);
      continue;
    }
    F64[0] = v;
    const hz = I32[1]!;
    const x = -a;
    const k = ((INV_LN2 * x - 0.5) | 0) & ~(((hz & 0x7fffffff) - REDUCE_HW) >> 31);
    const hi = x - k * LN2_HI;
    const lo = k * LN2_LO;
    const r = hi - lo;
    const t = r * r;
    const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    const e = (1 - (lo - (r * c) / (2.0 - c) - hi)) * POW2[k + 1074]!;
    const s = hz >>> 31;
    out[oOff + j] = (1 - s + s * e) / (1 + e);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// tanh
// ---------------------------------------------------------------------------------------------------------------

// s_expm1.c: scaled coefficients of the rational approximation of e^r − 1.
const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;
/** tanh's own range: |x| < 22 (above, tanh rounds to ±1; fdlibm's high-word test `ix < 0x40360000`). */
const TANH_LARGE = 22;
/** High word of |x| from which fdlibm's tanh takes expm1(2|x|) (|x| ≥ 1) instead of expm1(−2|x|). */
const ONE_HW = 0x3ff00000;
/** High word of |x| from which expm1(−2|x|) reduces its argument: 2|x| > ½·ln2, i.e. the high word of 2|x| ≥
 * 0x3FD62E43, which is the high word of |x| ≥ 0x3FC62E43 (doubling adds one to the exponent field). */
const TANH_REDUCE_HW = 0x3fc62e43;
/** The reduction steps k of expm1(±2|x|) that tanh reaches: −3 … 0 for 2^−28 ≤ |x| < 1, 3 … 63 for 1 ≤ |x| < 22. */
const K_MIN = -3;
const K_MAX = 63;

/**
 * expm1's last step, which fdlibm writes as five cases of k, as one formula with per-k constants:
 * e^x − 1 = ((r − (e + M_k)) + C_k)·2^k − D_k, with r the reduced argument and e the correction term. The cases
 * (`s_expm1.c`, in the order written there) and why each one is this formula exactly:
 *
 * - k = 0: r − e. Here C = 0, M = D = 0: (r − (e + 0)) + 0 = r − e, times 1, minus 0.
 * - k = −1: ½(r − e) − ½. With C = −1: ((r − e) − 1)·½, and halving commutes with rounding (no subnormals here).
 * - k ≤ −2 or k > 56: (1 − (e − r))·2^k − 1. With C = 1, D = 1: r − e = −(e − r) exactly, so (r − e) + 1 rounds
 *   like 1 − (e − r).
 * - 2 ≤ k < 20: (1 − 2^−k − (e − r))·2^k. With C = 1 − 2^−k (exact for k < 53), the same argument.
 * - 20 ≤ k ≤ 56: ((r − (e + 2^−k)) + 1)·2^k. With M = 2^−k, C = 1.
 *
 * Adding or subtracting a zero constant changes no bits (e + 0 = e for every e ≠ −0, and r − (±0) = r). k = 1,
 * which has a case of its own, never occurs for tanh's arguments. Indexed by k − K_MIN.
 */
const EXPM1_P = new Float64Array(K_MAX - K_MIN + 1);
const EXPM1_C = new Float64Array(K_MAX - K_MIN + 1);
const EXPM1_M = new Float64Array(K_MAX - K_MIN + 1);
const EXPM1_D = new Float64Array(K_MAX - K_MIN + 1);
for (let k = K_MIN; k <= K_MAX; k++) {
  const i = k - K_MIN;
  const p = k >= 0 ? 2 ** k : POW2[k + 1074]!;
  const q = k >= 0 ? POW2[-k + 1074]! : 2 ** -k; // 2^−k, exact
  EXPM1_P[i] = p;
  if (k === 0 || k === -1 || (k >= 2 && k < 20)) EXPM1_C[i] = 1 - q;
  else EXPM1_C[i] = 1;
  EXPM1_M[i] = k >= 20 && k <= 56 ? q : 0;
  EXPM1_D[i] = k <= -2 || k > 56 ? 1 : 0;
}

/**
 * tanh(x), bit-identical to `elementary.ts`'s tanh (FreeBSD's `s_tanh.c` on fdlibm's `s_expm1.c`, as in V8) and so
 * to `Activations.tanh.f`, with one predictable branch (arguments outside 2^−28 ≤ |x| < 22, and NaN, take
 * `elementary.ts`'s tanh) instead of the half a dozen data-dependent ones of the reference.
 *
 * tanh(x) = sign(x)·(1 − 2/(t + 2)) with t = expm1(2|x|) for |x| ≥ 1, and sign(x)·(−t/(t + 2)) with
 * t = expm1(−2|x|) below. Here both are m − N/(t + 2) with m ∈ {0, 1} (whether |x| ≥ 1), N = 2 or t as the exact
 * blend 2m + (1 − m)·t, and t = expm1(X) with X = ±2|x| (an exact doubling). expm1's reduction is specialised
 * as {@link sigmoidExact} specialises exp's: k = (int)(X/ln2 ± ½) gives fdlibm's k = −1 and its hi and lo on the
 * middle range, a mask gives k = 0 where fdlibm does not reduce; its final step is one formula with a table
 * per k (see `EXPM1_P`).
 */
export function tanhExact(x: number): number {
  const a = Math.abs(x);
  if (!(a >= TINY && a < TANH_LARGE) || !LITTLE_ENDIAN) return tanhReference(x);
  F64[0] = x;
  const hx = I32[1]!;
  const ha = hx & 0x7fffffff;
  const m = ((ONE_HW - 1 - ha) >>> 31) as 0 | 1; // 1 iff |x| ≥ 1
  const sgn = 2 * m - 1;
  const X = 2 * sgn * a; // 2|x| or −2|x|, exact
  const k = ((INV_LN2 * X + 0.5 * sgn) | 0) & ~((ha - TANH_REDUCE_HW) >> 31);
  const hi = X - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const cr = hi - r - lo;
  const hfx = 0.5 * r;
  const hxs = r * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const u = 3 - r1 * hfx;
  let e = hxs * ((r1 - u) / (6 - r * u));
  e = r * (e - cr) - cr;
  e -= hxs;
  const i = k - K_MIN;
  const t = (r - (e + EXPM1_M[i]!) + EXPM1_C[i]!) * EXPM1_P[i]! - EXPM1_D[i]!;
  const z = m - (2 * m + (1 - m) * t) / (t + 2);
  return (1 - 2 * (hx >>> 31)) * z;
}

/**
 * Adds a bias and applies tanh, for a row of pre-activations: for j < n, `z[zOff + j] += bias[bOff + j]`, then
 * `out[oOff + j] = tanh(z[zOff + j])`, bit-identical to `elementary.ts`'s tanh (the body of {@link tanhExact},
 * repeated so that it runs inline: a loop that calls `tanhExact` instead took 1.5–1.8× as long per element,
 * measured 2026-12-07 on Node 24, 512-element rows).
 *
 * @param z - pre-activations without the bias; updated in place.
 * @param zOff - offset of the first one.
 * @param bias - the bias.
 * @param bOff - offset of the bias of the first one.
 * @param n - how many.
 * @param out - output; must not overlap `z`.
 * @param oOff - offset of the first output.
 */
export function biasTanhInto(
  z: Float64Array,
  zOff: number,
  bias: Float64Array,
  bOff: number,
  n: number,
  out: Float64Array,
  oOff: number,
): void {
  for (let j = 0; j < n; j++) {
    const x = (z[zOff + j] += bias[bOff + j]!);
    const a = Math.abs(x);
    if (!(a >= TINY && a < TANH_LARGE) || !LITTLE_ENDIAN) {
      out[oOff + j] = tanhReference(x);
      continue;
    }
    F64[0] = x;
    const hx = I32[1]!;
    const ha = hx & 0x7fffffff;
    const m = (ONE_HW - 1 - ha) >>> 31;
    const sgn = 2 * m - 1;
    const X = 2 * sgn * a;
    const k = ((INV_LN2 * X + 0.5 * sgn) | 0) & ~((ha - TANH_REDUCE_HW) >> 31);
    const hi = X - k * LN2_HI;
    const lo = k * LN2_LO;
    const r = hi - lo;
    const cr = hi - r - lo;
    const hfx = 0.5 * r;
    const hxs = r * hfx;
    const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    const u = 3 - r1 * hfx;
    let e = hxs * ((r1 - u) / (6 - r * u));
    e = r * (e - cr) - cr;
    e -= hxs;
    const i = k - K_MIN;
    const t = (r - (e + EXPM1_M[i]!) + EXPM1_C[i]!) * EXPM1_P[i]! - EXPM1_D[i]!;
    const q = m - (2 * m + (1 - m) * t) / (t + 2);
    out[oOff + j] = (1 - 2 * (hx >>> 31)) * q;
  }
}

/**
 * tanh of a row: for j < n, `out[oOff + j] = tanh(x[xOff + j])`, bit-identical to `elementary.ts`'s tanh (the body
 * of {@link tanhExact}, repeated so that it runs inline). `out` may be `x` itself at the same offset.
 */
export function tanhInto(x: Float64Array, xOff: number, n: number, out: Float64Array, oOff: number): void {
  for (let j = 0; j < n; j++) {
    const v = x[xOff + j]!;
    const a = Math.abs(v);
    if (!(a >= TINY && a < TANH_LARGE) || !LITTLE_ENDIAN) {
      out[oOff + j] = tanhReference(v);
      continue;
    }
    F64[0] = v;
    const hx = I32[1]!;
    const ha = hx & 0x7fffffff;
    const m = (ONE_HW - 1 - ha) >>> 31;
    const sgn = 2 * m - 1;
    const X = 2 * sgn * a;
    const k = ((INV_LN2 * X + 0.5 * sgn) | 0) & ~((ha - TANH_REDUCE_HW) >> 31);
    const hi = X - k * LN2_HI;
    const lo = k * LN2_LO;
    const r = hi - lo;
    const cr = hi - r - lo;
    const hfx = 0.5 * r;
    const hxs = r * hfx;
    const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    const u = 3 - r1 * hfx;
    let e = hxs * ((r1 - u) / (6 - r * u));
    e = r * (e - cr) - cr;
    e -= hxs;
    const i = k - K_MIN;
    const t = (r - (e + EXPM1_M[i]!) + EXPM1_C[i]!) * EXPM1_P[i]! - EXPM1_D[i]!;
    const q = m - (2 * m + (1 - m) * t) / (t + 2);
    out[oOff + j] = (1 - 2 * (hx >>> 31)) * q;
  }
}

/**
 * The arrays of an LSTM layer that the element-wise part of its steps reads and writes (lstm.ts's buffers; [T, B, H]
 * arrays put (t, b, j) at `(t·B + b)·H + j`). {@link lstmForwardCell} and {@link lstmBackwardCell} work on them in
 * JavaScript; the arena of simd.ts runs the same operations in WebAssembly SIMD when all of them live on its memory.
 */
export interface LstmCellArrays {
  /** Pre-activations Z, [T, B, 4H] (blocks i, f, g, o of H each), b_ih + b_hh added in place by the forward step. */
  readonly z: Float64Array;
  /** b_ih + b_hh, [4H]. */
  readonly bias: Float64Array;
  /** The gates and the candidate i, f, g, o, [T, B, H] each. */
  readonly gi: Float64Array;
  readonly gf: Float64Array;
  readonly gg: Float64Array;
  readonly go: Float64Array;
  /** c0, c_0 … c_{T−1}, [T + 1, B, H] (c_{t−1} at step t's rows, c_t one step later). */
  readonly cs: Float64Array;
  /** φ(c_t), [T, B, H]. */
  readonly phi: Float64Array;
  /** h_t, [T, B, H]. */
  readonly hs: Float64Array;
  /** The fused input rows [x_t, h_{t−1}], [T, B, I + H]. */
  readonly xh: Float64Array;
  /** ∂L/∂h_t from the loss, [T, B, H]. */
  readonly dhs: Float64Array;
  /** ∂L/∂[x_t, h_{t−1}] of the current step, [B, I + H]; columns I … I + H − 1 carry ∂L/∂h into the step before. */
  readonly dxh: Float64Array;
  /** The carried ∂L/∂c: from step t + 1 in, ∂L/∂c_{t−1} out, [B, H]. */
  readonly dcN: Float64Array;
  /** ∂L/∂Z, [T, B, 4H]. */
  readonly dz: Float64Array;
  /** The total ∂L/∂h_t and ∂L/∂c_t of the current step, [B, H] each. */
  readonly dh: Float64Array;
  readonly dc: Float64Array;
  /** Σ (∂L/∂h_t)² and Σ (∂L/∂c_t)² of the current step, in the order of the entries, [2]. */
  readonly sums: Float64Array;
}

/**
 * The element-wise part of step t of an LSTM forward pass with the default activations (σ gates, tanh candidate and
 * cell output), on B rows of H units: z += b (stored back; skipped when `addBias` is false, i.e. when it was done
 * already); i = σ(z_i), f = σ(z_f), g = tanh(z_g), o = σ(z_o); c_t = f ⊙ c_{t−1} + i ⊙ g; φ(c_t) = tanh(c_t);
 * h_t = o ⊙ φ(c_t) into `hs` and, if `feed`, into the fused row of step t + 1. The registry's bits.
 */
export function lstmForwardCell(
  a: LstmCellArrays,
  t: number,
  B: number,
  H: number,
  I: number,
  feed: boolean,
  addBias: boolean,
): void {
  const { z, bias, gi, gf, gg, go, cs, phi, hs, xh } = a;
  const H4 = 4 * H,
    K = I + H,
    BH = B * H;
  for (let b = 0; b < B; b++) {
    const zRow = (t * B + b) * H4,
      row = (t * B + b) * H,
      next = (t + 1) * B * K + b * K + I;
    for (let j = 0; j < H; j++) {
      const k = row + j;
      const zi = addBias ? (z[zRow + j] += bias[j]!) : z[zRow + j]!;
      const zf = addBias ? (z[zRow + H + j] += bias[H + j]!) : z[zRow + H + j]!;
      const zg = addBias ? (z[zRow + 2 * H + j] += bias[2 * H + j]!) : z[zRow + 2 * H + j]!;
      const zo = addBias ? (z[zRow + 3 * H + j] += bias[3 * H + j]!) : z[zRow + 3 * H + j]!;
      const i = (gi[k] = sigmoidExact(zi));
      const f = (gf[k] = sigmoidExact(zf));
      const g = (gg[k] = tanhExact(zg));
      const o = (go[k] = sigmoidExact(zo));
      const c = (cs[k + BH] = f * cs[k]! + i * g);
      const p = (phi[k] = tanhExact(c));
      const h = o * p;
      hs[k] = h;
      if (feed) xh[next + j] = h;
    }
  }
}

/**
 * The element-wise part of step t of an LSTM backward pass with the default activations: the cell equations of
 * {@link lstmForwardCell} in reverse for B rows of H units, reading ∂L/∂h_t (from the loss, `dhs`, plus the carry
 * in `dxh`) and the carried ∂L/∂c_t (`dcN`), writing ∂L/∂Z_t, ∂L/∂c_{t−1} (into `dcN`), the totals ∂L/∂h_t and
 * ∂L/∂c_t (`dh`, `dc`) and their sums of squares (`sums`, summed in the order of the entries).
 */
export function lstmBackwardCell(a: LstmCellArrays, t: number, B: number, H: number, I: number): void {
  const { gi, gf, gg, go, cs, phi, dhs, dxh, dcN, dz, dh, dc, sums } = a;
  const H4 = 4 * H,
    K = I + H;
  let sumH = 0,
    sumC = 0;
  for (let b = 0; b < B; b++) {
    const zRow = (t * B + b) * H4,
      row = (t * B + b) * H,
      s = b * H,
      carry = b * K + I;
    for (let j = 0; j < H; j++) {
      const k = row + j;
      // ∂L/∂h_t: from the loss at step t and from step t+1 (∂Z_{t+1}·W_hh).
      const dht = dhs[k]! + dxh[carry + j]!;
      const i = gi[k]!,
        f = gf[k]!,
        g = gg[k]!,
        o = go[k]!,
        p = phi[k]!;
      // h_t = o ⊙ φ(c_t):  ∂o = ∂h ⊙ φ(c_t),  ∂c_t += ∂h ⊙ o ⊙ (1 − φ(c_t)²)
      const dO = dht * p;
      const dct = dcN[s + j]! + dht * o * (1 - p * p);
      // c_t = f ⊙ c_{t−1} + i ⊙ g:  ∂c_{t−1} = ∂c ⊙ f; then ∂z = ∂(gate) ⊙ σ′ or tanh′, from the outputs
      dcN[s + j] = dct * f;
      dz[zRow + j] = dct * g * (i * (1 - i));
      dz[zRow + H + j] = dct * cs[k]! * (f * (1 - f));
      dz[zRow + 2 * H + j] = dct * i * (1 - g * g);
      dz[zRow + 3 * H + j] = dO * (o * (1 - o));
      dh[s + j] = dht;
      dc[s + j] = dct;
      sumH += dht * dht;
      sumC += dct * dct;
    }
  }
  sums[0] = sumH;
  sums[1] = sumC;
}

/**
 * The arrays of a GRU layer that the element-wise part of its backward steps reads and writes (gru.ts's buffers;
 * [T, B, H] arrays put (t, b, j) at `(t·B + b)·H + j`, [T, B, 3H] ones the blocks r, z, n of row (t, b) at
 * `(t·B + b)·3H`). {@link gruBackwardCell} works on them in JavaScript; the arena of simd.ts runs the same operations
 * in WebAssembly SIMD when all of them live on its memory.
 */
export interface GruCellArrays {
  /** ∂L/∂h_t from the loss, [T, B, H]. */
  readonly dhs: Float64Array;
  /** The carried ∂L/∂h: from step t + 1 in, the direct part z ⊙ ∂L/∂h_t of ∂L/∂h_{t−1} out, [B, H]. */
  readonly dhN: Float64Array;
  /** The gates r_t, z_t and the candidate n_t, [T, B, H] each. */
  readonly r: Float64Array;
  readonly z: Float64Array;
  readonly n: Float64Array;
  /** h0, h_0 … h_{T−1}, [T + 1, B, H] (h_{t−1} at step t's rows). */
  readonly hs: Float64Array;
  /** h_{t−1}·W_hhᵀ + b_hh, [T, B, 3H] (only its n blocks are read). */
  readonly gh: Float64Array;
  /** ∂L/∂GX and ∂L/∂GH, [T, B, 3H]. */
  readonly dgx: Float64Array;
  readonly dgh: Float64Array;
  /** The total ∂L/∂h_t of the current step, [B, H]. */
  readonly dh: Float64Array;
  /** Σ (∂L/∂h_t)² of the current step, in the order of the entries, at index 0. */
  readonly sums: Float64Array;
}

/**
 * The element-wise part of step t of a GRU backward pass with the default activations (σ gates, tanh candidate):
 * gru.ts's gate equations in reverse for B rows of H units, with σ′ and tanh′ written out from the outputs
 * (y(1 − y), 1 − y², the registry's `dfFromOutput`). Reads ∂L/∂h_t (from the loss, `dhs`, plus the carry in `dhN`),
 * writes ∂L/∂GX_t, ∂L/∂GH_t, z ⊙ ∂L/∂h_t into `dhN`, the total ∂L/∂h_t into `dh` and its sum of squares into
 * `sums[0]` (summed in the order of the entries, as `norm2` does).
 */
export function gruBackwardCell(a: GruCellArrays, t: number, B: number, H: number): void {
  const { dhs, dhN, r: rg, z: zg, n: ng, hs, gh, dgx, dgh, dh, sums } = a;
  const H3 = 3 * H;
  let sum = 0;
  for (let b = 0; b < B; b++) {
    const gRow = (t * B + b) * H3,
      row = (t * B + b) * H,
      s = b * H;
    for (let j = 0; j < H; j++) {
      const k = row + j;
      // ∂L/∂h_t: from the loss at step t and from step t+1.
      const dht = dhs[k]! + dhN[s + j]!;
      const r = rg[k]!,
        z = zg[k]!,
        n = ng[k]!;
      // h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}:  ∂n = ∂h ⊙ (1 − z),  ∂z = ∂h ⊙ (h_{t−1} − n),  ∂h_{t−1} = ∂h ⊙ z (+ later)
      const dn = dht * (1 - z);
      const dz = dht * (hs[k]! - n);
      dhN[s + j] = dht * z;
      // n = tanh(a_n), a_n = GX_n + r ⊙ GH_n:  ∂a_n = ∂n ⊙ (1 − n²),  ∂r = ∂a_n ⊙ GH_n
      const dan = dn * (1 - n * n);
      const dar = dan * gh[gRow + 2 * H + j]! * (r * (1 - r));
      const daz = dz * (z * (1 - z));
      dgx[gRow + j] = dar;
      dgh[gRow + j] = dar;
      dgx[gRow + H + j] = daz;
      dgh[gRow + H + j] = daz;
      dgx[gRow + 2 * H + j] = dan;
      dgh[gRow + 2 * H + j] = dan * r;
      dh[s + j] = dht;
      sum += dht * dht;
    }
  }
  sums[0] = sum;
}

/**
 * The arrays of an RNN layer that the element-wise part of its backward steps reads and writes (rnn.ts's buffers,
 * laid out as in {@link GruCellArrays}); {@link rnnBackwardCell} works on them in JavaScript, the arena of simd.ts in
 * WebAssembly SIMD.
 */
export interface RnnCellArrays {
  /** ∂L/∂h_t from the loss, [T, B, H]. */
  readonly dhs: Float64Array;
  /** The carried ∂L/∂h_t from step t + 1, [B, H] (read only: the multiply after the step overwrites it). */
  readonly dhN: Float64Array;
  /** h0, h_0 … h_{T−1}, [T + 1, B, H] (h_t one step after step t's rows). */
  readonly hs: Float64Array;
  /** ∂L/∂Z, [T, B, H]. */
  readonly dz: Float64Array;
  /** The total ∂L/∂h_t of the current step, [B, H]. */
  readonly dh: Float64Array;
  /** Σ (∂L/∂h_t)² of the current step, in the order of the entries, at index 0. */
  readonly sums: Float64Array;
}

/**
 * The element-wise part of step t of an RNN backward pass with φ = tanh: ∂h_t = ∂L/∂h_t from the loss plus the carry,
 * ∂Z_t = ∂h_t ⊙ (1 − h_t²) (the registry's `dfFromOutput`), the total ∂L/∂h_t into `dh` and its sum of squares into
 * `sums[0]` (in the order of the entries, as `norm2` does).
 */
export function rnnBackwardCell(a: RnnCellArrays, t: number, B: number, H: number): void {
  const { dhs, dhN, hs, dz, dh, sums } = a;
  const BH = B * H,
    off = t * BH;
  let sum = 0;
  for (let s = 0; s < BH; s++) {
    const k = off + s;
    const dht = dhs[k]! + dhN[s]!;
    const h = hs[k + BH]!;
    dz[k] = dht * (1 - h * h);
    dh[s] = dht;
    sum += dht * dht;
  }
  sums[0] = sum;
}
