import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Activations } from '../../src/lib/nn/activations.ts';
import { createGru, type GruOptions } from '../../src/lib/nn/gru.ts';
import { createRnn, type RnnOptions } from '../../src/lib/nn/rnn.ts';
import { gruBackwardCell, rnnBackwardCell, type GruCellArrays, type RnnCellArrays } from '../../src/lib/nn/fastexact.ts';
import { buildRecurrentModule, createGemmArena, setWasmSimdEnabled, type GemmArena } from '../../src/lib/nn/simd.ts';
import type { InstrumentedLayer } from '../../src/lib/nn/gradflow.ts';
import { randomBatch, testRng, uniformArray } from './gradcheck-helper.ts';

afterEach(() => setWasmSimdEnabled(true));

/** Same length and every element the same value, −0 ≠ +0 and NaN = NaN (what `Object.is` distinguishes). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/** Pre-activations: typical values, the tails, and (with `special`) those outside the fast ranges. */
function preActivations(n: number, seed: number, special: boolean): Float64Array {
  const rng = testRng(seed);
  const specials = [0, -0, 5e-324, -2.5e-310, 2 ** -29, 22, -30, 707, -750, 1e300, Infinity, -Infinity, NaN];
  const a = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const u = rng.uniform(0, 1);
    if (special && u < 0.05) a[k] = specials[Math.floor(rng.uniform(0, specials.length))]!;
    else if (u < 0.6) a[k] = rng.uniform(-4, 4);
    else if (u < 0.8) a[k] = rng.uniform(-40, 40);
    else a[k] = (rng.uniform(0, 1) < 0.5 ? -1 : 1) * 2 ** rng.uniform(-30, 3);
  }
  return a;
}

describe('GemmArena.activateRows', () => {
  const layouts = fc.record({
    n: fc.integer({ min: 0, max: 21 }), // odd n: the last entry of each row in JavaScript
    rows: fc.integer({ min: 0, max: 6 }),
    pad: fc.integer({ min: 0, max: 3 }),
    off: fc.integer({ min: 0, max: 3 }), // odd offsets: f64x2 loads that are not 16-byte aligned
    special: fc.boolean(),
    simd: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1e6 }),
  });

  for (const fn of ['sigmoid', 'tanh'] as const) {
    it(`gives the registry's ${fn} bits for any row layout, leaving the input and the gaps between rows alone`, () => {
      const f = Activations[fn].f;
      const property = fc.property(layouts, ({ n, rows, pad, off, special, simd, seed }) => {
        setWasmSimdEnabled(simd);
        const xs = n + pad,
          os = n + 2 * pad;
        const arena = createGemmArena([off + rows * xs, off + rows * os], { tinyInJs: false });
        setWasmSimdEnabled(true);
        const [x, out] = arena.buffers as [Float64Array, Float64Array];
        x.set(preActivations(x.length, seed, special));
        out.fill(0.5);
        const xBefore = x.slice(),
          expected = out.slice();
        for (let r = 0; r < rows; r++) for (let j = 0; j < n; j++) expected[off + r * os + j] = f(x[off + r * xs + j]!);
        arena.activateRows(fn, x, off, xs, n, rows, out, off, os);
        return arena.simd === simd && sameBits(out, expected) && sameBits(x, xBefore);
      });
      fc.assert(property, { numRuns: 300 });
    });
  }

  it('runs in JavaScript, with the same bits, on arrays that are not the arena’s', () => {
    const arena = createGemmArena([8], { tinyInJs: false });
    const x = preActivations(12, 3, true);
    for (const fn of ['sigmoid', 'tanh'] as const) {
      const out = new Float64Array(8);
      arena.activateRows(fn, x, 1, 3, 2, 4, out, 0, 2);
      const expected = new Float64Array(8);
      for (let r = 0; r < 4; r++) for (let j = 0; j < 2; j++) expected[2 * r + j] = Activations[fn].f(x[1 + 3 * r + j]!);
      expect(sameBits(out, expected)).toBe(true);
    }
  });
});

type Layer = InstrumentedLayer & { trace(): object };

