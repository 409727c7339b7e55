/**
 * The registry's activations by name, as the figures show them (menus, legends, table rows). English comes from the
 * registry itself (src/lib/nn/activations.ts), so it cannot drift; Chinese is written in zh/activations.ts, one entry
 * per registry key (a missing key is a type error). The words of the build-time property table and formula cards
 * (costs, kinks, headings) are in ./activation-table.ts, so that no island carries them.
 */
import { Activations, type ActivationKey } from '../lib/nn/activations.ts';
import { localised, type Localised } from './core.ts';

export type PerActivation = { readonly [K in ActivationKey]: string };
export type PerActivationOptional = { readonly [K in ActivationKey]: string | undefined };

/** A table with one entry per registry key, read off the registry. */
export const fromRegistry = <T>(pick: (k: ActivationKey) => T) =>
  Object.fromEntries((Object.keys(Activations) as ActivationKey[]).map((k) => [k, pick(k)])) as { [K in ActivationKey]: T };

/** Display names (menus, legends, table rows). */
export const ACTIVATION_NAMES: Localised<PerActivation> = /* @__PURE__ */ localised('ACTIVATION_NAMES', {
  en: fromRegistry((k) => Activations[k].label),
});
