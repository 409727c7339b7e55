/**
 * Shared types of the numerical library. This folder (`src/lib/`) is a leaf:
 * it imports nothing from the UI (no Preact, no Astro, no DOM).
 *
 * Memory layout conventions (all float64, row-major):
 * - A sequence batch is time-major: element (t, b, i) of `x` sits at `x[(t * B + b) * I + i]`.
 * - Hidden/cell states for a batch: (b, j) at `h[b * H + j]`; over time: (t, b, j) at `hs[(t * B + b) * H + j]`.
 * - Weights follow PyTorch: `weight_ih` is [G·H, I], `weight_hh` is [G·H, H] with G = 4 (LSTM: i, f, g, o),
 *   3 (GRU: r, z, n) or 1 (vanilla RNN); biases `bias_ih`, `bias_hh` are [G·H].
 */

/** A trainable tensor: values `w` and the gradient `dw` accumulated by `backward` (recurrentjs style). */
export interface Param {
  /** PyTorch state_dict name, e.g. `weight_ih_l0`. */
  readonly name: string;
  /** Shape, row-major, e.g. [4 * H, I]. */
  readonly shape: readonly number[];
  /** Values. */
  readonly w: Float64Array;
  /** Gradient of the loss with respect to `w`; accumulated, cleared by `zeroGrad`. */
  readonly dw: Float64Array;
}

/** A seeded pseudo-random generator. The seed fully determines the stream. */
export interface Rng {
  /** The seed this generator was created with. */
  readonly seed: number;
  /** Uniform on [0, 1). */
  next(): number;
  /** Uniform on [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** A batch of sequences, time-major (see the file comment). */
export interface SeqBatch {
  /** Number of time steps. */
  readonly T: number;
  /** Batch size. */
  readonly B: number;
  /** Features per step. */
  readonly I: number;
  /** Values, length T·B·I. */
  readonly x: Float64Array;
}

/** The minimum a recurrent cell implementation needs from an activation function. */
export interface ActivationFn {
  /** Registry key, e.g. `tanh`. */
  readonly key: string;
  /** Value f(z). */
  readonly f: (z: number) => number;
  /** First derivative f′(z). */
  readonly df: (z: number) => number;
}

/** Which recurrent cell. */
export type CellKind = 'lstm' | 'gru' | 'rnn';

/** Gradient flow through time, measured by one backward pass (for the vanishing-gradient demos). */
export interface GradientFlow {
  /** ‖∂L/∂h_t‖ (Frobenius over the batch) for t = 0 … T−1. */
  readonly hNorm: Float64Array;
  /** ‖∂L/∂c_t‖ for t = 0 … T−1 (LSTM only; empty otherwise). */
  readonly cNorm: Float64Array;
}

/**
 * A recurrent layer with exact backpropagation through time.
 * Buffers are preallocated for a maximum (T, B) and reused; returned arrays are views that stay valid until
 * the next call of `forward`.
 */
export interface RecurrentLayer {
  readonly kind: CellKind;
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** Trainable parameters in PyTorch state_dict order. */
  readonly params: readonly Param[];
  /**
   * Runs the sequence. `h0`/`c0` (length B·H) default to zeros.
   * Returns all hidden states, [T, B, H].
   */
  forward(batch: SeqBatch, h0?: Float64Array, c0?: Float64Array): Float64Array;
  /**
   * Backpropagates `dhs` = ∂L/∂h_t for every t ([T, B, H], as produced by a readout) through the last `forward`.
   * Accumulates parameter gradients into each `Param.dw` and returns the gradients with respect to the inputs
   * ([T, B, I]) and the initial state(s) (length B·H).
   */
  backward(dhs: Float64Array, options?: LayerBackwardOptions): LayerGradients;
}

/** Options that every {@link RecurrentLayer.backward} understands. */
export interface LayerBackwardOptions {
  /**
   * Compute ∂L/∂x (default `true`). Training a layer whose input is data never needs it, so the trainer passes
   * `false`: `dx` is then returned empty and the multiplies that only feed it are skipped. Every other result is
   * bit-for-bit the same either way.
   */
  readonly inputGrads?: boolean;
}

/** What `RecurrentLayer.backward` returns. Views into preallocated buffers. */
export interface LayerGradients {
  /** ∂L/∂x, [T, B, I]. */
  readonly dx: Float64Array;
  /** ∂L/∂h_0, length B·H. */
  readonly dh0: Float64Array;
  /** ∂L/∂c_0, length B·H (LSTM only; empty otherwise). */
  readonly dc0: Float64Array;
  /** Per-time-step gradient norms seen during this backward pass. */
  readonly flow: GradientFlow;
}
