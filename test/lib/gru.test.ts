import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activations } from '../../src/lib/nn/activations.ts';
import { createGru } from '../../src/lib/nn/gru.ts';
import { DEFAULT_INIT_SEED } from '../../src/lib/nn/params.ts';
import { createRng } from '../../src/lib/nn/rng.ts';
import { add, dual, mul, randomBatch, sigmoid, sub, tanh, testRng, uniformArray, type Dual } from './gradcheck-helper.ts';

describe('createGru', () => {
  it('has the expected defaults', () => {
    const gru = createGru({ inputSize: 3, hiddenSize: 5 });
    expect(gru.kind).toBe('gru');
    expect([gru.inputSize, gru.hiddenSize]).toEqual([3, 5]);
    expect(gru.activations.gate).toBe(Activations.sigmoid);
    expect(gru.activations.candidate).toBe(Activations.tanh);
    expect(gru.params.map((p) => [p.name, [...p.shape]])).toEqual([
      ['weight_ih_l0', [15, 3]],
      ['weight_hh_l0', [15, 5]],
      ['bias_ih_l0', [15]],
      ['bias_hh_l0', [15]],
    ]);
    expect(gru.params).toEqual([gru.weightIh, gru.weightHh, gru.biasIh, gru.biasHh]);
    // No rng: PyTorch's default initialisation drawn from the default seed, as with createRng(DEFAULT_INIT_SEED).
    const seeded = createGru({ inputSize: 3, hiddenSize: 5, rng: createRng(DEFAULT_INIT_SEED) });
    gru.params.forEach((p, k) => {
      expect(Array.from(p.w)).toEqual(Array.from(seeded.params[k]!.w));
      expect(p.w.some((v) => v !== 0)).toBe(true);
    });
    const zeros = createGru({ inputSize: 3, hiddenSize: 5, init: 'zeros' });
    for (const p of zeros.params) expect(p.w.every((v) => v === 0)).toBe(true);
  });

  it('draws every param from U(−1/√H, 1/√H) when given an rng', () => {
    const gru = createGru({ inputSize: 2, hiddenSize: 4, rng: testRng(1) });
    for (const p of gru.params) {
      expect(Math.max(...Array.from(p.w, Math.abs))).toBeLessThanOrEqual(0.5);
      expect(p.w.some((v) => v !== 0)).toBe(true);
    }
  });
});

