/**
 * Toy sequence tasks with exact definitions. A {@link Task} describes the input layout, the target, the loss, the
 * baseline and the success criterion; `task.generator()` returns a {@link TaskGenerator} `(rng, T, B) → TaskData`
 * that owns reusable buffers (each call overwrites the previous batch; buffers are reallocated only when T or B
 * change). All draws come from the given `Rng`, in the order stated per task, so a seed fixes a batch exactly.
 *
 * "Solved" is judged on a fixed held-out set: {@link HELD_OUT_SIZE} = 1024 sequences generated from
 * {@link HELD_OUT_SEED} (see `train.ts`), with the task's `evaluate`.
 *
 * @module
 */
import { argmax, crossEntropyLoss, mseLoss } from './loss.ts';
import type { ReadoutMode } from './readout.ts';
import type { Rng, SeqBatch } from './types.ts';
import { log } from './elementary-log-trig.ts';

/** Number of held-out sequences on which "solved" is decided. */
export const HELD_OUT_SIZE = 1024;

/** Seed of the held-out set: fixed, independent of the training seed, so every run is scored on the same data. */
export const HELD_OUT_SEED = 1024;

/** One generated batch. Views into the generator's buffers, valid until its next call. */
export interface TaskData {
  /** Inputs, time-major [T, B, I]. */
  readonly batch: SeqBatch;
  /**
   * Targets, one row per readout output row (`rows` of them): for an MSE task `outputSize` values per row; for a
   * cross-entropy task one class index per row. Rows are b for a `last` readout and t·B + b for an `every` readout.
   */
  readonly target: Float64Array;
  /** Number of target rows: B (`last` readout) or T·B (`every` readout). */
  readonly rows: number;
}

/** Result of scoring model outputs against a batch. */
export interface TaskEvaluation {
  /** The training loss on this batch (MSE or mean cross-entropy). */
  readonly loss: number;
  /** The task's success metric (see `Task.metric`). */
  readonly metric: number;
  /** Whether `metric` meets the task's success criterion. */
  readonly solved: boolean;
}

/** Fills reusable buffers with a fresh batch of B sequences of length T drawn from `rng`. */
export type TaskGenerator = (rng: Rng, T: number, B: number) => TaskData;

/** A toy task: its data, loss and success criterion. */
export interface Task {
  /** Stable identifier, e.g. `adding-le2015`. */
  readonly id: string;
  /** Human-readable name. */
  readonly title: string;
  /** Input features per step (I). */
  readonly inputSize: number;
  /** Readout outputs per row (1 for regression, number of classes for classification). */
  readonly outputSize: number;
  /** Which steps the readout reads. */
  readonly readout: ReadoutMode;
  /** Training loss. */
  readonly loss: 'mse' | 'cross-entropy';
  /** What `TaskEvaluation.metric` measures, and which way is better. */
  readonly metric: { readonly name: string; readonly higherIsBetter: boolean; readonly threshold: number };
  /** Smallest allowed sequence length T. */
  readonly minLength: number;
  /** Creates a generator with its own buffers. */
  generator(): TaskGenerator;
  /** Training loss of `output` (readout rows) on `data`; writes ∂loss/∂output into `grad` if given. */
  lossAndGrad(output: Float64Array, data: TaskData, grad: Float64Array | null): number;
  /** Loss, metric and success of `output` on `data` (usually the held-out set). */
  evaluate(output: Float64Array, data: TaskData): TaskEvaluation;
  /** Expected loss of the documented baseline predictor at length T (exact expectation, not a simulation). */
  baselineLoss(T: number): number;
}

/** Reusable buffers for a generator; reallocated when T or B change. */
function createBuffers(I: number, targetPerRow: number, every: boolean) {
  let T = -1;
  let B = -1;
  let data: TaskData = { batch: { T: 0, B: 0, I, x: new Float64Array(0) }, target: new Float64Array(0), rows: 0 };
  return (t: number, b: number): TaskData => {
    if (t !== T || b !== B) {
      T = t;
      B = b;
      const rows = every ? t * b : b;
      data = {
        batch: { T: t, B: b, I, x: new Float64Array(t * b * I) },
        target: new Float64Array(rows * targetPerRow),
        rows,
      };
    }
    return data;
  };
}

function checkSize(task: string, T: number, B: number, minLength: number): void {
  if (!Number.isInteger(T) || T < minLength) throw new RangeError(`${task}: T must be an integer ≥ ${minLength}, got ${T}`);
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`${task}: B must be a positive integer, got ${B}`);
}

function mseEvaluate(output: Float64Array, data: TaskData, threshold: number): TaskEvaluation {
  const loss = mseLoss(output, data.target, null, data.target.length);
  return { loss, metric: loss, solved: loss < threshold };
}

