import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activations } from '../../src/lib/nn/activations.ts';
import { derivativeAt, exactDerivativeAt } from '../../src/lib/nn/derivatives.ts';
import { addColumnSums, gemmAB, gemmABt, gemmAtB, maxAbs, norm2, rescaleCarries, scaleByPow2 } from '../../src/lib/nn/kernels.ts';
import { testRng, uniformArray } from './gradcheck-helper.ts';

type Gemm = typeof gemmABt;

/** The textbook triple loop for C (+)= op(A)·op(B) with the same addressing as the kernels. */
function naive(kind: 'ABt' | 'AB' | 'AtB'): Gemm {
  return (M, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, accumulate) => {
    for (let m = 0; m < M; m++) {
      for (let n = 0; n < N; n++) {
        let s = 0;
        for (let k = 0; k < K; k++) {
          const a = kind === 'AtB' ? A[aOff + k * lda + m]! : A[aOff + m * lda + k]!;
          const b = kind === 'ABt' ? B[bOff + n * ldb + k]! : B[bOff + k * ldb + n]!;
          s += a * b;
        }
        C[cOff + m * ldc + n] = (accumulate ? C[cOff + m * ldc + n]! : 0) + s;
      }
    }
  };
}

describe('the matrix-multiply kernels', () => {
  const shapes = fc.record({
    M: fc.integer({ min: 1, max: 11 }),
    N: fc.integer({ min: 1, max: 11 }),
    K: fc.integer({ min: 1, max: 300 }), // > 128 exercises gemmAtB's chunking
    pad: fc.integer({ min: 0, max: 3 }),
    off: fc.integer({ min: 0, max: 5 }),
    accumulate: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1e6 }),
  });
  for (const [name, kernel, kind] of [
    ['gemmABt', gemmABt, 'ABt'],
    ['gemmAB', gemmAB, 'AB'],
    ['gemmAtB', gemmAtB, 'AtB'],
  ] as const) {
    it(`${name} agrees with a naive triple loop for any shape, offset, leading dimension and accumulate flag`, () => {
      fc.assert(
        fc.property(shapes, ({ M, N, K, pad, off, accumulate, seed }) => {
          const rng = testRng(seed);
          // Operand layouts: ABt: A [M, K], B [N, K]; AB: A [M, K], B [K, N]; AtB: A [K, M], B [K, N].
          const [aRows, aCols] = kind === 'AtB' ? [K, M] : [M, K];
          const [bRows, bCols] = kind === 'ABt' ? [N, K] : [K, N];
          const lda = aCols + pad,
            ldb = bCols + pad,
            ldc = N + pad;
          const A = uniformArray(rng, off + aRows * lda);
          const B = uniformArray(rng, off + bRows * ldb);
          const C = uniformArray(rng, off + M * ldc);
          const expected = C.slice();
          naive(kind)(M, N, K, A, off, lda, B, off, ldb, expected, off, ldc, accumulate);
          kernel(M, N, K, A, off, lda, B, off, ldb, C, off, ldc, accumulate);
          // Different summation orders: compare to rounding (|Σ| ≤ K, so 1e-13 is ~500 ulp of the largest sum).
          return C.every((v, k) => Math.abs(v - expected[k]!) <= 1e-13 * Math.max(1, K));
        }),
      );
    });
  }

  /**
   * The summation order the kernels promise (and the committed experiment results depend on, bit for bit): each
   * entry is one sequential sum over k starting from 0, added to C (or stored); gemmAtB forms one such sum per
   * chunk of 128 rows and adds the chunks to C in order.
   */
  function ordered(kind: 'ABt' | 'AB' | 'AtB'): Gemm {
    return (M, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, accumulate) => {
      for (let m = 0; m < M; m++) {
        for (let n = 0; n < N; n++) {
          const c = cOff + m * ldc + n;
          const a = (k: number): number => (kind === 'AtB' ? A[aOff + k * lda + m]! : A[aOff + m * lda + k]!);
          const b = (k: number): number => (kind === 'ABt' ? B[bOff + n * ldb + k]! : B[bOff + k * ldb + n]!);
          if (kind === 'AtB') {
            if (!accumulate) C[c] = 0;
            for (let k0 = 0; k0 < K; k0 += 128) {
              let s = 0;
              for (let k = k0; k < Math.min(K, k0 + 128); k++) s += a(k) * b(k);
              C[c] += s;
            }
          } else {
            let s = 0;
            for (let k = 0; k < K; k++) s += a(k) * b(k);
            C[c] = accumulate ? C[c]! + s : s;
          }
        }
      }
    };
  }
  for (const [name, kernel, kind] of [
    ['gemmABt', gemmABt, 'ABt'],
    ['gemmAB', gemmAB, 'AB'],
    ['gemmAtB', gemmAtB, 'AtB'],
  ] as const) {
    it(`${name} keeps every dot product's summation order, so its results are bit-for-bit reproducible`, () => {
      fc.assert(
        fc.property(shapes, ({ M, N, K, pad, off, accumulate, seed }) => {
          const rng = testRng(seed);
          const [aRows, aCols] = kind === 'AtB' ? [K, M] : [M, K];
          const [bRows, bCols] = kind === 'ABt' ? [N, K] : [K, N];
          const lda = aCols + pad,
            ldb = bCols + pad,
            ldc = N + pad;
          const A = uniformArray(rng, off + aRows * lda);
          const B = uniformArray(rng, off + bRows * ldb);
          const C = uniformArray(rng, off + M * ldc);
          const expected = C.slice();
          ordered(kind)(M, N, K, A, off, lda, B, off, ldb, expected, off, ldc, accumulate);
          kernel(M, N, K, A, off, lda, B, off, ldb, C, off, ldc, accumulate);
          return C.every((v, k) => Object.is(v, expected[k]));
        }),
      );
    });
  }

  it('gemmABt leaves C outside the addressed block untouched', () => {
    const C = new Float64Array(5 * 6).fill(7);
    gemmABt(4, 4, 3, new Float64Array(12).fill(1), 0, 3, new Float64Array(12).fill(1), 0, 3, C, 6, 6, false);
    for (let r = 0; r < 5; r++) {
      for (let c = 0; c < 6; c++) expect(C[r * 6 + c]).toBe(r >= 1 && c < 4 ? 3 : 7);
    }
  });

  it('addColumnSums sums every column row by row in order, so its results are bit-for-bit reproducible', () => {
    fc.assert(
      fc.property(
        fc.record({
          K: fc.integer({ min: 0, max: 40 }),
          N: fc.integer({ min: 1, max: 11 }),
          pad: fc.integer({ min: 0, max: 3 }),
          seed: fc.integer({ min: 0, max: 1e6 }),
        }),
        ({ K, N, pad, seed }) => {
          const rng = testRng(seed);
          const lda = N + pad;
          const A = uniformArray(rng, 2 + K * lda, -1e3, 1e3);
          const out = uniformArray(rng, N + 1);
          const expected = out.slice();
          for (let k = 0; k < K; k++) for (let n = 0; n < N; n++) expected[1 + n] += A[2 + k * lda + n]!;
          addColumnSums(K, N, A, 2, lda, out, 1);
          return out.every((v, i) => Object.is(v, expected[i]));
        },
      ),
    );
  });

  it('addColumnSums adds each column sum to the accumulator', () => {
    const out = Float64Array.of(10, 20, 30);
    addColumnSums(2, 2, Float64Array.of(9, 1, 2, 3, 4), 1, 2, out, 1);
    expect(Array.from(out)).toEqual([10, 20 + 1 + 3, 30 + 2 + 4]);
  });
});

