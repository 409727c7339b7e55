import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activations } from '../../src/lib/nn/activations.ts';
import { createLstm } from '../../src/lib/nn/lstm.ts';
import { DEFAULT_INIT_SEED } from '../../src/lib/nn/params.ts';
import { createRng } from '../../src/lib/nn/rng.ts';
import { add, dual, mul, randomBatch, sigmoid, tanh, testRng, uniformArray, type Dual } from './gradcheck-helper.ts';

describe('createLstm', () => {
  it('has the expected defaults', () => {
    const lstm = createLstm({ inputSize: 3, hiddenSize: 5 });
    expect(lstm.kind).toBe('lstm');
    expect(lstm.inputSize).toBe(3);
    expect(lstm.hiddenSize).toBe(5);
    expect(lstm.activations.gate).toBe(Activations.sigmoid);
    expect(lstm.activations.candidate).toBe(Activations.tanh);
    expect(lstm.activations.cellOutput).toBe(Activations.tanh);
    expect(lstm.cifg).toBe(false);
    expect(lstm.params.map((p) => [p.name, [...p.shape]])).toEqual([
      ['weight_ih_l0', [20, 3]],
      ['weight_hh_l0', [20, 5]],
      ['bias_ih_l0', [20]],
      ['bias_hh_l0', [20]],
    ]);
    expect(lstm.params).toEqual([lstm.weightIh, lstm.weightHh, lstm.biasIh, lstm.biasHh]);
    // No rng: PyTorch's default initialisation drawn from the default seed; every gradient starts at zero.
    const seeded = createLstm({ inputSize: 3, hiddenSize: 5, rng: createRng(DEFAULT_INIT_SEED) });
    expect(DEFAULT_INIT_SEED).toBe(0);
    lstm.params.forEach((p, k) => {
      expect(Array.from(p.w)).toEqual(Array.from(seeded.params[k]!.w));
      expect(p.w.some((v) => v !== 0)).toBe(true);
      expect(p.dw.length).toBe(p.w.length);
      expect(p.dw.every((v) => v === 0)).toBe(true);
    });
  });

  it('starts every param at zero with init: zeros, and refuses an rng beside it', () => {
    const lstm = createLstm({ inputSize: 2, hiddenSize: 3, init: 'zeros' });
    for (const p of lstm.params) expect(p.w.every((v) => v === 0)).toBe(true);
    expect(() => createLstm({ inputSize: 2, hiddenSize: 3, init: 'zeros', rng: testRng(1) })).toThrow(
      "createLstm: init 'zeros' draws nothing, so it takes no rng",
    );
    expect(() => createLstm({ inputSize: 2, hiddenSize: 3, init: 'glorot' as 'zeros' })).toThrow(/init must be/);
  });

  it('draws every param from U(−1/√H, 1/√H) when given an rng, reproducibly', () => {
    const a = createLstm({ inputSize: 2, hiddenSize: 16, rng: testRng(3) });
    const b = createLstm({ inputSize: 2, hiddenSize: 16, rng: testRng(3) });
    for (const p of a.params) {
      const max = Math.max(...Array.from(p.w, Math.abs));
      expect(max).toBeLessThanOrEqual(0.25);
      expect(max).toBeGreaterThan(0.2); // 64+ draws: the largest |w| is near the bound
    }
    expect(a.params.map((p) => Array.from(p.w))).toEqual(b.params.map((p) => Array.from(p.w)));
  });

  it('adds forgetBias to the forget-gate slice of bias_hh_l0 only', () => {
    const plain = createLstm({ inputSize: 1, hiddenSize: 3, rng: testRng(9) });
    const biased = createLstm({ inputSize: 1, hiddenSize: 3, rng: testRng(9), forgetBias: 1 });
    expect(Array.from(biased.biasIh.w)).toEqual(Array.from(plain.biasIh.w));
    const diff = Array.from(biased.biasHh.w, (v, k) => v - plain.biasHh.w[k]!);
    expect(diff.map((d) => Math.round(d * 1e12) / 1e12)).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => createLstm({ inputSize: 0, hiddenSize: 2 })).toThrow(RangeError);
    expect(() => createLstm({ inputSize: 1, hiddenSize: 2.5 })).toThrow(/hiddenSize/);
  });
});

