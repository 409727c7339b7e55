import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Activations } from '../../src/lib/nn/activations.ts';
import { createRnn } from '../../src/lib/nn/rnn.ts';
import { DEFAULT_INIT_SEED } from '../../src/lib/nn/params.ts';
import { createRng } from '../../src/lib/nn/rng.ts';
import { add, dual, mul, randomBatch, relu, tanh, testRng, uniformArray, type Dual } from './gradcheck-helper.ts';

describe('createRnn', () => {
  it('has the expected defaults', () => {
    const rnn = createRnn({ inputSize: 3, hiddenSize: 5 });
    expect(rnn.kind).toBe('rnn');
    expect([rnn.inputSize, rnn.hiddenSize]).toEqual([3, 5]);
    expect(rnn.activation).toBe(Activations.tanh);
    expect(rnn.params.map((p) => [p.name, [...p.shape]])).toEqual([
      ['weight_ih_l0', [5, 3]],
      ['weight_hh_l0', [5, 5]],
      ['bias_ih_l0', [5]],
      ['bias_hh_l0', [5]],
    ]);
    expect(rnn.params).toEqual([rnn.weightIh, rnn.weightHh, rnn.biasIh, rnn.biasHh]);
    // No rng: PyTorch's default initialisation drawn from the default seed, as with createRng(DEFAULT_INIT_SEED).
    const seeded = createRnn({ inputSize: 3, hiddenSize: 5, rng: createRng(DEFAULT_INIT_SEED) });
    rnn.params.forEach((p, k) => {
      expect(Array.from(p.w)).toEqual(Array.from(seeded.params[k]!.w));
      expect(p.w.some((v) => v !== 0)).toBe(true);
    });
    const zeros = createRnn({ inputSize: 3, hiddenSize: 5, init: 'zeros' });
    for (const p of zeros.params) expect(p.w.every((v) => v === 0)).toBe(true);
  });

  it('initialises an IRNN: W_hh = I, zero biases, W_ih ~ N(0, 0.001²)', () => {
    const rnn = createRnn({ inputSize: 40, hiddenSize: 50, activation: Activations.relu, identityInit: true, rng: testRng(3) });
    for (let r = 0; r < 50; r++) for (let c = 0; c < 50; c++) expect(rnn.weightHh.w[r * 50 + c]).toBe(r === c ? 1 : 0);
    expect(rnn.biasIh.w.every((v) => v === 0) && rnn.biasHh.w.every((v) => v === 0)).toBe(true);
    const w = rnn.weightIh.w;
    const mean = w.reduce((s, v) => s + v, 0) / w.length;
    const sd = Math.sqrt(w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length);
    expect(sd).toBeGreaterThan(0.0009); // 2000 draws: the sample sd is within ±5% of 0.001 with near certainty
    expect(sd).toBeLessThan(0.0011);
    expect(Math.abs(mean)).toBeLessThan(1e-4);
  });

  it('scales the identity and the input weights as asked, and keeps W_ih = 0 with init: zeros', () => {
    const rnn = createRnn({
      inputSize: 2,
      hiddenSize: 2,
      init: 'zeros',
      identityInit: true,
      identityScale: 0.5,
      inputInitStd: 0.1,
    });
    expect(Array.from(rnn.weightHh.w)).toEqual([0.5, 0, 0, 0.5]);
    expect(Array.from(rnn.weightIh.w)).toEqual([0, 0, 0, 0]);
  });
});

describe('rnn.forward and rnn.backward', () => {
  it('compute a two-step tanh cell by hand', () => {
    // W_ih = 1, W_hh = 0.5, b_ih = 0.25, b_hh = −0.25 (the biases cancel), x = (1, 2), h0 = 0:
    // h_0 = tanh(1) = 0.7615941559557649, h_1 = tanh(2 + 0.5·h_0) = 0.9830411011980433 (Python float64).
    const rnn = createRnn({ inputSize: 1, hiddenSize: 1, init: 'zeros' });
    rnn.weightIh.w[0] = 1;
    rnn.weightHh.w[0] = 0.5;
    rnn.biasIh.w[0] = 0.25;
    rnn.biasHh.w[0] = -0.25;
    const h = rnn.forward({ T: 2, B: 1, I: 1, x: Float64Array.of(1, 2) });
    expect(h[0]).toBeCloseTo(0.7615941559557649, 15);
    expect(h[1]).toBeCloseTo(0.9830411011980433, 15);
  });

  it('compute a two-step identity cell and its gradients to exact numbers', () => {
    // φ = identity, W_ih = 1, W_hh = 0.5, no bias, x = (1, 2): h_0 = 1, h_1 = 2 + 0.5·1 = 2.5. With L = h_1:
    // ∂L/∂x = (W_hh, 1) = (0.5, 1), ∂L/∂W_hh = h_0 = 1, ∂L/∂W_ih = x_1 + W_hh·x_0 = 2.5,
    // ∂L/∂b = 1 + W_hh = 1.5 for both biases, ∂L/∂h0 = W_hh² = 0.25.
    const rnn = createRnn({ inputSize: 1, hiddenSize: 1, init: 'zeros', activation: Activations.identity });
    rnn.weightIh.w[0] = 1;
    rnn.weightHh.w[0] = 0.5;
    expect(Array.from(rnn.forward({ T: 2, B: 1, I: 1, x: Float64Array.of(1, 2) }))).toEqual([1, 2.5]);
    const g = rnn.backward(Float64Array.of(0, 1));
    expect(Array.from(g.dx)).toEqual([0.5, 1]);
    expect(rnn.params.map((p) => p.dw[0])).toEqual([2.5, 1, 1.5, 1.5]);
    expect(Array.from(g.dh0)).toEqual([0.25]);
    expect(Array.from(g.flow.hNorm)).toEqual([0.5, 1]);
  });

  it('lets ReLU pass only positive pre-activations, in both directions', () => {
    const rnn = createRnn({ inputSize: 1, hiddenSize: 2, init: 'zeros', activation: Activations.relu });
    rnn.weightIh.w.set([1, -1]);
    const h = rnn.forward({ T: 1, B: 1, I: 1, x: Float64Array.of(3) });
    expect(Array.from(h)).toEqual([3, 0]);
    rnn.backward(Float64Array.of(1, 1));
    expect(Array.from(rnn.weightIh.dw)).toEqual([3, 0]);
  });

  it('names the mismatch when a batch, a state or dhs has the wrong size', () => {
    const rnn = createRnn({ inputSize: 2, hiddenSize: 3, init: 'zeros' });
    expect(() => rnn.trace()).toThrow(/forward first/);
    expect(() => rnn.forward({ T: 1, B: 2, I: 2, x: new Float64Array(2) })).toThrow(/expected T·B·I = 4/);
    rnn.forward({ T: 1, B: 1, I: 2, x: new Float64Array(2) });
    expect(() => rnn.backward(new Float64Array(1))).toThrow(/T·B·H = 3/);
  });
});