describe('norm2', () => {
  it('is the Euclidean norm of the range', () => {
    expect(norm2(Float64Array.of(9, 3, 4, 9), 1, 2)).toBe(5);
    expect(norm2(new Float64Array(3), 0, 3)).toBe(0);
  });

  it('neither overflows nor underflows for huge or tiny entries', () => {
    expect(norm2(Float64Array.of(3e200, 4e200), 0, 2)).toBeCloseTo(5e200, -186);
    expect(norm2(Float64Array.of(3e-200, 4e-200), 0, 2) / 5e-200).toBeCloseTo(1, 14);
    expect(norm2(Float64Array.of(1, Infinity), 0, 2)).toBe(Infinity);
    expect(norm2(Float64Array.of(1, NaN), 0, 2)).toBeNaN();
  });

  it('maxAbs reports NaN if any entry is NaN', () => {
    expect(maxAbs(Float64Array.of(-3, 2), 0, 2)).toBe(3);
    expect(maxAbs(Float64Array.of(5, NaN), 0, 2)).toBeNaN();
  });
});

describe('power-of-two rescaling', () => {
  it('scaleByPow2 is exact, also for exponents beyond ±1023 (2^1500 itself is not a double)', () => {
    const x = Float64Array.of(3 * 2 ** -1010, -5 * 2 ** -1020, 0.1);
    scaleByPow2(x, 0, 2, 1500);
    expect(Array.from(x)).toEqual([3 * 2 ** 490, -5 * 2 ** 480, 0.1]);
    scaleByPow2(x, 0, 3, -1500);
    expect(x[0]).toBe(3 * 2 ** -1010);
    expect(x[1]).toBe(-5 * 2 ** -1020);
  });

  it('rescaleCarries brings the largest magnitude of both ranges to [1, 2) and returns the exponent', () => {
    const a = Float64Array.of(2 ** 300, 1);
    const b = Float64Array.of(-(2 ** 301), 99);
    const scale = rescaleCarries(a, 2, b, 1, 5);
    expect(scale).toBe(5 + 301);
    expect(Array.from(a)).toEqual([0.5, 2 ** -301]);
    expect(Array.from(b)).toEqual([-1, 99]); // b[1] is outside the range
    expect(rescaleCarries(a, 2, b, 1, 0)).toBe(0); // already in range: unchanged
  });
});

