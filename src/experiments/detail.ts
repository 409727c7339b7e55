/**
 * The first steps of a committed run, recomputed one by one (the committed file keeps windows of
 * {@link PROTOCOL.evalEvery} steps): its training loss and largest |c| or |h| at each step, so that a run that
 * diverged within its first window can be shown step by step. Checked bit for bit against the committed fingerprint
 * of those steps: a recomputation that differs is not shown as the committed run.
 *
 * @module
 */
import { createExperimentRun } from './runner.ts';
import { sig4, type RunRecord } from './results.ts';

/** Per-step loss and largest |c| or |h|, 4 significant digits like the committed curves (null: not a finite number). */
export interface StepDetail {
  readonly loss: readonly (number | null)[];
  readonly state: readonly (number | null)[];
}

/** The committed run's first `fingerprintSteps` steps recomputed, or null when they do not reproduce its fingerprint. */
export function stepDetail(record: Pick<RunRecord, 'spec' | 'fingerprint' | 'fingerprintSteps'>): StepDetail | null {
  const run = createExperimentRun(record.spec);
  while (run.outcome === null && run.stepCount < record.fingerprintSteps) run.step();
  const n = Math.min(record.fingerprintSteps, run.stepCount + (run.outcome?.status === 'diverged' ? 1 : 0));
  if (run.fingerprint() !== record.fingerprint) return null;
  const finite = (v: number) => (Number.isFinite(v) ? sig4(v) : null);
  return {
    loss: Array.from(run.losses.subarray(0, n), finite),
    state: Array.from(run.states.subarray(0, n), finite),
  };
}