describe('lstm.forward', () => {
  it('computes a one-step cell by hand (defaults, only W_ig = 1, x = 1)', () => {
    // All pre-activations are 0 except the candidate's, W_ig·x = 1. So i = f = o = σ(0) = 0.5 exactly,
    // g = tanh(1) = 0.7615941559557649, c = f·0 + i·g = 0.3807970779778824,
    // h = o·tanh(c) = 0.5 · 0.3633994843890525 = 0.18169974219452625 (values from Python's math.tanh).
    const lstm = createLstm({ inputSize: 1, hiddenSize: 1, init: 'zeros' });
    lstm.weightIh.w[2] = 1;
    const h = lstm.forward({ T: 1, B: 1, I: 1, x: Float64Array.of(1) });
    const tr = lstm.trace();
    expect([tr.i[0], tr.f[0], tr.o[0]]).toEqual([0.5, 0.5, 0.5]);
    expect(tr.g[0]).toBeCloseTo(0.7615941559557649, 15);
    expect(tr.c[0]).toBeCloseTo(0.3807970779778824, 15);
    expect(h[0]).toBeCloseTo(0.18169974219452625, 15);
  });

  it('runs a two-step cell with identity activations to exact dyadic numbers', () => {
    // gate = candidate = cellOutput = identity, W_ih = [0.5, 0.5, 1, 0.5]ᵀ (i, f, g, o), W_hh = [0, 0, 1, 0]ᵀ,
    // no bias, x = (1, 2), h0 = c0 = 0:
    //   t = 0: i = f = o = 0.5, g = 1 + 0 = 1,     c = 0.5·0 + 0.5·1 = 0.5,     h = 0.5·0.5 = 0.25
    //   t = 1: i = f = o = 1,   g = 2 + 0.25 = 2.25, c = 1·0.5 + 1·2.25 = 2.75, h = 1·2.75 = 2.75
    const id = Activations.identity;
    const lstm = createLstm({
      inputSize: 1,
      hiddenSize: 1,
      init: 'zeros',
      activations: { gate: id, candidate: id, cellOutput: id },
    });
    lstm.weightIh.w.set([0.5, 0.5, 1, 0.5]);
    lstm.weightHh.w.set([0, 0, 1, 0]);
    const h = lstm.forward({ T: 2, B: 1, I: 1, x: Float64Array.of(1, 2) });
    expect(Array.from(h)).toEqual([0.25, 2.75]);
    expect(Array.from(lstm.trace().c)).toEqual([0.5, 2.75]);
    expect(Array.from(lstm.trace().g)).toEqual([1, 2.25]);
  });

  it('uses h0 and c0 when given', () => {
    // With all params 0: i = f = o = 0.5 and g = 0, so c_0 = 0.5·c0 and h_0 = 0.5·tanh(0.5·c0).
    const lstm = createLstm({ inputSize: 1, hiddenSize: 2, init: 'zeros' });
    const h = lstm.forward({ T: 1, B: 1, I: 1, x: Float64Array.of(3) }, Float64Array.of(7, 7), Float64Array.of(2, -4));
    expect(Array.from(lstm.trace().c)).toEqual([1, -2]);
    expect(Array.from(h)).toEqual([0.5 * Math.tanh(1), 0.5 * Math.tanh(-2)]);
  });

  it('returns views of [T, B, H] that agree with the trace', () => {
    const lstm = createLstm({ inputSize: 2, hiddenSize: 3, rng: testRng(1) });
    const batch = randomBatch(testRng(2), 4, 5, 2);
    const h = lstm.forward(batch);
    const tr = lstm.trace();
    expect(h.length).toBe(4 * 5 * 3);
    expect([tr.T, tr.B, tr.H]).toEqual([4, 5, 3]);
    expect(Array.from(tr.h)).toEqual(Array.from(h));
    expect(tr.pre.length).toBe(4 * 5 * 12);
    for (const a of [tr.i, tr.f, tr.g, tr.o, tr.c, tr.phiC]) expect(a.length).toBe(60);
    // The trace satisfies the cell equations: c_t = f ⊙ c_{t−1} + i ⊙ g, h = o ⊙ tanh(c), gates = σ(pre).
    for (let k = 0; k < 60; k++) {
      const cPrev = k < 15 ? 0 : tr.c[k - 15]!;
      expect(tr.c[k]).toBe(tr.f[k]! * cPrev + tr.i[k]! * tr.g[k]!);
      expect(tr.h[k]).toBe(tr.o[k]! * Math.tanh(tr.c[k]!));
      const row = Math.floor(k / 3);
      const j = k % 3;
      expect(tr.f[k]).toBe(Activations.sigmoid.f(tr.pre[row * 12 + 3 + j]!));
    }
  });

  it('gives the same results after its buffers grow and shrink back', () => {
    const rng = testRng(5);
    const small = randomBatch(rng, 2, 1, 2);
    const big = randomBatch(rng, 7, 4, 2);
    const lstm = createLstm({ inputSize: 2, hiddenSize: 3, rng: testRng(6) });
    const first = lstm.forward(small).slice();
    lstm.forward(big);
    expect(Array.from(lstm.forward(small))).toEqual(Array.from(first));
    const fresh = createLstm({ inputSize: 2, hiddenSize: 3, rng: testRng(6), maxT: 7, maxB: 4 });
    expect(Array.from(fresh.forward(big))).toEqual(Array.from(lstm.forward(big)));
  });

  it('names the mismatch when a batch or a state has the wrong size', () => {
    const lstm = createLstm({ inputSize: 2, hiddenSize: 3, init: 'zeros' });
    expect(() => lstm.forward({ T: 1, B: 1, I: 3, x: new Float64Array(3) })).toThrow(/I=3.*expects 2/);
    expect(() => lstm.forward({ T: 2, B: 1, I: 2, x: new Float64Array(3) })).toThrow(/length 3, expected T·B·I = 4/);
    expect(() => lstm.forward({ T: 0, B: 1, I: 2, x: new Float64Array(0) })).toThrow(/positive integers/);
    expect(() => lstm.forward({ T: 1, B: 1, I: 2, x: new Float64Array(2) }, new Float64Array(2))).toThrow(/h0/);
    expect(() => lstm.forward({ T: 1, B: 1, I: 2, x: new Float64Array(2) }, undefined, new Float64Array(4))).toThrow(
      /c0 has length 4/,
    );
    expect(() => lstm.trace()).toThrow(/forward first/);
  });
});

