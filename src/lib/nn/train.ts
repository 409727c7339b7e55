/**
 * Training loop: a recurrent layer plus a linear readout, trained on a {@link Task} with SGD or Adam, evaluated on a
 * fixed held-out set, stopping when solved, when the step budget is spent, when cancelled, or when it diverges.
 *
 * Divergence is a result, not a crash: a non-finite or out-of-bound state, loss or gradient norm ends the run with
 * `{status: 'diverged', step, quantity, value}`.
 *
 * Determinism: a run is a pure function of its config. Three independent random streams are used:
 * - init: `createRng(subSeed(seed, 1))` — passed to `makeLayer`, then used for the readout's initial weights;
 * - data: `createRng(subSeed(seed, 2))` — training batches;
 * - held-out: `createRng(heldOutSeed)` (default {@link HELD_OUT_SEED}) — deliberately *not* derived from `seed`, so
 *   every run of a task at a given T is scored on the same 1024 sequences.
 * Same config ⇒ bit-identical losses, gradients and weights.
 *
 * @module
 */
import { createAdam, createSgd, clipGradNorm, gradNorm, zeroGrad, type Optimizer } from './optim.ts';
import { createLinear, createSequenceReadout, type SequenceReadout } from './readout.ts';
import { createRng } from './rng.ts';
import { HELD_OUT_SEED, HELD_OUT_SIZE, type Task, type TaskData, type TaskEvaluation, type TaskGenerator } from './tasks.ts';
import type { Param, RecurrentLayer, Rng } from './types.ts';

/** Optimiser choice; hyper-parameter names and defaults as in `optim.ts`. */
export type OptimizerConfig =
  | {
      readonly kind: 'adam';
      readonly lr: number;
      readonly beta1?: number;
      readonly beta2?: number;
      readonly eps?: number;
    }
  | { readonly kind: 'sgd'; readonly lr: number; readonly momentum?: number };

/** Bounds beyond which a run counts as diverged (non-finite values always do). */
export interface DivergenceBounds {
  /** Largest allowed training loss. Default 1e6. */
  readonly loss?: number;
  /** Largest allowed pre-clip global gradient norm. Default 1e6. */
  readonly gradNorm?: number;
  /** Largest allowed |h| (and |c|, if the layer exposes it, see {@link CellStateSource}). Default 1e6. */
  readonly state?: number;
}

/** What a run needs. Only `makeLayer`, `task` and `T` are required. */
export interface TrainConfig {
  /**
   * Builds the recurrent layer (e.g. `({rng, inputSize}) => createLstm({inputSize, hiddenSize: 16, rng})`), so
   * cell kind, hidden size, activations and initialisation are the caller's choice. Its `rng` is the init stream.
   */
  readonly makeLayer: (context: { readonly rng: Rng; readonly inputSize: number }) => RecurrentLayer;
  /** The task (from `tasks.ts`). */
  readonly task: Task;
  /** Sequence length. */
  readonly T: number;
  /** Training batch size. Default 32. */
  readonly batchSize?: number;
  /** Optimiser. Default Adam, lr 0.01. */
  readonly optimizer?: OptimizerConfig;
  /** Max global gradient norm for `clipGradNorm`; `undefined` (default) means no clipping. */
  readonly clip?: number;
  /** Step budget. Default 10 000. */
  readonly steps?: number;
  /** Run seed (for the init and data streams). Default 0. */
  readonly seed?: number;
  /** Evaluate on the held-out set every this many steps (and after the last). Default 100. */
  readonly evalEvery?: number;
  /** Held-out set size. Default {@link HELD_OUT_SIZE} (1024). */
  readonly heldOutSize?: number;
  /** Held-out set seed. Default {@link HELD_OUT_SEED}. */
  readonly heldOutSeed?: number;
  /** Divergence bounds. */
  readonly bounds?: DivergenceBounds;
}

/** The config with every default filled in. */
export interface ResolvedTrainConfig {
  readonly makeLayer: TrainConfig['makeLayer'];
  readonly task: Task;
  readonly T: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerConfig;
  readonly clip: number | undefined;
  readonly steps: number;
  readonly seed: number;
  readonly evalEvery: number;
  readonly heldOutSize: number;
  readonly heldOutSeed: number;
  readonly bounds: Required<DivergenceBounds>;
}

