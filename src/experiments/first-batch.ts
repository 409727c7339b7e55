/**
 * A run's first training batch, and the training loss of a model on it: what the live-run figure's "Weights &
 * PyTorch script" reports for the weights it exports (src/figures/export/run-export.ts), and what the exported script
 * prints again in PyTorch. The batch is the one the trainer draws first (its data stream `createRng(subSeed(seed, 2))`,
 * train.ts), so at the initial weights the loss is the run's step-1 training loss, bit for bit.
 *
 * Imports only `src/lib` and the experiment spec: the live run's Web Worker runs it on the run's own layer.
 *
 * @module
 */
import { createRng } from '../lib/nn/rng.ts';
import { createSequenceReadout, type Linear } from '../lib/nn/readout.ts';
import type { TaskData } from '../lib/nn/tasks.ts';
import { subSeed } from '../lib/nn/train.ts';
import type { RecurrentLayer } from '../lib/nn/types.ts';
import { makeTask } from './runner.ts';
import { PROTOCOL, normalizeSpec, type RunSpec } from './spec.ts';

/** The trainer's stream number of the training data (train.ts: init 1, data 2). */
export const DATA_STREAM = 2;

/** The first training batch of a run: B = {@link PROTOCOL.batchSize} sequences of length T. */
export function firstBatch(spec: RunSpec): TaskData {
  const s = normalizeSpec(spec);
  return makeTask(s.task).generator()(createRng(subSeed(s.seed, DATA_STREAM)), s.T, PROTOCOL.batchSize);
}

/**
 * The training loss (the task's MSE or cross-entropy) of `layer` and its readout `linear` on the run's first batch.
 * Runs a forward pass of both (their buffers change; their weights do not).
 */
export function firstBatchLoss(spec: RunSpec, layer: RecurrentLayer, linear: Linear): number {
  const s = normalizeSpec(spec);
  const task = makeTask(s.task);
  const data = firstBatch(s);
  const hs = layer.forward(data.batch);
  const out = createSequenceReadout(linear, task.readout).forward(hs, s.T, data.batch.B);
  return task.lossAndGrad(out, data, null);
}

/** One trained tensor as plain data (a {@link Param} without its gradient), as the live run's worker posts it. */
export interface ParamValues {
  readonly name: string;
  readonly shape: readonly number[];
  readonly w: Float64Array;
}

/** A run's model after `step` updates: the recurrent layer's and the readout's tensors, and its first-batch loss. */
export interface RunWeights {
  readonly spec: RunSpec;
  /** Completed updates (the weights are those after this step). */
  readonly step: number;
  /** The recurrent layer's params, PyTorch's names (`weight_ih_l0`, …). */
  readonly layer: readonly ParamValues[];
  /** The readout's `weight` [O, H] and `bias` [O] (torch.nn.Linear's names). */
  readonly readout: readonly ParamValues[];
  /** {@link firstBatchLoss} of these weights. */
  readonly loss: number;
}

const copyOf = (ps: readonly ParamValues[]): ParamValues[] =>
  ps.map((p) => ({ name: p.name, shape: [...p.shape], w: Float64Array.from(p.w) }));

/** The weights of a model (copies) and their first-batch loss: what the live run's worker posts when asked. */
export function runWeights(spec: RunSpec, step: number, layer: RecurrentLayer, linear: Linear): RunWeights {
  const loss = firstBatchLoss(spec, layer, linear);
  return { spec: normalizeSpec(spec), step, layer: copyOf(layer.params), readout: copyOf(linear.params), loss };
}
