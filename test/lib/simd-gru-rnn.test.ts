import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Activations } from '../../src/lib/nn/activations.ts';
import { createGru, type GruOptions } from '../../src/lib/nn/gru.ts';
import { createRnn, type RnnOptions } from '../../src/lib/nn/rnn.ts';
import { createGemmArena, setWasmSimdEnabled } from '../../src/lib/nn/simd.ts';
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
