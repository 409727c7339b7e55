/**
 * Every number the article "Vanishing (and exploding) gradients through time" states, computed at build time from
 * the numerical library (the activation registry, the cells, `computeFlow`) — never typed in. The unit tests check
 * them against closed forms.
 */
import { Activations, type ActivationKey } from '../lib/nn/activations.ts';
import type { NormFlag } from '../lib/nn/gradflow.ts';
import { spectralRadius } from '../lib/nn/init.ts';
import { createLstm } from '../lib/nn/lstm.ts';
import { createRng } from '../lib/nn/rng.ts';
import { computeFlow, type FlowParams, type FlowResult } from '../figures/gradients/compute.ts';
import { formatNorm } from '../figures/gradients/plot.ts';
import type { Lang } from '../i18n/core.ts';
import { packFlow } from '../figures/gradients/pack.ts';
import {
  GRADIENT_FIGURES,
  bpttState,
  cecState,
  flowParams,
  presetState,
  type GradientFigureId,
} from '../figures/gradients/state.ts';

/** Forget-gate biases of the constant-error-carousel table. */
export const CEC_BIASES = Object.freeze([0, 1, 2, 5] as const);
/** Steps of the products in the tables. */
export const STEPS = 20;

/** The share of the gradient the forget-gate table counts steps down to (Π f < CEC_KEEP): 1 %. */
export const CEC_KEEP = 0.01;

/** One row of the forget-gate table: f = σ(b), f^STEPS, and how many steps until Π f < {@link CEC_KEEP}. */
export interface CecRow {
  readonly bias: number;
  readonly f: number;
  readonly fPow: number;
  /** Smallest n with f^n < {@link CEC_KEEP}. */
  readonly stepsBelowKeep: number;
}

/** The forget-gate table, from the registry's σ. */
export function cecRows(biases: readonly number[] = CEC_BIASES, steps = STEPS): CecRow[] {
  return biases.map((bias) => {
    const f = Activations.sigmoid.f(bias);
    return { bias, f, fPow: f ** steps, stepsBelowKeep: Math.floor(Math.log(CEC_KEEP) / Math.log(f)) + 1 };
  });
}

/** Activations of the γ table, in order. */
export const GAMMA_KEYS: readonly ActivationKey[] = Object.freeze([
  'sigmoid',
  'hardsigmoid',
  'tanh',
  'hardtanh',
  'relu',
  'identity',
] as const);

/** One row of the γ table: γ = max φ′, γ^STEPS (the bound after STEPS steps with ‖W‖ = 1) and 1/γ. */
export interface GammaRow {
  readonly key: ActivationKey;
  readonly label: string;
  readonly gamma: number;
  readonly pow: number;
  /** ‖W‖ at which the bound stops shrinking. */
  readonly wNeeded: number;
}

/** The γ table, from the registry's `maxSlope`. */
export function gammaRows(keys: readonly ActivationKey[] = GAMMA_KEYS, steps = STEPS): GammaRow[] {
  return keys.map((key) => {
    const gamma = Activations[key].maxSlope.value;
    return { key, label: Activations[key].label, gamma, pow: gamma ** steps, wNeeded: 1 / gamma };
  });
}

/** The exploding example: a ReLU RNN with W_hh = ρ·orthogonal. */
export const EXPLODE = Object.freeze({ c: 'rnn', a: 'relu', r: 1.5, w: 'orth', bf: 0, s: 1 } as const);
/** Sequence lengths of the clipping table. */
export const CLIP_LENGTHS = Object.freeze([10, 25, 50, 100] as const);

/** One row of the clipping table. */
export interface ClipRow {
  readonly T: number;
  /** ‖∂L/∂h_1‖ as log10 (exact), the gradient at the first step. */
  readonly firstLog10: number;
  readonly firstFlag: NormFlag;
  readonly before: number;
  readonly after: number;
  readonly factor: number;
}

/** The clipping table: `computeFlow` on {@link EXPLODE} for each length. */
export function clipRows(lengths: readonly number[] = CLIP_LENGTHS): ClipRow[] {
  return lengths.map((T) => {
    const r = computeFlow({ ...EXPLODE, t: T });
    return {
      T,
      firstLog10: r.h.log10[r.T - 1]!,
      firstFlag: r.h.flags[r.T - 1]!,
      before: r.clip.before,
      after: r.clip.after,
      factor: r.clip.factor,
    };
  });
}

/** The presets of the BPTT figure whose bound and measured gradient the article compares (all finite at every lag). */
export const BOUND_PRESETS = Object.freeze(['default', 'sigmoid', 'identity', 'gauss'] as const);

