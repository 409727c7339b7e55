/**
 * Small, hand-made run records for the tests of the experiment tables and wording: each run says only what a test
 * needs (its outcome, step and held-out loss at the end); the summaries come from the real `summarize`.
 */
import { summarize, type ResultsFile, type RunRecord } from '../../src/experiments/results';
import { runKey, type RunSpec } from '../../src/experiments/spec';

/** One run's outcome: `solved` at a step, `budget` (unsolved at the end), or `diverged` at a step. */
export type FakeOutcome =
  | { readonly status: 'solved'; readonly step: number; readonly loss: number }
  | { readonly status: 'budget'; readonly loss: number }
  | { readonly status: 'diverged'; readonly step: number; readonly quantity?: 'state' | 'loss' | 'gradNorm' };

export const BASE_SPEC: RunSpec = Object.freeze({
  task: 'adding',
  T: 50,
  cell: 'lstm',
  candidate: 'relu',
  output: 'tanh',
  H: 16,
  lr: 0.01,
  clip: 0,
  seed: 0,
  steps: 3000,
});

/** A run record with the given outcome (metric = loss, as on the adding problem). */
export function fakeRun(spec: Partial<RunSpec>, o: FakeOutcome): RunRecord {
  const s: RunSpec = { ...BASE_SPEC, ...spec };
  const step = o.status === 'budget' ? s.steps : o.step;
  return {
    key: runKey(s),
    spec: s,
    outcome: {
      status: o.status,
      step,
      ...(o.status === 'diverged' ? { quantity: o.quantity ?? 'state', value: null, valueText: '∞' } : {}),
      final: o.status === 'diverged' ? null : { loss: o.loss, metric: o.loss },
      maxState: 1,
      maxGradNorm: 1,
      dead: null,
    },
    head: [],
    fingerprint: '0',
    fingerprintSteps: 0,
    curve: Array.from({ length: Math.ceil(step / 50) }, () => 0.1),
    stateCurve: [],
    evals: [],
    cpuMs: 0,
  };
}

/** The runs of one group, seed 0, 1, … in order. */
export function fakeGroup(spec: Partial<RunSpec>, outcomes: readonly FakeOutcome[]): RunRecord[] {
  return outcomes.map((o, seed) => fakeRun({ ...spec, seed }, o));
}

/** A results file holding these runs and their summaries (only what the table code reads). */
export function fakeResults(runs: readonly RunRecord[]): Pick<ResultsFile, 'runs' | 'summaries'> {
  return { runs, summaries: summarize(runs) };
}

export const solved = (step: number, loss = 0.005): FakeOutcome => ({ status: 'solved', step, loss });
export const budget = (loss: number): FakeOutcome => ({ status: 'budget', loss });
export const diverged = (step: number, quantity: 'state' | 'loss' | 'gradNorm' = 'state'): FakeOutcome => ({
  status: 'diverged',
  step,
  quantity,
});