/**
 * Adding problem, variant of Le, Jaitly & Hinton 2015, "A Simple Way to Initialize Recurrent Networks of Rectified
 * Linear Units" (arXiv:1504.00941, §4.1).
 *
 * - Input, I = 2 per step: channel 0 is a value ~ U[0, 1); channel 1 is a marker, 1 at exactly two steps — one
 *   uniform in the first half [0, ⌊T/2⌋), one uniform in the second half [⌊T/2⌋, T) — and 0 elsewhere.
 * - Target (read at the last step, one number per sequence): the sum of the two marked values, in [0, 2).
 * - Loss: MSE (mean over the batch).
 * - Baseline: always predicting 1 (the mean of the target) has expected MSE Var(X₁ + X₂) = 2·(1/12) = 1/6.
 * - Solved: MSE < 0.01 on the held-out set (1024 sequences, seed {@link HELD_OUT_SEED}).
 * - Draw order per sequence b = 0 … B−1: T values (t = 0 … T−1), then `int(⌊T/2⌋)`, then `int(T − ⌊T/2⌋)`.
 * - T ≥ 2.
 */
export function addingProblem(): Task {
  const threshold = 0.01;
  return {
    id: 'adding-le2015',
    title: 'Adding problem (Le et al. 2015)',
    inputSize: 2,
    outputSize: 1,
    readout: 'last',
    loss: 'mse',
    metric: { name: 'MSE', higherIsBetter: false, threshold },
    minLength: 2,
    generator() {
      const buffers = createBuffers(2, 1, false);
      return (rng, T, B) => {
        checkSize('addingProblem', T, B, 2);
        const data = buffers(T, B);
        const x = data.batch.x;
        const y = data.target;
        const half = Math.floor(T / 2);
        for (let b = 0; b < B; b++) {
          for (let t = 0; t < T; t++) {
            const o = (t * B + b) * 2;
            x[o] = rng.next();
            x[o + 1] = 0;
          }
          const m1 = rng.int(half);
          const m2 = half + rng.int(T - half);
          x[(m1 * B + b) * 2 + 1] = 1;
          x[(m2 * B + b) * 2 + 1] = 1;
          y[b] = x[(m1 * B + b) * 2]! + x[(m2 * B + b) * 2]!;
        }
        return data;
      };
    },
    lossAndGrad: (output, data, grad) => mseLoss(output, data.target, grad, data.target.length),
    evaluate: (output, data) => mseEvaluate(output, data, threshold),
    baselineLoss: () => 1 / 6,
  };
}

/**
 * Adding problem as in Hochreiter & Schmidhuber 1997, "Long Short-Term Memory" (Neural Computation 9(8),
 * Experiment 4; the same task is Experiment 1 of their NIPS 1996 paper "LSTM can solve hard long time lag
 * problems"). Their text: values from [−1, 1]; "we first randomly select and mark one of the first ten pairs
 * (X₁). Then we randomly select and mark one of the first T/2 − 1 still unmarked pairs (X₂). The second components
 * of the remaining pairs are zero except for the first and final pair, whose second components are −1 (X₁ is set to
 * zero in the rare case where the first pair of the sequence got marked)"; target 0.5 + (X₁ + X₂)/4.0; "a sequence
 * was processed correctly if the absolute error at the sequence end is below 0.04".
 *
 * Our exact definition (h = ⌊T/2⌋):
 * - Input, I = 2 per step: channel 0 a value ~ U[−1, 1); channel 1 the marker: 1 at the two marked steps, −1 at
 *   steps 0 and T−1 unless marked, 0 elsewhere.
 * - First mark m₁ uniform in [0, min(10, h)); second mark m₂ uniform over {0, …, h−1} \ {m₁}. We read "the first
 *   T/2 − 1 still unmarked pairs" as the h − 1 unmarked pairs among the first h; the paper is ambiguous here.
 * - If step 0 is marked (by either mark) its value is set to 0. (The paper says "X₁"; setting the value of whichever
 *   mark sits at step 0 is our reading.)
 * - Target (last step): 0.5 + (X₁ + X₂)/4.0, in [0, 1]. Loss: MSE.
 * - Deviation: every sequence in a batch has length exactly T. The paper draws each length uniformly from
 *   [T, T + T/10]; fixed-length batches keep the time-major layout dense.
 * - Baseline: predicting 0.5 has expected MSE (2 − p₀)/48 where p₀ = P(step 0 marked) = 1/n₁ + (1 − 1/n₁)/(h − 1),
 *   n₁ = min(10, h) (each non-zeroed X has E[X²] = 1/3). It gets a sequence "correct" with probability ≈ 0.15.
 * - Solved (our held-out analogue of their stopping rule "2000 most recent sequences processed correctly"): every
 *   one of the 1024 held-out sequences has absolute error < 0.04, i.e. metric = fraction correct = 1.
 * - Draw order per sequence: T values, then `int(n₁)`, then `int(h − 1)`.
 * - T ≥ 4.
 */
