/**
 * What one experiment run is: a {@link RunSpec} (task, length, cell, activation per role, hidden size, learning
 * rate, clipping, seed, step budget) plus the fixed {@link PROTOCOL} shared by every run (batch, optimiser, initial
 * weights, held-out set, evaluation schedule, divergence bounds).
 *
 * Plain data and pure functions, no numerical work: the page's island, the Web Worker, the Node grid script and the
 * tests all import it. (The numerical side is `runner.ts`.)
 *
 * @module
 */
import type { ActivationKey } from '../lib/nn/activations.ts';

/** The tasks of the experiments. */
export const TASK_IDS = ['adding', 'updown', 'copy'] as const;
export type TaskId = (typeof TASK_IDS)[number];

/** The recurrent cells. `irnn` is a vanilla ReLU RNN with identity recurrent weights (Le et al. 2015). */
export const CELL_IDS = ['lstm', 'gru', 'rnn', 'irnn'] as const;
export type CellId = (typeof CELL_IDS)[number];

/** Activations offered for the LSTM's candidate g (and the GRU's candidate n, and the vanilla RNN's φ). */
export const CANDIDATE_KEYS = [
  'tanh',
  'relu',
  'hardtanh',
  'identity',
  'sigmoid',
  'softsign',
] as const satisfies readonly ActivationKey[];
export type CandidateKey = (typeof CANDIDATE_KEYS)[number];

/** Activations offered for the LSTM's cell output φ in h = o ⊙ φ(c). */
export const OUTPUT_KEYS = [
  'tanh',
  'relu',
  'identity',
  'hardtanh',
  'softsign',
  'sigmoid',
] as const satisfies readonly ActivationKey[];
export type OutputKey = (typeof OUTPUT_KEYS)[number];

/** One training run. Everything not here is in {@link PROTOCOL}. */
export interface RunSpec {
  readonly task: TaskId;
  /** Sequence length T. */
  readonly T: number;
  readonly cell: CellId;
  /** LSTM candidate g, GRU candidate n, vanilla RNN activation (an `irnn` always uses ReLU). */
  readonly candidate: CandidateKey;
  /** LSTM cell output φ (the other cells have no such role; it is `tanh` for them by convention). */
  readonly output: OutputKey;
  /** Hidden units H. */
  readonly H: number;
  /** Adam learning rate. */
  readonly lr: number;
  /** Global-norm gradient clipping threshold; 0 = no clipping. */
  readonly clip: number;
  readonly seed: number;
  /** Step budget. */
  readonly steps: number;
  /** Added to the LSTM's forget-gate bias after initialisation; absent = {@link PROTOCOL.forgetBias} (0, PyTorch's default). */
  readonly forgetBias?: number;
}

/** The fixed protocol of every run (stored with the results). */
export const PROTOCOL = Object.freeze({
  /** Training batch size. */
  batchSize: 32,
  /** Adam with PyTorch's defaults besides the learning rate. */
  optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 },
  /** Initial weights: PyTorch's default U(−1/√H, 1/√H) for every LSTM/GRU/RNN param; IRNN: W_hh = I, W_ih ~ N(0, 0.001²), biases 0. */
  init: 'pytorch-default; irnn: identity',
  /** Added to the LSTM's forget-gate bias after initialisation (0 = PyTorch's default). */
  forgetBias: 0,
  /**
   * Held-out evaluation: every `evalEvery` steps, but only once the mean training loss of those steps is below the
   * task's gate ({@link evalGate}); and always after the last step. "Solved" is decided on the held-out set only.
   */
  evalEvery: 50,
  /** Held-out set size (the library's default, seed HELD_OUT_SEED). */
  heldOutSize: 1024,
  /**
   * A run diverges when the largest |c| or |h| of a training step, or its loss, is above 1e6 or not finite, or when the
   * gradient norm is not finite. A large but finite gradient is not a divergence: clipping rescales it, and Adam's
   * steps do not grow with it.
   */
  bounds: { loss: 1e6, gradNorm: Number.MAX_VALUE, state: 1e6 },
  /** Options of the tasks. */
  copy: { symbols: 8, length: 2 },
  updown: { moveProbability: 0.5 },
  /** Number of first steps whose (loss, gradient norm, max state) are fingerprinted bit for bit. */
  fingerprintSteps: 50,
  /** Number of first training losses stored at full precision. */
  headSteps: 10,
});

/**
 * The held-out evaluation gate: an evaluation is only worth its cost (32 training steps' worth for an LSTM) once
 * the mean training loss of the last {@link PROTOCOL.evalEvery} steps is below this. MSE tasks: 3× the success
 * threshold; the copy task: 0.3× the baseline cross-entropy. Generous on purpose (a gate that is too tight could
 * only delay the detection of a solved run, never fake one).
 */
export function evalGate(task: TaskId, threshold: number, baseline: number): number {
  return task === 'copy' ? 0.3 * baseline : 3 * threshold;
}

/** Allowed ranges of the numeric fields (UI and URL). */
export const LIMITS = Object.freeze({
  T: { min: 10, max: 200 },
  H: { min: 1, max: 64 },
  lr: { min: 0.0001, max: 0.1 },
  clip: { min: 0, max: 100 },
  seed: { min: 0, max: 99999 },
  steps: { min: 50, max: 20000 },
  forgetBias: { min: 0, max: 5 },
});

/** Human names. */
export const TASK_NAMES: Readonly<Record<TaskId, string>> = {
  adding: 'Adding problem',
  updown: 'Up and down',
  copy: 'Copy task',
};
export const CELL_NAMES: Readonly<Record<CellId, string>> = {
  lstm: 'LSTM',
  gru: 'GRU',
  rnn: 'Vanilla RNN',
  irnn: 'IRNN',
};

