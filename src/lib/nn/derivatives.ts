/**
 * Which derivative the recurrent cells (lstm.ts, gru.ts, rnn.ts) use for an activation in their backward passes:
 * f′ from the saved output where the activation offers it, or f′ from the pre-activation.
 *
 * @module
 */
import type { ActivationFn } from './types.ts';

/**
 * f′ written as a function of the pre-activation z and the already computed value y = f(z). The cells call this in
 * their backward pass.
 */
export type DerivativeAt = (z: number, y: number) => number;

/**
 * The derivative the cells use for `act` in their backward pass: `act.dfFromOutput(y)` when the activation offers
 * it (the registry entries of `activations.ts` do for σ, tanh, hard σ, hard tanh, ReLU, identity, softsign, …),
 * otherwise `act.df(z)`.
 *
 * This is what PyTorch's backward kernels do (σ′ = y(1 − y), tanh′ = 1 − y² from the saved output) and it saves
 * one exponential per gate, unit and step. It agrees with `act.df(z)` to absolute rounding error (a few
 * ulp of 1; the registry's `df` is more accurate in relative terms deep in the saturated tails). The same rule
 * applies to every activation; there is no special case by key.
 */
export function derivativeAt(act: ActivationFn): DerivativeAt {
  // One function object per activation: every layer using σ then calls the very same function, which keeps the
  // call sites in the backward loops monomorphic (a fresh closure per layer made V8 slow them down ~2×).
  let d = fastDerivatives.get(act);
  if (d === undefined) {
    const fromOutput = (act as { readonly dfFromOutput?: ((y: number) => number) | undefined }).dfFromOutput;
    d = fromOutput !== undefined ? (_z, y) => fromOutput(y) : exactDerivativeAt(act);
    fastDerivatives.set(act, d);
  }
  return d;
}

/**
 * f′ computed from the pre-activation only, `act.df(z)`, ignoring y. The cells use it in the overflow-safe
 * `rescale` mode of their backward passes: in a saturated unit y rounds to exactly ±1 (σ(z) = 1 for z > 36.7,
 * tanh(z) = 1 for z > 19.1), so y(1 − y) or 1 − y² is exactly 0, while the registry's df(z) still returns the
 * tiny true slope (e.g. tanh′(30) ≈ 3.5e-26). The instruments must see the tiny value, not a false exact zero.
 */
export function exactDerivativeAt(act: ActivationFn): DerivativeAt {
  let d = exactDerivatives.get(act);
  if (d === undefined) {
    const df = act.df;
    d = (z) => df(z);
    exactDerivatives.set(act, d);
  }
  return d;
}

const fastDerivatives = new WeakMap<ActivationFn, DerivativeAt>();
const exactDerivatives = new WeakMap<ActivationFn, DerivativeAt>();
