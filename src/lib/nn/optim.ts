/**
 * Optimisers and gradient utilities with PyTorch's exact update rules (default flags: no AMSGrad, no `maximize`,
 * not `foreach`/`fused` — those are different code paths with the same mathematics). Every optimiser keeps its
 * state in buffers allocated once at creation; `step()` allocates nothing.
 *
 * @module
 */
import type { Param } from './types.ts';

/** An optimiser over a fixed list of params. */
export interface Optimizer {
  /** The params it updates, in order. */
  readonly params: readonly Param[];
  /** Learning rate γ; may be changed between steps (e.g. by a schedule). */
  lr: number;
  /** Number of `step()` calls so far (PyTorch's `state['step']`). */
  readonly stepCount: number;
  /** Applies one update using the gradients currently in each `Param.dw`. Does not clear them. */
  step(): void;
  /** Clears all gradients (same as {@link zeroGrad} on `params`). */
  zeroGrad(): void;
}

/** Options of {@link createSgd}; names follow `torch.optim.SGD`. */
export interface SgdOptions {
  /** Learning rate γ. */
  readonly lr: number;
  /** Momentum μ. Default 0. */
  readonly momentum?: number;
  /** Dampening τ. Default 0. */
  readonly dampening?: number;
  /** L2 weight decay λ (added to the gradient). Default 0. */
  readonly weightDecay?: number;
  /** Nesterov momentum. Default false. */
  readonly nesterov?: boolean;
}

/**
 * Stochastic gradient descent, exactly as `torch.optim.SGD`
 * (https://pytorch.org/docs/stable/generated/torch.optim.SGD.html): for each step t ≥ 1,
 * g ← g + λθ; if μ ≠ 0: b ← g when t = 1, else b ← μ·b + (1 − τ)·g; g ← g + μ·b (Nesterov) or g ← b;
 * θ ← θ − γ·g.
 */
export function createSgd(params: readonly Param[], options: SgdOptions): Optimizer {
  const momentum = options.momentum ?? 0;
  const dampening = options.dampening ?? 0;
  const weightDecay = options.weightDecay ?? 0;
  const nesterov = options.nesterov ?? false;
  checkLr(options.lr);
  if (!(momentum >= 0)) throw new RangeError(`createSgd: momentum must be ≥ 0, got ${momentum}`);
  if (nesterov && (momentum <= 0 || dampening !== 0)) {
    throw new RangeError('createSgd: Nesterov momentum requires a momentum and zero dampening (as in PyTorch)');
  }
  const bufs = momentum !== 0 ? params.map((p) => new Float64Array(p.w.length)) : [];
  let t = 0;
  const opt: Optimizer = {
    params,
    lr: options.lr,
    get stepCount() {
      return t;
    },
    step() {
      t++;
      const lr = opt.lr;
      for (let pi = 0; pi < params.length; pi++) {
        const { w, dw } = params[pi]!;
        const buf = bufs[pi];
        for (let k = 0; k < w.length; k++) {
          let g = dw[k]!;
          if (weightDecay !== 0) g += weightDecay * w[k]!;
          if (buf !== undefined) {
            const b = t === 1 ? g : momentum * buf[k]! + (1 - dampening) * g;
            buf[k] = b;
            g = nesterov ? g + momentum * b : b;
          }
          w[k] = w[k]! - lr * g;
        }
      }
    },
    zeroGrad() {
      zeroGrad(params);
    },
  };
  return opt;
}

/** `torch.optim.Adam`'s defaults, which {@link createAdam} uses for the options it is not given. */
export const ADAM_DEFAULTS = Object.freeze({ lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 });

/** Options of {@link createAdam}; names follow `torch.optim.Adam`; defaults {@link ADAM_DEFAULTS}. */
export interface AdamOptions {
  /** Learning rate γ. Default 0.001 (PyTorch's default). */
  readonly lr?: number;
  /** β₁. Default 0.9. */
  readonly beta1?: number;
  /** β₂. Default 0.999. */
  readonly beta2?: number;
  /** ε. Default 1e-8. */
  readonly eps?: number;
  /** L2 weight decay λ (added to the gradient, not decoupled as in AdamW). Default 0. */
  readonly weightDecay?: number;
}

