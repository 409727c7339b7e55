/**
 * The numerical library of Why tanh?: activations with derivatives, LSTM / GRU / vanilla RNN cells with exact
 * backpropagation through time (PyTorch's parameter layout and gate order), seeded randomness, initialisers,
 * optimisers, losses, toy tasks and a cancellable training loop. Float64 throughout; a leaf with no imports from
 * the UI. See README.md ("The numerical library") for a runnable example.
 *
 * @packageDocumentation
 */
export type * from './types';
export * from './activations';
export { createRng } from './rng';
export * from './lstm';
export * from './gru';
export * from './rnn';
export * from './gradflow';
export * from './readout';
export * from './loss';
export * from './optim';
export * from './tasks';
export * from './train';
export * from './state-dict';
/** Initialisers (PyTorch default, Glorot, orthogonal, identity, spectral scaling), namespaced: `init.orthogonal(…)`. */
export * as init from './init';
