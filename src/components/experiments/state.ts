/**
 * URL state of the live-run figure: one {@link RunSpec}, e.g.
 * `#fig-run=task:adding,t:50,cell:lstm,g:relu,phi:tanh,h:16,lr:0.01,clip:1,seed:0,steps:3000` (plus `fb:1` for a
 * forget-gate bias other than 0), parsed and written
 * with the shared url-state module (typed fields, total parse, polite notices for bad values).
 */
import {
  activationCodec,
  defineFigureState,
  enumCodec,
  numberCodec,
  type FieldCodec,
  type FigureState,
} from '../../figures/url-state.ts';
import { DEFAULT_SPEC } from '../../experiments/grid.ts';
import {
  CANDIDATE_KEYS,
  CELL_IDS,
  LIMITS,
  OUTPUT_KEYS,
  PROTOCOL,
  TASK_IDS,
  minLength,
  normalizeSpec,
  type CandidateKey,
  type CellId,
  type OutputKey,
  type RunSpec,
  type TaskId,
} from '../../experiments/spec.ts';

/** The figure's state: a run spec under URL-friendly names. */
export interface LiveState {
  readonly task: TaskId;
  readonly t: number;
  readonly cell: CellId;
  readonly g: CandidateKey;
  readonly phi: OutputKey;
  readonly h: number;
  readonly lr: number;
  readonly clip: number;
  readonly seed: number;
  readonly steps: number;
  /** Added to the LSTM's forget-gate bias (0, PyTorch's default, is left out of links). */
  readonly fb: number;
}

/** The state of a spec. */
export function stateOf(s: RunSpec): LiveState {
  return {
    task: s.task,
    t: s.T,
    cell: s.cell,
    g: s.candidate,
    phi: s.output,
    h: s.H,
    lr: s.lr,
    clip: s.clip,
    seed: s.seed,
    steps: s.steps,
    fb: s.forgetBias ?? PROTOCOL.forgetBias,
  };
}

export const liveState: FigureState<LiveState> = defineFigureState<LiveState>('run', {
  task: { codec: enumCodec<TaskId>(TASK_IDS), default: DEFAULT_SPEC.task, label: 'task' },
  t: { codec: numberCodec({ ...LIMITS.T, step: 1 }), default: DEFAULT_SPEC.T, label: 'sequence length' },
  cell: { codec: enumCodec<CellId>(CELL_IDS), default: DEFAULT_SPEC.cell, label: 'cell' },
  g: {
    codec: activationCodec(CANDIDATE_KEYS) as FieldCodec<CandidateKey>,
    default: DEFAULT_SPEC.candidate,
    label: 'candidate activation',
  },
  phi: {
    codec: activationCodec(OUTPUT_KEYS) as FieldCodec<OutputKey>,
    default: DEFAULT_SPEC.output,
    label: 'output activation',
  },
  h: { codec: numberCodec({ ...LIMITS.H, step: 1 }), default: DEFAULT_SPEC.H, label: 'hidden size' },
  lr: { codec: numberCodec(LIMITS.lr), default: DEFAULT_SPEC.lr, label: 'learning rate' },
  clip: { codec: numberCodec(LIMITS.clip), default: DEFAULT_SPEC.clip, label: 'gradient clipping' },
  seed: { codec: numberCodec({ ...LIMITS.seed, step: 1 }), default: DEFAULT_SPEC.seed, label: 'seed' },
  steps: { codec: numberCodec({ ...LIMITS.steps, step: 1 }), default: DEFAULT_SPEC.steps, label: 'step budget' },
  fb: { codec: numberCodec({ ...LIMITS.forgetBias, step: 1 }), default: PROTOCOL.forgetBias, label: 'forget-gate bias' },
});

/** The run spec of a state, with the one cross-field rule (T ≥ 2L + 1 for the copy task) repaired and reported. */
export function specOf(state: LiveState): { readonly spec: RunSpec; readonly problems: readonly string[] } {
  const problems: string[] = [];
  let T = state.t;
  const min = minLength(state.task);
  if (T < min) {
    problems.push(`Sequence length (“t”): the ${state.task} task needs T ≥ ${min}; using ${min}.`);
    T = min;
  }
  const spec = normalizeSpec({
    task: state.task,
    T,
    cell: state.cell,
    candidate: state.g,
    output: state.phi,
    H: state.h,
    lr: state.lr,
    clip: state.clip,
    seed: state.seed,
    steps: state.steps,
    forgetBias: state.fb,
  });
  return { spec, problems };
}

/** The URL fragment of a spec (a link to "this exact run"). */
export function hrefOf(spec: RunSpec): string {
  return liveState.href(stateOf(normalizeSpec(spec)));
}
