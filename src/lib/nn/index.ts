/**
 * The numerical library of Why tanh?: activations with derivatives, LSTM / GRU / vanilla RNN cells with exact
 * backpropagation through time (PyTorch's parameter layout and gate order), seeded randomness, initialisers,
 * optimisers, losses, toy tasks and a cancellable training loop. Float64 throughout; a leaf with no imports from
 * the UI. See README.md ("The numerical library") for a runnable example.
 *
 * @packageDocumentation
 */
export type * from './types.ts';
export * from './activations.ts';
export { createRng } from './rng.ts';
export * from './lstm.ts';
export * from './lstm-step.ts';
export * from './gru.ts';
export * from './rnn.ts';
export * from './gradflow.ts';
export * from './readout.ts';
export * from './loss.ts';
export * from './optim.ts';
export * from './tasks.ts';
export * from './train.ts';
export * from './state-dict.ts';
export * from './from-state-dict.ts';
export { DEFAULT_INIT_SEED, type InitMode } from './params.ts';
/** Initialisers (PyTorch default, Glorot, orthogonal, identity, spectral scaling), namespaced: `init.orthogonal(…)`. */
export * as init from './init.ts';
