/**
 * e^x, e^x − 1, tanh and σ (with ln, cos and sin in `elementary-log-trig.ts`) from IEEE-754 arithmetic alone, so that every JavaScript engine computes the
 * same bits.
 *
 * Why: `Math.exp`, `Math.tanh`, `Math.log`, `Math.cos`… are not required to be correctly rounded, and engines differ
 * in the last bit: on 200 000 arguments Chromium 156 and Node 24 disagree on 10 % of `Math.exp` values, 8 % of
 * `Math.log`, 3 % of `Math.cos`, and 31 of `Math.tanh` (Firefox and Safari use other libraries again). A training run
 * that calls them can end with different weights in another browser, and a reader re-running a committed experiment
 * could not be promised the same result. `+ − × ÷` and `Math.sqrt` on float64 *are* correctly rounded in every
 * engine, and JavaScript never contracts `a*b + c` into a fused multiply-add or keeps extra precision, so a function
 * built from them alone gives the same bits everywhere.
 *
 * The algorithms are fdlibm's (Sun Microsystems, 1993), in the versions V8 ships in `src/base/ieee754.cc`
 * (`e_exp.c`, `s_expm1.c`, FreeBSD's `s_tanh.c`, `e_log.c`, `s_cos.c`/`s_sin.c` with `k_cos.c`, `k_sin.c` and
 * the medium-size case of `e_rem_pio2.c`), performed operation by operation in the same order. Node 24's
 * `Math.exp/expm1/tanh/log/cos/sin` are exactly these (tested on every reduction boundary and hundreds of thousands
 * of random arguments in `test/lib/elementary.test.ts`), so nothing the site computed before this module changes.
 *
 **exp(x).** Argument reduction x = k·ln2 + r, |r| ≤ ½ln2, with ln2 split into a high part whose product with
 * k is exact (`LN2_HI`, 32 significant bits) and a low part; on [−½ln2, ½ln2] a degree-5 Remez polynomial
 * R(r²) ≈ r·(e^r + 1)/(e^r − 1) gives e^r = 1 + 2r/(R − r) (error of the approximation < 2^−59); the result is
 * scaled by 2^k through its exponent bits. fdlibm's error analysis bounds the result below 1 ulp.
 * **expm1(x).** The same reduction, carrying the rounding error of r, and a degree-5 rational approximation of
 * e^r − 1 that keeps full relative precision near 0 (fdlibm: error below 1 ulp).
 * **tanh(x)** = −t/(t + 2) with t = expm1(−2|x|) for |x| < 1, 1 − 2/(t + 2) with t = expm1(2|x|) for
 * 1 ≤ |x| < 22, ±1 beyond, x itself for |x| < 2^−28, odd symmetry for the sign.
 * **σ(z)** = 1/(1 + e) for z ≥ 0 and e/(1 + e) for z < 0, with e = exp(−|z|): no overflow, full relative
 * precision in both tails.
 *
 * Measured accuracy against a 128-bit reference is stated in {@link ELEMENTARY_MAX_ULP}. The module is a leaf: it imports nothing.
 *
 * @module
 */

/**
 * Error bounds, in units in the last place, that `test/lib/elementary.test.ts` enforces against a 128-bit reference
 * on 250 000 arguments for each of these functions (10⁶ in all); it prints the figures. Measured on that sample:
 * exp 0.863 ulp (0.5 ulp would be correctly rounded), expm1 0.765, tanh 1.993, σ 2.057. tanh and σ are two or three
 * correctly rounded operations on top of expm1/exp, hence their larger errors; a more accurate tanh would change the
 * bits of every committed run, which keeping V8's algorithm avoids. (ln, cos and sin: `LOG_TRIG_MAX_ULP` in
 * elementary-log-trig.ts.)
 */
export const ELEMENTARY_MAX_ULP = { exp: 1, expm1: 1, tanh: 2.5, sigmoid: 2.5 } as const;

/** The double whose high 32 bits (sign, exponent, top of the significand) are `hi` and low 32 bits `lo`. */
export function fromWords(hi: number, lo: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, hi >>> 0);
  view.setUint32(4, lo >>> 0);
  return view.getFloat64(0);
}

