/**
 * The words of the activation property table and the formula cards, rendered at build time only (no island imports
 * this module): the cost of f′ given the output, the notes on kinks, and the table's headings. English comes from the
 * registry itself (src/lib/nn/activations.ts), so it cannot drift; Chinese is in zh/activation-table.ts, one entry per
 * registry key (a missing key is a type error), and reads the registry's parameters where the English does.
 */
import { Activations } from '../lib/nn/activations.ts';
import { localised, type Localised } from './core.ts';
import { fromRegistry, type PerActivation, type PerActivationOptional } from './activations.ts';

/** What backpropagation must compute to get f′ once the forward pass stored y = f(z). */
export const ACTIVATION_COSTS: Localised<PerActivation> = /* @__PURE__ */ localised('ACTIVATION_COSTS', {
  en: fromRegistry((k) => Activations[k].costOfDerivativeGivenOutput),
});

/** Which one-sided value the code returns at a kink (undefined: no kink). */
export const ACTIVATION_KINKS: Localised<PerActivationOptional> = /* @__PURE__ */ localised('ACTIVATION_KINKS', {
  en: fromRegistry((k) => Activations[k].kink),
});

/** Headings and words of the property table and the formula cards. */
export interface ActivationTableStrings {
  readonly function: string;
  readonly range: string;
  readonly bounded: string;
  readonly zeroCentred: string;
  /** Heading of the mean-output column (E f(Z) for a standard normal Z). */
  readonly mean: string;
  readonly monotonic: string;
  readonly smooth: string;
  readonly saturates: string;
  readonly maxSlope: string;
  readonly cost: string;
  readonly yes: string;
  readonly no: string;
  readonly bothTails: string;
  readonly leftTail: string;
  readonly rightTail: string;
  readonly noTail: string;
  /** Caption of the table: bold lead, then the rest. */
  readonly captionLead: string;
  readonly captionRest: string;
  /** "where" between a formula and the definition of a function it uses. */
  readonly where: string;
  /** "all z" (max slope attained everywhere). */
  readonly allZ: string;
  /** "as z → ∞ (not attained)"; the argument is "" or "−". */
  readonly notAttained: (sign: string) => string;
}

export const ACTIVATION_TABLE: Localised<ActivationTableStrings> = /* @__PURE__ */ localised('ACTIVATION_TABLE', {
  en: {
    function: 'Function',
    range: 'Range',
    bounded: 'Bounded',
    zeroCentred: 'Zero-centred',
    mean: 'Mean for z ~ N(0, 1)',
    monotonic: 'Monotonic',
    smooth: 'Smooth',
    saturates: 'Saturates',
    maxSlope: 'max |f′|, attained at',
    cost: 'Cost of f′ given y = f(z)',
    yes: 'yes',
    no: 'no',
    bothTails: 'both tails',
    leftTail: 'left tail',
    rightTail: 'right tail',
    noTail: 'no',
    captionLead: 'Properties of each activation f',
    captionRest:
      ', generated from the site’s registry. Numbers are rounded to 4 significant digits (≈ marks a rounded value), the mean output for a standard normal input to 3; “zero-centred”: f(0) = 0 and f takes both signs; “saturates”: f′ → 0 in that tail.',
    where: 'where',
    allZ: 'all z',
    notAttained: (sign) => `as z → ${sign}∞ (not attained)`,
  },
});
