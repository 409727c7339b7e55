/**
 * Runs one {@link RunSpec} under the {@link PROTOCOL}: a thin, resumable wrapper around the library's
 * `createTrainer` that adds the gated held-out evaluation, records the curve and a bit-exact fingerprint of the
 * first steps, counts dead units and summarises the outcome.
 *
 * Pure TypeScript that imports only `src/lib` (with explicit `.ts` extensions, so Node runs it directly): the same
 * code runs in the Node grid script (`scripts/experiments.ts`, in worker threads), in the page's Web Worker and in
 * the tests, and — float64 arithmetic with the same V8 `Math` functions — gives bit-identical numbers in all three.
 *
 * @module
 */
import { Activations } from '../lib/nn/activations.ts';
import { createGru } from '../lib/nn/gru.ts';
import { createLstm, type Lstm } from '../lib/nn/lstm.ts';
import { createRng } from '../lib/nn/rng.ts';
import { createRnn, type Rnn } from '../lib/nn/rnn.ts';
import { HELD_OUT_SEED, addingProblem, copyTask, upDownTask, type Task } from '../lib/nn/tasks.ts';
import { createTrainer, type DivergedQuantity, type TrainConfig, type Trainer } from '../lib/nn/train.ts';
import type { RecurrentLayer } from '../lib/nn/types.ts';
import { PROTOCOL, evalGate, normalizeSpec, specProblems, type RunSpec, type TaskId } from './spec.ts';

/** The library's task object for a task id (with the protocol's options). */
export function makeTask(task: TaskId): Task {
  if (task === 'adding') return addingProblem();
  if (task === 'updown') return upDownTask(PROTOCOL.updown);
  return copyTask(PROTOCOL.copy);
}

/** The layer factory of a spec (see {@link PROTOCOL.init}). */
export function makeLayerFactory(spec: RunSpec): TrainConfig['makeLayer'] {
  const s = normalizeSpec(spec);
  const H = s.H;
  return ({ rng, inputSize }): RecurrentLayer => {
    if (s.cell === 'lstm') {
      return createLstm({
        inputSize,
        hiddenSize: H,
        rng,
        forgetBias: s.forgetBias ?? PROTOCOL.forgetBias,
        activations: { candidate: Activations[s.candidate], cellOutput: Activations[s.output] },
      });
    }
    if (s.cell === 'gru')
      return createGru({ inputSize, hiddenSize: H, rng, activations: { candidate: Activations[s.candidate] } });
    if (s.cell === 'irnn') return createRnn({ inputSize, hiddenSize: H, rng, activation: Activations.relu, identityInit: true });
    return createRnn({ inputSize, hiddenSize: H, rng, activation: Activations[s.candidate] });
  };
}

/** The library's training config of a spec. */
export function trainConfig(spec: RunSpec): TrainConfig {
  const s = normalizeSpec(spec);
  return {
    makeLayer: makeLayerFactory(s),
    task: makeTask(s.task),
    T: s.T,
    batchSize: PROTOCOL.batchSize,
    optimizer: {
      kind: 'adam',
      lr: s.lr,
      beta1: PROTOCOL.optimizer.beta1,
      beta2: PROTOCOL.optimizer.beta2,
      eps: PROTOCOL.optimizer.eps,
    },
    ...(s.clip > 0 ? { clip: s.clip } : {}),
    steps: s.steps,
    // The trainer itself evaluates only after the last step; the gated evaluations are ours (see `step`).
    evalEvery: s.steps,
    seed: s.seed,
    heldOutSize: PROTOCOL.heldOutSize,
    heldOutSeed: HELD_OUT_SEED,
    bounds: PROTOCOL.bounds,
  };
}

/** One held-out evaluation. */
export interface EvalPoint {
  readonly step: number;
  readonly loss: number;
  readonly metric: number;
}

/** How a run ended (the library's result, flattened to plain data). */
export type RunStatus = 'solved' | 'budget' | 'diverged' | 'cancelled';

/** Summary of a finished run (plain JSON; every number a finite double or null). */
export interface RunOutcome {
  readonly status: RunStatus;
  /** Solved: the step whose held-out evaluation met the criterion; budget: the budget; diverged: the failing step. */
  readonly step: number;
  /** Diverged only: which quantity left its bound, and its value (null when non-finite). */
  readonly quantity?: DivergedQuantity;
  readonly value?: number | null;
  readonly valueText?: string;
  /** Held-out loss and metric at the end (solved or budget); null for diverged or cancelled runs. */
  readonly final: { readonly loss: number; readonly metric: number } | null;
  /** Largest |c| (LSTM) or |h| seen in any training step's forward pass. */
  readonly maxState: number;
  /** Largest pre-clip global gradient norm seen. */
  readonly maxGradNorm: number;
  /**
   * Units of the recurrent layer that are exactly 0 at every step of every held-out sequence in the role where a
   * ReLU can die (LSTM: candidate g if it is a ReLU, else φ(c) if φ is a ReLU; RNN/IRNN with ReLU: h). Null when
   * no role is a ReLU or the run diverged.
   */
  readonly dead: number | null;
}