/** 2^k at index k + 1074, for −1074 ≤ k ≤ 1023, exact (built by doubling and halving). */
const POW2 = ((): Float64Array => {
  const p = new Float64Array(1074 + 1024);
  for (let k = 0, v = 1; k <= 1023; k++, v *= 2) p[k + 1074] = v;
  for (let k = 0, v = 1; k >= -1074; k--, v /= 2) p[k + 1074] = v;
  return p;
})();
/** 2^k, exactly, for −1074 ≤ k ≤ 1023. */
const pow2 = (k: number): number => POW2[k + 1074]!;

// fdlibm branches on the high word of |x| (`hx = high & 0x7fffffff`). A test `hx < W` is the same as
// `|x| < (the double with high word W and low word 0)`, and `hx > W` the same as `|x| ≥ (high word W + 1)`, so the
// code below compares numbers against these thresholds instead of reading the bits of x (faster in every engine).
/** |x| ≥ this ⟺ hx ≥ 0x40862E42: exp(|x|) may overflow (709.78…). */
const AT_OVERFLOW = fromWords(0x40862e42, 0);
/** |x| ≥ this ⟺ hx > 0x3FD62E42: |x| > ½·ln2, so the argument is reduced. */
const HALF_LN2_UP = fromWords(0x3fd62e43, 0);
/** |x| < this ⟺ hx < 0x3FF0A2B2: |x| < 1.5·ln2, so k = ±1. */
const THREE_HALVES_LN2 = fromWords(0x3ff0a2b2, 0);
/** |x| ≥ this ⟺ hx ≥ 0x4043687A: |x| ≥ 56·ln2 (expm1). */
const FIFTY_SIX_LN2 = fromWords(0x4043687a, 0);
const TWO_M28 = 2 ** -28;
const TWO_M54 = 2 ** -54;

// fdlibm constants; the comments give each one's bit pattern as in fdlibm's source.
export const LN2_HI = 6.9314718036912381649e-1; // 0x3FE62E42 FEE00000
export const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const INV_LN2 = 1.442695040888963387; // 0x3FF71547 652B82FE
const O_THRESHOLD = 7.09782712893383973096e2; // 0x40862E42 FEFA39EF: above it e^x overflows
const U_THRESHOLD = -7.4513321910194110842e2; // 0xC0874910 D52D3051: below it e^x underflows to 0
const E = 2.718281828459045; // 0x4005BF0A 8B145769: V8 returns it for exp(1), which the algorithm rounds low
const TWO_M1000 = 9.3326361850321887899e-302; // 2^−1000
const TWO_1023 = 8.98846567431158e307; // 2^1023
const HUGE = 1.0e300;
// e_exp.c: Remez polynomial for r·(e^r + 1)/(e^r − 1) − 2 in r² on [0, 0.1716] (error < 2^−59).
const P1 = 1.66666666666666019037e-1; // 0x3FC55555 5555553E
const P2 = -2.77777777770155933842e-3; // 0xBF66C16C 16BEBD93
const P3 = 6.61375632143793436117e-5; // 0x3F11566A AF25DE2C
const P4 = -1.6533902205465251539e-6; // 0xBEBBBD41 C5D26BF1
const P5 = 4.13813679705723846039e-8; // 0x3E663769 72BEA4D0
// s_expm1.c: scaled coefficients of the rational approximation of e^r − 1.
const Q1 = -3.33333333333331316428e-2; // 0xBFA11111 111110F4
const Q2 = 1.58730158725481460165e-3; // 0x3F5A01A0 19FE5585
const Q3 = -7.93650757867487942473e-5; // 0xBF14CE19 9EAADBB7
const Q4 = 4.00821782732936239552e-6; // 0x3ED0CFCA 86E65239
const Q5 = -2.01099218183624371326e-7; // 0xBE8AFDB7 6E09C32D

