import { describe, expect, it } from 'vitest';
import { Activations } from '../../src/lib/nn/activations.ts';
import { describeNorms, jacobianNormsByLag, UNDERFLOW_LIMIT } from '../../src/lib/nn/gradflow.ts';
import { createGru } from '../../src/lib/nn/gru.ts';
import { createLstm } from '../../src/lib/nn/lstm.ts';
import { createRnn } from '../../src/lib/nn/rnn.ts';
import type { ActivationFn } from '../../src/lib/nn/types.ts';
import { randomBatch, testRng, uniformArray } from './gradcheck-helper.ts';

/** An RNN with W_hh = a·I and W_ih = 1 (all inputs to every unit), no bias. */
function scaledIdentityRnn(H: number, a: number, act: ActivationFn = Activations.identity) {
  const rnn = createRnn({ inputSize: 1, hiddenSize: H, init: 'zeros', activation: act });
  for (let j = 0; j < H; j++) rnn.weightHh.w[j * H + j] = a;
  rnn.weightIh.w.fill(1);
  return rnn;
}

describe('jacobianNormsByLag', () => {
  it('has the expected defaults: vjp mode, one pass, lag 0 exactly 1', () => {
    const rnn = createRnn({ inputSize: 2, hiddenSize: 4, rng: testRng(1) });
    const r = jacobianNormsByLag(rnn, randomBatch(testRng(2), 10, 3, 2));
    expect(r.mode).toBe('vjp');
    expect(r.passes).toBe(1);
    expect(r.T).toBe(10);
    expect(r.c).toBeNull();
    expect(r.firstNonFiniteStep).toBe(-1);
    expect(r.h.value[0]).toBe(1);
    expect(r.h.flags.every((f) => f === 'ok')).toBe(true);
    expect(r.h.value.length).toBe(10);
  });

  it('gives |a|^lag for a linear RNN with W_hh = a·I, and flags underflow below 1e-300', () => {
    // h_T = a^lag·h_t + (inputs), so vᵀ ∂h_{T−1}/∂h_t = a^lag·vᵀ and the norm is 0.5^lag for a unit v.
    // 0.5^996 = 1.5e-300 ≥ 1e-300 > 0.5^997 = 7.5e-301.
    const T = 1200;
    const rnn = scaledIdentityRnn(3, 0.5);
    const r = jacobianNormsByLag(rnn, randomBatch(testRng(3), T, 2, 1));
    for (const k of [0, 1, 10, 500, 996, 997, 1199]) expect(r.h.log10[k]).toBeCloseTo(k * Math.log10(0.5), 9);
    expect(r.h.value[10]).toBeCloseTo(0.5 ** 10, 15);
    expect(r.h.flags[996]).toBe('ok');
    expect(r.h.flags[997]).toBe('underflow');
    expect(r.h.value[997]).toBe(0);
    expect(r.h.underflowed).toBe(true);
    expect(r.h.overflowed).toBe(false);
    expect(r.h.value.every((v) => !Number.isNaN(v))).toBe(true);
  });

  it('gives 10^lag for a tanh RNN resting at h = 0 with W_hh = 10·I, and flags overflow', () => {
    // x = 0 and h0 = 0 keep h_t = 0, where tanh′ = 1: the Jacobian is exactly 10^lag·I, beyond float64 from lag 309.
    const T = 1000;
    const rnn = scaledIdentityRnn(2, 10, Activations.tanh);
    const r = jacobianNormsByLag(rnn, { T, B: 1, I: 1, x: new Float64Array(T) });
    expect(r.firstNonFiniteStep).toBe(-1);
    for (const k of [0, 5, 308, 309, 999]) expect(r.h.log10[k]).toBeCloseTo(k, 9);
    expect(r.h.flags[308]).toBe('ok');
    expect(r.h.flags[309]).toBe('overflow');
    expect(r.h.value[309]).toBe(Infinity);
    expect(r.h.overflowed).toBe(true);
  });

  it('flags every lag as undefined when the forward pass itself overflows', () => {
    // Identity RNN with W_hh = 1e10·I and x = 1: h_t ≈ 1e10^t leaves float64 at t = 31.
    const T = 100;
    const rnn = scaledIdentityRnn(2, 1e10);
    const x = new Float64Array(T).fill(1);
    const r = jacobianNormsByLag(rnn, { T, B: 1, I: 1, x });
    expect(r.firstNonFiniteStep).toBe(31);
    expect(r.passes).toBe(0);
    expect(r.h.flags.every((f) => f === 'undefined')).toBe(true);
    expect(r.h.value.every((v) => Number.isNaN(v))).toBe(true);
  });

  it('reports saturated tanh units as underflow with the exact log10, not as a false exact zero', () => {
    // W_hh = 30·I, W_ih = 1, x = 1: from t = 2 on z = 1 + 30·1 = 31 and h = tanh(31) rounds to exactly 1, so the
    // output-based slope 1 − h² is 0. The true slope tanh′(31) = 4e^{−62}/(1 + e^{−62})² ≈ 4.8e-27 makes each step
    // multiply the Jacobian by 30·tanh′(31) ≈ 1.4e-25, i.e. log10 ≈ −24.85 per lag.
    const T = 40;
    const rnn = scaledIdentityRnn(2, 30, Activations.tanh);
    const batch = { T, B: 1, I: 1, x: new Float64Array(T).fill(1) };
    const r = jacobianNormsByLag(rnn, batch);
    const perLag = Math.log10(30 * Activations.tanh.df(31));
    for (const k of [1, 5, 12, 13, 37]) expect(r.h.log10[k]! / (k * perLag)).toBeCloseTo(1, 12);
    expect(r.h.flags[12]).toBe('ok'); // ≈ 1e-298
    expect(r.h.flags[13]).toBe('underflow'); // ≈ 1e-323
    expect(r.h.flags.includes('zero')).toBe(false);
    // The fast training-time backward, which takes slopes from the outputs, sees exact zeros here.
    rnn.forward(batch);
    const dhs = new Float64Array(2 * T);
    dhs[2 * T - 2] = 1;
    expect(rnn.backward(dhs).flow.hNorm[T - 2]).toBe(0);
  });

  it('reports exact zeros (dead ReLU units) as zero, not as underflow', () => {
    const rnn = scaledIdentityRnn(2, 1, Activations.relu);
    rnn.biasIh.w.fill(-100); // every pre-activation < 0: h = 0 and ReLU′ = 0 everywhere
    const r = jacobianNormsByLag(rnn, randomBatch(testRng(4), 5, 1, 1));
    expect(r.h.flags).toEqual(['ok', 'zero', 'zero', 'zero', 'zero']);
    expect(Array.from(r.h.log10.subarray(1))).toEqual([-Infinity, -Infinity, -Infinity, -Infinity]);
  });

  it('gives σ(b)^lag for the cell state of an LSTM whose only non-zero param is the forget bias b', () => {
    // All weights 0: f = σ(b) is constant, c_t = f·c_{t−1} + i·g with g = tanh(0) = 0, and nothing depends on h:
    // ∂c_{T−1}/∂c_t = σ(b)^lag·I, while ∂h_{T−1}/∂h_t = 0 for every lag ≥ 1.
    const T = 1200;
    const lstm = createLstm({ inputSize: 1, hiddenSize: 3, init: 'zeros', forgetBias: 0 });
    const r = jacobianNormsByLag(lstm, randomBatch(testRng(5), T, 2, 1), { c0: uniformArray(testRng(6), 6) });
    expect(r.passes).toBe(2);
    const c = r.c!;
    for (const k of [0, 1, 100, 996, 997, 1199]) expect(c.log10[k]).toBeCloseTo(k * Math.log10(0.5), 9);
    expect(c.flags[996]).toBe('ok');
    expect(c.flags[997]).toBe('underflow');
    expect(r.h.flags[0]).toBe('ok');
    expect(r.h.flags.slice(1).every((f) => f === 'zero')).toBe(true);
  });

  it('gives |a|^lag·√H in frobenius mode, with H passes', () => {
    const H = 4;
    const rnn = scaledIdentityRnn(H, 0.9);
    const r = jacobianNormsByLag(rnn, randomBatch(testRng(7), 20, 3, 1), { mode: 'frobenius' });
    expect(r.passes).toBe(H);
    for (let k = 0; k < 20; k++) expect(r.h.value[k]).toBeCloseTo(0.9 ** k * Math.sqrt(H), 13);
  });

  it('matches finite differences of h_{T−1} and c_{T−1} with respect to h_t and c_t (LSTM, frobenius mode)', () => {
    const [T, I, H] = [6, 2, 3];
    const lstm = createLstm({ inputSize: I, hiddenSize: H, rng: testRng(8), forgetBias: 1 });
    for (const p of lstm.params) for (let k = 0; k < p.w.length; k++) p.w[k]! *= 2; // make the Jacobians non-trivial
    const batch = randomBatch(testRng(9), T, 1, I);
    const r = jacobianNormsByLag(lstm, batch, { mode: 'frobenius' });
    expect(r.passes).toBe(2 * H);
    lstm.forward(batch);
    const tr = lstm.trace();
    const hs = tr.h.slice();
    const cs = tr.c.slice();
    const os = tr.o.slice();
    const eps = 1e-6;
    for (const t of [0, 2, 4]) {
      // Run the suffix t+1 … T−1 from the state (h_t, c_t); perturb one entry of h_t (or c_t) at a time. The h
      // norm holds c_t fixed (h_t's adjoint); the c norm is the total derivative through c_t, h_t = o_t ⊙ tanh(c_t).
      const suffix = { T: T - 1 - t, B: 1, I, x: batch.x.subarray((t + 1) * I) };
      let sh = 0;
      let sc = 0;
      for (let j = 0; j < H; j++) {
        for (const which of ['h', 'c'] as const) {
          const run = (d: number): { h: Float64Array; c: Float64Array } => {
            const h0 = hs.slice(t * H, (t + 1) * H);
            const c0 = cs.slice(t * H, (t + 1) * H);
            if (which === 'h') h0[j]! += d;
            else {
              // c_t feeds h_t = o_t·tanh(c_t) too: the total derivative moves both.
              c0[j]! += d;
              h0[j] = os[t * H + j]! * Math.tanh(c0[j]!);
            }
            const h = lstm.forward(suffix, h0, c0).slice((T - 2 - t) * H);
            return { h, c: lstm.trace().c.slice((T - 2 - t) * H) };
          };
          const plus = run(eps);
          const minus = run(-eps);
          for (let m = 0; m < H; m++) {
            if (which === 'h') sh += ((plus.h[m]! - minus.h[m]!) / (2 * eps)) ** 2;
            else sc += ((plus.c[m]! - minus.c[m]!) / (2 * eps)) ** 2;
          }
        }
      }
      const lag = T - 1 - t;
      expect(r.h.value[lag]! / Math.sqrt(sh)).toBeCloseTo(1, 7);
      expect(r.c!.value[lag]! / Math.sqrt(sc)).toBeCloseTo(1, 7);
    }
  });

  it('normalises the probe vector and rejects one of the wrong length', () => {
    const gru = createGru({ inputSize: 1, hiddenSize: 2, rng: testRng(10) });
    const batch = randomBatch(testRng(11), 8, 2, 1);
    const a = jacobianNormsByLag(gru, batch, { v: Float64Array.of(3, 4) });
    const b = jacobianNormsByLag(gru, batch, { v: Float64Array.of(0.6, 0.8, 0.6, 0.8) });
    expect(Array.from(a.h.value)).toEqual(Array.from(b.h.value));
    expect(a.h.value[0]).toBeCloseTo(1, 15);
    expect(() => jacobianNormsByLag(gru, batch, { v: Float64Array.of(1, 2, 3) })).toThrow(/length 3/);
    expect(() => jacobianNormsByLag(gru, batch, { v: Float64Array.of(0, 0) })).toThrow(/non-zero/);
  });

  it('leaves every Param.dw untouched', () => {
    const lstm = createLstm({ inputSize: 2, hiddenSize: 3, rng: testRng(12) });
    for (const p of lstm.params) p.dw.fill(0.25);
    jacobianNormsByLag(lstm, randomBatch(testRng(13), 7, 2, 2), { mode: 'frobenius' });
    for (const p of lstm.params) expect(p.dw.every((v) => v === 0.25)).toBe(true);
  });
});

