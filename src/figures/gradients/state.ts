/**
 * URL state of the gradient-flow figures: the {@link FlowParams} of compute.ts plus the cursor lag, e.g.
 * `#fig-bptt=c:rnn,a:tanh,r:1,w:orth,bf:0,t:200,s:1,k:50`. Two figures share the fields with different defaults:
 * `fig-bptt` (a vanilla RNN, for the first half of the article) and `fig-cec` (an LSTM, for the constant error
 * carousel).
 */
import type { CellKind } from '../../lib/nn/types.ts';
import { activationCodec, defineFigureState, enumCodec, numberCodec, type FigureState } from '../url-state.ts';
import { CELLS, FLOW_ACTIVATIONS, type FlowParams, type WeightInit } from './types.ts';
import { GRADIENTS } from '../../i18n/gradients.ts';
import type { Lang } from '../../i18n/core.ts';

/** A figure's state: the computation's parameters and the cursor. */
export interface GradState extends FlowParams {
  /** Cursor lag (clamped to T − 1 for display). */
  readonly k: number;
}

/** Limits of the numeric fields (the controls use the same). */
export const LIMITS = Object.freeze({
  r: { min: 0, max: 8, step: 0.05 },
  bf: { min: -5, max: 10, step: 0.25 },
  t: { min: 2, max: 1000, step: 1 },
  s: { min: 0, max: 9999, step: 1 },
  k: { min: 0, max: 999, step: 1 },
});

/** Weight initialisations, in menu order. */
export const WEIGHT_INITS: readonly WeightInit[] = Object.freeze(['orth', 'gauss'] as const);

function fields(d: GradState) {
  return {
    c: { codec: enumCodec<CellKind>(CELLS), default: d.c, label: 'cell' },
    a: { codec: activationCodec(FLOW_ACTIVATIONS), default: d.a, label: 'activation' },
    r: { codec: numberCodec(LIMITS.r), default: d.r, label: 'recurrent weight scale' },
    w: { codec: enumCodec<WeightInit>(WEIGHT_INITS), default: d.w, label: 'weight initialisation' },
    bf: { codec: numberCodec(LIMITS.bf), default: d.bf, label: 'gate bias' },
    t: { codec: numberCodec(LIMITS.t), default: d.t, label: 'sequence length' },
    s: { codec: numberCodec(LIMITS.s), default: d.s, label: 'seed' },
    k: { codec: numberCodec(LIMITS.k), default: d.k, label: 'cursor lag' },
  } as const;
}

/** Figure "bptt": a vanilla tanh RNN with orthogonal recurrent weights. */
export const bpttState: FigureState<GradState> = defineFigureState<GradState>(
  'bptt',
  fields({ c: 'rnn', a: 'tanh', r: 1, w: 'orth', bf: 0, t: 200, s: 1, k: 50 }),
);

/**
 * Figure "cec": an LSTM with forget bias 1 (Jozefowicz et al. 2015) and recurrent blocks of spectral radius 0.5
 * (PyTorch's default U(−1/√H, 1/√H) gives about 1/√3 ≈ 0.58).
 */
export const cecState: FigureState<GradState> = defineFigureState<GradState>(
  'cec',
  fields({ c: 'lstm', a: 'tanh', r: 0.5, w: 'orth', bf: 1, t: 200, s: 1, k: 50 }),
);

/** The figure states by id. */
export const GRADIENT_FIGURES = Object.freeze({ bptt: bpttState, cec: cecState });
export type GradientFigureId = keyof typeof GRADIENT_FIGURES;

/** The {@link FlowParams} of a state (everything but the cursor). */
export function flowParams(s: GradState): FlowParams {
  return { c: s.c, a: s.a, r: s.r, w: s.w, bf: s.bf, t: s.t, s: s.s };
}

/** A stable text key of the params (for caches and for matching a worker's answer to a request). */
export function paramsKey(p: FlowParams): string {
  return `${p.c},${p.a},${p.r},${p.w},${p.bf},${p.t},${p.s}`;
}

/** A named setting of a figure, offered as a button above its plot (and quoted in the article). */
export interface Preset {
  /** Stable id (a `data-preset` hook for tests). */
  readonly id: string;
  /** Button text. */
  readonly label: string;
  /** The preset's state, relative to the figure's defaults. */
  readonly change: Partial<GradState>;
}

/** A preset whose button text is the English one (src/i18n/gradients.ts has every language), read when asked for. */
function preset(figure: GradientFigureId, id: string, change: Partial<GradState>): Preset {
  return Object.freeze({
    id,
    get label() {
      return presetLabel(figure, id);
    },
    change,
  });
}

/** The presets of each figure, in button order; the first is the figure's default view. */
export const PRESETS: Readonly<Record<GradientFigureId, readonly Preset[]>> = Object.freeze({
  bptt: [
    preset('bptt', 'default', {}),
    preset('bptt', 'sigmoid', { a: 'sigmoid' }),
    preset('bptt', 'identity', { a: 'identity', r: 0.9 }),
    preset('bptt', 'gauss', { w: 'gauss' }),
    preset('bptt', 'relu3', { a: 'relu', r: 3, t: 1000, k: 500 }),
    preset('bptt', 'tiny', { a: 'sigmoid', r: 0.05, t: 1000, k: 999 }),
  ],
  cec: [
    preset('cec', 'default', {}),
    preset('cec', 'bf0', { bf: 0 }),
    preset('cec', 'bf5', { bf: 5 }),
    preset('cec', 'r0', { r: 0 }),
    preset('cec', 'gru', { c: 'gru', bf: 2 }),
  ],
});

/** The full state of a preset. */
export function presetState(figure: GradientFigureId, id: string): GradState {
  const p = PRESETS[figure].find((x) => x.id === id);
  if (!p) throw new RangeError(`No preset "${id}" for figure "${figure}"`);
  return { ...GRADIENT_FIGURES[figure].defaults, ...p.change };
}

/** Whether a state shows a preset exactly (cursor aside). */
export function isPreset(figure: GradientFigureId, id: string, s: GradState): boolean {
  return paramsKey(flowParams(presetState(figure, id))) === paramsKey(flowParams(s));
}

/** A preset's button text in `lang` (the article quotes them: “press **σ**”). */
export function presetLabel(figure: GradientFigureId, id: string, lang: Lang = 'en'): string {
  const labels: Readonly<Record<string, string>> = GRADIENTS[lang].preset[figure];
  const label = labels[id];
  if (label === undefined) throw new RangeError(`No preset "${id}" for figure "${figure}"`);
  return label;
}
