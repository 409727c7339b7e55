/**
 * Finite-difference gradient checks of every cell with every activation in each role: every parameter entry,
 * every input and the initial state(s), with the five-point central stencil of `gradcheck-helper.ts`
 * (ε = 1e-4) and a tolerance of 1e-6 relative error (denominator floored at 1e-5 × the largest gradient entry, at least 1e-5; see `relError`).
 *
 * Kinks: for piecewise activations the random draw (params U(−1/√H, 1/√H), inputs and states U(−1, 1), loss
 * weights U(−1, 1)) is rejected and redrawn with the next seed while any pre-activation of that role lies within
 * KINK_MARGIN = 2e-3 of a point in the activation's `kinkAt` list; the seed actually used is part of the check.
 */
import { describe, expect, it } from 'vitest';
import { Activations } from '../../src/lib/nn/activations.ts';
import { createGru } from '../../src/lib/nn/gru.ts';
import { createLstm, type LstmActivations } from '../../src/lib/nn/lstm.ts';
import { createRnn } from '../../src/lib/nn/rnn.ts';
import type { ActivationFn } from '../../src/lib/nn/types.ts';
import type { InstrumentedLayer } from '../../src/lib/nn/gradflow.ts';
import {
  distanceToKinks,
  gradcheck,
  KINK_MARGIN,
  randomBatch,
  testRng,
  uniformArray,
  type GradcheckResult,
  type KinkSite,
} from './gradcheck-helper.ts';

const TOL = 1e-6;
const I = 2;
const H = 3;
const T = 3;
const B = 2;

/** Values of gate block q (of G) of a [T, B, G·H] pre-activation buffer. */
function block(pre: Float64Array, G: number, q: number): Float64Array {
  const rows = pre.length / (G * H);
  const out = new Float64Array(rows * H);
  for (let r = 0; r < rows; r++) for (let j = 0; j < H; j++) out[r * H + j] = pre[r * G * H + q * H + j]!;
  return out;
}

/**
 * Draws layers and data with seeds 1, 2, … until no pre-activation is within KINK_MARGIN of a kink, then runs the
 * gradient check. `sites` reads the pre-activations of each role after a forward pass.
 */
function checkAwayFromKinks(
  make: (seed: number) => InstrumentedLayer,
  sites: (layer: InstrumentedLayer) => KinkSite[],
  withCell: boolean,
): GradcheckResult & { seed: number } {
  for (let seed = 1; seed <= 50; seed++) {
    const layer = make(seed);
    const rng = testRng(1000 + seed);
    const batch = randomBatch(rng, T, B, I);
    const h0 = uniformArray(rng, B * H);
    const c0 = withCell ? uniformArray(rng, B * H) : undefined;
    layer.forward(batch, h0, c0);
    if (distanceToKinks(sites(layer)) < KINK_MARGIN) continue;
    const w = uniformArray(rng, T * B * H);
    const u = withCell ? uniformArray(rng, B * H) : undefined;
    const lastCell = (): Float64Array =>
      (layer as unknown as { trace(): { c: Float64Array } }).trace().c.subarray((T - 1) * B * H);
    const result = gradcheck(layer, {
      batch,
      h0,
      w,
      ...(c0 === undefined ? {} : { c0 }),
      ...(u === undefined ? {} : { u, lastCell }),
    });
    return { ...result, seed };
  }
  throw new Error('no kink-free draw in 50 seeds');
}