/** Forward and backward of a fresh layer, with SIMD on or off; everything observable, copied. */
function run(make: () => Layer, I: number, H: number, simd: boolean, mode: 'train' | 'full' | 'rescale', big: boolean) {
  // The switch applies to arenas created while it is set, and the layer creates new ones as its buffers grow.
  setWasmSimdEnabled(simd);
  const layer = make();
  const rng = testRng(12);
  const out: Float64Array[] = [];
  // Two batches, the second bigger: the buffers (and the arena) are reallocated in between. Pre-activations far
  // outside the fast ranges of σ and tanh with `big`.
  const sizes: Array<[number, number]> = [
    [6, 3],
    [9, 5],
  ];
  for (const [T, B] of I * H === 1 ? ([[1, 1], ...sizes] as Array<[number, number]>) : sizes) {
    const batch = randomBatch(rng, T, B, I);
    if (big) batch.x.forEach((v, k) => (batch.x[k] = 40 * v));
    out.push(layer.forward(batch, uniformArray(rng, B * H)).slice());
    for (const v of Object.values(layer.trace())) if (v instanceof Float64Array) out.push(v.slice());
    const dhs = uniformArray(rng, T * B * H);
    if (mode === 'rescale') dhs.fill(0, 0, (T - 1) * B * H);
    // Twice: the second backward adds to the parameter gradients of the first.
    for (let k = 0; k < 2; k++) {
      const g = layer.backward(dhs, {
        inputGrads: mode === 'full',
        rescale: mode === 'rescale',
        dhLast: uniformArray(rng, B * H),
      });
      out.push(g.dx.slice(), g.dh0.slice(), g.flow.hNorm.slice(), g.flow.scaleLog2.slice());
      for (const p of layer.params) out.push(p.dw.slice());
    }
  }
  setWasmSimdEnabled(true);
  return out;
}

const gruConfigs: Array<[string, GruOptions]> = [
  ['the default GRU', { inputSize: 2, hiddenSize: 16 }],
  ['odd sizes', { inputSize: 3, hiddenSize: 5 }],
  ['H = 1', { inputSize: 1, hiddenSize: 1 }],
  [
    'other activations',
    { inputSize: 2, hiddenSize: 7, activations: { gate: Activations.hardsigmoid, candidate: Activations.relu } },
  ],
  ['σ gates with a softsign candidate', { inputSize: 2, hiddenSize: 6, activations: { candidate: Activations.softsign } }],
];
const rnnConfigs: Array<[string, RnnOptions]> = [
  ['the default RNN', { inputSize: 2, hiddenSize: 16 }],
  ['odd sizes', { inputSize: 3, hiddenSize: 5 }],
  ['H = 1', { inputSize: 1, hiddenSize: 1 }],
  ['an IRNN', { inputSize: 2, hiddenSize: 7, activation: Activations.relu, identityInit: true }],
];
const layers: Array<[string, string, () => Layer, number, number]> = [
  ...gruConfigs.map(([what, o]): [string, string, () => Layer, number, number] => [
    'a GRU',
    what,
    () => createGru({ ...o, rng: testRng(11) }),
    o.inputSize,
    o.hiddenSize,
  ]),
  ...rnnConfigs.map(([what, o]): [string, string, () => Layer, number, number] => [
    'an RNN',
    what,
    () => createRnn({ ...o, rng: testRng(11) }),
    o.inputSize,
    o.hiddenSize,
  ]),
];

describe('GRU and RNN layers on the SIMD kernels', () => {
  it('keep a layer whose every product is tiny (I = H = T = B = 1) off WebAssembly memory', () => {
    const gru = createGru({ inputSize: 1, hiddenSize: 1, rng: testRng(11) });
    gru.forward(randomBatch(testRng(12), 1, 1, 1));
    expect(gru.trace().pre.buffer.byteLength).toBe(3 * 8);
    const rnn = createRnn({ inputSize: 1, hiddenSize: 1, rng: testRng(11) });
    rnn.forward(randomBatch(testRng(12), 1, 1, 1));
    expect(rnn.trace().pre.buffer.byteLength).toBe(8);
  });

  for (const [cell, what, make, I, H] of layers) {
    for (const mode of ['train', 'full', 'rescale'] as const) {
      it(`give bit-identical outputs, traces and gradients with and without SIMD (${cell}, ${what}, ${mode} backward)`, () => {
        for (const big of [false, true]) {
          const a = run(make, I, H, true, mode, big);
          const b = run(make, I, H, false, mode, big);
          expect(a.length).toBe(b.length);
          a.forEach((v, i) => expect(sameBits(v, b[i]!), `array ${i}${big ? ', big inputs' : ''}`).toBe(true));
        }
      });
    }
  }
});

