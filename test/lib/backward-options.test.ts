import { describe, expect, it } from 'vitest';
import { Activations } from '../../src/lib/nn/activations.ts';
import type { InstrumentedLayer } from '../../src/lib/nn/gradflow.ts';
import { createGru } from '../../src/lib/nn/gru.ts';
import { createLstm } from '../../src/lib/nn/lstm.ts';
import { createRnn } from '../../src/lib/nn/rnn.ts';
import { randomBatch, testRng, uniformArray } from './gradcheck-helper.ts';

/** Bitwise equality of two float64 arrays (distinguishes −0 and +0, equates NaN with NaN). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

const I = 3;
const H = 6; // K = I + H = 9: not a multiple of 4, so the multiplies take their edge paths too
const T = 7;
const B = 5;

const layers: Array<[string, () => InstrumentedLayer]> = [
  ['LSTM', () => createLstm({ inputSize: I, hiddenSize: H, rng: testRng(1), forgetBias: 1 })],
  ['LSTM with CIFG', () => createLstm({ inputSize: I, hiddenSize: H, rng: testRng(2), cifg: true })],
  [
    'LSTM with ReLU candidate and softsign output',
    () =>
      createLstm({
        inputSize: I,
        hiddenSize: H,
        rng: testRng(3),
        activations: { candidate: Activations.relu, cellOutput: Activations.softsign },
      }),
  ],
  ['GRU', () => createGru({ inputSize: I, hiddenSize: H, rng: testRng(4) })],
  ['RNN', () => createRnn({ inputSize: I, hiddenSize: H, rng: testRng(5) })],
];

describe('backward without input gradients', () => {
  for (const [name, make] of layers) {
    it(`${name}: returns an empty dx and exactly the same parameter and state gradients`, () => {
      const rng = testRng(11);
      const batch = randomBatch(rng, T, B, I);
      const dhs = uniformArray(rng, T * B * H);
      const full = make();
      const lean = make();
      full.forward(batch);
      lean.forward(batch);
      const g = full.backward(dhs);
      const l = lean.backward(dhs, { inputGrads: false });
      expect(g.dx.length).toBe(T * B * I);
      expect(l.dx.length).toBe(0);
      expect(sameBits(l.dh0, g.dh0)).toBe(true);
      expect(sameBits(l.dc0, g.dc0)).toBe(true);
      expect(sameBits(l.flow.hNorm, g.flow.hNorm)).toBe(true);
      expect(sameBits(l.flow.cNorm, g.flow.cNorm)).toBe(true);
      lean.params.forEach((p, k) => expect(sameBits(p.dw, full.params[k]!.dw), p.name).toBe(true));
    });
  }
});

describe('the rescaled backward pass', () => {
  it('does not depend on what an earlier backward call left behind', () => {
    const rng = testRng(21);
    const batch = randomBatch(rng, T, B, I);
    const seed = new Float64Array(T * B * H);
    seed.set(uniformArray(rng, B * H), (T - 1) * B * H);
    const fresh = createLstm({ inputSize: I, hiddenSize: H, rng: testRng(6) });
    const used = createLstm({ inputSize: I, hiddenSize: H, rng: testRng(6) });
    fresh.forward(batch);
    used.forward(batch);
    // A huge ∂L/∂x from an ordinary pass must not leak into the next, rescaled one.
    used.backward(uniformArray(rng, T * B * H, -1e300, 1e300));
    const a = fresh.backward(seed, { rescale: true });
    const b = used.backward(seed, { rescale: true });
    expect(Array.from(b.flow.scaleLog2)).toEqual(Array.from(a.flow.scaleLog2));
    expect(sameBits(b.flow.hNorm, a.flow.hNorm)).toBe(true);
    expect(sameBits(b.dh0, a.dh0)).toBe(true);
  });
});

describe('the dhLast seed', () => {
  for (const [name, make] of layers) {
    for (const rescale of [false, true]) {
      it(`${name}${rescale ? ', rescaled' : ''}: dhLast with an empty dhs gives the bits of a dhs that is zero but for its last step`, () => {
        const rng = testRng(31);
        const batch = randomBatch(rng, T, B, I);
        const last = uniformArray(rng, B * H);
        const dhs = new Float64Array(T * B * H);
        dhs.set(last, (T - 1) * B * H);
        const a = make();
        const b = make();
        a.forward(batch);
        b.forward(batch);
        const ga = a.backward(dhs, { rescale });
        const gb = b.backward(new Float64Array(0), { rescale, dhLast: last });
        expect(sameBits(gb.dh0, ga.dh0)).toBe(true);
        expect(sameBits(gb.dc0, ga.dc0)).toBe(true);
        expect(sameBits(gb.dx, ga.dx)).toBe(true);
        expect(sameBits(gb.flow.hNorm, ga.flow.hNorm)).toBe(true);
        expect(sameBits(gb.flow.cNorm, ga.flow.cNorm)).toBe(true);
        b.params.forEach((p, k) => expect(sameBits(p.dw, a.params[k]!.dw), p.name).toBe(true));
      });
    }
  }

  it('adds to the last step of a full dhs, and is checked for its length', () => {
    const rng = testRng(32);
    const batch = randomBatch(rng, T, B, I);
    const dhs = uniformArray(rng, T * B * H);
    const last = uniformArray(rng, B * H);
    const summed = Float64Array.from(dhs);
    for (let k = 0; k < B * H; k++) summed[(T - 1) * B * H + k]! += last[k]!;
    const a = createRnn({ inputSize: I, hiddenSize: H, rng: testRng(7) });
    const b = createRnn({ inputSize: I, hiddenSize: H, rng: testRng(7) });
    a.forward(batch);
    b.forward(batch);
    const ga = a.backward(summed);
    const gb = b.backward(dhs, { dhLast: last });
    for (let k = 0; k < ga.dh0.length; k++) expect(gb.dh0[k]).toBeCloseTo(ga.dh0[k]!, 14);
    expect(() => b.backward(dhs, { dhLast: new Float64Array(3) })).toThrow(
      `rnn.backward: dhLast has length 3, expected B·H = ${B * H}`,
    );
    expect(() => b.backward(new Float64Array(5))).toThrow(/dhs has length 5, expected T·B·H = 210 \(or 0/);
  });
});