describe('gru.forward and gru.backward', () => {
  it('compute a one-step cell by hand (defaults, W_in = 1, b_hn = 2, x = 1, h0 = 0.5)', () => {
    // r = z = σ(0) = 0.5; n = tanh(W_in x + b_in + r·(W_hn h0 + b_hn)) = tanh(1 + 0.5·2) = tanh(2) = 0.9640275800758169;
    // h = (1 − z)·n + z·h0 = 0.5·n + 0.25 = 0.7320137900379085 (Python float64).
    const gru = createGru({ inputSize: 1, hiddenSize: 1, init: 'zeros' });
    gru.weightIh.w[2] = 1;
    gru.biasHh.w[2] = 2;
    const h = gru.forward({ T: 1, B: 1, I: 1, x: Float64Array.of(1) }, Float64Array.of(0.5));
    expect(h[0]).toBeCloseTo(0.7320137900379085, 15);
    expect(gru.trace().n[0]).toBeCloseTo(0.9640275800758169, 15);
    // L = h. ∂n = 1 − z = 0.5, ∂z = h0 − n, ∂a_n = ∂n·(1 − n²) = 0.035325412426582214,
    // ∂r = ∂a_n·(W_hn h0 + b_hn) = 2·∂a_n, ∂a_r = ∂r/4 = 0.017662706213291107, ∂a_z = ∂z/4 = −0.11600689501895423.
    const g = gru.backward(Float64Array.of(1));
    const [dar, daz, dan] = [0.017662706213291107, -0.11600689501895423, 0.035325412426582214];
    const close = (a: Float64Array, b: number[]): void => b.forEach((v, k) => expect(a[k]).toBeCloseTo(v, 15));
    close(gru.weightIh.dw, [dar, daz, dan]); // x = 1
    close(gru.biasIh.dw, [dar, daz, dan]);
    close(gru.biasHh.dw, [dar, daz, dan * 0.5]); // the n part of b_hh is scaled by r
    close(gru.weightHh.dw, [dar * 0.5, daz * 0.5, dan * 0.5 * 0.5]); // times h0 = 0.5
    close(g.dx, [dan]); // only W_in is non-zero
    close(g.dh0, [0.5]); // the direct path z·h0; W_hh = 0
    expect(g.dc0.length).toBe(0);
    expect(g.flow.cNorm.length).toBe(0);
  });

  it('run a two-step cell with identity activations to exact dyadic numbers', () => {
    // gate = candidate = identity, W_ih = [0.5, 0.25, 1]ᵀ (r, z, n), W_hh = [0, 0, 1]ᵀ, no bias, x = (1, 2), h0 = 0:
    //   t = 0: r = 0.5, z = 0.25, n = 1 + 0.5·0 = 1,       h = 0.75·1 + 0.25·0 = 0.75
    //   t = 1: r = 1,   z = 0.5,  n = 2 + 1·0.75 = 2.75,   h = 0.5·2.75 + 0.5·0.75 = 1.75
    // With L = h_1: h_0 = x0 − x0²/4, so ∂h_0/∂x0 = 1 − x0/2 = 0.5, and ∂h_1/∂h_0 = (1 − x1/4)(x1/2) + x1/4 = 1,
    // giving ∂L/∂x0 = 0.5; ∂L/∂x1 = −n_1/4 + (1 − z_1)(1 + h_0/2) + h_0/4 = −0.6875 + 0.6875 + 0.1875 = 0.1875.
    const id = Activations.identity;
    const gru = createGru({ inputSize: 1, hiddenSize: 1, init: 'zeros', activations: { gate: id, candidate: id } });
    gru.weightIh.w.set([0.5, 0.25, 1]);
    gru.weightHh.w.set([0, 0, 1]);
    const h = gru.forward({ T: 2, B: 1, I: 1, x: Float64Array.of(1, 2) });
    expect(Array.from(h)).toEqual([0.75, 1.75]);
    expect(Array.from(gru.backward(Float64Array.of(0, 1)).dx)).toEqual([0.5, 0.1875]);
  });

  it('names the mismatch when a batch, a state or dhs has the wrong size', () => {
    const gru = createGru({ inputSize: 2, hiddenSize: 3, init: 'zeros' });
    expect(() => gru.backward(new Float64Array(3))).toThrow(/forward first/);
    expect(() => gru.forward({ T: 1, B: 1, I: 1, x: new Float64Array(1) })).toThrow(/I=1/);
    expect(() => gru.forward({ T: 1, B: 1, I: 2, x: new Float64Array(2) }, new Float64Array(2))).toThrow(/h0/);
    gru.forward({ T: 1, B: 1, I: 2, x: new Float64Array(2) });
    expect(() => gru.backward(new Float64Array(2))).toThrow(/T·B·H = 3/);
  });
});

describe('gru properties', () => {
  const arbCase = fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    big: fc.double({ min: 0, max: 1e3, noNaN: true }),
    T: fc.integer({ min: 1, max: 6 }),
    B: fc.integer({ min: 1, max: 3 }),
    H: fc.integer({ min: 1, max: 5 }),
  });

  it('keeps |h| ≤ 1 with σ gates, a tanh candidate and |h0| ≤ 1 (h is a convex mix of n and h_{t−1})', () => {
    fc.assert(
      fc.property(arbCase, ({ seed, big, T, B, H }) => {
        const rng = testRng(seed);
        const gru = createGru({ inputSize: 2, hiddenSize: H, init: 'zeros' });
        for (const p of gru.params) p.w.set(uniformArray(rng, p.w.length, -big, big));
        const h = gru.forward({ T, B, I: 2, x: uniformArray(rng, T * B * 2, -big, big) }, uniformArray(rng, B * H));
        return h.every((v) => Math.abs(v) <= 1);
      }),
    );
  });

  it('is deterministic: the same inputs give bit-identical outputs and gradients', () => {
    fc.assert(
      fc.property(arbCase, ({ seed, T, B, H }) => {
        const run = (): number[] => {
          const rng = testRng(seed);
          const gru = createGru({ inputSize: 2, hiddenSize: H, rng });
          const h = Array.from(gru.forward(randomBatch(rng, T, B, 2), uniformArray(rng, B * H)));
          const g = gru.backward(uniformArray(rng, T * B * H));
          return [...h, ...gru.params.flatMap((p) => Array.from(p.dw)), ...g.dx, ...g.dh0];
        };
        const a = run();
        const b = run();
        return a.every((v, k) => Object.is(v, b[k]));
      }),
    );
  });
});