/** e^x, to within 1 ulp, with the same bits in every engine (fdlibm's e_exp.c as in V8). */
export function exp(x: number): number {
  if (x !== x) return x + x; // NaN
  const a = Math.abs(x);

  // overflowing and underflowing arguments, ±∞ included
  if (a >= AT_OVERFLOW) {
    if (x > O_THRESHOLD) return HUGE * HUGE; // +∞
    if (x < U_THRESHOLD) return TWO_M1000 * TWO_M1000; // 0
  }

  // argument reduction: x = k·ln2 + r with r = hi − lo, |r| ≤ ½ln2
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (a >= HALF_LN2_UP) {
    if (a < THREE_HALVES_LN2) {
      // k = ±1
      if (x === 1) return E;
      hi = x > 0 ? x - LN2_HI : x + LN2_HI;
      lo = x > 0 ? LN2_LO : -LN2_LO;
      k = x > 0 ? 1 : -1;
    } else {
      k = Math.trunc(INV_LN2 * x + (x > 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI; // exact: k·LN2_HI has at most 43 significant bits
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (a < TWO_M28) {
    // |x| < 2^−28: e^x = 1 + x to within rounding
    return 1 + x;
  }

  // e^r = 1 + 2r/(R(r²) − r), written as fdlibm does to keep the rounding error below 1 ulp
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  // scale by 2^k; in two steps when 2^k itself would be subnormal or infinite
  if (k >= -1021) return k === 1024 ? y * 2 * TWO_1023 : y * pow2(k);
  return y * pow2(k + 1000) * TWO_M1000;
}

/** e^x − 1, to within 1 ulp and with full relative precision near 0, with the same bits in every engine
 * (fdlibm's s_expm1.c as in V8). */
export function expm1(x: number): number {
  if (x !== x) return x + x; // NaN
  const a = Math.abs(x);

  // huge arguments, ±∞ included
  if (a >= FIFTY_SIX_LN2) {
    if (x > O_THRESHOLD) return HUGE * HUGE; // +∞
    if (x < 0) return -1; // x ≤ −56·ln2: e^x is below half an ulp of 1
  }

  // argument reduction: x = k·ln2 + r, r = hi − lo rounded, c its rounding error
  let k = 0;
  let c = 0;
  if (a >= HALF_LN2_UP) {
    let hi: number;
    let lo: number;
    if (a < THREE_HALVES_LN2) {
      hi = x > 0 ? x - LN2_HI : x + LN2_HI;
      lo = x > 0 ? LN2_LO : -LN2_LO;
      k = x > 0 ? 1 : -1;
    } else {
      k = Math.trunc(INV_LN2 * x + (x > 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (a < TWO_M54) {
    // |x| < 2^−54: e^x − 1 = x to within rounding
    return x;
  }

  // e^r − 1 on the primary range, by the rational approximation
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);

  // undo the reduction: e^x − 1 = 2^k·(e^r − 1) + (2^k − 1), arranged to avoid cancellation
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) {
    const y = 1 - (e - x);
    return (k === 1024 ? y * 2 * TWO_1023 : y * pow2(k)) - 1;
  }
  if (k < 20) return (1 - pow2(-k) - (e - x)) * pow2(k); // 1 − 2^−k is exact for k < 53
  return (x - (e + pow2(-k)) + 1) * pow2(k);
}

/** tanh(x), with the same bits in every engine (FreeBSD's s_tanh.c as in V8, on {@link expm1}). */
export function tanh(x: number): number {
  const a = Math.abs(x);
  if (!(a < 22)) return x !== x ? x + x : x > 0 ? 1 : -1; // NaN; |x| ≥ 22 (±∞ included): tanh(x) rounds to ±1
  if (a < TWO_M28) return x; // |x| < 2^−28 (±0 included): tanh(x) = x to within rounding
  let z: number;
  if (a >= 1) {
    const t = expm1(2 * a);
    z = 1 - 2 / (t + 2);
  } else {
    const t = expm1(-2 * a);
    z = -t / (t + 2);
  }
  return x > 0 ? z : -z;
}

/** σ(z) = 1/(1 + e^{−z}) via e = exp(−|z|): no overflow, full relative precision in both tails. */
export function sigmoid(z: number): number {
  const e = exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}