/** One row of the bound-versus-measurement table: a preset of the BPTT figure at its largest lag. */
export interface BoundRow {
  readonly id: (typeof BOUND_PRESETS)[number];
  readonly gamma: number;
  /** ‖W_hh‖, the spectral norm the bound uses. */
  readonly wNorm: number;
  /** The lag T − t of the comparison (the figure's largest, T − 1). */
  readonly lag: number;
  /** log10 of the bound (γ‖W‖)^lag and of the exact gradient norm ‖∂L/∂h_t‖ there. */
  readonly boundLog10: number;
  readonly measuredLog10: number;
}

/**
 * The bound (γ‖W‖)^{T−t} against the gradient the library measures, at the largest lag of each preset of
 * {@link BOUND_PRESETS}: the bound holds in every row, and is attained only by the linear network.
 */
export function boundRows(ids: readonly (typeof BOUND_PRESETS)[number][] = BOUND_PRESETS): BoundRow[] {
  return ids.map((id) => {
    const r = presetResult('bptt', id);
    const lag = r.T - 1;
    return {
      id,
      gamma: r.gamma,
      wNorm: r.wNorm,
      lag,
      boundLog10: r.ref.log10[lag]!,
      measuredLog10: r.h.log10[lag]!,
    };
  });
}

/** Results of the two figures' default settings (what a reader sees first). */
export function defaultResults(): { bptt: FlowResult; cec: FlowResult } {
  return { bptt: computeFlow(flowParams(bpttState.defaults)), cec: computeFlow(flowParams(cecState.defaults)) };
}

/** Value (log10) of a series at its last lag. */
export function lastLog10(r: FlowResult, which: 'h' | 'c' | 'ref' = 'h'): number {
  const s = which === 'h' ? r.h : which === 'c' ? r.c! : r.ref;
  return s.log10[r.T - 1]!;
}

/** Runs `computeFlow` for a variant of a figure's defaults (for numbers quoted in the text). */
export function variant(base: FlowParams, change: Partial<FlowParams>): FlowResult {
  return computeFlow({ ...base, ...change });
}

/** A curve's value at a lag (default: the last one), formatted as the figure's read-out formats it. */
export function normAt(r: FlowResult, which: 'h' | 'c' | 'ref' = 'h', lag = r.T - 1, lang: Lang = 'en'): string {
  const s = which === 'h' ? r.h : which === 'c' ? r.c : r.ref;
  if (s === null) throw new Error('normAt: this cell has no cell state');
  return formatNorm(s.log10[lag]!, s.flags[lag]!, 3, lang);
}

/** The result of a figure preset (what the reader sees after pressing its button). */
export function presetResult(figure: GradientFigureId, id: string): FlowResult {
  return computeFlow(flowParams(presetState(figure, id)));
}

/** The packed build-time result of a figure's default state, for the island's `initial` prop. */
export function initialFlow(figure: GradientFigureId): string {
  return packFlow(computeFlow(flowParams(GRADIENT_FIGURES[figure].defaults)));
}

/**
 * The spectral radius of one gate block of W_hh under PyTorch's default initialisation U(−1/√H, 1/√H), measured
 * with the library (mean over `seeds` seeds), for comparison with the figures' ρ.
 */
export function pytorchDefaultRadius(hidden = 32, seeds = 8): number {
  let s = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const lstm = createLstm({ inputSize: 1, hiddenSize: hidden, rng: createRng(seed) });
    s += spectralRadius(lstm.weightHh, { blocks: 4, block: 1 });
  }
  return s / seeds;
}

/**
 * The results the article "Vanishing gradients" quotes: each figure's defaults and presets, the CEC and clipping
 * tables. (Computed when the article is built; the `*Rows` functions above feed the tables.)
 */
export const values = Object.freeze({
  B: flowParams(bpttState.defaults),
  C: flowParams(cecState.defaults),
  rTanh: presetResult('bptt', 'default'),
  rSig: presetResult('bptt', 'sigmoid'),
  rId: presetResult('bptt', 'identity'),
  rGauss: presetResult('bptt', 'gauss'),
  rRelu3: presetResult('bptt', 'relu3'),
  rTiny: presetResult('bptt', 'tiny'),
  cDef: presetResult('cec', 'default'),
  c0: presetResult('cec', 'bf0'),
  c5: presetResult('cec', 'bf5'),
  cNoW: presetResult('cec', 'r0'),
  cGru: presetResult('cec', 'gru'),
  CEC: cecRows(),
  CLIP: clipRows(CLIP_LENGTHS),
  BOUND: boundRows(),
});

/** Ready-made wording (none yet: the article formats its numbers with normAt and formatValue). */
export const text = Object.freeze({});

/** Ready-made LaTeX (none yet). */
export const tex = Object.freeze({});