/**
 * Adam (Kingma & Ba 2015), exactly as `torch.optim.Adam` with `amsgrad=False`
 * (https://pytorch.org/docs/stable/generated/torch.optim.Adam.html): for each step t ≥ 1,
 * g ← g + λθ; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ);
 * θ ← θ − γ·m̂/(√v̂ + ε). The floating-point evaluation order follows PyTorch's single-tensor implementation
 * (`_single_tensor_adam`): m via `lerp` (m + (1 − β₁)(g − m)), v via `mul_`/`addcmul_`, then
 * θ ← θ − ((γ/(1 − β₁ᵗ))·m) / (√v/√(1 − β₂ᵗ) + ε) (`addcdiv_`).
 */
export function createAdam(params: readonly Param[], options: AdamOptions = {}): Optimizer {
  const beta1 = options.beta1 ?? ADAM_DEFAULTS.beta1;
  const beta2 = options.beta2 ?? ADAM_DEFAULTS.beta2;
  const eps = options.eps ?? ADAM_DEFAULTS.eps;
  const weightDecay = options.weightDecay ?? ADAM_DEFAULTS.weightDecay;
  const lr = options.lr ?? ADAM_DEFAULTS.lr;
  checkLr(lr);
  if (!(beta1 >= 0 && beta1 < 1)) throw new RangeError(`createAdam: beta1 must be in [0, 1), got ${beta1}`);
  if (!(beta2 >= 0 && beta2 < 1)) throw new RangeError(`createAdam: beta2 must be in [0, 1), got ${beta2}`);
  if (!(eps >= 0)) throw new RangeError(`createAdam: eps must be ≥ 0, got ${eps}`);
  const m = params.map((p) => new Float64Array(p.w.length));
  const v = params.map((p) => new Float64Array(p.w.length));
  let t = 0;
  const opt: Optimizer = {
    params,
    lr,
    get stepCount() {
      return t;
    },
    step() {
      t++;
      const bc1 = 1 - beta1 ** t;
      const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
      const stepSize = opt.lr / bc1;
      const w1 = 1 - beta1;
      const w2 = 1 - beta2;
      for (let pi = 0; pi < params.length; pi++) {
        const { w, dw } = params[pi]!;
        const mi = m[pi]!;
        const vi = v[pi]!;
        for (let k = 0; k < w.length; k++) {
          let g = dw[k]!;
          if (weightDecay !== 0) g += weightDecay * w[k]!;
          const mk = lerp(mi[k]!, g, w1);
          const vk = vi[k]! * beta2 + w2 * g * g;
          mi[k] = mk;
          vi[k] = vk;
          w[k] = w[k]! - (stepSize * mk) / (Math.sqrt(vk) / bc2Sqrt + eps);
        }
      }
    },
    zeroGrad() {
      zeroGrad(params);
    },
  };
  return opt;
}

/** `torch.lerp(start, end, weight)` as PyTorch evaluates it (two branches for accuracy). */
function lerp(start: number, end: number, weight: number): number {
  return weight < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight);
}

function checkLr(lr: number): void {
  if (!(lr >= 0) || !Number.isFinite(lr)) throw new RangeError(`optimiser: lr must be finite and ≥ 0, got ${lr}`);
}

/** Sets every `Param.dw` to zero (PyTorch's `zero_grad(set_to_none=False)`). */
export function zeroGrad(params: readonly Param[]): void {
  for (const p of params) p.dw.fill(0);
}

/** Global L2 norm of all gradients, √(Σ dw²) over every entry of every param. */
export function gradNorm(params: readonly Param[]): number {
  let s = 0;
  for (const p of params) {
    const dw = p.dw;
    for (let k = 0; k < dw.length; k++) s += dw[k]! * dw[k]!;
  }
  return Math.sqrt(s);
}

/**
 * Clips gradients in place like `torch.nn.utils.clip_grad_norm_(params, maxNorm)` (norm_type 2,
 * error_if_nonfinite False; https://pytorch.org/docs/stable/generated/torch.nn.utils.clip_grad_norm_.html):
 * computes the total norm N over all gradients, and if c = maxNorm/(N + 1e-6) < 1 multiplies every gradient by c
 * (PyTorch multiplies by min(c, 1), which is the same). A NaN norm makes c NaN, and, as in PyTorch, every gradient
 * becomes NaN; an infinite norm makes c = 0.
 *
 * @returns the total norm N before clipping.
 */
export function clipGradNorm(params: readonly Param[], maxNorm: number): number {
  const total = gradNorm(params);
  const coef = maxNorm / (total + 1e-6);
  if (!(coef >= 1)) {
    for (const p of params) {
      const dw = p.dw;
      for (let k = 0; k < dw.length; k++) dw[k] = dw[k]! * coef;
    }
  }
  return total;
}