export function addingProblemHochreiter(): Task {
  return {
    id: 'adding-hochreiter1997',
    title: 'Adding problem (Hochreiter & Schmidhuber 1997)',
    inputSize: 2,
    outputSize: 1,
    readout: 'last',
    loss: 'mse',
    metric: { name: 'fraction with |error| < 0.04', higherIsBetter: true, threshold: 1 },
    minLength: 4,
    generator() {
      const buffers = createBuffers(2, 1, false);
      return (rng, T, B) => {
        checkSize('addingProblemHochreiter', T, B, 4);
        const data = buffers(T, B);
        const x = data.batch.x;
        const y = data.target;
        const h = Math.floor(T / 2);
        const n1 = Math.min(10, h);
        for (let b = 0; b < B; b++) {
          for (let t = 0; t < T; t++) {
            const o = (t * B + b) * 2;
            x[o] = rng.uniform(-1, 1);
            x[o + 1] = 0;
          }
          const m1 = rng.int(n1);
          const r = rng.int(h - 1);
          const m2 = r < m1 ? r : r + 1;
          x[b * 2 + 1] = -1;
          x[((T - 1) * B + b) * 2 + 1] = -1;
          x[(m1 * B + b) * 2 + 1] = 1;
          x[(m2 * B + b) * 2 + 1] = 1;
          if (m1 === 0 || m2 === 0) x[b * 2] = 0;
          y[b] = 0.5 + (x[(m1 * B + b) * 2]! + x[(m2 * B + b) * 2]!) / 4.0;
        }
        return data;
      };
    },
    lossAndGrad: (output, data, grad) => mseLoss(output, data.target, grad, data.target.length),
    evaluate(output, data) {
      const loss = mseLoss(output, data.target, null, data.target.length);
      let correct = 0;
      for (let r = 0; r < data.rows; r++) if (Math.abs(output[r]! - data.target[r]!) < 0.04) correct++;
      const metric = correct / data.rows;
      return { loss, metric, solved: metric >= 1 };
    },
    baselineLoss(T) {
      const h = Math.floor(T / 2);
      const n1 = Math.min(10, h);
      const p0 = 1 / n1 + (1 - 1 / n1) / (h - 1);
      return (2 - p0) / 48;
    },
  };
}

/** Options of {@link copyTask}. */
export interface CopyTaskOptions {
  /** Number K of data symbols. Default 8. */
  readonly symbols?: number;
  /** Number L of symbols to copy. Default 10. */
  readonly length?: number;
}

/**
 * Copy (copying-memory) task in the form of Arjovsky, Shah & Bengio 2016, "Unitary Evolution Recurrent Neural
 * Networks" (arXiv:1511.06464, §4.1), after Hochreiter & Schmidhuber 1997. T is the total length; the delay between
 * the last symbol and the first recall step is D = T − 2L (Arjovsky et al.'s "T" is our D, their L = 10, K = 8).
 *
 * - Input, I = K + 2 one-hot channels per step: 0 = blank, 1 … K = symbols, K + 1 = "go".
 *   Steps 0 … L−1: symbols s₀ … s_{L−1}, each uniform in {1 … K}; steps L … T−L−2: blank; step T−L−1: go;
 *   steps T−L … T−1: blank.
 * - Target at every step (K + 1 classes, 0 = blank): blank for t < T − L, then s_{t−(T−L)}.
 * - Loss: softmax cross-entropy, mean over all T·B steps (as Arjovsky et al.).
 * - Baseline: predict blank with certainty before the recall steps and uniform over the K symbols during them:
 *   cross-entropy L·ln K / T.
 * - Metric: per-symbol accuracy (argmax of the logits) over the L·B recall steps. Solved: accuracy ≥ 0.99 on the
 *   held-out set (the baseline's accuracy is 1/K).
 * - Draw order: per sequence, L calls `int(K)`.
 * - T ≥ 2L + 1.
 */