function checkLstm(acts: Partial<LstmActivations>, cifg = false, scale = 1): GradcheckResult & { seed: number } {
  const gate = acts.gate ?? Activations.sigmoid;
  const candidate = acts.candidate ?? Activations.tanh;
  const cellOutput = acts.cellOutput ?? Activations.tanh;
  return checkAwayFromKinks(
    (seed) => {
      const lstm = createLstm({ inputSize: I, hiddenSize: H, rng: testRng(seed), activations: acts, cifg, forgetBias: 0.5 });
      for (const p of lstm.params) for (let k = 0; k < p.w.length; k++) p.w[k]! *= scale;
      return lstm;
    },
    (layer) => {
      const tr = (layer as ReturnType<typeof createLstm>).trace();
      return [
        { act: gate, values: block(tr.pre, 4, 0) },
        { act: gate, values: block(tr.pre, 4, 1) },
        { act: candidate, values: block(tr.pre, 4, 2) },
        { act: gate, values: block(tr.pre, 4, 3) },
        { act: cellOutput, values: tr.c },
      ];
    },
    true,
  );
}

function checkGru(gate: ActivationFn, candidate: ActivationFn): GradcheckResult & { seed: number } {
  return checkAwayFromKinks(
    (seed) => createGru({ inputSize: I, hiddenSize: H, rng: testRng(seed), activations: { gate, candidate } }),
    (layer) => {
      const tr = (layer as ReturnType<typeof createGru>).trace();
      return [
        { act: gate, values: block(tr.pre, 3, 0) },
        { act: gate, values: block(tr.pre, 3, 1) },
        { act: candidate, values: block(tr.pre, 3, 2) },
      ];
    },
    false,
  );
}

function checkRnn(activation: ActivationFn, identityInit = false): GradcheckResult & { seed: number } {
  return checkAwayFromKinks(
    (seed) => {
      const rnn = createRnn({ inputSize: I, hiddenSize: H, rng: testRng(seed), activation, identityInit });
      // IRNN starts with zero biases and tiny W_ih; give the biases random values so that every path is exercised.
      if (identityInit) for (const p of [rnn.biasIh, rnn.biasHh]) p.w.set(uniformArray(testRng(seed + 500), H, -0.5, 0.5));
      return rnn;
    },
    (layer) => [{ act: activation, values: (layer as ReturnType<typeof createRnn>).trace().pre }],
    false,
  );
}

/** Entries checked per draw: all params, T·B·I inputs, B·H per initial state. */
const lstmCount = 4 * H * (I + H + 2) + T * B * I + 2 * B * H;
const gruCount = 3 * H * (I + H + 2) + T * B * I + B * H;
const rnnCount = H * (I + H + 2) + T * B * I + B * H;

describe('LSTM gradients match finite differences', () => {
  const cases: Array<[string, Partial<LstmActivations>]> = [
    ['σ / tanh / tanh (default)', {}],
    ['hard-sigmoid gates', { gate: Activations.hardsigmoid }],
    ...(['relu', 'identity', 'sigmoid', 'hardtanh', 'softsign'] as const).map((k): [string, Partial<LstmActivations>] => [
      `candidate ${k}`,
      { candidate: Activations[k] },
    ]),
    ...(['relu', 'identity'] as const).map((k): [string, Partial<LstmActivations>] => [
      `cell output ${k}`,
      { cellOutput: Activations[k] },
    ]),
    [
      'hard-sigmoid gates, relu candidate, relu cell output',
      {
        gate: Activations.hardsigmoid,
        candidate: Activations.relu,
        cellOutput: Activations.relu,
      },
    ],
    [
      'hard-sigmoid gates, hardtanh candidate, identity cell output',
      {
        gate: Activations.hardsigmoid,
        candidate: Activations.hardtanh,
        cellOutput: Activations.identity,
      },
    ],
    ['σ gates, softsign candidate, relu cell output', { candidate: Activations.softsign, cellOutput: Activations.relu }],
  ];
  for (const [name, acts] of cases) {
    it(`for ${name}, in every param, input, h0, c0 and the c_{T−1} seed`, () => {
      const r = checkLstm(acts);
      expect(r.count).toBe(lstmCount);
      expect(r.worst.relError, JSON.stringify(r)).toBeLessThanOrEqual(TOL);
    });
  }
  it('for hard-sigmoid gates driven into both flat regions (params ×8)', () => {
    const r = checkLstm({ gate: Activations.hardsigmoid }, false, 8);
    const lstm = createLstm({
      inputSize: I,
      hiddenSize: H,
      rng: testRng(r.seed),
      activations: { gate: Activations.hardsigmoid },
    });
    for (const p of lstm.params) for (let k = 0; k < p.w.length; k++) p.w[k]! *= 8;
    const rng = testRng(1000 + r.seed);
    lstm.forward(randomBatch(rng, T, B, I), uniformArray(rng, B * H), uniformArray(rng, B * H));
    const gates = [0, 1, 3].flatMap((q) => Array.from(block(lstm.trace().pre, 4, q)));
    // The check is only meaningful if some gates sit on each flat part (f′ = 0) and some on the slope.
    expect(gates.some((z) => z < -3)).toBe(true);
    expect(gates.some((z) => z > 3)).toBe(true);
    expect(gates.some((z) => Math.abs(z) < 3)).toBe(true);
    expect(r.worst.relError, JSON.stringify(r)).toBeLessThanOrEqual(TOL);
  });
  it('with a coupled input-forget gate (CIFG), default and hard-sigmoid gates', () => {
    for (const acts of [{}, { gate: Activations.hardsigmoid }]) {
      const r = checkLstm(acts, true);
      expect(r.worst.relError, JSON.stringify(r)).toBeLessThanOrEqual(TOL);
    }
  });
});