/** Which monitored quantity left its bound. */
export type DivergedQuantity = 'loss' | 'gradNorm' | 'state';

/** How a run ended. `step` is the number of the step (1-based) at which it ended; see each variant. */
export type TrainResult =
  /** The held-out evaluation after update `step` met the task's criterion. */
  | { readonly status: 'solved'; readonly step: number; readonly evaluation: TaskEvaluation }
  /** All `steps` updates done without solving; `evaluation` is the held-out score after the last one. */
  | { readonly status: 'budget'; readonly step: number; readonly evaluation: TaskEvaluation }
  /** Cancelled after `step` completed updates. */
  | { readonly status: 'cancelled'; readonly step: number }
  /**
   * Training step `step` produced a `quantity` that is non-finite or beyond its bound (checked in the order state,
   * loss, gradNorm); the update of that step was not applied, so the weights are those after step − 1.
   * `lastEvaluation` is the last held-out score before it (`null` if none was due yet).
   */
  | {
      readonly status: 'diverged';
      readonly step: number;
      readonly quantity: DivergedQuantity;
      readonly value: number;
      readonly lastEvaluation: EvaluationAt | null;
    };

/** A held-out evaluation and the step after whose update it was taken. */
export interface EvaluationAt {
  readonly step: number;
  readonly evaluation: TaskEvaluation;
}

/** What one call of `Trainer.step()` did. */
export interface StepReport {
  /** The step number, 1-based. */
  readonly step: number;
  /** Training loss of this step's batch, before the update. */
  readonly loss: number;
  /** Global gradient norm before clipping. */
  readonly gradNorm: number;
  /** Largest |h| (and |c| if exposed) seen in this step's forward pass. */
  readonly stateMax: number;
  /** Held-out evaluation after this step's update, if one was due. */
  readonly evaluation: TaskEvaluation | null;
  /** Set when the run ended at this step. */
  readonly result: TrainResult | null;
}

/**
 * What the trainer looks for to watch the cell state as well as h: a layer with a `trace()` method whose result has
 * a `c` array (as the LSTM in `lstm.ts` provides). Layers without it are monitored through h only.
 */
export interface CellStateSource {
  /** Internals of the last `forward`; `c` holds the cell states [T, B, H] if the cell has any. */
  trace(): { readonly c?: Float64Array };
}

/** A cooperative cancellation flag (no DOM types): the loop stops before the next step once `cancelled` is true. */
export interface CancelToken {
  /** Whether cancellation was requested. */
  readonly cancelled: boolean;
}

/** A {@link CancelToken} with the method that sets it. */
export interface CancelSource extends CancelToken {
  /** Requests cancellation. */
  cancel(): void;
}

/** Creates a fresh, not-yet-cancelled {@link CancelSource}. */
export function createCancelToken(): CancelSource {
  let cancelled = false;
  return {
    get cancelled() {
      return cancelled;
    },
    cancel() {
      cancelled = true;
    },
  };
}

/** A training run that advances one step at a time (for a Web Worker that interleaves messages). */
export interface Trainer {
  /** The resolved config. */
  readonly config: ResolvedTrainConfig;
  /** The recurrent layer. */
  readonly layer: RecurrentLayer;
  /** The readout (its `linear.params` are trained too). */
  readonly readout: SequenceReadout;
  /** All trained params: the layer's, then the readout's weight and bias. */
  readonly params: readonly Param[];
  /** The optimiser. */
  readonly optimizer: Optimizer;
  /** Completed updates so far. */
  readonly stepCount: number;
  /** The final result once the run has ended, else `null`. */
  readonly result: TrainResult | null;
  /** Runs one training step (and a held-out evaluation when due). Throws if the run has already ended. */
  step(): StepReport;
  /** Scores the current model on the held-out set without changing anything. */
  evaluate(): TaskEvaluation;
  /** Ends the run as cancelled (no-op if it has already ended) and returns the final result. */
  cancel(): TrainResult;
}

