/**
 * "Use my own weights": what the cell explorer and the gradient-flow figures compute for a reader's own model, loaded
 * from its PyTorch `state_dict` (src/lib/nn/from-state-dict.ts). Plain, deterministic TypeScript: the Web Worker
 * (./byo.worker.ts), the unit tests and the browser test's reference in Node all call these same functions, so the
 * figure's numbers can be checked bit for bit against the library.
 *
 * The probe: a reader's model was trained on data this site does not have, so it is run on a probe sequence,
 * x_t ~ N(0, 1) for every input feature, drawn from the library's seeded generator (`createRng(seed)`, time-major:
 * x[t·I + i]), from zero initial states.
 * - The cell explorer shows one unit j at one step t of the LSTM on that probe: gates, candidate, cell and hidden
 *   state, with the share of saturated gates over all units ({@link saturation}).
 * - The gradient-flow figure measures ‖∂L/∂h_t‖ (and ‖∂L/∂c_t‖) of L = vᵀh_{T−1}, v = (1, …, 1)/√H, exactly as for its
 *   own networks (`measureFlow` of src/figures/gradients/compute.ts), on the reader's LSTM, GRU or RNN.
 *
 * @module
 */
import { createRng } from '../../lib/nn/rng.ts';
import type { Gru } from '../../lib/nn/gru.ts';
import type { Lstm } from '../../lib/nn/lstm.ts';
import type { Rnn } from '../../lib/nn/rnn.ts';

/** A reader's layer. */
export type ByoLayer = Lstm | Gru | Rnn;

/** The probe's settings. */
export interface ProbeSettings {
  /** Steps of the probe sequence. */
  readonly T: number;
  /** Seed of the probe inputs. */
  readonly seed: number;
}

/** The probe inputs: T·I draws of N(0, 1) from `createRng(seed)`, time-major. */
export function probeInput(inputSize: number, T: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(T * inputSize);
  for (let k = 0; k < x.length; k++) x[k] = rng.normal();
  return x;
}
