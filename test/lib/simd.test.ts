import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Activations } from '../../src/lib/nn/activations.ts';
import { gemmAB, gemmABt, gemmAtB } from '../../src/lib/nn/kernels.ts';
import { createLstm, type LstmOptions } from '../../src/lib/nn/lstm.ts';
import { tanh } from '../../src/lib/nn/elementary.ts';
import {
  biasSigmoidInto,
  biasTanhInto,
  lstmBackwardCell,
  lstmForwardCell,
  tanhInto,
  type LstmCellArrays,
} from '../../src/lib/nn/fastexact.ts';
import {
  buildElementwiseModule,
  buildGemmModule,
  buildRecurrentModule,
  createGemmArena,
  setWasmSimdEnabled,
  type GemmArena,
  wasmSimdAvailable,
} from '../../src/lib/nn/simd.ts';
import { randomBatch, testRng, uniformArray } from './gradcheck-helper.ts';

afterEach(() => setWasmSimdEnabled(true));

/** Every product in WebAssembly, also the tiny ones that the library leaves to JavaScript. */
const ALL_SIMD = { tinyInJs: false };

/** Same length and every element the same value, −0 ≠ +0 and NaN = NaN (what `Object.is` distinguishes). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/** Fills `a` with draws from U(−1, 1), sprinkled with values that stress IEEE corner cases. */
function fill(a: Float64Array, seed: number, special: boolean): void {
  const rng = testRng(seed);
  const specials = [0, -0, 5e-324, -2.5e-310, 1e300, -1e300, 1e-200, Infinity, -Infinity, NaN];
  for (let k = 0; k < a.length; k++) {
    a[k] = special && rng.uniform(0, 1) < 0.1 ? specials[Math.floor(rng.uniform(0, specials.length))]! : rng.uniform(-1, 1);
  }
}