/**
 * Derives the seed of a sub-stream from a run seed: a 32-bit integer hash (the MurmurHash3 finaliser) of
 * seed + stream·0x9E3779B9. Different streams of one seed, and one stream of nearby seeds, get unrelated values.
 */
export function subSeed(seed: number, stream: number): number {
  let h = (Math.trunc(seed) + Math.imul(stream, 0x9e3779b9)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fills in the defaults of a {@link TrainConfig} and validates it. */
export function resolveTrainConfig(config: TrainConfig): ResolvedTrainConfig {
  const resolved: ResolvedTrainConfig = {
    makeLayer: config.makeLayer,
    task: config.task,
    T: config.T,
    batchSize: config.batchSize ?? 32,
    optimizer: config.optimizer ?? { kind: 'adam', lr: 0.01 },
    clip: config.clip,
    steps: config.steps ?? 10_000,
    seed: config.seed ?? 0,
    evalEvery: config.evalEvery ?? 100,
    heldOutSize: config.heldOutSize ?? HELD_OUT_SIZE,
    heldOutSeed: config.heldOutSeed ?? HELD_OUT_SEED,
    bounds: {
      loss: config.bounds?.loss ?? 1e6,
      gradNorm: config.bounds?.gradNorm ?? 1e6,
      state: config.bounds?.state ?? 1e6,
    },
  };
  const positiveInt = (name: string, v: number) => {
    if (!(Number.isInteger(v) && v >= 1)) throw new RangeError(`train: ${name} must be a positive integer, got ${v}`);
  };
  positiveInt('batchSize', resolved.batchSize);
  positiveInt('steps', resolved.steps);
  positiveInt('evalEvery', resolved.evalEvery);
  positiveInt('heldOutSize', resolved.heldOutSize);
  if (!(Number.isInteger(resolved.T) && resolved.T >= resolved.task.minLength)) {
    throw new RangeError(`train: T must be an integer ≥ ${resolved.task.minLength} for ${resolved.task.id}, got ${resolved.T}`);
  }
  if (resolved.clip !== undefined && !(resolved.clip > 0)) throw new RangeError(`train: clip must be > 0, got ${resolved.clip}`);
  return resolved;
}

function makeOptimizer(params: readonly Param[], o: OptimizerConfig): Optimizer {
  if (o.kind === 'sgd') return createSgd(params, { lr: o.lr, momentum: o.momentum ?? 0 });
  return createAdam(params, { lr: o.lr, beta1: o.beta1 ?? 0.9, beta2: o.beta2 ?? 0.999, eps: o.eps ?? 1e-8 });
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) {
    const v = Math.abs(a[k]!);
    if (!(v <= m)) m = v; // NaN propagates: NaN ≤ m is false, and nothing is > NaN afterwards.
    if (Number.isNaN(m)) return m;
  }
  return m;
}

function cellStatesOf(layer: RecurrentLayer): Float64Array | null {
  const source = layer as RecurrentLayer & Partial<CellStateSource>;
  if (typeof source.trace !== 'function') return null;
  const c = source.trace().c;
  return c instanceof Float64Array ? c : null;
}

/** Outside [−bound, bound] or non-finite. */
function outOfBound(v: number, bound: number): boolean {
  return !(Math.abs(v) <= bound) || !Number.isFinite(v);
}

/** Builds the model, optimiser, data streams and held-out set of a run; nothing is trained until `step()`. */
export function createTrainer(config: TrainConfig): Trainer {
  const cfg = resolveTrainConfig(config);
  const { task, T, batchSize: B } = cfg;
  const initRng = createRng(subSeed(cfg.seed, 1));
  const dataRng = createRng(subSeed(cfg.seed, 2));
  const layer = cfg.makeLayer({ rng: initRng, inputSize: task.inputSize });
  if (layer.inputSize !== task.inputSize) {
    throw new RangeError(`train: layer inputSize ${layer.inputSize} ≠ task inputSize ${task.inputSize}`);
  }
  const rowsPerSeq = task.readout === 'every' ? T : 1;
  const linear = createLinear(layer.hiddenSize, task.outputSize, {
    rng: initRng,
    maxRows: rowsPerSeq * Math.max(B, cfg.heldOutSize),
  });
  const readout = createSequenceReadout(linear, task.readout);
  const params: readonly Param[] = [...layer.params, ...linear.params];
  const optimizer = makeOptimizer(params, cfg.optimizer);

  const trainGen: TaskGenerator = task.generator();
  const heldOut: TaskData = task.generator()(createRng(cfg.heldOutSeed), T, cfg.heldOutSize);
  const grad = new Float64Array(rowsPerSeq * B * task.outputSize);

  let stepCount = 0;
  let result: TrainResult | null = null;
  let lastEvaluation: EvaluationAt | null = null;

  function evaluate(): TaskEvaluation {
    const hs = layer.forward(heldOut.batch);
    const out = readout.forward(hs, T, heldOut.batch.B);
    const evaluation = task.evaluate(out, heldOut);
    lastEvaluation = { step: stepCount, evaluation };
    return evaluation;
  }

  function step(): StepReport {
    if (result !== null) throw new Error(`Trainer.step: the run has already ended (${result.status})`);
    const n = stepCount + 1;
    const finish = (r: TrainResult, partial: Omit<StepReport, 'result' | 'step'>): StepReport => {
      result = r;
      return { step: n, ...partial, result: r };
    };
    const { bounds } = cfg;
    const data = trainGen(dataRng, T, B);
    const hs = layer.forward(data.batch);
    let stateMax = maxAbs(hs);
    const cs = cellStatesOf(layer);
    if (cs !== null && !Number.isNaN(stateMax)) stateMax = Math.max(stateMax, maxAbs(cs));
    if (outOfBound(stateMax, bounds.state)) {
      return finish(
        { status: 'diverged', step: n, quantity: 'state', value: stateMax, lastEvaluation },
        { loss: NaN, gradNorm: NaN, stateMax, evaluation: null },
      );
    }
    const out = readout.forward(hs, T, B);
    zeroGrad(params);
    const loss = task.lossAndGrad(out, data, grad);
    if (outOfBound(loss, bounds.loss)) {
      return finish(
        { status: 'diverged', step: n, quantity: 'loss', value: loss, lastEvaluation },
        { loss, gradNorm: NaN, stateMax, evaluation: null },
      );
    }
    // ∂L/∂x is never needed here (x is data): skipping it changes no other bit.
    layer.backward(readout.backward(grad), { inputGrads: false });
    const norm = cfg.clip === undefined ? gradNorm(params) : clipGradNorm(params, cfg.clip);
    if (outOfBound(norm, bounds.gradNorm)) {
      return finish(
        { status: 'diverged', step: n, quantity: 'gradNorm', value: norm, lastEvaluation },
        { loss, gradNorm: norm, stateMax, evaluation: null },
      );
    }
    optimizer.step();
    stepCount = n;
    const last = n >= cfg.steps;
    const evaluation = n % cfg.evalEvery === 0 || last ? evaluate() : null;
    const report = { loss, gradNorm: norm, stateMax, evaluation };
    if (evaluation?.solved) return finish({ status: 'solved', step: n, evaluation }, report);
    if (last && evaluation !== null) return finish({ status: 'budget', step: n, evaluation }, report);
    return { step: n, ...report, result: null };
  }

  return {
    config: cfg,
    layer,
    readout,
    params,
    optimizer,
    get stepCount() {
      return stepCount;
    },
    get result() {
      return result;
    },
    step,
    evaluate,
    cancel() {
      if (result === null) result = { status: 'cancelled', step: stepCount };
      return result;
    },
  };
}

/** Callbacks of {@link train}. */
export interface TrainCallbacks {
  /** Called after every step (including the last). */
  readonly onStep?: (report: StepReport) => void;
  /** Checked before every step; when `cancelled` the run ends with status `cancelled`. */
  readonly cancel?: CancelToken;
}

/** Runs a whole training run synchronously: a thin loop over {@link createTrainer}'s `step()`. */
export function train(config: TrainConfig, callbacks: TrainCallbacks = {}): TrainResult {
  const trainer = createTrainer(config);
  for (;;) {
    if (callbacks.cancel?.cancelled) return trainer.cancel();
    const report = trainer.step();
    callbacks.onStep?.(report);
    if (report.result !== null) return report.result;
  }
}
