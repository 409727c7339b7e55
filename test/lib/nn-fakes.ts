/**
 * Test doubles for the training-side tests, independent of rng.ts and the cell implementations:
 * a seeded Rng (mulberry32 + Box–Muller) and a small Elman tanh RNN with exact BPTT.
 */
import type { LayerGradients, Param, RecurrentLayer, Rng, SeqBatch } from '../../src/lib/nn/types.ts';

/** mulberry32 (public-domain 32-bit PRNG), with Box–Muller normals. */
export function fakeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    int: (n) => Math.floor(next() * n),
  };
}

/** A param of the given shape, values from `fill` (default zeros). */
export function makeParam(name: string, shape: number[], fill?: (k: number) => number): Param {
  const n = shape.reduce((p, s) => p * s, 1);
  const w = new Float64Array(n);
  if (fill) for (let k = 0; k < n; k++) w[k] = fill(k);
  return { name, shape, w, dw: new Float64Array(n) };
}

/**
 * Elman RNN h_t = act(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh), PyTorch layout, exact BPTT. `act` defaults to tanh;
 * `identity` makes it explode or vanish on demand.
 */
export function fakeRnn(opts: {
  inputSize: number;
  hiddenSize: number;
  rng: Rng;
  act?: 'tanh' | 'identity';
  scale?: number;
}): RecurrentLayer {
  const { inputSize: I, hiddenSize: H, rng } = opts;
  const k = (opts.scale ?? 1) / Math.sqrt(H);
  const wih = makeParam('weight_ih_l0', [H, I], () => rng.uniform(-k, k));
  const whh = makeParam('weight_hh_l0', [H, H], () => rng.uniform(-k, k));
  const bih = makeParam('bias_ih_l0', [H], () => rng.uniform(-k, k));
  const bhh = makeParam('bias_hh_l0', [H], () => rng.uniform(-k, k));
  const tanh = (opts.act ?? 'tanh') === 'tanh';
  let hs = new Float64Array(0);
  let last: SeqBatch | null = null;
  let h0buf = new Float64Array(0);
  return {
    kind: 'rnn',
    inputSize: I,
    hiddenSize: H,
    params: [wih, whh, bih, bhh],
    forward(batch, h0) {
      const { T, B, x } = batch;
      if (hs.length !== T * B * H) hs = new Float64Array(T * B * H);
      h0buf = h0 ? h0.slice() : new Float64Array(B * H);
      for (let t = 0; t < T; t++) {
        for (let b = 0; b < B; b++) {
          for (let j = 0; j < H; j++) {
            let z = bih.w[j]! + bhh.w[j]!;
            for (let i = 0; i < I; i++) z += wih.w[j * I + i]! * x[(t * B + b) * I + i]!;
            for (let m = 0; m < H; m++) {
              const hp = t === 0 ? h0buf[b * H + m]! : hs[((t - 1) * B + b) * H + m]!;
              z += whh.w[j * H + m]! * hp;
            }
            hs[(t * B + b) * H + j] = tanh ? Math.tanh(z) : z;
          }
        }
      }
      last = batch;
      return hs;
    },
    backward(dhs): LayerGradients {
      if (!last) throw new Error('backward before forward');
      const { T, B, x } = last;
      const dx = new Float64Array(T * B * I);
      const dh = new Float64Array(B * H);
      const dz = new Float64Array(B * H);
      const hNorm = new Float64Array(T);
      for (let t = T - 1; t >= 0; t--) {
        let sq = 0;
        for (let e = 0; e < B * H; e++) {
          dh[e]! += dhs[t * B * H + e]!;
          sq += dh[e]! * dh[e]!;
        }
        hNorm[t] = Math.sqrt(sq);
        for (let b = 0; b < B; b++) {
          for (let j = 0; j < H; j++) {
            const h = hs[(t * B + b) * H + j]!;
            dz[b * H + j] = dh[b * H + j]! * (tanh ? 1 - h * h : 1);
          }
        }
        dh.fill(0);
        for (let b = 0; b < B; b++) {
          for (let j = 0; j < H; j++) {
            const g = dz[b * H + j]!;
            bih.dw[j]! += g;
            bhh.dw[j]! += g;
            for (let i = 0; i < I; i++) {
              wih.dw[j * I + i]! += g * x[(t * B + b) * I + i]!;
              dx[(t * B + b) * I + i]! += g * wih.w[j * I + i]!;
            }
            for (let m = 0; m < H; m++) {
              const hp = t === 0 ? h0buf[b * H + m]! : hs[((t - 1) * B + b) * H + m]!;
              whh.dw[j * H + m]! += g * hp;
              dh[b * H + m]! += g * whh.w[j * H + m]!;
            }
          }
        }
      }
      return { dx, dh0: dh, dc0: new Float64Array(0), flow: { hNorm, cNorm: new Float64Array(0) } };
    },
  };
}
