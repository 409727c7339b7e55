/**
 * Input validation shared by the recurrent cells (lstm.ts, gru.ts, rnn.ts): sizes, batches and initial states.
 *
 * @module
 */
import type { SeqBatch } from './types.ts';

/** Throws a RangeError unless `n` is a positive integer. */
export function checkSize(what: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${what} must be a positive integer, got ${n}`);
}

/** Throws unless `batch` is a well-formed {@link SeqBatch} with `I === inputSize`. */
export function checkBatch(layer: string, batch: SeqBatch, inputSize: number): void {
  const { T, B, I, x } = batch;
  if (!Number.isInteger(T) || T < 1 || !Number.isInteger(B) || B < 1) {
    throw new RangeError(`${layer}.forward: T and B must be positive integers, got T=${T}, B=${B}`);
  }
  if (I !== inputSize) throw new RangeError(`${layer}.forward: batch has I=${I} features, layer expects ${inputSize}`);
  if (x.length !== T * B * I) {
    throw new RangeError(`${layer}.forward: x has length ${x.length}, expected T·B·I = ${T * B * I}`);
  }
}

/** Throws unless `state` is absent or has length B·H. */
export function checkState(layer: string, name: string, state: Float64Array | undefined, BH: number): void {
  if (state !== undefined && state.length !== BH) {
    throw new RangeError(`${layer}.forward: ${name} has length ${state.length}, expected B·H = ${BH}`);
  }
}

/**
 * Checks the seeds of a backward pass: `dhs` holds ∂L/∂h_t for every step (length `n` = T·B·H) or is empty (no
 * per-step seed, as for a loss on the last state given through `dhLast`); `dhLast`, if given, has length B·H.
 */
export function checkSeeds(layer: string, dhs: Float64Array, n: number, dhLast: Float64Array | undefined, BH: number): void {
  if (dhs.length !== n && dhs.length !== 0) {
    throw new RangeError(`${layer}.backward: dhs has length ${dhs.length}, expected T·B·H = ${n} (or 0 for no per-step seed)`);
  }
  if (dhLast !== undefined && dhLast.length !== BH) {
    throw new RangeError(`${layer}.backward: dhLast has length ${dhLast.length}, expected B·H = ${BH}`);
  }
}
