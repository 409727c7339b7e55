/**
 * The words of the experiment grid's build-time tables and figures (src/components/experiments/: ResultsTable,
 * LossGrid, ForgetBiasTable) and of the statistics helpers that word a rate, a step count or a comparison
 * (src/experiments/stats.ts, src/numbers/relu-experiments.ts). Build time only: no island imports this module.
 * Chinese is in zh/experiments.ts.
 */
import { localised, type Localised } from './core.ts';

/** Per outcome of a run. */
interface PerQuantity {
  readonly state: string;
  readonly loss: string;
  readonly gradNorm: string;
}

export interface ExperimentWords {
  /** A success rate with its 95 % interval in whole per cent: (k, n, lo, hi) → "7/10 [35–93 %]". */
  readonly rate: (k: string, n: string, lo: string, hi: string) => string;
  /** Sample size: "n = 10". */
  readonly n: (n: string) => string;
  /** Median and extremes: "1400 (1000–1600)". */
  readonly spread: (median: string, min: string, max: string) => string;
  /** What a missing sample shows. */
  readonly none: string;

  // ---- a table cell ----
  /** "steps 1400 (1000–1600)". */
  readonly steps: (spread: string) => string;
  /** (count, quantities, steps) → "2 diverged (state; step 12, 40)". */
  readonly diverged: (count: string, quantities: string, steps: string) => string;
  /** (count, metric, value or range) → "2 unsolved, MSE 0.144–0.145". */
  readonly unsolved: (count: string, metric: string, range: string) => string;
  readonly quantity: PerQuantity;
  readonly metric: { readonly mse: string; readonly accuracy: string };
  /** Task names, by task id. */
  readonly task: { readonly adding: string; readonly updown: string; readonly copy: string };

  // ---- the per-seed outcome strip ----
  /** Text alternative of a strip, its parts joined: "Seed (step): solved 0 (850), 2 (1150); unsolved 1; diverged 3 (12)". */
  readonly stripLabel: (parts: string) => string;
  readonly stripSolved: (list: string) => string;
  readonly stripBudget: (list: string) => string;
  readonly stripDiverged: (list: string) => string;
  /** A seed and its step: "0 (850)". */
  readonly stripItem: (seed: string, step: string) => string;
  /** Between the seeds of a part, and between the parts. */
  readonly listSep: string;
  readonly partSep: string;
  /** The standard LSTM's row label. */
  readonly standardCell: string;

  // ---- the results table ----
  readonly tableLabel: (title: string, T: string) => string;
  readonly variant: string;
  /** (learning rate, clipping text) → "Adam 0.01, clip 1". */
  readonly settingHead: (lr: string, clip: string) => string;
  readonly noClip: string;
  readonly clipAt: (c: string) => string;
  readonly groups: { readonly candidate: string; readonly output: string; readonly both: string; readonly reference: string };
  /** (task, T, n, budget, metric) → the table's caption. */
  readonly tableCaption: (title: string, T: string, n: string, budget: string, metric: string) => string;

  // ---- the small multiples ----
  /** Panel note per clipping setting: (clipping, rate) → "no clip 2/3 [21–94 %]". */
  readonly panelNote: (clip: string, rate: string) => string;
  /** Text alternative of a panel, per clipping setting: (clipping, rate, diverged, seeds) → sentence. */
  readonly panelAlt: (clip: string, rate: string, diverged: string, seeds: string) => string;
  readonly withoutClipping: string;
  readonly withClippingAt: (c: string) => string;
  readonly legend: string;
  readonly legendNoClipping: string;
  readonly legendClippingAt: (c: string) => string;
  readonly legendMarks: string;
  readonly legendThreshold: string;
  /** (window, task, T, lr, budget, n) → the caption after the title. */
  readonly gridCaption: (every: string, title: string, T: string, lr: string, budget: string, n: string) => string;

  // ---- comparisons, for tables and prose ----
  readonly solvedMoreOften: string;
  readonly solvedLessOften: string;
  /** "no clear difference at n = 10" (n: "10", or "10 and 20" when the groups differ in size). */
  readonly noClearDifference: (n: string) => string;
  readonly slower: string;
  readonly faster: string;
  /** Speeds that cannot be compared: too few solved runs for an interval of the median. */
  readonly tooFewToCompare: string;
  /** (a, b) → "10/10 [72–100 %] vs 2/10 [5–51 %]". */
  readonly versus: (a: string, b: string) => string;
  /** Joins two sample sizes: "10 and 20". */
  readonly andN: (a: string, b: string) => string;