describe('GRU gradients match finite differences', () => {
  for (const gate of [Activations.sigmoid, Activations.hardsigmoid]) {
    for (const candidate of [
      Activations.tanh,
      Activations.relu,
      Activations.identity,
      Activations.sigmoid,
      Activations.hardtanh,
      Activations.softsign,
    ]) {
      it(`for ${gate.key} gates and a ${candidate.key} candidate, in every param, input and h0`, () => {
        const r = checkGru(gate, candidate);
        expect(r.count).toBe(gruCount);
        expect(r.worst.relError, JSON.stringify(r)).toBeLessThanOrEqual(TOL);
      });
    }
  }
});

describe('vanilla RNN gradients match finite differences', () => {
  for (const act of [
    Activations.tanh,
    Activations.relu,
    Activations.identity,
    Activations.sigmoid,
    Activations.hardtanh,
    Activations.softsign,
  ]) {
    it(`for φ = ${act.key}, in every param, input and h0`, () => {
      const r = checkRnn(act);
      expect(r.count).toBe(rnnCount);
      expect(r.worst.relError, JSON.stringify(r)).toBeLessThanOrEqual(TOL);
    });
  }
  it('for the IRNN initialisation with φ = relu', () => {
    const r = checkRnn(Activations.relu, true);
    expect(r.worst.relError, JSON.stringify(r)).toBeLessThanOrEqual(TOL);
  });
});

describe('gradcheck itself', () => {
  it('detects a wrong gradient (a layer whose backward is off by 1e-5 relative in one param)', () => {
    const lstm = createLstm({ inputSize: I, hiddenSize: H, rng: testRng(1) });
    const broken: InstrumentedLayer = {
      kind: lstm.kind,
      inputSize: lstm.inputSize,
      hiddenSize: lstm.hiddenSize,
      params: lstm.params,
      forward: (batch, h0, c0) => lstm.forward(batch, h0, c0),
      backward: (dhs, options) => {
        const g = lstm.backward(dhs, options);
        lstm.params[1]!.dw[4]! *= 1 + 1e-5;
        return g;
      },
    };
    const rng = testRng(2);
    const r = gradcheck(broken, { batch: randomBatch(rng, T, B, I), w: uniformArray(rng, T * B * H) });
    expect(r.worst.what).toBe('weight_hh_l0[4]');
    expect(r.worst.relError).toBeGreaterThan(5e-6);
  });
});
