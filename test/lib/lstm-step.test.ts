import { describe, expect, it } from 'vitest';
import { ACTIVATION_KEYS, Activations } from '../../src/lib/nn/activations.ts';
import { createLstm } from '../../src/lib/nn/lstm.ts';
import { lstmStep, type LstmStepActivations } from '../../src/lib/nn/lstm-step.ts';
import { testRng, uniformArray } from './gradcheck-helper.ts';

/** Every value exactly, −0 and NaN included (toEqual would not tell −0 from 0). */
const exact = (a: Float64Array) => Array.from(a, (v) => (Object.is(v, -0) ? '-0' : String(v)));

/** The library's layer: a fresh createLstm with these weights, one forward step (T = B = 1), and its trace. */
function byLayer(
  I: number,
  H: number,
  w: { weightIh: Float64Array; weightHh: Float64Array; biasIh: Float64Array; biasHh: Float64Array },
  x: Float64Array,
  hPrev: Float64Array,
  cPrev: Float64Array,
  activations?: LstmStepActivations,
) {
  const lstm = createLstm({ inputSize: I, hiddenSize: H, init: 'zeros', ...(activations ? { activations } : {}) });
  lstm.weightIh.w.set(w.weightIh);
  lstm.weightHh.w.set(w.weightHh);
  lstm.biasIh.w.set(w.biasIh);
  lstm.biasHh.w.set(w.biasHh);
  const hs = lstm.forward({ T: 1, B: 1, I, x }, hPrev, cPrev);
  const tr = lstm.trace();
  return { pre: tr.pre, i: tr.i, f: tr.f, g: tr.g, o: tr.o, c: tr.c, phiC: tr.phiC, h: tr.h, hs };
}

/** Activation triples: the defaults, then every registry activation in every role (rotated, so the roles differ). */
const TRIPLES: (LstmStepActivations | undefined)[] = [
  undefined,
  ...ACTIVATION_KEYS.map((k, n) => ({
    gate: Activations[k],
    candidate: Activations[ACTIVATION_KEYS[(n + 1) % ACTIVATION_KEYS.length]!],
    cellOutput: Activations[ACTIVATION_KEYS[(n + 2) % ACTIVATION_KEYS.length]!],
  })),
];

const SIZES = [
  [1, 1],
  [2, 3],
  [3, 8],
  [5, 16],
] as const;

describe('lstmStep', () => {
  it('gives bit for bit the i, f, g, o, c, φ(c), h and pre-activations of createLstm’s forward pass and trace', () => {
    const rng = testRng(25);
    let cases = 0;
    for (const [I, H] of SIZES) {
      for (const act of TRIPLES) {
        for (let rep = 0; rep < 3; rep++) {
          // wide weights, so gates saturate and unbounded activations grow
          const w = {
            weightIh: uniformArray(rng, 4 * H * I, -10, 10),
            weightHh: uniformArray(rng, 4 * H * H, -10, 10),
            biasIh: uniformArray(rng, 4 * H, -10, 10),
            biasHh: uniformArray(rng, 4 * H, -3, 3),
          };
          const x = uniformArray(rng, I, -3, 3);
          const hPrev = uniformArray(rng, H, -1, 1);
          const cPrev = uniformArray(rng, H, -5, 5);
          const step = lstmStep(w, x, hPrev, cPrev, act);
          const layer = byLayer(I, H, w, x, hPrev, cPrev, act);
          for (const q of ['pre', 'i', 'f', 'g', 'o', 'c', 'phiC', 'h'] as const) {
            expect(exact(step[q]), `${q}, I=${I}, H=${H}, ${act?.gate.key ?? 'default'}`).toEqual(exact(layer[q]));
          }
          expect(exact(step.h)).toEqual(exact(layer.hs));
          cases++;
        }
      }
    }
    expect(cases).toBe(SIZES.length * TRIPLES.length * 3);
  });

  it('agrees with the layer on overflow, infinities, NaN and signed zeros too', () => {
    const specials = [0, -0, 1e308, -1e308, Infinity, -Infinity, NaN, 5e-324, 710, -746, 20, -20];
    let n = 0;
    const next = () => specials[n++ % specials.length]!;
    for (const act of TRIPLES) {
      for (let rep = 0; rep < 6; rep++) {
        const w = {
          weightIh: Float64Array.from({ length: 8 }, next),
          weightHh: Float64Array.from({ length: 16 }, next),
          biasIh: Float64Array.from({ length: 8 }, next),
          biasHh: Float64Array.from({ length: 8 }, next),
        };
        const x = Float64Array.of(next());
        const hPrev = Float64Array.of(next(), next());
        const cPrev = Float64Array.of(next(), next());
        const step = lstmStep(w, x, hPrev, cPrev, act);
        const layer = byLayer(1, 2, w, x, hPrev, cPrev, act);
        for (const q of ['pre', 'i', 'f', 'g', 'o', 'c', 'phiC', 'h'] as const) expect(exact(step[q])).toEqual(exact(layer[q]));
      }
    }
  });

  it('takes σ, tanh, tanh when no activation is given, like createLstm', () => {
    const w = {
      weightIh: Float64Array.of(1, 0.5, 1.5, 1),
      weightHh: Float64Array.of(0.5, 0.5, -0.5, 0),
      biasIh: Float64Array.of(0, 1, 0, 0.5),
      biasHh: new Float64Array(4),
    };
    const r = lstmStep(w, Float64Array.of(1), Float64Array.of(0.2), Float64Array.of(0.5));
    expect(r.i[0]).toBe(Activations.sigmoid.f(r.pre[0]!));
    expect(r.g[0]).toBe(Activations.tanh.f(r.pre[2]!));
    expect(r.phiC[0]).toBe(Activations.tanh.f(r.c[0]!));
    expect(r.h[0]).toBe(r.o[0]! * r.phiC[0]!);
  });

  it('refuses arrays whose lengths do not fit PyTorch’s layout', () => {
    const w = {
      weightIh: new Float64Array(8),
      weightHh: new Float64Array(16),
      biasIh: new Float64Array(8),
      biasHh: new Float64Array(8),
    };
    const x = new Float64Array(1);
    const h = new Float64Array(2);
    expect(() => lstmStep(w, x, h, h)).not.toThrow();
    expect(() => lstmStep(w, x, h, new Float64Array(3))).toThrow('lstmStep: cPrev has length 3, expected 2');
    expect(() => lstmStep(w, new Float64Array(2), h, h)).toThrow('lstmStep: weightIh has length 8, expected 16');
    expect(() => lstmStep({ ...w, weightHh: new Float64Array(4) }, x, h, h)).toThrow(/weightHh has length 4/);
    expect(() => lstmStep({ ...w, biasHh: new Float64Array(4) }, x, h, h)).toThrow(/biasHh has length 4/);
    expect(() => lstmStep(w, new Float64Array(0), h, h)).toThrow('lstmStep: x must not be empty');
  });
});
