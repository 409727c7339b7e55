import { describe, expect, it } from 'vitest';
import { clipGradNorm, ADAM_DEFAULTS, createAdam, createSgd, gradNorm, zeroGrad } from '../../src/lib/nn/optim.ts';
import type { Param } from '../../src/lib/nn/types.ts';

function param(w: number[], dw: number[] = w.map(() => 0)): Param {
  return { name: 'p', shape: [w.length], w: Float64Array.from(w), dw: Float64Array.from(dw) };
}

function setGrad(p: Param, g: number[]): void {
  p.dw.set(g);
}

describe('createSgd', () => {
  it('has the expected defaults: no momentum, no dampening, no weight decay, no Nesterov', () => {
    const p = param([1, -2], [0.5, 0.25]);
    const opt = createSgd([p], { lr: 0.1 });
    expect(opt.lr).toBe(0.1);
    expect(opt.stepCount).toBe(0);
    opt.step();
    opt.step(); // momentum would make the second step larger
    expect(Array.from(p.w)).toEqual([1 - 0.1 * 0.5 - 0.1 * 0.5, -2 - 0.1 * 0.25 - 0.1 * 0.25]);
    expect(opt.stepCount).toBe(2);
  });

  it('applies θ ← θ − γg', () => {
    const p = param([1, -2], [0.5, 0.25]);
    createSgd([p], { lr: 0.1 }).step();
    expect(Array.from(p.w)).toEqual([0.95, -2.025]);
  });

  it('starts the momentum buffer at the first gradient, then b ← μb + (1 − τ)g (torch.optim.SGD)', () => {
    const p = param([1], [2]);
    const opt = createSgd([p], { lr: 0.1, momentum: 0.9, dampening: 0.5 });
    opt.step(); // b = g = 2 (no dampening on the first step), θ = 1 − 0.2
    expect(p.w[0]).toBeCloseTo(0.8, 15);
    opt.step(); // b = 0.9·2 + 0.5·2 = 2.8, θ = 0.8 − 0.28
    expect(p.w[0]).toBeCloseTo(0.52, 15);
  });

  it('uses g + μb for Nesterov momentum', () => {
    const p = param([1], [2]);
    const opt = createSgd([p], { lr: 0.1, momentum: 0.9, nesterov: true });
    opt.step(); // b = 2, g' = 2 + 1.8 = 3.8
    expect(p.w[0]).toBeCloseTo(1 - 0.38, 15);
    opt.step(); // b = 1.8 + 2 = 3.8, g' = 2 + 3.42 = 5.42
    expect(p.w[0]).toBeCloseTo(1 - 0.38 - 0.542, 15);
  });

  it('adds λθ to the gradient for weight decay', () => {
    const p = param([2], [1]);
    createSgd([p], { lr: 0.5, weightDecay: 0.1 }).step();
    expect(p.w[0]).toBeCloseTo(2 - 0.5 * (1 + 0.2), 15);
  });

  it('reads the learning rate at every step, so it can be scheduled', () => {
    const p = param([0], [1]);
    const opt = createSgd([p], { lr: 1 });
    opt.step();
    opt.lr = 0.5;
    opt.step();
    expect(p.w[0]).toBe(-1.5);
  });

  it('rejects invalid hyper-parameters', () => {
    expect(() => createSgd([], { lr: -1 })).toThrow(RangeError);
    expect(() => createSgd([], { lr: 0.1, momentum: -0.5 })).toThrow(RangeError);
    expect(() => createSgd([], { lr: 0.1, nesterov: true })).toThrow(RangeError);
  });
});