  // ---- the forget-bias table ----
  readonly fbClipping: string;
  readonly fbColumn: (fb: string) => string;
  readonly fbDifference: string;
  readonly fbMore: (fb: string) => string;
  readonly fbFewer: (fb: string) => string;
  /** (task, T, lr, n, budget) → caption. */
  readonly fbCaption: (title: string, T: string, lr: string, n: string, budget: string) => string;
  readonly fbLabel: (title: string, T: string) => string;
}

export const EXPERIMENT_WORDS: Localised<ExperimentWords> = localised('EXPERIMENT_WORDS', {
  en: {
    rate: (k, n, lo, hi) => `${k}/${n} [${lo}–${hi} %]`,
    n: (n) => `n = ${n}`,
    spread: (median, min, max) => `${median} (${min}–${max})`,
    none: '—',

    steps: (spread) => `steps ${spread}`,
    diverged: (count, quantities, steps) => `${count} diverged (${quantities}; step ${steps})`,
    unsolved: (count, metric, range) => `${count} unsolved, ${metric} ${range}`,
    quantity: { state: 'state', loss: 'loss', gradNorm: 'grad norm' },
    metric: { mse: 'MSE', accuracy: 'accuracy' },
    task: { adding: 'Adding problem', updown: 'Up and down', copy: 'Copy task' },

    stripLabel: (parts) => `Seed (step): ${parts}`,
    stripSolved: (list) => `solved ${list}`,
    stripBudget: (list) => `unsolved ${list}`,
    stripDiverged: (list) => `diverged ${list}`,
    stripItem: (seed, step) => `${seed} (${step})`,
    listSep: ', ',
    partSep: '; ',
    standardCell: 'LSTM (standard)',

    tableLabel: (title, T) => `Results: ${title}, T = ${T}`,
    variant: 'Variant',
    settingHead: (lr, clip) => `Adam ${lr}, ${clip}`,
    noClip: 'no clip',
    clipAt: (c) => `clip ${c}`,
    groups: {
      candidate: 'LSTM: candidate g changed (output φ = tanh)',
      output: 'LSTM: output φ changed (candidate g = tanh)',
      both: 'LSTM: both changed',
      reference: 'Other cells',
    },
    tableCaption: (title, T, n, budget, metric) =>
      `${title}, T = ${T}, n = ${n} seeds per cell: runs solved out of n with the 95 % Wilson interval of the success rate; steps to solve as median (min–max) over the solved runs; one mark per seed, in seed order (● solved, ○ unsolved at the end of the ${budget}-step budget, × diverged; each run’s step in the mark’s tooltip); divergences with the quantity that left its bound and the step; for the unsolved runs, their held-out ${metric} at the end.`,

    panelNote: (clip, rate) => `${clip} ${rate}`,
    panelAlt: (clip, rate, diverged, seeds) => `${clip}: ${rate} solved, ${diverged} diverged — ${seeds}`,
    withoutClipping: 'without clipping',
    withClippingAt: (c) => `with clipping at ${c}`,
    legend: 'Legend',
    legendNoClipping: 'no clipping',
    legendClippingAt: (c) => `global-norm clipping at ${c}`,
    legendMarks: '× diverged · ● solved · dotted: baseline (upper)',
    legendThreshold: ' and success threshold (lower)',
    gridCaption: (every, title, T, lr, budget, n) =>
      `Training loss (mean over each ${every} steps, log scale) against the step, ${title}, T = ${T}, Adam ${lr}, every seed (n = ${n} per setting; each panel’s note gives the runs solved with the 95 % Wilson interval); the step budget is ${budget}. Values above the axis are drawn at its top edge.`,

    solvedMoreOften: 'solved more often',
    solvedLessOften: 'solved less often',
    noClearDifference: (n) => `no clear difference at n = ${n}`,
    slower: 'slower',
    faster: 'faster',
    tooFewToCompare: 'too few solved runs to compare speeds',
    versus: (a, b) => `${a} vs ${b}`,
    andN: (a, b) => `${a} and ${b}`,

    fbClipping: 'Clipping',
    fbColumn: (fb) => `forget bias ${fb}`,
    fbDifference: 'Difference',
    fbMore: (fb) => `forget bias ${fb} solved more often`,
    fbFewer: (fb) => `forget bias ${fb} solved less often`,
    fbCaption: (title, T, lr, n, budget) =>
      `${title}, T = ${T}, Adam ${lr}: the forget-gate bias at 0 (PyTorch’s default, the rest of the grid) and at 1, n = ${n} seeds per cell, the same seeds in both columns. Runs solved out of n with the 95 % Wilson interval; steps to solve as median (min–max) over the solved runs; one mark per seed (● solved, ○ unsolved at the end of the ${budget}-step budget, × diverged). A difference is named only when the two intervals do not overlap.`,
    fbLabel: (title, T) => `Forget bias 0 and 1: ${title}, T = ${T}`,
  },
});