describe('rnn properties', () => {
  it('is deterministic: the same inputs give bit-identical outputs and gradients', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        (seed, T, B, H) => {
          const run = (): number[] => {
            const rng = testRng(seed);
            const rnn = createRnn({ inputSize: 2, hiddenSize: H, rng });
            const h = Array.from(rnn.forward(randomBatch(rng, T, B, 2), uniformArray(rng, B * H)));
            const g = rnn.backward(uniformArray(rng, T * B * H));
            return [...h, ...rnn.params.flatMap((p) => Array.from(p.dw)), ...g.dx, ...g.dh0];
          };
          const a = run();
          const b = run();
          return a.every((v, k) => Object.is(v, b[k]));
        },
      ),
    );
  });
});

/**
 * torch.nn.RNN, one layer, from the documentation: h' = φ(W_ih x + b_ih + W_hh h + b_hh) with
 * nonlinearity 'tanh' or 'relu'. L = Σ w ⊙ h_t.
 */
function referenceRnn(
  p: Record<string, Dual[]>,
  phi: (a: Dual) => Dual,
  T: number,
  B: number,
  I: number,
  H: number,
  w: Float64Array,
) {
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
      const hNew: Dual[] = [];
      for (let j = 0; j < H; j++) {
        let z = add(bih[j]!, bhh[j]!);
        for (let k = 0; k < I; k++) z = add(z, mul(Wih[j * I + k]!, x[(t * B + b) * I + k]!));
        for (let k = 0; k < H; k++) z = add(z, mul(Whh[j * H + k]!, h[k]!));
        hNew.push(phi(z));
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

describe('rnn matches a naive PyTorch-semantics reference', () => {
  for (const [name, act, phi] of [
    ['tanh', Activations.tanh, tanh],
    ['relu', Activations.relu, relu],
  ] as const) {
    it(`with nonlinearity ${name}, in forward outputs and in every gradient, to 1e-12`, () => {
      const [T, B, I, H] = [4, 2, 2, 3];
      const rng = testRng(99);
      const rnn = createRnn({ inputSize: I, hiddenSize: H, rng, activation: act });
      const x = uniformArray(rng, T * B * I, -2, 2);
      const h0 = uniformArray(rng, B * H);
      const w = uniformArray(rng, T * B * H);
      const hs = rnn.forward({ T, B, I, x }, h0);
      const grads = rnn.backward(w);
      const values: Record<string, Float64Array> = { x, h0 };
      const ours: Record<string, Float64Array> = { x: grads.dx, h0: grads.dh0 };
      for (const p of rnn.params) {
        values[p.name] = p.w;
        ours[p.name] = p.dw;
      }
      const run = (seedName: string, seedIndex: number) => {
        const p: Record<string, Dual[]> = {};
        for (const n of Object.keys(values)) {
          p[n] = Array.from(values[n]!, (v, k) => dual(v, n === seedName && k === seedIndex ? 1 : 0));
        }
        return referenceRnn(p, phi, T, B, I, H, w);
      };
      run('', -1).hs.forEach((v, k) => expect(Math.abs(hs[k]! - v)).toBeLessThanOrEqual(1e-12));
      for (const n of Object.keys(values)) {
        for (let k = 0; k < values[n]!.length; k++) {
          const ref = run(n, k).loss.d;
          expect(Math.abs(ours[n]![k]! - ref), `${n}[${k}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(ref)));
        }
      }
      // ReLU must have some inactive units here, or the comparison would not cover its flat part.
      if (name === 'relu') expect(hs.some((v) => v === 0) && hs.some((v) => v > 0)).toBe(true);
    });
  }
});