describe('derivativeAt', () => {
  it("uses the activation's dfFromOutput when it has one, else df", () => {
    const custom = { key: 'cube', f: (z: number) => z ** 3, df: (z: number) => 3 * z * z };
    expect(derivativeAt(custom)(2, 8)).toBe(12);
    expect(derivativeAt(Activations.sigmoid)(123, 0.25)).toBe(0.1875); // y(1 − y), z ignored
  });

  it('exactDerivativeAt uses df(z) only, so saturated units keep their tiny slope', () => {
    expect(exactDerivativeAt(Activations.tanh)(30, 1)).toBe(Activations.tanh.df(30));
    expect(exactDerivativeAt(Activations.tanh)(30, 1)).toBeGreaterThan(0);
    expect(derivativeAt(Activations.tanh)(30, Math.tanh(30))).toBe(0); // 1 − 1²
    expect(exactDerivativeAt(Activations.sigmoid)).toBe(exactDerivativeAt(Activations.sigmoid)); // cached
  });

  it('agrees with df(z) to a few ulp of 1 for every registry activation that has dfFromOutput', () => {
    const rng = testRng(1);
    for (const act of Object.values(Activations)) {
      const d = derivativeAt(act);
      for (let k = 0; k < 2000; k++) {
        const z = rng.uniform(-8, 8);
        const kinks = act.kinkAt;
        if (kinks.some((q) => Math.abs(z - q) < 1e-9)) continue;
        expect(Math.abs(d(z, act.f(z)) - act.df(z)), `${act.key} at ${z}`).toBeLessThanOrEqual(4e-15);
      }
    }
  });
});