/** Copy tasks need T ≥ 2L + 1. */
export function minLength(task: TaskId): number {
  return task === 'copy' ? 2 * PROTOCOL.copy.length + 1 : 2;
}

/** The same run with the fields a cell does not use set to their conventional values (so equal runs compare equal). */
export function normalizeSpec(s: RunSpec): RunSpec {
  const { forgetBias, ...rest } = s;
  const fb = forgetBias ?? PROTOCOL.forgetBias;
  return {
    ...rest,
    candidate: s.cell === 'irnn' ? 'relu' : s.candidate,
    output: s.cell === 'lstm' ? s.output : 'tanh',
    // Only the LSTM has a forget gate; the protocol's default is not spelled out (keys of old runs stay as they were).
    ...(s.cell === 'lstm' && fb !== PROTOCOL.forgetBias ? { forgetBias: fb } : {}),
  };
}

/** Problems with a spec (empty when it can run). */
export function specProblems(s: RunSpec): string[] {
  const p: string[] = [];
  const int = (name: keyof typeof LIMITS, v: number) => {
    const l = LIMITS[name];
    if (!(Number.isInteger(v) && v >= l.min && v <= l.max))
      p.push(`${name} must be an integer in [${l.min}, ${l.max}], got ${v}`);
  };
  if (!TASK_IDS.includes(s.task)) p.push(`unknown task ${s.task}`);
  if (!CELL_IDS.includes(s.cell)) p.push(`unknown cell ${s.cell}`);
  if (!(CANDIDATE_KEYS as readonly string[]).includes(s.candidate)) p.push(`unknown candidate ${s.candidate}`);
  if (!(OUTPUT_KEYS as readonly string[]).includes(s.output)) p.push(`unknown output ${s.output}`);
  int('T', s.T);
  if (TASK_IDS.includes(s.task) && s.T < minLength(s.task)) p.push(`T must be ≥ ${minLength(s.task)} for the ${s.task} task`);
  int('H', s.H);
  int('seed', s.seed);
  int('steps', s.steps);
  if (!(s.lr >= LIMITS.lr.min && s.lr <= LIMITS.lr.max))
    p.push(`lr must be in [${LIMITS.lr.min}, ${LIMITS.lr.max}], got ${s.lr}`);
  if (!(s.clip >= LIMITS.clip.min && s.clip <= LIMITS.clip.max)) p.push(`clip must be in [0, ${LIMITS.clip.max}], got ${s.clip}`);
  const fb = s.forgetBias ?? PROTOCOL.forgetBias;
  if (!(fb >= LIMITS.forgetBias.min && fb <= LIMITS.forgetBias.max))
    p.push(`forget bias must be in [${LIMITS.forgetBias.min}, ${LIMITS.forgetBias.max}], got ${fb}`);
  return p;
}

/** A variant: the run without its seed, budget and task (what a table row is about). */
export function variantKey(s: RunSpec): string {
  const n = normalizeSpec(s);
  if (n.cell === 'lstm') return `lstm:g=${n.candidate},phi=${n.output}`;
  if (n.cell === 'irnn') return 'irnn';
  return `${n.cell}:${n.candidate}`;
}

/** Training settings (learning rate, clipping, and a forget bias other than the protocol's) as a key: `lr=0.01,clip=1` or `lr=0.01,clip=1,fb=1`. */
export function settingKey(s: Pick<RunSpec, 'lr' | 'clip' | 'forgetBias'>): string {
  const fb = s.forgetBias ?? PROTOCOL.forgetBias;
  return `lr=${s.lr},clip=${s.clip}${fb === PROTOCOL.forgetBias ? '' : `,fb=${fb}`}`;
}

/** Task and length as a key: `adding-50`. */
export function taskKey(s: Pick<RunSpec, 'task' | 'T'>): string {
  return `${s.task}-${s.T}`;
}

/** A stable, unique id of a run: `adding-50/lstm:g=relu,phi=tanh/h16/lr=0.01,clip=1/s0/n3000`. */
export function runKey(s: RunSpec): string {
  const n = normalizeSpec(s);
  return `${taskKey(n)}/${variantKey(n)}/h${n.H}/${settingKey(n)}/s${n.seed}/n${n.steps}`;
}

/** A short human label of a variant: "LSTM, g = ReLU", "LSTM (standard)", "GRU", "IRNN". */
export function variantLabel(s: RunSpec, names: Readonly<Record<string, string>> = ACTIVATION_SHORT): string {
  const n = normalizeSpec(s);
  const a = (k: string) => names[k] ?? k;
  if (n.cell === 'lstm') {
    const parts: string[] = [];
    if (n.candidate !== 'tanh') parts.push(`g = ${a(n.candidate)}`);
    if (n.output !== 'tanh') parts.push(`φ = ${a(n.output)}`);
    return parts.length === 0 ? 'LSTM (standard)' : `LSTM, ${parts.join(', ')}`;
  }
  if (n.cell === 'gru') return n.candidate === 'tanh' ? 'GRU' : `GRU, n = ${a(n.candidate)}`;
  if (n.cell === 'irnn') return 'IRNN';
  return `RNN, ${a(n.candidate)}`;
}

/** Short activation names for labels. */
export const ACTIVATION_SHORT: Readonly<Record<string, string>> = {
  tanh: 'tanh',
  relu: 'ReLU',
  hardtanh: 'hard tanh',
  identity: 'identity',
  sigmoid: 'sigmoid',
  softsign: 'softsign',
};