/** Every array of `a` copied to a plain array (so that the arena's methods would run in JavaScript). */
function plainCopy<A extends object>(a: A): A {
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, (v as Float64Array).slice()])) as A;
}

function sameArrays(a: object, b: object): boolean {
  const x = a as Record<string, Float64Array>,
    y = b as Record<string, Float64Array>;
  return Object.keys(x).every((k) => sameBits(x[k]!, y[k]!));
}

/** Values in (−1, 1), with (`special`) ±0, subnormals, huge values, ±∞ and NaN among them. */
function values(a: Float64Array, seed: number, special: boolean, lo = -1): void {
  const rng = testRng(seed);
  const specials = [0, -0, 5e-324, -2.5e-310, 1e-200, 1e300, -1e300, 1e160, Infinity, -Infinity, NaN];
  for (let k = 0; k < a.length; k++) {
    a[k] = special && rng.uniform(0, 1) < 0.1 ? specials[Math.floor(rng.uniform(0, specials.length))]! : rng.uniform(lo, 1);
  }
}

type Sizes = { T: number; B: number; H: number };

/** The arrays of a GRU backward step (gru.ts's layout) on a new arena, filled from `seed`. */
function gruArrays({ T, B, H }: Sizes, seed: number, special: boolean): { a: GruCellArrays; arena: GemmArena } {
  const R = T * B,
    BH = B * H,
    RH = R * H,
    RG = 3 * RH;
  const arena = createGemmArena([RH, BH, RH, RH, RH, RH + BH, RG, RG, RG, BH, 2], { tinyInJs: false });
  const [dhs, dhN, r, z, n, hs, gh, dgx, dgh, dh, sums] = arena.buffers as Float64Array<ArrayBuffer>[];
  const a = { dhs, dhN, r, z, n, hs, gh, dgx, dgh, dh, sums } as GruCellArrays;
  Object.values(a).forEach((v: Float64Array, k) => values(v, seed + k, special));
  // Gates in (0, 1) as a forward pass leaves them (and the special values, with `special`).
  for (const g of [a.r, a.z]) g.forEach((v, k) => (g[k] = (v + 1) / 2));
  return { a, arena };
}

/** The arrays of an RNN backward step (rnn.ts's layout) on a new arena, filled from `seed`. */
function rnnArrays({ T, B, H }: Sizes, seed: number, special: boolean): { a: RnnCellArrays; arena: GemmArena } {
  const RH = T * B * H,
    BH = B * H;
  const arena = createGemmArena([RH, BH, RH + BH, RH, BH, 2], { tinyInJs: false });
  const [dhs, dhN, hs, dz, dh, sums] = arena.buffers as Float64Array<ArrayBuffer>[];
  const a = { dhs, dhN, hs, dz, dh, sums } as RnnCellArrays;
  Object.values(a).forEach((v: Float64Array, k) => values(v, seed + k, special));
  return { a, arena };
}

