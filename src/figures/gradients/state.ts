/**
 * URL state of the gradient-flow figures: the {@link FlowParams} of compute.ts plus the cursor lag, e.g.
 * `#fig-bptt=c:rnn,a:tanh,r:1,w:orth,bf:0,t:200,s:1,k:50`. Two figures share the fields with different defaults:
 * `fig-bptt` (a vanilla RNN, for the first half of the article) and `fig-cec` (an LSTM, for the constant error
 * carousel).
 */
import type { CellKind } from '../../lib/nn/types.ts';
import { activationCodec, defineFigureState, enumCodec, numberCodec, type FigureState } from '../url-state.ts';
import { CELLS, FLOW_ACTIVATIONS, type FlowParams, type WeightInit } from './compute.ts';

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
