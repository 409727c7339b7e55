/**
 * The experiment grid behind the article "Can I replace tanh with ReLU?": which variants, tasks, lengths, learning
 * rates, clipping settings, seeds and step budgets `npm run experiments` runs. Changing anything here changes
 * the committed results (data/experiments/results.json), which must then be regenerated.
 *
 * @module
 */
import { variantKey, type CandidateKey, type CellId, type OutputKey, type RunSpec, type TaskId } from './spec.ts';

/** A model variant: the cell and its activation per role (everything but the training settings). */
export interface Variant {
  readonly cell: CellId;
  readonly candidate: CandidateKey;
  readonly output: OutputKey;
  /** Which group the variant belongs to in the tables. */
  readonly group: 'candidate' | 'output' | 'both' | 'reference';
}

const lstm = (candidate: CandidateKey, output: OutputKey, group: Variant['group']): Variant => ({
  cell: 'lstm',
  candidate,
  output,
  group,
});

/**
 * LSTM variants that differ from the standard cell (sigmoid gates, tanh candidate, tanh output) in one role only,
 * then the all-ReLU cell (both roles, as "replace tanh with ReLU" is usually meant), then the reference cells.
 */
export const VARIANTS: readonly Variant[] = Object.freeze([
  lstm('tanh', 'tanh', 'candidate'),
  lstm('relu', 'tanh', 'candidate'),
  lstm('hardtanh', 'tanh', 'candidate'),
  lstm('softsign', 'tanh', 'candidate'),
  lstm('identity', 'tanh', 'candidate'),
  lstm('sigmoid', 'tanh', 'candidate'),
  lstm('tanh', 'relu', 'output'),
  lstm('tanh', 'identity', 'output'),
  lstm('relu', 'relu', 'both'),
  { cell: 'gru', candidate: 'tanh', output: 'tanh', group: 'reference' },
  { cell: 'rnn', candidate: 'tanh', output: 'tanh', group: 'reference' },
  { cell: 'rnn', candidate: 'relu', output: 'tanh', group: 'reference' },
  { cell: 'irnn', candidate: 'relu', output: 'tanh', group: 'reference' },
]);

/** One task at one length, with its step budget and the training settings it is run with. */
export interface TaskSetting {
  readonly task: TaskId;
  readonly T: number;
  /** Step budget of every run on this task. */
  readonly steps: number;
  readonly lrs: readonly number[];
  /** Clipping thresholds; 0 = none. */
  readonly clips: readonly number[];
  /** Keys of the variants run on this task (see {@link keyOfVariant}); default every variant. */
  readonly variants?: readonly string[];
  /** Added to the LSTM's forget-gate bias (default {@link PROTOCOL.forgetBias}, 0 as in PyTorch). */
  readonly forgetBias?: number;
}

/** The key of a variant, as in the results (`lstm:g=relu,phi=tanh`, `gru:tanh`, `irnn`). */
export function keyOfVariant(v: Variant): string {
  return variantKey({
    task: 'adding',
    T: 50,
    H: 16,
    lr: 0.01,
    clip: 0,
    seed: 0,
    steps: 1,
    cell: v.cell,
    candidate: v.candidate,
    output: v.output,
  });
}

/** The variants of a task setting, in table order. */
export function variantsOf(ts: TaskSetting): Variant[] {
  return VARIANTS.filter((v) => !ts.variants || ts.variants.includes(keyOfVariant(v)));
}

/** Hidden units of every grid run. */
export const GRID_H = 16;

/** Seeds of every grid run. */
export const GRID_SEEDS: readonly number[] = Object.freeze([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

/** The learning rates and clipping settings of the main task. */
export const LRS = Object.freeze([0.01, 0.003]);
export const CLIPS = Object.freeze([0, 1]);

/**
 * The tasks, in the order they are run and shown, with budgets chosen so that the whole grid takes about a quarter
 * of an hour on two cores (see the article's "Setup" section):
 * - the adding problem at T = 50 is the main task: every variant, both learning rates, with and without clipping;
 * - the up-and-down task likewise (it is quick to solve, and it is the task a non-negative candidate should fail);
 * - the adding problem at T = 100 only for the standard cell, the ReLU variants, the identity output and the GRU and
 *   IRNN references, at the setting that suits ReLU best at T = 50 (learning rate 0.01, clipping at 1);
 * - the copy task (K = 8 symbols, L = 2, delay 8) at learning rate 0.03 (the only rate tried on it);
 * - the adding problem at T = 50 once more with the forget-gate bias at 1 (Gers et al. 2000; Jozefowicz et al. 2015),
 *   the advice the site gives, for the standard cell and the ReLU/identity variants at learning rate 0.01.
 * Ten seeds per configuration: about 1 500 runs, 55 min on two cores.
 */
export const TASK_SETTINGS: readonly TaskSetting[] = Object.freeze([
  { task: 'adding', T: 50, steps: 3000, lrs: LRS, clips: CLIPS },
  { task: 'updown', T: 50, steps: 1000, lrs: LRS, clips: CLIPS },
  {
    task: 'adding',
    T: 100,
    steps: 3000,
    lrs: [0.01],
    clips: [1],
    variants: [
      'lstm:g=tanh,phi=tanh',
      'lstm:g=relu,phi=tanh',
      'lstm:g=tanh,phi=relu',
      'lstm:g=tanh,phi=identity',
      'lstm:g=relu,phi=relu',
      'gru:tanh',
      'irnn',
    ],
  },
  { task: 'copy', T: 12, steps: 2000, lrs: [0.03], clips: CLIPS },
  {
    task: 'adding',
    T: 50,
    steps: 3000,
    lrs: [0.01],
    clips: CLIPS,
    forgetBias: 1,
    variants: [
      'lstm:g=tanh,phi=tanh',
      'lstm:g=relu,phi=tanh',
      'lstm:g=tanh,phi=relu',
      'lstm:g=tanh,phi=identity',
      'lstm:g=relu,phi=relu',
    ],
  },
]);

/** Every run of the grid, in a fixed order: task setting, variant, learning rate, clipping, seed. */
export function gridSpecs(settings: readonly TaskSetting[] = TASK_SETTINGS, seeds: readonly number[] = GRID_SEEDS): RunSpec[] {
  const out: RunSpec[] = [];
  for (const ts of settings) {
    for (const v of variantsOf(ts)) {
      for (const lr of ts.lrs) {
        for (const clip of ts.clips) {
          for (const seed of seeds) {
            out.push({
              task: ts.task,
              T: ts.T,
              cell: v.cell,
              candidate: v.candidate,
              output: v.output,
              H: GRID_H,
              lr,
              clip,
              seed,
              steps: ts.steps,
              ...(ts.forgetBias === undefined ? {} : { forgetBias: ts.forgetBias }),
            });
          }
        }
      }
    }
  }
  return out;
}

/** The step budget of a task at a length in the grid (the live figure's default budget for it); 3000 otherwise. */
export function budgetOf(task: TaskId, T: number): number {
  return (
    (TASK_SETTINGS.find((ts) => ts.task === task && ts.T === T) ?? TASK_SETTINGS.find((ts) => ts.task === task))?.steps ?? 3000
  );
}

/** The configuration the page's live figure starts with: the standard LSTM on the adding problem, T = 50, seed 0. */
export const DEFAULT_SPEC: RunSpec = Object.freeze({
  task: 'adding',
  T: 50,
  cell: 'lstm',
  candidate: 'tanh',
  output: 'tanh',
  H: GRID_H,
  lr: 0.01,
  clip: 0,
  seed: 0,
  steps: budgetOf('adding', 50),
});