export function copyTask(options: CopyTaskOptions = {}): Task {
  const K = options.symbols ?? 8;
  const L = options.length ?? 10;
  if (!(Number.isInteger(K) && K >= 1 && Number.isInteger(L) && L >= 1)) {
    throw new RangeError(`copyTask: symbols and length must be positive integers, got ${K}, ${L}`);
  }
  const I = K + 2;
  const C = K + 1;
  const threshold = 0.99;
  const minLength = 2 * L + 1;
  return {
    id: 'copy',
    title: `Copy task (K = ${K}, L = ${L})`,
    inputSize: I,
    outputSize: C,
    readout: 'every',
    loss: 'cross-entropy',
    metric: { name: 'recall accuracy', higherIsBetter: true, threshold },
    minLength,
    generator() {
      const buffers = createBuffers(I, 1, true);
      return (rng, T, B) => {
        checkSize('copyTask', T, B, minLength);
        const data = buffers(T, B);
        const x = data.batch.x;
        const y = data.target;
        x.fill(0);
        y.fill(0);
        for (let b = 0; b < B; b++) {
          for (let j = 0; j < L; j++) {
            const s = 1 + rng.int(K);
            x[(j * B + b) * I + s] = 1;
            y[(T - L + j) * B + b] = s;
          }
          for (let t = L; t < T; t++) x[(t * B + b) * I + (t === T - L - 1 ? K + 1 : 0)] = 1;
        }
        return data;
      };
    },
    lossAndGrad: (output, data, grad) => crossEntropyLoss(output, data.target, data.rows, C, grad),
    evaluate(output, data) {
      const loss = crossEntropyLoss(output, data.target, data.rows, C, null);
      const { T, B } = data.batch;
      let correct = 0;
      for (let t = T - L; t < T; t++) {
        for (let b = 0; b < B; b++) {
          const r = t * B + b;
          if (argmax(output, r * C, C) === data.target[r]) correct++;
        }
      }
      const metric = correct / (L * B);
      return { loss, metric, solved: metric >= threshold };
    },
    baselineLoss: (T) => (L * log(K)) / T,
  };
}

/** Options of {@link upDownTask}. */
export interface UpDownTaskOptions {
  /** Probability q that a step is a move (+1 or −1, each with probability q/2); otherwise 0. Default 0.5. */
  readonly moveProbability?: number;
}

/**
 * "Up and down" counting task (ours, made for this site). It needs a cell state that can go **down** as well as
 * up: with c₀ = 0 and a non-negative candidate (e.g. a sigmoid instead of tanh), c_t = f·c_{t−1} + i·g can never
 * become negative, so it can only track a negative count through decay or an offset, not by subtracting.
 *
 * - Input, I = 1 per step: u_t ∈ {+1, −1, 0} with probabilities q/2, q/2, 1 − q (q = `moveProbability`).
 * - Target at every step: the scaled running sum y_t = (u₀ + … + u_t)/√T, which keeps targets O(1) for any T
 *   (Var y_{T−1} = q).
 * - Loss: MSE over all T·B steps.
 * - Baseline: predicting 0 (the mean) everywhere has expected MSE (1/T)·Σ_t q(t+1)/T = q(T + 1)/(2T).
 * - Solved: MSE < 0.01 on the held-out set (a 25-fold reduction from the baseline ≈ 0.25 at q = 0.5).
 * - Draw order: per sequence b, T calls `next()`: r < q/2 ⇒ +1, r < q ⇒ −1, else 0.
 * - T ≥ 1.
 */
export function upDownTask(options: UpDownTaskOptions = {}): Task {
  const q = options.moveProbability ?? 0.5;
  if (!(q > 0 && q <= 1)) throw new RangeError(`upDownTask: moveProbability must be in (0, 1], got ${q}`);
  const threshold = 0.01;
  return {
    id: 'up-down',
    title: 'Up and down (running sum)',
    inputSize: 1,
    outputSize: 1,
    readout: 'every',
    loss: 'mse',
    metric: { name: 'MSE', higherIsBetter: false, threshold },
    minLength: 1,
    generator() {
      const buffers = createBuffers(1, 1, true);
      return (rng, T, B) => {
        checkSize('upDownTask', T, B, 1);
        const data = buffers(T, B);
        const x = data.batch.x;
        const y = data.target;
        const scale = 1 / Math.sqrt(T);
        for (let b = 0; b < B; b++) {
          let s = 0;
          for (let t = 0; t < T; t++) {
            const r = rng.next();
            const u = r < q / 2 ? 1 : r < q ? -1 : 0;
            s += u;
            x[t * B + b] = u;
            y[t * B + b] = s * scale;
          }
        }
        return data;
      };
    },
    lossAndGrad: (output, data, grad) => mseLoss(output, data.target, grad, data.target.length),
    evaluate: (output, data) => mseEvaluate(output, data, threshold),
    baselineLoss: (T) => (q * (T + 1)) / (2 * T),
  };
}