describe('lstm.backward', () => {
  it('computes the one-step gradients by hand (defaults, only W_ig = 1, x = 1, L = h)', () => {
    // Forward as above: i = f = o = 0.5, g = tanh(1), c = 0.5·g, φ = tanh(c) = 0.3633994843890525.
    // ∂o = φ; ∂c = o·(1 − φ²); ∂i = ∂c·g, ∂f = ∂c·c_prev = 0, ∂g = ∂c·i.
    // Pre-activations: ∂z_i = ∂i·σ′(0) = ∂i/4 = 0.08262733152823303, ∂z_f = 0,
    // ∂z_g = ∂g·(1 − g²) = 0.09112821805819912, ∂z_o = φ/4 = 0.09084987109726313 (Python, float64).
    // With x = 1 these are ∂W_ih; both biases get the same; ∂x = W_ig·∂z_g.
    const lstm = createLstm({ inputSize: 1, hiddenSize: 1, init: 'zeros' });
    lstm.weightIh.w[2] = 1;
    lstm.forward({ T: 1, B: 1, I: 1, x: Float64Array.of(1) });
    const g = lstm.backward(Float64Array.of(1));
    const expected = [0.08262733152823303, 0, 0.09112821805819912, 0.09084987109726313];
    for (const p of [lstm.weightIh, lstm.biasIh, lstm.biasHh]) {
      for (let q = 0; q < 4; q++) expect(p.dw[q]).toBeCloseTo(expected[q]!, 15);
    }
    expect(Array.from(lstm.weightHh.dw)).toEqual([0, 0, 0, 0]); // h0 = 0
    expect(g.dx[0]).toBeCloseTo(0.09112821805819912, 15);
    // ∂c0 = ∂c·f = 0.5·0.5·(1 − φ²); ∂h0 = W_hhᵀ·∂z = 0.
    expect(g.dc0[0]).toBeCloseTo(0.25 * (1 - 0.3633994843890525 ** 2), 15);
    expect(g.dh0[0]).toBe(0);
  });

  it('computes the two-step identity-activation gradients by hand', () => {
    // From the forward case above: h_1 = o_1·c_1 with o_1 = x_1/2, c_1 = (x_1/2)(x_0²/2) + (x_1/2)(x_1 + x_0³/4),
    // so ∂h_1/∂x_0 = (x_1/2)·(x_1 x_0/2 + 3 x_1 x_0²/8) = 1·(1 + 0.75) = 1.75 and
    // ∂h_1/∂x_1 = c_1/2 + (x_1/2)(x_0²/4 + x_1 + x_0³/8) = 1.375 + 2.375 = 3.75 (at x = (1, 2)).
    const id = Activations.identity;
    const lstm = createLstm({
      inputSize: 1,
      hiddenSize: 1,
      init: 'zeros',
      activations: { gate: id, candidate: id, cellOutput: id },
    });
    lstm.weightIh.w.set([0.5, 0.5, 1, 0.5]);
    lstm.weightHh.w.set([0, 0, 1, 0]);
    lstm.forward({ T: 2, B: 1, I: 1, x: Float64Array.of(1, 2) });
    const g = lstm.backward(Float64Array.of(0, 1));
    expect(Array.from(g.dx)).toEqual([1.75, 3.75]);
  });

  it('accumulates into dw across calls and leaves dw alone with paramGrads: false', () => {
    const lstm = createLstm({ inputSize: 2, hiddenSize: 3, rng: testRng(1) });
    const rng = testRng(2);
    lstm.forward(randomBatch(rng, 3, 2, 2));
    const dhs = uniformArray(rng, 18);
    lstm.backward(dhs);
    const once = lstm.params.map((p) => Array.from(p.dw));
    lstm.backward(dhs);
    // Twice the gradient, up to the rounding of adding the partial sums onto a non-zero dw.
    lstm.params.forEach((p, n) => p.dw.forEach((v, k) => expect(v).toBeCloseTo(2 * once[n]![k]!, 14)));
    const twice = lstm.params.map((p) => Array.from(p.dw));
    const g = lstm.backward(dhs, { paramGrads: false });
    expect(lstm.params.map((p) => Array.from(p.dw))).toEqual(twice);
    expect(g.dx.length).toBe(0);
    expect(g.dh0.length).toBe(6);
  });

  it('reports ‖∂L/∂h_t‖ and ‖∂L/∂c_t‖ per step', () => {
    // L = h_{T−1} summed: at the last step ∂L/∂h = 1 for every unit, so hNorm[T−1] = √(B·H).
    const lstm = createLstm({ inputSize: 2, hiddenSize: 3, rng: testRng(4) });
    lstm.forward(randomBatch(testRng(5), 4, 2, 2));
    const dhs = new Float64Array(24);
    dhs.fill(1, 18);
    const { flow } = lstm.backward(dhs);
    expect(flow.hNorm.length).toBe(4);
    expect(flow.cNorm.length).toBe(4);
    expect(flow.hNorm[3]).toBeCloseTo(Math.sqrt(6), 14);
    // ∂L/∂c_{T−1} = ∂L/∂h_{T−1} ⊙ o ⊙ tanh′(c): check its norm against the trace.
    const tr = lstm.trace();
    let s = 0;
    for (let k = 18; k < 24; k++) s += (tr.o[k]! * (1 - tr.phiC[k]! ** 2)) ** 2;
    expect(flow.cNorm[3]).toBeCloseTo(Math.sqrt(s), 14);
    expect(Array.from(flow.scaleLog2)).toEqual([0, 0, 0, 0]);
  });

  it('gives the cifg input-gate rows zero gradient and no influence', () => {
    const rng = testRng(8);
    const lstm = createLstm({ inputSize: 2, hiddenSize: 3, rng: testRng(7), cifg: true });
    const batch = randomBatch(rng, 3, 2, 2);
    const h = lstm.forward(batch).slice();
    const tr = lstm.trace();
    tr.f.forEach((f, k) => expect(tr.i[k]).toBe(1 - f));
    lstm.backward(uniformArray(rng, 18));
    for (const p of lstm.params) {
      const rowLen = p.shape.length === 2 ? p.shape[1]! : 1;
      for (let k = 0; k < 3 * rowLen; k++) expect(p.dw[k]).toBe(0);
      // …and changing those rows changes nothing.
      for (let k = 0; k < 3 * rowLen; k++) p.w[k] = 123;
    }
    expect(Array.from(lstm.forward(batch))).toEqual(Array.from(h));
  });

  it('throws before forward and on a dhs of the wrong length', () => {
    const lstm = createLstm({ inputSize: 1, hiddenSize: 2, init: 'zeros' });
    expect(() => lstm.backward(new Float64Array(2))).toThrow(/forward first/);
    lstm.forward({ T: 2, B: 1, I: 1, x: new Float64Array(2) });
    expect(() => lstm.backward(new Float64Array(3))).toThrow(/T·B·H = 4/);
    expect(() => lstm.backward(new Float64Array(4), { dcLast: new Float64Array(1) })).toThrow(/dcLast/);
    expect(() => lstm.backward(Float64Array.of(1, 0, 0, 0), { rescale: true })).toThrow(/rescale/);
  });
});

