import { describe, expect, it } from 'vitest';
import { argmax, crossEntropyLoss, IGNORE_INDEX, mseLoss } from '../../src/lib/nn/loss.ts';
import { createLinear, createSequenceReadout } from '../../src/lib/nn/readout.ts';
import { fakeRng } from './nn-fakes.ts';

const h = 1e-6;

/** Central finite difference of f with respect to a[k]. */
function fd(f: () => number, a: Float64Array, k: number): number {
  const v = a[k]!;
  a[k] = v + h;
  const up = f();
  a[k] = v - h;
  const down = f();
  a[k] = v;
  return (up - down) / (2 * h);
}

function randomArray(n: number, seed: number, scale = 1): Float64Array {
  const rng = fakeRng(seed);
  return Float64Array.from({ length: n }, () => rng.uniform(-scale, scale));
}

describe('createLinear', () => {
  it('has the expected defaults: PyTorch names and shapes, zero params without an rng, room for one row', () => {
    const lin = createLinear(3, 2);
    expect(lin.inSize).toBe(3);
    expect(lin.outSize).toBe(2);
    expect(lin.params.map((p) => [p.name, p.shape])).toEqual([
      ['weight', [2, 3]],
      ['bias', [2]],
    ]);
    expect([...lin.weight.w, ...lin.bias.w].every((v) => v === 0)).toBe(true);
    expect(Array.from(lin.forward(Float64Array.of(1, 2, 3), 1))).toEqual([0, 0]);
  });

  it('initialises weight and bias in U(−1/√in, 1/√in) like nn.Linear when given an rng', () => {
    const lin = createLinear(16, 8, { rng: fakeRng(1) });
    const all = [...lin.weight.w, ...lin.bias.w];
    expect(Math.max(...all.map(Math.abs))).toBeLessThanOrEqual(0.25);
    expect(Math.max(...all.map(Math.abs))).toBeGreaterThan(0.2);
    expect(new Set(all).size).toBe(all.length);
  });

  it('computes y = x·Wᵀ + b row by row', () => {
    const lin = createLinear(2, 2);
    lin.weight.w.set([1, 2, 3, 4]); // W = [[1, 2], [3, 4]]
    lin.bias.w.set([0.5, -1]);
    const y = lin.forward(Float64Array.of(1, 1, 2, -1), 2);
    expect(Array.from(y)).toEqual([3.5, 6, 0.5, 1]);
  });

  it('backpropagates gradients that match finite differences', () => {
    const lin = createLinear(4, 3, { rng: fakeRng(2), maxRows: 5 });
    const x = randomArray(5 * 4, 3);
    const c = randomArray(5 * 3, 4); // L = Σ c ⊙ y
    const loss = () => {
      const y = lin.forward(x, 5);
      let s = 0;
      for (let k = 0; k < y.length; k++) s += c[k]! * y[k]!;
      return s;
    };
    loss();
    const dx = lin.backward(c).slice();
    for (const p of lin.params) for (let k = 0; k < p.w.length; k++) expect(p.dw[k]).toBeCloseTo(fd(loss, p.w, k), 7);
    for (let k = 0; k < x.length; k++) expect(dx[k]).toBeCloseTo(fd(loss, x, k), 7);
  });

  it('accumulates parameter gradients over backward calls', () => {
    const lin = createLinear(2, 1);
    lin.forward(Float64Array.of(1, 2), 1);
    lin.backward(Float64Array.of(1));
    lin.backward(Float64Array.of(1));
    expect(Array.from(lin.weight.dw)).toEqual([2, 4]);
    expect(Array.from(lin.bias.dw)).toEqual([2]);
  });

  it('grows its buffers for batches larger than maxRows', () => {
    const lin = createLinear(1, 1, { maxRows: 1 });
    lin.weight.w[0] = 2;
    expect(Array.from(lin.forward(Float64Array.of(1, 2, 3), 3))).toEqual([2, 4, 6]);
  });

  it('refuses backward before forward and too-short inputs', () => {
    const lin = createLinear(2, 1);
    expect(() => lin.backward(Float64Array.of(1))).toThrow();
    expect(() => lin.forward(Float64Array.of(1), 1)).toThrow(RangeError);
    expect(() => createLinear(0, 1)).toThrow(RangeError);
  });
});

