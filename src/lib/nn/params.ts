/**
 * Parameters as `{ w, dw }` typed-array pairs, in PyTorch's state_dict layout (shared by lstm.ts, gru.ts, rnn.ts).
 *
 * @module
 */
import type { Param } from './types.ts';

/** Creates a zero-filled {@link Param}. */
export function createParam(name: string, shape: readonly number[]): Param {
  let n = 1;
  for (const d of shape) n *= d;
  return { name, shape: Object.freeze([...shape]), w: new Float64Array(n), dw: new Float64Array(n) };
}

/**
 * The four params of a single-layer PyTorch recurrent module with G gate blocks, in state_dict order:
 * `weight_ih_l0` [G·H, I], `weight_hh_l0` [G·H, H], `bias_ih_l0` [G·H], `bias_hh_l0` [G·H].
 */
export function createRecurrentParams(gates: number, inputSize: number, hiddenSize: number): [Param, Param, Param, Param] {
  const GH = gates * hiddenSize;
  return [
    createParam('weight_ih_l0', [GH, inputSize]),
    createParam('weight_hh_l0', [GH, hiddenSize]),
    createParam('bias_ih_l0', [GH]),
    createParam('bias_hh_l0', [GH]),
  ];
}
