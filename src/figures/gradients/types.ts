/**
 * Types and constants of the gradient-flow figures, without any dependency on the numerical library, so that the
 * islands can import them (and render a precomputed result) without loading the library; compute.ts loads it.
 *
 * @module
 */
import { ACTIVATION_KEYS, type ActivationKey } from '../../lib/nn/activations.ts';
import type { NormFlag } from '../../lib/nn/gradflow.ts';
import type { CellKind } from '../../lib/nn/types.ts';

/** How the recurrent weight matrix (each gate block of it) is drawn. */
export type WeightInit = 'orth' | 'gauss';

/** The settings of one computation (also the figures' URL state, see state.ts). */
export interface FlowParams {
  /** Cell. */
  readonly c: CellKind;
  /** Activation: φ of the RNN; the candidate (and, in the LSTM, the cell output) of the gated cells. */
  readonly a: ActivationKey;
  /** Recurrent weight scale ρ: every gate block of W_hh has spectral radius ρ. */
  readonly r: number;
  /** `orth`: W = ρ·Q with Q random orthogonal (all singular values ρ); `gauss`: Gaussian rescaled to radius ρ. */
  readonly w: WeightInit;
  /** Gate bias: the LSTM's effective forget bias b_if + b_hf, the GRU's update-gate bias b_iz + b_hz. */
  readonly bf: number;
  /** Sequence length T. */
  readonly t: number;
  /** Seed of the weights and the inputs. */
  readonly s: number;
}

/** Options of {@link computeFlow} that are not part of the figure state. */
export interface FlowOptions {
  /** Hidden units H. Default {@link HIDDEN}. */
  readonly hidden?: number | undefined;
  /** Gradient-norm threshold for the clipping read-out. Default {@link CLIP_THRESHOLD}. */
  readonly clip?: number | undefined;
}

/** Hidden units of the figures. */
export const HIDDEN = 32;
/** Input features per step (x_t ~ N(0, 1)). */
export const INPUT = 1;
/** Clipping threshold of the read-out (Pascanu et al. 2013 clip the norm; 1 is a common choice). */
export const CLIP_THRESHOLD = 1;
/** Gate blocks per cell. */
export const GATE_BLOCKS: Readonly<Record<CellKind, number>> = Object.freeze({ rnn: 1, lstm: 4, gru: 3 });
/** Display names of the cells. */
export const CELL_NAMES: Readonly<Record<CellKind, string>> = Object.freeze({ rnn: 'vanilla RNN', lstm: 'LSTM', gru: 'GRU' });
/** Every cell, in menu order. */
export const CELLS: readonly CellKind[] = Object.freeze(['rnn', 'lstm', 'gru'] as const);
/** Every activation the figures offer (the whole registry). */
export const FLOW_ACTIVATIONS: readonly ActivationKey[] = ACTIVATION_KEYS;

/** Largest log10 a float64 can hold (log10 of Number.MAX_VALUE ≈ 308.25). */
export const LOG10_MAX = Math.log10(Number.MAX_VALUE);

/** A series indexed by lag (index k is lag k): exact log10 values and one flag per lag. */
export interface LagSeries {
  /** log10 of the value (−Infinity for an exact zero). Finite even outside the float64 range. */
  readonly log10: Float64Array;
  readonly flags: readonly NormFlag[];
}

/** Which reference curve {@link FlowResult.ref} holds. */
export type RefKind = 'bound' | 'cell-path' | 'update-path';

/** Everything a figure shows for one {@link FlowParams}. Structured-cloneable (sent from the Web Worker). */
export interface FlowResult {
  readonly params: FlowParams;
  /** Hidden units used. */
  readonly hidden: number;
  /** Length of the sequence the loss was computed on: `params.t`, or less if the forward pass overflowed. */
  readonly T: number;
  /**
   * −1 if the loss is at the last step; otherwise the first step (0-based) whose state (h, or the LSTM's c) is not
   * a finite number (`cutReason` 'nonfinite') or, if the backward pass from there still overflowed, exceeds 1e154
   * ('huge'). The loss is then taken at step overflowStep − 1 and `T` = overflowStep.
   */
  readonly overflowStep: number;
  readonly cutReason: CutReason;
  /** ‖∂L/∂h_t‖ by lag. */
  readonly h: LagSeries;
  /** ‖∂L/∂c_t‖ by lag (LSTM), otherwise null. */
  readonly c: LagSeries | null;
  /** The reference curve by lag (see the module comment). */
  readonly ref: LagSeries;
  readonly refKind: RefKind;
  /** γ = max |φ′| of the activation (registry `maxSlope`). */
  readonly gamma: number;
  /** Spectral norm ‖W‖₂ of W_hh (RNN) or of its first gate block (i for the LSTM, r for the GRU). */
  readonly wNorm: number;
  /** Spectral radius of the same block. */
  readonly wRadius: number;
  /** Gradient clipping of ‖∂L/∂θ‖ (all parameters) to {@link FlowOptions.clip}. */
  readonly clip: ClipReport;
  /** Mean forget gate f (LSTM) or update gate z (GRU) over all units and steps; NaN for the RNN. */
  readonly meanGate: number;
}

/** The gradient of all parameters before and after `clipGradNorm` (library, PyTorch's clip_grad_norm_). */
export interface ClipReport {
  readonly threshold: number;
  /** ‖∂L/∂θ‖ before clipping, as float64 (Infinity if it overflowed). */
  readonly before: number;
  /** After clipping (NaN if the gradient was not finite: clipping cannot repair an overflow). */
  readonly after: number;
  /** The factor every gradient entry was multiplied by (1 if no clipping was needed). */
  readonly factor: number;
}

/** Why the loss was moved before step T: the state was not finite, or too large for the backward pass. */
export type CutReason = 'nonfinite' | 'huge' | null;
