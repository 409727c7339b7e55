/**
 * ln x, cos x, sin x and an exact ⌊log₂ |x|⌋ from IEEE arithmetic alone: the same bits in every engine, for the
 * library's random normals (Box–Muller), its cross-entropy loss and its initialisers. The companion of
 * `elementary.ts` (see its module comment for why, and `test/lib/elementary.test.ts` for the accuracy and the
 * comparison with Node's Math functions); a separate module so that pages whose figures need only σ and tanh do not
 * download these.
 *
 * @module
 */
import { LN2_HI, LN2_LO, fromWords } from './elementary.ts';

const TWO_54 = 2 ** 54;

// e_log.c: Remez polynomial for (log(1 + f) − 2s − s·R)/… in s² = (f/(2 + f))², error < 2^−58.45.
const LG1 = 6.66666666666673513e-1; // 0x3FE55555 55555593
const LG2 = 3.999999999940941908e-1; // 0x3FD99999 9997FA04
const LG3 = 2.857142874366239149e-1; // 0x3FD24924 94229359
const LG4 = 2.222219843214978396e-1; // 0x3FCC71C5 1D8E78AF
const LG5 = 1.818357216161805012e-1; // 0x3FC74664 96CB03DE
const LG6 = 1.531383769920937332e-1; // 0x3FC39A09 D078C69F
const LG7 = 1.479819860511658591e-1; // 0x3FC2F112 DF3E5244

/** Scratch for the words of a float64 (log needs the exponent and the top of the significand). */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = ((): 0 | 1 => {
  F64[0] = 1;
  return U32[1] === 0x3ff00000 ? 1 : 0;
})();

/**
 * Error bounds, in units in the last place, that `test/lib/elementary.test.ts` enforces against a 128-bit reference
 * on 100 000 arguments each; it prints the figures. Measured on that sample: ln 0.835 ulp, cos 0.796, sin 0.801.
 */
export const LOG_TRIG_MAX_ULP = { log: 1, cos: 1, sin: 1 } as const;

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