/** What one step did, for live progress. */
export interface StepInfo {
  readonly step: number;
  readonly loss: number;
  readonly gradNorm: number;
  readonly stateMax: number;
  readonly evaluation: EvalPoint | null;
}

/** A resumable run: call {@link ExperimentRun.step} until `outcome` is set. */
export interface ExperimentRun {
  readonly spec: RunSpec;
  readonly trainer: Trainer;
  /** Training loss of steps 1 … stepCount (NaN for a diverged step whose loss was not computed). */
  readonly losses: Float64Array;
  /** Largest |c| (LSTM) or |h| of steps 1 … stepCount's forward passes (as the trainer reports it; may be non-finite). */
  readonly states: Float64Array;
  readonly evals: readonly EvalPoint[];
  readonly stepCount: number;
  readonly outcome: RunOutcome | null;
  /** The expected loss of the task's documented baseline predictor at this T. */
  readonly baseline: number;
  /** The task's success threshold (MSE below it, or accuracy at least it). */
  readonly threshold: number;
  /** The evaluation gate (see {@link evalGate}). */
  readonly gate: number;
  /** Hex fingerprint of the first min(stepCount, PROTOCOL.fingerprintSteps) steps, see {@link Fingerprint}. */
  fingerprint(): string;
  /** Runs one step; throws if the run has ended. */
  step(): StepInfo;
  /** Ends the run as cancelled (no-op when it has ended). */
  cancel(): RunOutcome;
}

/**
 * FNV-1a (32 bit) over the IEEE-754 bytes of a sequence of doubles: equal fingerprints mean (up to a 2^−32 chance)
 * bit-identical numbers, including NaN payload-free NaNs and the sign of zero.
 */
export class Fingerprint {
  #h = 0x811c9dc5;
  #n = 0;
  readonly #view = new DataView(new ArrayBuffer(8));

  add(v: number): void {
    this.#view.setFloat64(0, v, true);
    let h = this.#h;
    for (let k = 0; k < 8; k++) {
      h ^= this.#view.getUint8(k);
      h = Math.imul(h, 0x01000193);
    }
    this.#h = h >>> 0;
    this.#n++;
  }

  /** Number of doubles added. */
  get count(): number {
    return this.#n;
  }

  hex(): string {
    return this.#h.toString(16).padStart(8, '0');
  }
}

/** A number for JSON: finite doubles as they are, anything else as null (with the text kept separately). */
function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** Counts the dead units of a trained layer on the held-out set (see {@link RunOutcome.dead}); call right after an evaluation. */
function deadUnits(spec: RunSpec, layer: RecurrentLayer): number | null {
  const s = normalizeSpec(spec);
  let values: Float64Array;
  if (s.cell === 'lstm') {
    const tr = (layer as Lstm).trace();
    if (s.candidate === 'relu') values = tr.g;
    else if (s.output === 'relu') values = tr.phiC;
    else return null;
  } else if (s.cell === 'irnn' || (s.cell === 'rnn' && s.candidate === 'relu')) {
    values = (layer as Rnn).trace().h;
  } else {
    return null;
  }
  const H = s.H;
  let dead = 0;
  for (let j = 0; j < H; j++) {
    let alive = false;
    for (let k = j; k < values.length; k += H) {
      if (values[k] !== 0) {
        alive = true;
        break;
      }
    }
    if (!alive) dead++;
  }
  return dead;
}