const shapes = fc.record({
  M: fc.integer({ min: 1, max: 13 }),
  N: fc.integer({ min: 1, max: 13 }),
  K: fc.integer({ min: 0, max: 300 }), // > 128 crosses gemmAtB's chunk boundaries
  pad: fc.integer({ min: 0, max: 3 }),
  off: fc.integer({ min: 0, max: 5 }), // odd offsets: f64x2 loads that are not 16-byte aligned
  accumulate: fc.boolean(),
  special: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

describe('the WebAssembly SIMD kernels', () => {
  it('compile and validate in this runtime (Node 24 has WebAssembly SIMD)', () => {
    expect(wasmSimdAvailable()).toBe(true);
    expect(createGemmArena([4]).simd).toBe(true);
  });

  it('fit in 4 KB, the largest module Chromium compiles synchronously on the main thread', () => {
    expect(buildGemmModule().length).toBeLessThan(4096);
  });

  for (const kind of ['AB', 'AtB'] as const) {
    it(`return the JavaScript gemm${kind}'s bits for any shape, offset, leading dimension and accumulate flag`, () => {
      fc.assert(
        fc.property(shapes, ({ M, N, K, pad, off, accumulate, special, seed }) => {
          const [aRows, aCols] = kind === 'AtB' ? [K, M] : [M, K];
          const lda = aCols + pad,
            ldb = N + pad,
            ldc = N + pad;
          const arena = createGemmArena([off + aRows * lda, off + K * ldb, off + M * ldc], ALL_SIMD);
          const [A, B, C] = arena.buffers as [Float64Array, Float64Array, Float64Array];
          fill(A, seed, special);
          fill(B, seed + 1, special);
          fill(C, seed + 2, special);
          const expected = C.slice();
          if (kind === 'AB') {
            gemmAB(M, N, K, A, off, lda, B, off, ldb, expected, off, ldc, accumulate);
            arena.gemmAB(M, N, K, A, off, lda, B, off, ldb, C, off, ldc, accumulate);
          } else {
            gemmAtB(M, N, K, A, off, lda, B, off, ldb, expected, off, ldc, accumulate);
            arena.gemmAtB(M, N, K, A, off, lda, B, off, ldb, C, off, ldc, accumulate);
          }
          return arena.simd && sameBits(C, expected);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('give gemmABt’s bits when multiplying by the stored transpose of B, as the LSTM forward pass does', () => {
    fc.assert(
      fc.property(shapes, ({ M, N, K, pad, off, accumulate, special, seed }) => {
        const lda = K + pad,
          ldc = N + pad;
        const arena = createGemmArena([off + M * lda, off + K * N, off + M * ldc], ALL_SIMD);
        const [A, Bt, C] = arena.buffers as [Float64Array, Float64Array, Float64Array];
        const B = new Float64Array(N * K); // [N, K], as gemmABt takes it
        fill(A, seed, special);
        fill(B, seed + 1, special);
        fill(C, seed + 2, special);
        for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) Bt[off + k * N + n] = B[n * K + k]!;
        const expected = C.slice();
        gemmABt(M, N, K, A, off, lda, B, 0, K, expected, off, ldc, accumulate);
        arena.gemmAB(M, N, K, A, off, lda, Bt, off, N, C, off, ldc, accumulate);
        return arena.simd && sameBits(C, expected);
      }),
      { numRuns: 200 },
    );
  });

  it('multiply 1 × 1 matrices, and an empty shared dimension gives C = 0 or leaves C alone', () => {
    const arena = createGemmArena([1, 1, 1], ALL_SIMD);
    const [A, B, C] = arena.buffers as [Float64Array, Float64Array, Float64Array];
    A[0] = 3;
    B[0] = -0.5;
    arena.gemmAB(1, 1, 1, A, 0, 1, B, 0, 1, C, 0, 1, false);
    expect(C[0]).toBe(-1.5);
    arena.gemmAtB(1, 1, 1, A, 0, 1, B, 0, 1, C, 0, 1, true);
    expect(C[0]).toBe(-3);
    arena.gemmAB(1, 1, 0, A, 0, 1, B, 0, 1, C, 0, 1, true);
    expect(C[0]).toBe(-3);
    C[0] = -0;
    arena.gemmAB(1, 1, 0, A, 0, 1, B, 0, 1, C, 0, 1, false);
    expect(Object.is(C[0], 0)).toBe(true); // the sum starts at +0, as in JavaScript
  });

  it('leave everything outside the addressed block of C untouched', () => {
    const arena = createGemmArena([7 * 9, 9 * 8, 8 * 11], ALL_SIMD);
    const [A, B, C] = arena.buffers as [Float64Array, Float64Array, Float64Array];
    A.fill(1);
    B.fill(1);
    C.fill(7);
    // C block: rows 1 … 6 (M = 6), columns 2 … 8 (N = 7) of an [8, 11] buffer; K = 3.
    arena.gemmAB(6, 7, 3, A, 0, 9, B, 0, 8, C, 11 + 2, 11, false);
    for (let r = 0; r < 8; r++) {
      for (let c = 0; c < 11; c++) expect(C[r * 11 + c]).toBe(r >= 1 && r <= 6 && c >= 2 && c <= 8 ? 3 : 7);
    }
    C.fill(7);
    arena.gemmAtB(6, 7, 3, A, 0, 9, B, 0, 8, C, 11 + 2, 11, true);
    for (let r = 0; r < 8; r++) {
      for (let c = 0; c < 11; c++) expect(C[r * 11 + c]).toBe(r >= 1 && r <= 6 && c >= 2 && c <= 8 ? 10 : 7);
    }
  });
});

describe('a GemmArena', () => {
  it('hands out zero-filled buffers of the requested lengths that do not overlap', () => {
    const lengths = [3, 1, 8, 5, 0, 2];
    const arena = createGemmArena(lengths);
    expect(arena.buffers.map((b) => b.length)).toEqual(lengths);
    arena.buffers.forEach((b, i) => {
      expect(b.every((v) => v === 0)).toBe(true);
      b.fill(i + 1);
    });
    arena.buffers.forEach((b, i) => expect(b.every((v) => v === i + 1)).toBe(true));
  });

  it('falls back to the JavaScript kernels when an operand is not one of its buffers, with the same results', () => {
    const rng = testRng(4);
    const arena = createGemmArena([6 * 5, 5 * 7, 6 * 7]);
    const [A, B] = arena.buffers as [Float64Array, Float64Array, Float64Array];
    A.set(uniformArray(rng, A.length));
    B.set(uniformArray(rng, B.length));
    const outside = new Float64Array(6 * 7);
    const expected = new Float64Array(6 * 7);
    arena.gemmAB(6, 7, 5, A, 0, 5, B, 0, 7, outside, 0, 7, false);
    gemmAB(6, 7, 5, A, 0, 5, B, 0, 7, expected, 0, 7, false);
    expect(sameBits(outside, expected)).toBe(true);
    const Bout = uniformArray(rng, 6 * 7);
    arena.gemmAtB(5, 7, 6, A, 0, 5, Bout, 0, 7, outside, 0, 7, false);
    gemmAtB(5, 7, 6, A, 0, 5, Bout, 0, 7, expected, 0, 7, false);
    expect(sameBits(outside, expected)).toBe(true);
  });

  it('holds plain arrays and multiplies in JavaScript when SIMD is switched off, with the same results', () => {
    setWasmSimdEnabled(false);
    const plain = createGemmArena([4 * 9, 9 * 6, 4 * 6]);
    setWasmSimdEnabled(true);
    const simd = createGemmArena([4 * 9, 9 * 6, 4 * 6]);
    expect(plain.simd).toBe(false);
    expect(simd.simd).toBe(true);
    expect(plain.buffers[0]!.buffer).not.toBe(plain.buffers[1]!.buffer);
    for (const arena of [plain, simd]) {
      const [A, B] = arena.buffers as [Float64Array, Float64Array, Float64Array];
      fill(A, 1, false);
      fill(B, 2, false);
    }
    plain.gemmAB(4, 6, 9, plain.buffers[0]!, 0, 9, plain.buffers[1]!, 0, 6, plain.buffers[2]!, 0, 6, false);
    simd.gemmAB(4, 6, 9, simd.buffers[0]!, 0, 9, simd.buffers[1]!, 0, 6, simd.buffers[2]!, 0, 6, false);
    expect(sameBits(plain.buffers[2]!, simd.buffers[2]!)).toBe(true);
  });
});

describe('the WebAssembly SIMD σ and tanh', () => {
  it('fit in 4 KB, a module of their own beside the multiplies (and the GRU and RNN steps in one more)', () => {
    expect(buildElementwiseModule().length).toBeLessThan(4096);
    expect(buildRecurrentModule().length).toBeLessThan(4096);
  });

  /**
   * Pre-activations of every kind: typical ones, the tails, every reduction boundary of σ's exp(−|z|) and tanh's
   * expm1(±2|x|), and (with `special`) the values outside the fast ranges (NaN, ±∞, ±0, subnormals, |z| ≥ 22 or
   * 707), which the arena hands back to the reference.
   */
  function preActivations(n: number, seed: number, special: boolean): Float64Array {
    const rng = testRng(seed);
    const boundaries: number[] = [];
    for (let k = -1; k <= 66; k++) for (const d of [-1e-16, 0, 1e-16]) boundaries.push((k / 2) * Math.LN2 * (1 + d));
    // The high words where fdlibm's tests flip: 2^−28, ½·ln2 and 1.5·ln2 (for z and for 2x), 1, 22.
    const view = new DataView(new ArrayBuffer(8));
    for (const hw of [0x3e300000, 0x3fc62e43, 0x3fd62e43, 0x3fe0a2b2, 0x3ff0a2b2, 0x3ff00000, 0x40360000]) {
      for (const lo of [0, 1, 0xfefa39ef, 0xffffffff]) {
        for (const d of [-1, 0, 1]) {
          view.setUint32(0, hw + d);
          view.setUint32(4, lo);
          boundaries.push(view.getFloat64(0));
        }
      }
    }
    const specials = [0, -0, 5e-324, -2.5e-310, 2 ** -29, 22, -30, 707, -750, 1e300, Infinity, -Infinity, NaN];
    const a = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const u = rng.uniform(0, 1);
      const sign = rng.uniform(0, 1) < 0.5 ? -1 : 1;
      if (special && u < 0.05) a[k] = specials[Math.floor(rng.uniform(0, specials.length))]!;
      else if (u < 0.2) a[k] = sign * boundaries[Math.floor(rng.uniform(0, boundaries.length))]!;
      else if (u < 0.6) a[k] = rng.uniform(-4, 4);
      else if (u < 0.8) a[k] = rng.uniform(-40, 40);
      else a[k] = sign * 2 ** rng.uniform(-30, 3);
    }
    return a;
  }

  const layouts = fc.record({
    n: fc.integer({ min: 0, max: 21 }), // odd n: the last entry of each row in JavaScript
    rows: fc.integer({ min: 1, max: 6 }),
    pad: fc.integer({ min: 0, max: 3 }),
    off: fc.integer({ min: 0, max: 3 }), // odd offsets: f64x2 loads that are not 16-byte aligned
    special: fc.boolean(),
    zeroBias: fc.boolean(), // so that the boundary values reach the functions unchanged
    seed: fc.integer({ min: 0, max: 1e6 }),
  });

  for (const kind of ['sigmoid', 'tanh'] as const) {
    it(`add the bias and give fastexact.ts's ${kind} bits for any row layout, in place of the JavaScript loop`, () => {
      const property = fc.property(layouts, ({ n, rows, pad, off, special, zeroBias, seed }) => {
        const zs = n + pad,
          os = n + 2 * pad;
        const arena = createGemmArena([off + rows * zs, off + n, off + rows * os], ALL_SIMD);
        const [z, bias, out] = arena.buffers as [Float64Array, Float64Array, Float64Array];
        z.set(preActivations(z.length, seed, special));
        if (!zeroBias) bias.set(preActivations(bias.length, seed + 1, false).map((v) => v / 4));
        const zJs = z.slice(),
          outJs = out.slice();
        const js = kind === 'sigmoid' ? biasSigmoidInto : biasTanhInto;
        for (let r = 0; r < rows; r++) js(zJs, off + r * zs, bias, off, n, outJs, off + r * os);
        if (kind === 'sigmoid') arena.biasSigmoidRows(z, off, zs, bias, off, n, rows, out, off, os);
        else arena.biasTanhRows(z, off, zs, bias, off, n, rows, out, off, os);
        return arena.simd && sameBits(z, zJs) && sameBits(out, outJs);
      });
      fc.assert(property, { numRuns: 300 });
    });
  }

  it('give elementary.ts’s tanh on 200 000 pre-activations in one call, and work in place', () => {
    const n = 200_001;
    const arena = createGemmArena([n, n], ALL_SIMD);
    const [x, out] = arena.buffers as [Float64Array, Float64Array];
    x.set(preActivations(n, 7, true));
    arena.tanhInto(x, 0, n, out, 0);
    const wrong = Array.from(x).filter((v, k) => !Object.is(out[k], tanh(v)));
    expect(wrong.slice(0, 5)).toEqual([]);
    const before = x.slice();
    arena.tanhInto(x, 1, n - 1, x, 1); // in place, from an odd offset
    expect(Object.is(x[0], before[0])).toBe(true);
    expect(sameBits(x.subarray(1), before.subarray(1).map(tanh))).toBe(true);
  });

  it('run in JavaScript, with the same bits, on arrays that are not the arena’s', () => {
    const arena = createGemmArena([8], ALL_SIMD);
    const z = preActivations(9, 3, true),
      bias = preActivations(9, 4, false);
    const out = new Float64Array(9),
      zJs = z.slice(),
      outJs = new Float64Array(9);
    arena.biasTanhRows(z, 0, 3, bias, 0, 3, 3, out, 0, 3);
    for (let r = 0; r < 3; r++) biasTanhInto(zJs, 3 * r, bias, 0, 3, outJs, 3 * r);
    expect(sameBits(out, outJs) && sameBits(z, zJs)).toBe(true);
    const phi = new Float64Array(9);
    arena.tanhInto(z, 0, 9, phi, 0);
    tanhInto(zJs, 0, 9, outJs, 0);
    expect(sameBits(phi, outJs)).toBe(true);
  });
});

describe('the WebAssembly SIMD LSTM step', () => {
  const NAMES = ['z', 'bias', 'gi', 'gf', 'gg', 'go', 'cs', 'phi', 'hs', 'xh', 'dhs', 'dxh', 'dcN', 'dz', 'dh', 'dc'];
  type Sizes = { T: number; B: number; H: number; I: number };

  /** The arrays of an LSTM of these sizes (lstm.ts's layout), on a new arena, filled from `seed`. */
  function cellArrays({ T, B, H, I }: Sizes, seed: number, special: boolean): { a: LstmCellArrays; arena: GemmArena } {
    const R = T * B,
      K = I + H;
    const lengths = [R * 4 * H, 4 * H, R * H, R * H, R * H, R * H, (R + B) * H, R * H, R * H, (R + B) * K];
    const arena = createGemmArena([...lengths, R * H, B * K, B * H, R * 4 * H, B * H, B * H, 2], ALL_SIMD);
    const [z, bias, gi, gf, gg, go, cs, phi, hs, xh, dhs, dxh, dcN, dz, dh, dc, sums] = arena.buffers;
    const a = { z, bias, gi, gf, gg, go, cs, phi, hs, xh, dhs, dxh, dcN, dz, dh, dc, sums } as LstmCellArrays;
    // Pre-activations of every magnitude (special values among them send the step back to JavaScript), gates in
    // (0, 1) and states in (−1, 1) as a forward pass leaves them.
    NAMES.forEach((name, k) => fill(a[name as keyof LstmCellArrays], seed + k, special && name === 'z'));
    a.z.forEach((v, k) => (a.z[k] = v * 8));
    for (const g of [a.gi, a.gf, a.go]) g.forEach((v, k) => (g[k] = (v + 1) / 2));
    return { a, arena };
  }

  /** A copy of every array of `a`, on plain arrays (so that the arena's methods would run in JavaScript). */
  function plainCopy(a: LstmCellArrays): LstmCellArrays {
    return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, (v as Float64Array).slice()])) as unknown as LstmCellArrays;
  }

  function sameCells(a: LstmCellArrays, b: LstmCellArrays): boolean {
    return Object.keys(a).every((k) => sameBits(a[k as keyof LstmCellArrays], b[k as keyof LstmCellArrays]));
  }

  const steps = fc.record({
    T: fc.integer({ min: 1, max: 3 }),
    B: fc.integer({ min: 1, max: 5 }),
    H: fc.integer({ min: 1, max: 9 }), // odd H: the whole step in JavaScript
    I: fc.integer({ min: 1, max: 3 }),
    special: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1e6 }),
  });

  it('gives fastexact.ts’s lstmForwardCell bits for the whole forward step (gates, c_t, φ(c_t), h_t and its copy)', () => {
    const property = fc.property(steps, ({ T, B, H, I, special, seed }) => {
      const { a, arena } = cellArrays({ T, B, H, I }, seed, special);
      const js = plainCopy(a);
      for (let t = 0; t < T; t++) {
        arena.lstmForward(a, t, B, H, I, t + 1 < T);
        lstmForwardCell(js, t, B, H, I, t + 1 < T, true);
      }
      return arena.simd && sameCells(a, js);
    });
    fc.assert(property, { numRuns: 300 });
  });

  it('gives fastexact.ts’s lstmBackwardCell bits for the whole backward step, sums of squares included', () => {
    const property = fc.property(steps, ({ T, B, H, I, special, seed }) => {
      const { a, arena } = cellArrays({ T, B, H, I }, seed, special);
      const js = plainCopy(a);
      for (let t = T - 1; t >= 0; t--) {
        arena.lstmBackward(a, t, B, H, I);
        lstmBackwardCell(js, t, B, H, I);
      }
      return arena.simd && sameCells(a, js);
    });
    fc.assert(property, { numRuns: 300 });
  });
});

describe('a GemmArena told its largest product', () => {
  it('allocates no WebAssembly memory when even that product would run in JavaScript', () => {
    expect(createGemmArena([4], { maxProduct: 31 }).simd).toBe(false);
    expect(createGemmArena([4], { maxProduct: 32 }).simd).toBe(true);
    expect(createGemmArena([4], { maxProduct: 1, ...ALL_SIMD }).simd).toBe(true);
  });
});

describe('without WebAssembly SIMD', () => {
  /** simd.ts loaded afresh with `WebAssembly` replaced by `stub` (the module reads it once, at load). */
  async function loadWith(stub: unknown): Promise<typeof import('../../src/lib/nn/simd.ts')> {
    vi.stubGlobal('WebAssembly', stub);
    vi.resetModules();
    try {
      return await import('../../src/lib/nn/simd.ts');
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  }

  for (const [what, stub] of [
    ['a runtime without WebAssembly', undefined],
    ['a runtime whose WebAssembly rejects the SIMD opcodes', Object.create(WebAssembly, { validate: { value: () => false } })],
  ] as const) {
    it(`the arena multiplies in JavaScript on plain arrays, with the same results, in ${what}`, async () => {
      const simd = await loadWith(stub);
      expect(simd.wasmSimdAvailable()).toBe(false);
      const arena = simd.createGemmArena([5 * 7, 7 * 6, 5 * 6], ALL_SIMD);
      expect(arena.simd).toBe(false);
      const [A, B, C] = arena.buffers as [Float64Array, Float64Array, Float64Array];
      expect(A.buffer).not.toBe(B.buffer);
      fill(A, 1, false);
      fill(B, 2, false);
      const expected = new Float64Array(5 * 6);
      arena.gemmAB(5, 6, 7, A, 0, 7, B, 0, 6, C, 0, 6, false);
      gemmAB(5, 6, 7, A, 0, 7, B, 0, 6, expected, 0, 6, false);
      expect(sameBits(C, expected)).toBe(true);
      // Aᵀ·C with A read as [5, 7] and the result written over B ([7, 6]).
      const expectedAtB = new Float64Array(7 * 6);
      arena.gemmAtB(7, 6, 5, A, 0, 7, C, 0, 6, B, 0, 6, false);
      gemmAtB(7, 6, 5, A, 0, 7, C, 0, 6, expectedAtB, 0, 6, false);
      expect(sameBits(B, expectedAtB)).toBe(true);
    });
  }
});

describe('an LSTM on the SIMD kernels', () => {
  /** Forward and backward of a fresh layer, with SIMD on or off; everything observable, copied. */
  function run(options: LstmOptions, simd: boolean, T: number, B: number, backward: 'train' | 'full' | 'rescale') {
    // The switch applies to arenas created while it is set, and the layer creates new ones as its buffers grow.
    setWasmSimdEnabled(simd);
    const lstm = createLstm({ ...options, rng: testRng(11) });
    const rng = testRng(12);
    const out: Float64Array[] = [];
    // Two batches, the second bigger: the buffers (and the arena) are reallocated in between.
    for (const [t, b] of [
      [T, B],
      [T + 3, B + 2],
    ] as const) {
      const batch = randomBatch(rng, t, b, options.inputSize);
      const H = options.hiddenSize;
      out.push(lstm.forward(batch).slice());
      const tr = lstm.trace();
      out.push(tr.pre.slice(), tr.c.slice(), tr.i.slice(), tr.f.slice(), tr.g.slice(), tr.o.slice());
      const dhs = uniformArray(rng, t * b * H);
      if (backward === 'rescale') dhs.fill(0, 0, (t - 1) * b * H);
      const g = lstm.backward(dhs, {
        inputGrads: backward === 'full',
        rescale: backward === 'rescale',
        dcLast: uniformArray(rng, b * H),
      });
      out.push(g.dx.slice(), g.dh0.slice(), g.dc0.slice(), g.flow.hNorm.slice(), g.flow.cNorm.slice());
      out.push(g.flow.scaleLog2.slice());
      for (const p of lstm.params) out.push(p.dw.slice());
    }
    setWasmSimdEnabled(true);
    return out;
  }

  const configs: Array<[string, LstmOptions]> = [
    ['the default LSTM', { inputSize: 2, hiddenSize: 16 }],
    ['odd sizes', { inputSize: 3, hiddenSize: 5 }],
    ['H = 1', { inputSize: 1, hiddenSize: 1 }],
    [
      'CIFG with other activations',
      { inputSize: 2, hiddenSize: 7, cifg: true, activations: { gate: Activations.hardsigmoid, candidate: Activations.relu } },
    ],
  ];
  it('keeps a layer whose every product is tiny (I = H = T = B = 1) off WebAssembly memory', () => {
    const lstm = createLstm({ inputSize: 1, hiddenSize: 1, rng: testRng(11) });
    lstm.forward(randomBatch(testRng(12), 1, 1, 1));
    // Its own 4-element array, not a view on a 64 KiB WebAssembly memory.
    expect(lstm.trace().pre.buffer.byteLength).toBe(4 * 8);
    // From 1 × 1 to 4 × 3 (the second batch of `run`) the layer moves onto WebAssembly memory: the same bits still.
    for (const mode of ['train', 'full', 'rescale'] as const) {
      const a = run({ inputSize: 1, hiddenSize: 1 }, true, 1, 1, mode);
      const b = run({ inputSize: 1, hiddenSize: 1 }, false, 1, 1, mode);
      expect(a.length).toBe(b.length);
      a.forEach((v, i) => expect(sameBits(v, b[i]!), `${mode}, array ${i}`).toBe(true));
    }
  });

  for (const [what, options] of configs) {
    for (const mode of ['train', 'full', 'rescale'] as const) {
      it(`gives bit-identical outputs, traces and gradients with and without SIMD (${what}, ${mode} backward)`, () => {
        const a = run(options, true, 6, 3, mode);
        const b = run(options, false, 6, 3, mode);
        expect(a.length).toBe(b.length);
        a.forEach((v, i) => expect(sameBits(v, b[i]!), `array ${i}`).toBe(true));
      });
    }
  }
});