describe('createSequenceReadout', () => {
  const T = 3;
  const B = 2;
  const H = 2;
  // hs[t, b, j] = 100t + 10b + j
  const hs = Float64Array.from({ length: T * B * H }, (_, k) => {
    const t = Math.floor(k / (B * H));
    const b = Math.floor(k / H) % B;
    return 100 * t + 10 * b + (k % H);
  });

  it('reads only the last time step in `last` mode and routes its gradient there', () => {
    const lin = createLinear(H, 1);
    lin.weight.w.set([1, 0]);
    const ro = createSequenceReadout(lin, 'last');
    expect(ro.mode).toBe('last');
    expect(Array.from(ro.forward(hs, T, B))).toEqual([200, 210]);
    const dhs = ro.backward(Float64Array.of(1, -1));
    expect(Array.from(dhs)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, -1, 0]);
  });

  it('reads every step, time-major, in `every` mode', () => {
    const lin = createLinear(H, 1);
    lin.weight.w.set([0, 1]);
    const ro = createSequenceReadout(lin, 'every');
    expect(Array.from(ro.forward(hs, T, B))).toEqual([1, 11, 101, 111, 201, 211]);
    const dhs = ro.backward(Float64Array.of(1, 2, 3, 4, 5, 6));
    expect(Array.from(dhs)).toEqual([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6]);
  });
});

describe('mseLoss', () => {
  it('is the mean of squared errors (PyTorch reduction "mean")', () => {
    const grad = new Float64Array(3);
    expect(mseLoss(Float64Array.of(1, 2, 3), [1, 0, 6], grad)).toBe((0 + 4 + 9) / 3);
    expect(Array.from(grad)).toEqual([0, (2 * 2) / 3, (2 * -3) / 3]);
  });

  it('has a gradient that matches finite differences', () => {
    const pred = randomArray(7, 5);
    const target = randomArray(7, 6);
    const grad = new Float64Array(7);
    mseLoss(pred, target, grad);
    for (let k = 0; k < 7; k++)
      expect(grad[k]).toBeCloseTo(
        fd(() => mseLoss(pred, target, null), pred, k),
        8,
      );
  });

  it('can score only the first n elements', () => {
    expect(mseLoss(Float64Array.of(1, 100), [0, 0], null, 1)).toBe(1);
  });
});

describe('crossEntropyLoss', () => {
  it('is ln C for uniform logits', () => {
    expect(crossEntropyLoss(new Float64Array(8), [0, 3], 2, 4, null)).toBeCloseTo(Math.log(4), 15);
  });

  it('equals logsumexp − logit of the target, averaged over rows (hand-computed)', () => {
    const logits = Float64Array.of(1, 2, 3, 0, 0, Math.log(3));
    const want = (Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 2 + Math.log(5) - Math.log(3)) / 2;
    expect(crossEntropyLoss(logits, [1, 2], 2, 3, null)).toBeCloseTo(want, 14);
  });

  it('stays finite and exact for huge logits (log-sum-exp shift)', () => {
    const grad = new Float64Array(2);
    expect(crossEntropyLoss(Float64Array.of(1000, 0), [1], 1, 2, grad)).toBe(1000);
    expect(Array.from(grad)).toEqual([1, -1]);
  });

  it('has a gradient that matches finite differences', () => {
    const rows = 4;
    const C = 5;
    const logits = randomArray(rows * C, 7, 3);
    const targets = [0, 4, 2, 2];
    const grad = new Float64Array(rows * C);
    crossEntropyLoss(logits, targets, rows, C, grad);
    for (let k = 0; k < rows * C; k++) {
      expect(grad[k]).toBeCloseTo(
        fd(() => crossEntropyLoss(logits, targets, rows, C, null), logits, k),
        8,
      );
    }
  });

  it('skips rows whose target is the ignore index and averages over the rest', () => {
    const grad = new Float64Array(4).fill(9);
    const loss = crossEntropyLoss(Float64Array.of(0, 0, 5, -5), [IGNORE_INDEX, 0], 2, 2, grad);
    expect(loss).toBeCloseTo(Math.log(1 + Math.exp(-10)), 15);
    expect(Array.from(grad.subarray(0, 2))).toEqual([0, 0]);
    expect(grad[2]! + grad[3]!).toBeCloseTo(0, 15);
  });

  it('is NaN when every row is ignored, as in PyTorch', () => {
    expect(crossEntropyLoss(Float64Array.of(0, 0), [IGNORE_INDEX], 1, 2, null)).toBeNaN();
  });

  it('rejects targets outside [0, classes)', () => {
    expect(() => crossEntropyLoss(Float64Array.of(0, 0), [2], 1, 2, null)).toThrow(RangeError);
  });
});

describe('argmax', () => {
  it('returns the index of the largest value in a row, the first one on ties', () => {
    const v = Float64Array.of(9, 1, 3, 3, 0);
    expect(argmax(v, 1, 4)).toBe(1);
    expect(argmax(v, 0, 2)).toBe(0);
  });
});
