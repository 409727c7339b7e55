/**
 * Messages between the live-run island (LiveRun.tsx) and its Web Worker (run.worker.ts), and the windows of steps
 * the worker's curve points stand for.
 */
import type { RunWeights } from '../../experiments/first-batch';
import type { RunOutcome } from '../../experiments/runner';
import type { RunSpec } from '../../experiments/spec';

/** Steps per point of the live curves after their first {@link LIVE_STEPWISE} steps, which get a point each. */
export const LIVE_EVERY = 10;
/** The first steps drawn one point per step (so that a run that blows up at once is seen doing it). */
export const LIVE_STEPWISE = 50;

/** The steps [from, to) of the live curves' window `w`: one step each at first, then {@link LIVE_EVERY}. */
export function liveWindow(w: number): readonly [number, number] {
  if (w < LIVE_STEPWISE) return [w, w + 1];
  const from = LIVE_STEPWISE + (w - LIVE_STEPWISE) * LIVE_EVERY;
  return [from, from + LIVE_EVERY];
}

/** The number of live windows in `steps` steps: complete ones, or with the last partial one when `partial`. */
export function liveWindows(steps: number, partial: boolean): number {
  if (steps <= LIVE_STEPWISE) return steps;
  const rest = (steps - LIVE_STEPWISE) / LIVE_EVERY;
  return LIVE_STEPWISE + (partial ? Math.ceil(rest) : Math.floor(rest));
}

export type ToWorker =
  | { readonly type: 'start'; readonly id: number; readonly spec: RunSpec }
  | { readonly type: 'pause'; readonly id: number }
  | { readonly type: 'resume'; readonly id: number }
  | { readonly type: 'cancel'; readonly id: number }
  /** The weights of run `id` as they are now (paused or ended), and their loss on the run's first batch. */
  | { readonly type: 'weights'; readonly id: number };

export type FromWorker =
  | {
      readonly type: 'ready';
      readonly id: number;
      /** Expected loss of the task's baseline predictor at this T. */
      readonly baseline: number;
      /** Success threshold of the task's metric. */
      readonly threshold: number;
      readonly metricName: string;
      readonly higherIsBetter: boolean;
      readonly loss: 'mse' | 'cross-entropy';
    }
  | {
      readonly type: 'progress';
      readonly id: number;
      /** Completed steps. */
      readonly step: number;
      /** New curve points since the last message: [last step of the window, mean training loss] (loss NaN → null). */
      readonly points: readonly (readonly [number, number | null])[];
      /** The same windows' largest |c| or |h| (null: none finite). */
      readonly statePoints: readonly (readonly [number, number | null])[];
      /** New held-out evaluations: [step, loss, metric]. */
      readonly evals: readonly (readonly [number, number, number])[];
      /** Largest |c| or |h| so far. */
      readonly maxState: number;
      /** Training time so far (ms, pauses excluded). */
      readonly ms: number;
      /** Set once the first PROTOCOL.fingerprintSteps steps are done: their fingerprint, and the first losses. */
      readonly fingerprint?: string;
      readonly head?: readonly number[];
    }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly outcome: RunOutcome;
      readonly fingerprint: string;
      readonly fingerprintSteps: number;
      readonly head: readonly number[];
      readonly ms: number;
      readonly baseline: number;
    }
  /** The answer to a `weights` request: the weights, or (null) why there are none. */
  | { readonly type: 'weights'; readonly id: number; readonly weights: RunWeights | null; readonly problem?: string }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
