/**
 * e^x, e^x − 1, tanh, σ, ln, cos and sin from IEEE-754 arithmetic alone, so that every JavaScript engine computes the
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
 * on 250 000 arguments for each of the cells' functions (10⁶ in all) and 100 000 for ln, cos and sin; it prints the
 * figures. Measured on that sample: exp 0.863 ulp (0.5 ulp would be correctly rounded), expm1 0.765, tanh 1.993,
 * σ 2.057, ln 0.835, cos 0.796, sin 0.801. tanh and σ are two or three correctly
 * rounded operations on top of expm1/exp, hence their larger errors; a more accurate tanh would change the bits of
 * every committed run, which keeping V8's algorithm avoids.
 */
export const ELEMENTARY_MAX_ULP = { exp: 1, expm1: 1, tanh: 2.5, sigmoid: 2.5, log: 1, cos: 1, sin: 1 } as const;

/** The double whose high 32 bits (sign, exponent, top of the significand) are `hi` and low 32 bits `lo`. */
function fromWords(hi: number, lo: number): number {
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
const LN2_HI = 6.9314718036912381649e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
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

// e_log.c: Remez polynomial for (log(1 + f) − 2s − s·R)/… in s² = (f/(2 + f))², error < 2^−58.45.
const LG1 = 6.66666666666673513e-1; // 0x3FE55555 55555593
const LG2 = 3.999999999940941908e-1; // 0x3FD99999 9997FA04
const LG3 = 2.857142874366239149e-1; // 0x3FD24924 94229359
const LG4 = 2.222219843214978396e-1; // 0x3FCC71C5 1D8E78AF
const LG5 = 1.818357216161805012e-1; // 0x3FC74664 96CB03DE
const LG6 = 1.531383769920937332e-1; // 0x3FC39A09 D078C69F
const LG7 = 1.479819860511658591e-1; // 0x3FC2F112 DF3E5244
const TWO_54 = 2 ** 54;

/** Scratch for the words of a float64 (log needs the exponent and the top of the significand). */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = ((): 0 | 1 => {
  F64[0] = 1;
  return U32[1] === 0x3ff00000 ? 1 : 0;
})();

/** ln x, to within 1 ulp, with the same bits in every engine (fdlibm's e_log.c as in V8). */
export function log(x: number): number {
  if (x !== x || x < 0) return NaN; // log of NaN or of a negative number
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  let k = 0;
  if (x < 2 ** -1022) {
    // subnormal: scale up by 2^54
    k -= 54;
    x *= TWO_54;
  }
  F64[0] = x;
  let hx = U32[HI]!;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  // write x as 2^k·(1 + f) with 1 + f in [√2/2, √2)
  const i = (hx + 0x95f64) & 0x100000;
  U32[HI] = hx | (i ^ 0x3ff00000); // normalise x or x/2
  k += i >> 20;
  const f = F64[0]! - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^−20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : dk * LN2_HI - (R - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

// k_cos.c / k_sin.c: polynomials for cos and sin on [−π/4, π/4] (errors below 2^−58).
const C1 = 4.16666666666666019037e-2; // 0x3FA55555 5555554C
const C2 = -1.38888888888741095749e-3; // 0xBF56C16C 16C15177
const C3 = 2.48015872894767294178e-5; // 0x3EFA01A0 19CB1590
const C4 = -2.75573143513906633035e-7; // 0xBE927E4F 809C52AD
const C5 = 2.0875723212981748279e-9; // 0x3E21EE9E BDB4B1C4
const C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9 BE8838D4
const S1 = -1.66666666666666324348e-1; // 0xBFC55555 55555549
const S2 = 8.33333333332248946124e-3; // 0x3F811111 1110F8A6
const S3 = -1.98412698298579493134e-4; // 0xBF2A01A0 19C161D5
const S4 = 2.75573137070700676789e-6; // 0x3EC71DE3 57B1FE7D
const S5 = -2.50507602534068634195e-8; // 0xBE5AE5E6 8A2B9CEB
const S6 = 1.58969099521155010221e-10; // 0x3DE5D93A 5ACFD57C
// e_rem_pio2.c: π/2 in pieces of 33 bits (so that n·piece is exact) and the tails.
const INV_PIO2 = 6.36619772367581382433e-1; // 0x3FE45F30 6DC9C883
const PIO2_1 = 1.57079632673412561417; // 0x3FF921FB 54400000
const PIO2_1T = 6.07710050650619224932e-11; // 0x3DD0B461 1A626331
const PIO2_2 = 6.0771005063039659766e-11; // 0x3DD0B461 1A600000
const PIO2_2T = 2.02226624879595063154e-21; // 0x3BA3198A 2E037073
const PIO2_3 = 2.0222662487111664558e-21; // 0x3BA3198A 2E000000
const PIO2_3T = 8.47842766036889956997e-32; // 0x397B839A 252049C1
/** |x| ≤ this ⟺ fdlibm's "|x| ~<= π/4" (high word ≤ 0x3FE921FB): no reduction. */
const PIO4_LIMIT = fromWords(0x3fe921fc, 0);
/** |x| < this ⟺ high word ≤ 0x413921FB: the medium reduction (Cody–Waite, three steps) suffices. */
const MEDIUM_LIMIT = fromWords(0x413921fc, 0);

/** The biased exponent of x (bits 52–62). */
function exponentBits(x: number): number {
  F64[0] = x;
  return (U32[HI]! >>> 20) & 0x7ff;
}

/** ⌊log₂ |x|⌋ for a finite non-zero x, exactly (from the exponent bits; subnormals scaled up by 2^54 first). */
export function ilogb(x: number): number {
  const a = Math.abs(x);
  return a < 2 ** -1022 ? exponentBits(a * TWO_54) - 1023 - 54 : exponentBits(a) - 1023;
}

/** The reduced argument of {@link remPio2}: x − n·π/2 = REDUCED[0] + REDUCED[1] (a head and a tail). */
const REDUCED = new Float64Array(2);

/** n with x ≈ n·π/2, and x − n·π/2 in {@link REDUCED}; fdlibm's e_rem_pio2.c for π/4 < |x| ≤ 2^19·π/2. */
function remPio2(x: number): number {
  const t = Math.abs(x);
  const n = Math.trunc(t * INV_PIO2 + 0.5);
  const fn = n;
  let r = t - fn * PIO2_1;
  let w = fn * PIO2_1T; // first step: good to 85 bits
  let y0 = r - w;
  const j = exponentBits(t);
  // a result much smaller than x lost bits to cancellation: subtract the next 33 bits of π/2, then the next
  if (j - exponentBits(y0) > 16) {
    let u = r;
    w = fn * PIO2_2;
    r = u - w;
    w = fn * PIO2_2T - (u - r - w);
    y0 = r - w;
    if (j - exponentBits(y0) > 49) {
      u = r;
      w = fn * PIO2_3;
      r = u - w;
      w = fn * PIO2_3T - (u - r - w);
      y0 = r - w;
    }
  }
  const y1 = r - y0 - w;
  if (x < 0) {
    REDUCED[0] = -y0;
    REDUCED[1] = -y1;
    return -n;
  }
  REDUCED[0] = y0;
  REDUCED[1] = y1;
  return n;
}

/** cos(x + y) for |x| ≤ π/4, y a tail much smaller than x (fdlibm's k_cos.c). */
function kernelCos(x: number, y: number): number {
  const a = Math.abs(x);
  if (a < 2 ** -27) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (a < 0.3) return 1 - (0.5 * z - (z * r - x * y));
  // qx = x/4 truncated to its high word (or 0.28125 above 0.78125), so that 1 − qx is exact
  let qx: number;
  if (a > 0.78125) qx = 0.28125;
  else {
    F64[0] = a;
    U32[HI] = U32[HI]! - 0x00200000; // a/4, then its low word cleared
    U32[1 - HI] = 0;
    qx = F64[0]!;
  }
  const hz = 0.5 * z - qx;
  return 1 - qx - (hz - (z * r - x * y));
}

/** sin(x + y) for |x| ≤ π/4, y a tail much smaller than x (fdlibm's k_sin.c, with a tail). */
function kernelSin(x: number, y: number): number {
  if (Math.abs(x) < 2 ** -27) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/**
 * cos x, to within 1 ulp, with the same bits in every engine for |x| ≤ 2^19·π/2 ≈ 823 550 (fdlibm's s_cos.c with
 * its medium-size reduction). Larger arguments need fdlibm's 1 584-bit reduction, which the library never does:
 * they are passed to the engine's `Math.cos`.
 */
export function cos(x: number): number {
  const a = Math.abs(x);
  if (a < PIO4_LIMIT) return kernelCos(x, 0);
  if (!(a < MEDIUM_LIMIT)) return Math.cos(x); // NaN, ±∞ (NaN) and huge arguments
  switch (remPio2(x) & 3) {
    case 0:
      return kernelCos(REDUCED[0]!, REDUCED[1]!);
    case 1:
      return -kernelSin(REDUCED[0]!, REDUCED[1]!);
    case 2:
      return -kernelCos(REDUCED[0]!, REDUCED[1]!);
    default:
      return kernelSin(REDUCED[0]!, REDUCED[1]!);
  }
}

/** sin x, as {@link cos} (fdlibm's s_sin.c; the same range of identical bits). */
export function sin(x: number): number {
  const a = Math.abs(x);
  if (a < PIO4_LIMIT) return a < 2 ** -27 ? x : kernelSinNoTail(x);
  if (!(a < MEDIUM_LIMIT)) return Math.sin(x);
  switch (remPio2(x) & 3) {
    case 0:
      return kernelSin(REDUCED[0]!, REDUCED[1]!);
    case 1:
      return kernelCos(REDUCED[0]!, REDUCED[1]!);
    case 2:
      return -kernelSin(REDUCED[0]!, REDUCED[1]!);
    default:
      return -kernelCos(REDUCED[0]!, REDUCED[1]!);
  }
}

/** sin x for |x| ≤ π/4 with no tail (k_sin.c with iy = 0). */
function kernelSinNoTail(x: number): number {
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x + v * (S1 + z * r);
}

/** σ(z) = 1/(1 + e^{−z}) via e = exp(−|z|): no overflow, full relative precision in both tails. */
export function sigmoid(z: number): number {
  const e = exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}