/**
 * torch.nn.GRU, one layer, from the documentation:
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
 *   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h,
 * with weight_ih_l0 = [W_ir | W_iz | W_in] stacked by rows (same for hh and the biases). L = Σ w ⊙ h_t.
 */
function referenceGru(p: Record<string, Dual[]>, T: number, B: number, I: number, H: number, w: Float64Array) {
  const Wih = p['weight_ih_l0']!,
    Whh = p['weight_hh_l0']!,
    bih = p['bias_ih_l0']!,
    bhh = p['bias_hh_l0']!;
  const x = p['x']!,
    h0 = p['h0']!;
  let loss = dual(0);
  const hs: number[] = [];
  for (let b = 0; b < B; b++) {
    let h = h0.slice(b * H, (b + 1) * H);
    for (let t = 0; t < T; t++) {
      const xt = x.slice((t * B + b) * I, (t * B + b + 1) * I);
      const inPart = (row: number): Dual => {
        let s = bih[row]!;
        for (let k = 0; k < I; k++) s = add(s, mul(Wih[row * I + k]!, xt[k]!));
        return s;
      };
      const hidPart = (row: number): Dual => {
        let s = bhh[row]!;
        for (let k = 0; k < H; k++) s = add(s, mul(Whh[row * H + k]!, h[k]!));
        return s;
      };
      const hNew: Dual[] = [];
      for (let j = 0; j < H; j++) {
        const r = sigmoid(add(inPart(j), hidPart(j)));
        const z = sigmoid(add(inPart(H + j), hidPart(H + j)));
        const n = tanh(add(inPart(2 * H + j), mul(r, hidPart(2 * H + j))));
        hNew.push(add(mul(sub(dual(1), z), n), mul(z, h[j]!)));
      }
      h = hNew;
      for (let j = 0; j < H; j++) {
        hs[(t * B + b) * H + j] = h[j]!.v;
        loss = add(loss, mul(dual(w[(t * B + b) * H + j]!), h[j]!));
      }
    }
  }
  return { loss, hs };
}

describe('gru matches a naive PyTorch-semantics reference', () => {
  it('in forward outputs and in every gradient, to 1e-12', () => {
    const [T, B, I, H] = [3, 2, 2, 3];
    const rng = testRng(77);
    const gru = createGru({ inputSize: I, hiddenSize: H, rng });
    const x = uniformArray(rng, T * B * I, -2, 2);
    const h0 = uniformArray(rng, B * H);
    const w = uniformArray(rng, T * B * H);
    const hs = gru.forward({ T, B, I, x }, h0);
    const grads = gru.backward(w);
    const values: Record<string, Float64Array> = { x, h0 };
    const ours: Record<string, Float64Array> = { x: grads.dx, h0: grads.dh0 };
    for (const p of gru.params) {
      values[p.name] = p.w;
      ours[p.name] = p.dw;
    }
    const run = (seedName: string, seedIndex: number) => {
      const p: Record<string, Dual[]> = {};
      for (const n of Object.keys(values)) {
        p[n] = Array.from(values[n]!, (v, k) => dual(v, n === seedName && k === seedIndex ? 1 : 0));
      }
      return referenceGru(p, T, B, I, H, w);
    };
    run('', -1).hs.forEach((v, k) => expect(Math.abs(hs[k]! - v)).toBeLessThanOrEqual(1e-12));
    let compared = 0;
    for (const n of Object.keys(values)) {
      for (let k = 0; k < values[n]!.length; k++) {
        const ref = run(n, k).loss.d;
        expect(Math.abs(ours[n]![k]! - ref), `${n}[${k}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(ref)));
        compared++;
      }
    }
    expect(compared).toBe(3 * H * (I + H + 2) + T * B * I + B * H);
  });
});