describe('backward with rescale', () => {
  it('returns the same numbers as plain backward, scaled by the recorded power of two', () => {
    // T = 400 steps of a tanh RNN at rest with W_hh = 4·I: ∂L/∂h_t = 4^lag, beyond 2^256 after 128 steps.
    const T = 400;
    const rnn = scaledIdentityRnn(2, 4, Activations.tanh);
    rnn.forward({ T, B: 1, I: 1, x: new Float64Array(T) });
    const dhs = new Float64Array(T * 2);
    dhs[(T - 1) * 2] = 1;
    const plain = Array.from(rnn.backward(dhs).flow.hNorm);
    const g = rnn.backward(dhs, { rescale: true });
    for (let t = 0; t < T; t++) {
      const trueLog2 = Math.log2(g.flow.hNorm[t]!) + g.flow.scaleLog2[t]!;
      expect(trueLog2).toBeCloseTo(2 * (T - 1 - t), 9);
      if (Number.isFinite(plain[t]!)) expect(g.flow.hNorm[t]! * 2 ** g.flow.scaleLog2[t]!).toBe(plain[t]);
    }
    expect(g.flow.scaleLog2[0]).toBeGreaterThan(0);
    expect(g.dx.length).toBe(0);
  });
});

describe('describeNorms', () => {
  it('flags overflow, underflow, exact zeros and NaN in raw per-step norms', () => {
    const s = describeNorms(Float64Array.of(2, Infinity, 1e-310, 0, NaN));
    expect(s.flags).toEqual(['ok', 'overflow', 'underflow', 'zero', 'undefined']);
    expect(s.value[0]).toBe(2);
    expect(s.value[2]).toBe(0);
    expect(s.log10[2]).toBeCloseTo(-310, 9);
    expect(s.overflowed && s.underflowed).toBe(true);
    expect(UNDERFLOW_LIMIT).toBe(1e-300);
  });

  it('applies the power-of-two scales of a rescaled pass', () => {
    const s = describeNorms(Float64Array.of(1, 1), Float64Array.of(2000, -2000));
    expect(s.flags).toEqual(['overflow', 'underflow']);
    expect(s.log10[0]).toBeCloseTo(2000 * Math.log10(2), 9);
  });
});