describe('the WebAssembly SIMD GRU and RNN backward steps', () => {
  it('fit in 4 KB, a module of their own beside the element-wise one', () => {
    expect(buildRecurrentModule().length).toBeLessThan(4096);
    expect(WebAssembly.validate(buildRecurrentModule())).toBe(true);
  });

  const steps = fc.record({
    T: fc.integer({ min: 1, max: 3 }),
    B: fc.integer({ min: 1, max: 5 }),
    H: fc.integer({ min: 1, max: 9 }), // odd H: the whole step in JavaScript
    special: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1e6 }),
  });

  it('give fastexact.ts’s gruBackwardCell bits for every step, the sum of squares included', () => {
    const property = fc.property(steps, ({ T, B, H, special, seed }) => {
      const { a, arena } = gruArrays({ T, B, H }, seed, special);
      const js = plainCopy(a);
      for (let t = T - 1; t >= 0; t--) {
        arena.gruBackward(a, t, B, H);
        gruBackwardCell(js, t, B, H);
        if (!sameArrays(a, js)) return false;
      }
      return arena.simd;
    });
    fc.assert(property, { numRuns: 300 });
  });

  it('give fastexact.ts’s rnnBackwardCell bits for every step, the sum of squares included', () => {
    const property = fc.property(steps, ({ T, B, H, special, seed }) => {
      const { a, arena } = rnnArrays({ T, B, H }, seed, special);
      const js = plainCopy(a);
      for (let t = T - 1; t >= 0; t--) {
        arena.rnnBackward(a, t, B, H);
        rnnBackwardCell(js, t, B, H);
        if (!sameArrays(a, js)) return false;
      }
      return arena.simd;
    });
    fc.assert(property, { numRuns: 300 });
  });

  it('run in JavaScript, with the same bits, when some array is not the arena’s', () => {
    const { a, arena } = gruArrays({ T: 2, B: 3, H: 4 }, 5, true);
    const mixed = { ...a, dh: a.dh.slice() },
      js = plainCopy(a);
    arena.gruBackward(mixed, 1, 3, 4);
    gruBackwardCell(js, 1, 3, 4);
    expect(sameArrays(mixed, js)).toBe(true);
    const r = rnnArrays({ T: 2, B: 3, H: 4 }, 6, true);
    const rMixed = { ...r.a, dhs: r.a.dhs.slice() },
      rJs = plainCopy(r.a);
    r.arena.rnnBackward(rMixed, 0, 3, 4);
    rnnBackwardCell(rJs, 0, 3, 4);
    expect(sameArrays(rMixed, rJs)).toBe(true);
  });
});

describe('the GRU and RNN backward steps’ element-wise passes', () => {
  const T = 2,
    B = 3,
    H = 4,
    BH = B * H;

  it('run a GRU backward step as the gate equations in reverse, with a sum of squares in the order of the entries', () => {
    const { a } = gruArrays({ T, B, H }, 7, false);
    const before = plainCopy(a);
    gruBackwardCell(a, 1, B, H);
    let sum = 0;
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < H; j++) {
        const k = BH + b * H + j,
          s = b * H + j,
          g = (B + b) * 3 * H + j;
        const [r, z, n, hPrev] = [before.r, before.z, before.n, before.hs].map((v) => v[k]!) as [number, number, number, number];
        const dh = before.dhs[k]! + before.dhN[s]!;
        // h = (1 − z)·n + z·h_{t−1}, n = tanh(a_n), a_n = GX_n + r·GH_n, r = σ(a_r), z = σ(a_z)
        const dan = dh * (1 - z) * (1 - n * n);
        const dar = dan * before.gh[g + 2 * H]! * (r * (1 - r));
        const daz = dh * (hPrev - n) * (z * (1 - z));
        expect([a.dh[s], a.dhN[s]]).toEqual([dh, dh * z]);
        expect([0, 1, 2].map((q) => a.dgx[g + q * H])).toEqual([dar, daz, dan]);
        expect([0, 1, 2].map((q) => a.dgh[g + q * H])).toEqual([dar, daz, dan * r]);
        sum += dh * dh;
      }
    }
    expect(a.sums[0]).toBe(sum);
    // Step 0's rows of the outputs are left alone.
    expect(a.dgx.subarray(0, 3 * BH)).toEqual(before.dgx.subarray(0, 3 * BH));
  });

  it('run an RNN backward step as ∂Z = ∂h ⊙ (1 − h²), with a sum of squares in the order of the entries', () => {
    const { a } = rnnArrays({ T, B, H }, 8, false);
    const before = plainCopy(a);
    rnnBackwardCell(a, 0, B, H);
    let sum = 0;
    for (let s = 0; s < BH; s++) {
      const dh = before.dhs[s]! + before.dhN[s]!;
      const h = before.hs[BH + s]!;
      expect([a.dz[s], a.dh[s]]).toEqual([dh * (1 - h * h), dh]);
      sum += dh * dh;
    }
    expect(a.sums[0]).toBe(sum);
    expect(a.dhN).toEqual(before.dhN);
    expect(a.dz.subarray(BH)).toEqual(before.dz.subarray(BH));
  });
});
