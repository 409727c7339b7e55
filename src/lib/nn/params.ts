/**
 * Parameters as `{ w, dw }` typed-array pairs, in PyTorch's state_dict layout (shared by lstm.ts, gru.ts, rnn.ts).
 *
 * @module
 */
import type { Param, Rng } from './types.ts';
import { createRng } from './rng.ts';

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

/**
 * Seed of the stream a cell draws PyTorch's default initialisation from when it is given no `rng`
 * (`createLstm({ inputSize, hiddenSize })` is `createLstm({ …, rng: createRng(DEFAULT_INIT_SEED) })`).
 */
export const DEFAULT_INIT_SEED = 0;

/** How a cell's params start: PyTorch's default U(−1/√H, 1/√H) (`pytorch`, the default) or all zeros (`zeros`). */
export type InitMode = 'pytorch' | 'zeros';

/**
 * The generator a cell initialises from: `rng`, else `createRng(DEFAULT_INIT_SEED)`; `null` for `init: 'zeros'`
 * (which takes no `rng`: passing both is an error, so that neither is silently ignored).
 */
export function initStream(what: string, rng: Rng | undefined, init: InitMode | undefined): Rng | null {
  if (init !== undefined && init !== 'pytorch' && init !== 'zeros') {
    throw new RangeError(`${what}: init must be 'pytorch' or 'zeros', got ${String(init)}`);
  }
  if (init === 'zeros') {
    if (rng !== undefined) throw new RangeError(`${what}: init 'zeros' draws nothing, so it takes no rng`);
    return null;
  }
  return rng ?? createRng(DEFAULT_INIT_SEED);
}