describe('createAdam', () => {
  it('has the expected defaults: lr 0.001, β = (0.9, 0.999), ε = 1e-8', () => {
    const p = param([1], [0.5]);
    const opt = createAdam([p]);
    expect(opt.lr).toBe(0.001);
    opt.step();
    // First step: m̂ = g, v̂ = g², so Δθ = −lr·g/(|g| + ε) exactly in real arithmetic.
    expect(p.w[0]).toBeCloseTo(1 - 0.001 * (0.5 / (0.5 + 1e-8)), 15);
  });

  it('publishes its defaults as ADAM_DEFAULTS, torch.optim.Adam’s (as the articles quote them)', () => {
    expect(ADAM_DEFAULTS).toEqual({ lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 });
    expect(Object.isFrozen(ADAM_DEFAULTS)).toBe(true);
  });

  it('matches PyTorch’s update over several steps (golden values)', () => {
    // Golden values: Python floats following torch/optim/adam.py `_single_tensor_adam`
    // (lerp for m, mul_/addcmul_ for v, addcdiv_ with step_size = lr/bc1 and denom = √v/√bc2 + ε), lr 0.01.
    const p = param([1, -2, 0.5]);
    const opt = createAdam([p], { lr: 0.01 });
    const grads = [
      [0.5, -0.25, 0],
      [0.1, 0.3, -2],
      [-0.4, 0.2, 1e-3],
    ];
    const expected = [
      [0.9900000002, -1.9900000004, 0.5],
      [0.9819695906384652, -1.9914294476547747, 0.5074413681830645],
      [0.9810325966358212, -1.995326400479447, 0.5131903709612803],
    ];
    for (let s = 0; s < 3; s++) {
      setGrad(p, grads[s]!);
      opt.step();
      expect(Array.from(p.w)).toEqual(expected[s]);
    }
  });

  it('honours β₁, β₂, ε and (coupled) weight decay (golden values)', () => {
    // Same Python reference, lr 0.1, betas (0.8, 0.99), eps 1e-3, weight_decay 0.1, two steps.
    const p = param([1, -2]);
    const opt = createAdam([p], { lr: 0.1, beta1: 0.8, beta2: 0.99, eps: 1e-3, weightDecay: 0.1 });
    setGrad(p, [0.5, -0.25]);
    opt.step();
    setGrad(p, [0.1, 0.3]);
    opt.step();
    expect(Array.from(p.w)).toEqual([0.8165407392024151, -1.8578520991041205]);
  });

  it('takes a step of about lr·sign(g) at first, whatever the gradient scale', () => {
    const p = param([0, 0, 0], [1e-3, -50, 7]);
    createAdam([p], { lr: 0.01 }).step();
    for (const [k, s] of [-1, 1, -1].entries()) expect(p.w[k]).toBeCloseTo(s * 0.01, 6);
  });

  it('rejects invalid hyper-parameters', () => {
    expect(() => createAdam([], { lr: Number.NaN })).toThrow(RangeError);
    expect(() => createAdam([], { beta1: 1 })).toThrow(RangeError);
    expect(() => createAdam([], { beta2: -0.1 })).toThrow(RangeError);
    expect(() => createAdam([], { eps: -1 })).toThrow(RangeError);
  });
});

describe('zeroGrad', () => {
  it('clears every gradient and leaves the values alone', () => {
    const a = param([1, 2], [3, 4]);
    const b = param([5], [6]);
    zeroGrad([a, b]);
    expect(Array.from(a.dw)).toEqual([0, 0]);
    expect(Array.from(b.dw)).toEqual([0]);
    expect(Array.from(a.w)).toEqual([1, 2]);
  });

  it('is also available as optimiser.zeroGrad()', () => {
    const a = param([1], [3]);
    createAdam([a]).zeroGrad();
    expect(a.dw[0]).toBe(0);
  });
});

describe('clipGradNorm', () => {
  it('returns the total norm over all params and leaves gradients under the limit untouched', () => {
    const a = param([0, 0], [3, 0]);
    const b = param([0], [4]);
    expect(gradNorm([a, b])).toBe(5);
    expect(clipGradNorm([a, b], 10)).toBe(5);
    expect([...a.dw, ...b.dw]).toEqual([3, 0, 4]);
  });

  it('scales by maxNorm/(norm + 1e-6) above the limit (torch.nn.utils.clip_grad_norm_)', () => {
    const a = param([0, 0], [3, 0]);
    const b = param([0], [4]);
    expect(clipGradNorm([a, b], 1)).toBe(5);
    const c = 1 / (5 + 1e-6);
    expect([...a.dw, ...b.dw]).toEqual([3 * c, 0, 4 * c]);
    expect(gradNorm([a, b])).toBeLessThan(1);
  });

  it('also scales (by slightly less than 1) when the norm equals maxNorm, as PyTorch does', () => {
    const a = param([0], [2]);
    clipGradNorm([a], 2);
    expect(a.dw[0]).toBe(2 * (2 / (2 + 1e-6)));
  });

  it('returns a non-finite norm so callers can detect divergence, and spreads NaN like PyTorch', () => {
    const a = param([0, 0], [Number.NaN, 1]);
    expect(clipGradNorm([a], 1)).toBeNaN();
    expect(Number.isNaN(a.dw[1])).toBe(true);
    const b = param([0, 0], [Number.POSITIVE_INFINITY, 1]);
    expect(clipGradNorm([b], 1)).toBe(Number.POSITIVE_INFINITY);
    expect(b.dw[1]).toBe(0);
  });
});
