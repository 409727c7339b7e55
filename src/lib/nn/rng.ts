/**
 * Seeded pseudo-random numbers: xoshiro128** 1.1 seeded by SplitMix64.
 *
 * - Generator: xoshiro128** by D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
 *   ACM TOMS 47(4), 2021; reference C code `xoshiro128starstar.c` (version 1.1) at prng.di.unimi.it. 128-bit
 *   state, period 2^128 − 1, 32-bit outputs; passes BigCrush and PractRand. Pure 32-bit integer arithmetic
 *   (`Math.imul`, shifts), so it is fast in JavaScript without BigInt.
 * - Seeding: as the authors recommend, the state is filled from SplitMix64 (Steele, Lea & Flood, "Fast
 *   splittable pseudorandom number generators", OOPSLA 2014; reference `splitmix64.c` at the same site) started
 *   at the seed: two 64-bit outputs p, q give s = [lo32(p), hi32(p), lo32(q), hi32(q)]. SplitMix64 is a bijection
 *   of its counter, so p and q are never both 0 and the state is never all-zero. BigInt is used for these two
 *   steps only, never per draw.
 *
 * Determinism: the same seed gives a bit-identical stream of {@link Rng.next}, {@link Rng.int} and
 * {@link Rng.uniform} values on every engine (exact integer and float64 arithmetic only). {@link Rng.normal}
 * also needs a logarithm, a square root and a cosine: `Math.sqrt` is correctly rounded everywhere, and ln and cos
 * come from `elementary.ts` (IEEE arithmetic alone) rather than `Math.log`/`Math.cos`, which engines round
 * differently, so normals are bit-identical on every engine too.
 *
 * @packageDocumentation
 */

import type { Rng } from './types';
import { cos, log } from './elementary-log-trig.ts';

const TWO_26 = 67108864;
const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;
const TWO_PI = 2 * Math.PI;

/**
 * Creates a seeded generator (xoshiro128** seeded by SplitMix64; see the module comment for references).
 *
 * Each method's cost in 32-bit outputs of the core generator:
 * - `next()`: two (53 random bits, as MT19937's `genrand_res53`: (a >>> 5)·2^26 + (b >>> 6), divided by 2^53);
 * - `uniform(lo, hi)`: one `next()` (rarely more: a draw that rounds up to `hi` is redrawn so the result
 *   stays in [lo, hi));
 * - `int(n)`: one, plus a redraw with probability (2^32 mod n)/2^32 (rejection sampling: exactly unbiased);
 *   `int(2 ** 32)` returns the raw 32-bit outputs;
 * - `normal()`: two `next()` — Box–Muller, z = √(−2 ln u₁)·cos(2πu₂) with u₁ = 1 − next() ∈ (0, 1]. The sine
 *   partner is not cached, so every call is independent of the call history and |z| ≤ √(2·53·ln 2) ≈ 8.57.
 *
 * @param seed - any finite integer (negative allowed). It is reduced modulo 2^64 (two's complement), so
 *   seeds that differ by a multiple of 2^64 give the same stream; −0 is 0.
 * @returns a generator whose `seed` is the given seed (with −0 normalised to 0).
 * @throws RangeError if `seed` is not a finite integer (NaN, ±Infinity, 1.5, or not a number at all).
 */
export function createRng(seed: number): Rng {
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new RangeError(`createRng(seed): seed must be a finite integer, got ${String(seed)}`);
  }
  // SplitMix64, two steps, from the seed as an unsigned 64-bit counter.
  let x = BigInt.asUintN(64, BigInt(seed));
  const splitmix64 = (): bigint => {
    x = BigInt.asUintN(64, x + 0x9e3779b97f4a7c15n);
    let z = x;
    z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
    z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
    return z ^ (z >> 31n);
  };
  const p = splitmix64();
  const q = splitmix64();
  // State words as int32 (bit patterns; `>>> 0` views them as uint32).
  let s0 = Number(BigInt.asIntN(32, p));
  let s1 = Number(BigInt.asIntN(32, p >> 32n));
  let s2 = Number(BigInt.asIntN(32, q));
  let s3 = Number(BigInt.asIntN(32, q >> 32n));

  /** xoshiro128** next(): a uint32. */
  const nextU32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };

  const next = (): number => {
    const a = nextU32() >>> 5;
    const b = nextU32() >>> 6;
    return (a * TWO_26 + b) / TWO_53;
  };

  const uniform = (lo: number, hi: number): number => {
    const w = hi - lo;
    if (!(w >= 0 && w < Infinity)) {
      throw new RangeError(
        `uniform(lo, hi): need finite lo ≤ hi with a finite width, got lo = ${String(lo)}, hi = ${String(hi)}`,
      );
    }
    if (w === 0) return lo;
    for (;;) {
      const r = lo + w * next();
      if (r < hi) return r;
    }
  };

  const int = (n: number): number => {
    if (!(Number.isInteger(n) && n >= 1 && n <= TWO_32)) {
      throw new RangeError(`int(n): n must be an integer in [1, 2^32], got ${String(n)}`);
    }
    const limit = TWO_32 - (TWO_32 % n); // largest multiple of n that fits: accept u < limit
    for (;;) {
      const u = nextU32();
      if (u < limit) return u % n;
    }
  };

  const normal = (): number => {
    const u1 = 1 - next();
    const u2 = next();
    return Math.sqrt(-2 * log(u1)) * cos(TWO_PI * u2);
  };

  return Object.freeze({ seed: seed + 0, next, uniform, normal, int });
}