describe('lstm properties', () => {
  const arbCase = fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    scale: fc.double({ min: 0, max: 2, noNaN: true }),
    T: fc.integer({ min: 1, max: 6 }),
    B: fc.integer({ min: 1, max: 3 }),
    H: fc.integer({ min: 1, max: 5 }),
  });

  it('keeps σ gates strictly inside (0, 1) while |pre-activation| < 30', () => {
    // With |w| ≤ 2, |x| ≤ 2, |h| ≤ 1, I = 2, H ≤ 5: |z| ≤ 2·2·2 + 2·5 + 2·2 = 22 < 30, and σ(±30) is 1 − 9e-14
    // resp. 9e-14 in float64, so the open interval is exact here (σ(z) rounds to 1 only for z > 36.7).
    fc.assert(
      fc.property(arbCase, ({ seed, scale, T, B, H }) => {
        const rng = testRng(seed);
        const lstm = createLstm({ inputSize: 2, hiddenSize: H, init: 'zeros' });
        for (const p of lstm.params) p.w.set(uniformArray(rng, p.w.length, -scale, scale));
        lstm.forward({ T, B, I: 2, x: uniformArray(rng, T * B * 2, -2, 2) });
        const tr = lstm.trace();
        for (const g of [tr.i, tr.f, tr.o]) for (const v of g) if (!(v > 0 && v < 1)) return false;
        return true;
      }),
    );
  });

  it('keeps |h| ≤ 1 for the default LSTM, whatever the weights and inputs', () => {
    fc.assert(
      fc.property(arbCase, fc.double({ min: 0, max: 1e6, noNaN: true }), ({ seed, T, B, H }, big) => {
        const rng = testRng(seed);
        const lstm = createLstm({ inputSize: 2, hiddenSize: H, init: 'zeros' });
        for (const p of lstm.params) p.w.set(uniformArray(rng, p.w.length, -big, big));
        const h = lstm.forward({ T, B, I: 2, x: uniformArray(rng, T * B * 2, -big, big) });
        return h.every((v) => Math.abs(v) <= 1);
      }),
    );
  });

  it('is deterministic: the same inputs give bit-identical outputs and gradients', () => {
    fc.assert(
      fc.property(arbCase, ({ seed, T, B, H }) => {
        const run = (): number[] => {
          const rng = testRng(seed);
          const lstm = createLstm({ inputSize: 2, hiddenSize: H, rng, forgetBias: 1 });
          const batch = randomBatch(rng, T, B, 2);
          const h = Array.from(lstm.forward(batch, uniformArray(rng, B * H), uniformArray(rng, B * H)));
          const g = lstm.backward(uniformArray(rng, T * B * H));
          return [...h, ...lstm.params.flatMap((p) => Array.from(p.dw)), ...g.dx, ...g.dh0, ...g.dc0];
        };
        const a = run();
        const b = run();
        return a.length === b.length && a.every((v, k) => Object.is(v, b[k]));
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Golden comparison: a naive reference written straight from the PyTorch nn.LSTM documentation, differentiated by
// forward-mode dual numbers (one pass per input direction). It shares no code with the library.
// ---------------------------------------------------------------------------------------------------------------

/**
 * torch.nn.LSTM, one layer, from the documentation: for each t
 *   i = σ(W_ii x + b_ii + W_hi h + b_hi), f = σ(W_if x + b_if + W_hf h + b_hf),
 *   g = tanh(W_ig x + b_ig + W_hg h + b_hg), o = σ(W_io x + b_io + W_ho h + b_ho),
 *   c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c'),
 * with weight_ih_l0 = [W_ii | W_if | W_ig | W_io] stacked by rows (same for hh and the biases).
 * `p` maps names to flat row-major values. Returns L = Σ w ⊙ h_t + Σ u ⊙ c_{T−1} and all h_t.
 */
function referenceLstm(
  p: Record<string, Dual[]>,
  T: number,
  B: number,
  I: number,
  H: number,
  w: Float64Array,
  u: Float64Array,
): { loss: Dual; hs: number[] } {
  const Wih = p['weight_ih_l0']!,
    Whh = p['weight_hh_l0']!,
    bih = p['bias_ih_l0']!,
    bhh = p['bias_hh_l0']!;
  const x = p['x']!,
    h0 = p['h0']!,
    c0 = p['c0']!;
  let loss = dual(0);
  const hs: number[] = [];
  for (let b = 0; b < B; b++) {
    let h = h0.slice(b * H, (b + 1) * H);
    let c = c0.slice(b * H, (b + 1) * H);
    for (let t = 0; t < T; t++) {
      const xt = x.slice((t * B + b) * I, (t * B + b + 1) * I);
      const pre = (gate: number, j: number): Dual => {
        const row = gate * H + j;
        let z = add(bih[row]!, bhh[row]!);
        for (let k = 0; k < I; k++) z = add(z, mul(Wih[row * I + k]!, xt[k]!));
        for (let k = 0; k < H; k++) z = add(z, mul(Whh[row * H + k]!, h[k]!));
        return z;
      };
      const hNew: Dual[] = [];
      const cNew: Dual[] = [];
      for (let j = 0; j < H; j++) {
        const i = sigmoid(pre(0, j));
        const f = sigmoid(pre(1, j));
        const g = tanh(pre(2, j));
        const o = sigmoid(pre(3, j));
        cNew.push(add(mul(f, c[j]!), mul(i, g)));
        hNew.push(mul(o, tanh(cNew[j]!)));
      }
      h = hNew;
      c = cNew;
      for (let j = 0; j < H; j++) {
        hs[(t * B + b) * H + j] = h[j]!.v;
        loss = add(loss, mul(dual(w[(t * B + b) * H + j]!), h[j]!));
      }
    }
    for (let j = 0; j < H; j++) loss = add(loss, mul(dual(u[b * H + j]!), c[j]!));
  }
  return { loss, hs };
}

describe('lstm matches a naive PyTorch-semantics reference', () => {
  it('in forward outputs and in every gradient, to 1e-12', () => {
    const [T, B, I, H] = [3, 2, 2, 3];
    const rng = testRng(2024);
    const lstm = createLstm({ inputSize: I, hiddenSize: H, rng, forgetBias: 1 });
    const x = uniformArray(rng, T * B * I, -2, 2);
    const h0 = uniformArray(rng, B * H);
    const c0 = uniformArray(rng, B * H);
    const w = uniformArray(rng, T * B * H);
    const u = uniformArray(rng, B * H);
    const hs = lstm.forward({ T, B, I, x }, h0, c0);
    const grads = lstm.backward(w, { dcLast: u });

    const values: Record<string, Float64Array> = { x, h0, c0 };
    for (const p of lstm.params) values[p.name] = p.w;
    const ours: Record<string, Float64Array> = { x: grads.dx, h0: grads.dh0, c0: grads.dc0 };
    for (const p of lstm.params) ours[p.name] = p.dw;

    const names = Object.keys(values);
    const run = (seedName: string, seedIndex: number): ReturnType<typeof referenceLstm> => {
      const p: Record<string, Dual[]> = {};
      for (const n of names) p[n] = Array.from(values[n]!, (v, k) => dual(v, n === seedName && k === seedIndex ? 1 : 0));
      return referenceLstm(p, T, B, I, H, w, u);
    };
    const plain = run('', -1);
    plain.hs.forEach((v, k) => expect(Math.abs(hs[k]! - v)).toBeLessThanOrEqual(1e-12));
    let compared = 0;
    for (const n of names) {
      for (let k = 0; k < values[n]!.length; k++) {
        const ref = run(n, k).loss.d;
        expect(Math.abs(ours[n]![k]! - ref), `${n}[${k}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(ref)));
        compared++;
      }
    }
    expect(compared).toBe(4 * H * (I + H + 2) + T * B * I + 2 * B * H);
  });
});
