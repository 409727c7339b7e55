/**
 * How figures name registry activations and their derivatives in legends and read-outs (plain Unicode text:
 * islands cannot run KaTeX). Derived from the registry's labels, so a new activation needs no change here.
 */
import { Activations, type ActivationKey } from '../lib/nn/activations';
import { ACTIVATION_NAMES } from '../i18n/activations';
import type { Lang } from '../i18n/core';

/** Short symbol: "σ" for the sigmoid, otherwise the registry label without a parenthesised alias ("SiLU"). */
export function activationSymbol(key: ActivationKey, lang: Lang = 'en'): string {
  if (key === 'sigmoid') return 'σ';
  return ACTIVATION_NAMES[lang][key].replace(/\s*\(.*\)\s*$/, '');
}

/** The primes of a derivative order: '', '′', '″'. */
export function primes(order: 0 | 1 | 2): string {
  return order === 0 ? '' : order === 1 ? '′' : '″';
}

/** "tanh′(z)", "σ(z)", "Hard tanh″(z)". */
export function curveLabel(key: ActivationKey, order: 0 | 1 | 2, x = 'z', lang: Lang = 'en'): string {
  return `${activationSymbol(key, lang)}${primes(order)}(${x})`;
}

/** The registry function of a derivative order: f, f′ or f″. */
export function derivative(key: ActivationKey, order: 0 | 1 | 2): (z: number) => number {
  const a = Activations[key];
  return order === 0 ? a.f : order === 1 ? a.df : a.d2f;
}