/** Creates a run (validating the spec); nothing is trained until `step()`. */
export function createExperimentRun(spec: RunSpec): ExperimentRun {
  const problems = specProblems(spec);
  if (problems.length > 0) throw new RangeError(`experiment: ${problems.join('; ')}`);
  const s = normalizeSpec(spec);
  const trainer = createTrainer(trainConfig(s));
  const task = trainer.config.task;
  const baseline = task.baselineLoss(s.T);
  const threshold = task.metric.threshold;
  const gate = evalGate(s.task, threshold, baseline);
  const losses = new Float64Array(s.steps);
  const states = new Float64Array(s.steps);
  const evals: EvalPoint[] = [];
  const fp = new Fingerprint();
  const fpSteps = PROTOCOL.fingerprintSteps;
  let outcome: RunOutcome | null = null;
  let maxState = 0;
  let maxGradNorm = 0;
  let windowSum = 0;

  const finishWith = (o: RunOutcome): RunOutcome => {
    outcome = o;
    return o;
  };

  function step(): StepInfo {
    if (outcome !== null) throw new Error(`experiment: the run has already ended (${outcome.status})`);
    const r = trainer.step();
    const n = r.step;
    losses[n - 1] = r.loss;
    states[n - 1] = r.stateMax;
    if (n <= fpSteps) {
      fp.add(r.loss);
      fp.add(r.gradNorm);
      fp.add(r.stateMax);
    }
    if (Number.isFinite(r.stateMax) && r.stateMax > maxState) maxState = r.stateMax;
    if (Number.isFinite(r.gradNorm) && r.gradNorm > maxGradNorm) maxGradNorm = r.gradNorm;
    let evaluation: EvalPoint | null = null;
    if (r.result?.status === 'diverged') {
      const v = r.result.value;
      finishWith({
        status: 'diverged',
        step: n,
        quantity: r.result.quantity,
        value: finiteOrNull(v),
        valueText: String(v),
        final: null,
        maxState,
        maxGradNorm,
        dead: null,
      });
      return { step: n, loss: r.loss, gradNorm: r.gradNorm, stateMax: r.stateMax, evaluation };
    }
    windowSum += r.loss;
    if (r.result !== null) {
      // The trainer's own evaluation after the last step (budget, or solved exactly at the budget).
      const e = r.evaluation!;
      evaluation = { step: n, loss: e.loss, metric: e.metric };
      evals.push(evaluation);
      finishWith({
        status: r.result.status === 'solved' ? 'solved' : 'budget',
        step: n,
        final: { loss: e.loss, metric: e.metric },
        maxState,
        maxGradNorm,
        dead: deadUnits(s, trainer.layer),
      });
    } else if (n % PROTOCOL.evalEvery === 0) {
      const mean = windowSum / PROTOCOL.evalEvery;
      windowSum = 0;
      if (mean < gate) {
        const e = trainer.evaluate();
        evaluation = { step: n, loss: e.loss, metric: e.metric };
        evals.push(evaluation);
        if (e.solved) {
          const dead = deadUnits(s, trainer.layer);
          trainer.cancel();
          finishWith({ status: 'solved', step: n, final: { loss: e.loss, metric: e.metric }, maxState, maxGradNorm, dead });
        }
      }
    }
    return { step: n, loss: r.loss, gradNorm: r.gradNorm, stateMax: r.stateMax, evaluation };
  }

  return {
    spec: s,
    trainer,
    losses,
    states,
    evals,
    baseline,
    threshold,
    gate,
    get stepCount() {
      return trainer.stepCount;
    },
    get outcome() {
      return outcome;
    },
    fingerprint: () => fp.hex(),
    step,
    cancel() {
      if (outcome !== null) return outcome;
      trainer.cancel();
      return finishWith({ status: 'cancelled', step: trainer.stepCount, final: null, maxState, maxGradNorm, dead: null });
    },
  };
}

/** Runs to the end. `onStep` sees every step. */
export function runToEnd(spec: RunSpec, onStep?: (info: StepInfo, run: ExperimentRun) => void): ExperimentRun {
  const run = createExperimentRun(spec);
  while (run.outcome === null) {
    const info = run.step();
    onStep?.(info, run);
  }
  return run;
}

/**
 * The documented baseline predictor's loss measured on the held-out set (1024 sequences), next to the task's exact
 * expectation: adding — always predict 1 (expected MSE 1/6); up and down — always predict 0 (expected q(T+1)/(2T));
 * copy — blank with certainty, then uniform over the K symbols (cross-entropy L·ln K/T, the same on every set).
 */
export function baselineOnHeldOut(task: TaskId, T: number): { readonly expected: number; readonly heldOut: number } {
  const t = makeTask(task);
  const expected = t.baselineLoss(T);
  if (task === 'copy') return { expected, heldOut: expected };
  const data = t.generator()(createRng(HELD_OUT_SEED), T, PROTOCOL.heldOutSize);
  const c = task === 'adding' ? 1 : 0;
  let sum = 0;
  for (let k = 0; k < data.target.length; k++) sum += (data.target[k]! - c) ** 2;
  return { expected, heldOut: sum / data.target.length };
}
