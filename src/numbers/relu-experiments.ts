/**
 * Every number the article "Can I replace tanh with ReLU? We ran the experiment" (content/articles/relu-experiments.mdx)
 * states about the experiment grid, read from the committed results (data/experiments/results.json, written by
 * `npm run experiments`) through src/components/experiments/data.ts. Build time only: never import this from an island.
 *
 * `values` holds the looked-up groups and totals, `text` ready-made wording, `tex` ready-made LaTeX; the named
 * exports are the lookups the article's prose calls with its own arguments.
 */
import type { GroupSummary } from '../experiments/results';
import { formatNumber } from '../figures/format';
import {
  RESULTS,
  group,
  groups,
  groupsOf,
  liveProps,
  maxOver,
  settingOf,
  taskInfo,
  totals,
  unsolvedEnds,
  variantTotals,
} from '../components/experiments/data';

/** The variants of the grid by the short names the article uses. */
export const V = Object.freeze({
  std: 'lstm:g=tanh,phi=tanh',
  relu: 'lstm:g=relu,phi=tanh',
  hard: 'lstm:g=hardtanh,phi=tanh',
  soft: 'lstm:g=softsign,phi=tanh',
  idg: 'lstm:g=identity,phi=tanh',
  sig: 'lstm:g=sigmoid,phi=tanh',
  phiRelu: 'lstm:g=tanh,phi=relu',
  noaf: 'lstm:g=tanh,phi=identity',
  both: 'lstm:g=relu,phi=relu',
  gru: 'gru:tanh',
  rnn: 'rnn:tanh',
  rnnRelu: 'rnn:relu',
  irnn: 'irnn',
} as const);
export type VariantName = keyof typeof V;

type Filter = (g: GroupSummary) => boolean;

export const T50 = (v: VariantName, f?: Filter) => variantTotals('adding-50', V[v], f);
export const TUD = (v: VariantName, f?: Filter) => variantTotals('updown-50', V[v], f);
export const TCP = (v: VariantName, f?: Filter) => variantTotals('copy-12', V[v], f);
export const T100 = (v: VariantName) => variantTotals('adding-100', V[v]);
export const g50 = (v: VariantName, lr: number, clip: number) => group('adding-50', V[v], lr, clip);
export const clipped: Filter = (g) => g.clip > 0;
export const unclipped: Filter = (g) => g.clip === 0;
export const of = (t: { solved: number; runs: number }) => `${t.solved} of ${t.runs}`;
export const med = (g: GroupSummary) => formatNumber(g.stepsToSolve!.median, 3);
export const stateMed = (v: VariantName, task = 'adding-50') => Math.max(...groupsOf(task, V[v]).map((g) => g.maxState.median));
export const stateMedMin = (v: VariantName, task = 'adding-50') =>
  Math.min(...groupsOf(task, V[v]).map((g) => g.maxState.median));
export const range = (xs: readonly number[], sig = 2) =>
  `${formatNumber(Math.min(...xs), sig)}–${formatNumber(Math.max(...xs), sig)}`;
export const deadText = (v: VariantName, f?: Filter) => {
  const d = groupsOf('adding-50', V[v], f)
    .filter((g) => g.dead)
    .map((g) => g.dead!.median);
  return Math.min(...d) === Math.max(...d) ? String(d[0]) : `${Math.min(...d)}–${Math.max(...d)}`;
};

const BOTH = groups((g) => g.variantKey === V.both);
const BOTH_DIV = BOTH.flatMap((g) => g.divergences);
const EARLY = 50;

/** The looked-up numbers the article states. */
export const values = Object.freeze({
  live: liveProps(),
  A50: taskInfo('adding-50'),
  A100: taskInfo('adding-100'),
  UD: taskInfo('updown-50'),
  CP: taskInfo('copy-12'),
  S50: settingOf('adding-50'),
  S100: settingOf('adding-100'),
  SUD: settingOf('updown-50'),
  SCP: settingOf('copy-12'),
  BOTH,
  BOTH_T: totals(BOTH),
  BOTH_DIV,
  BOTH_DIV_CLIPPED: BOTH.filter(clipped).flatMap((g) => g.divergences),
  EARLY,
  BOTH_DIV_EARLY: BOTH_DIV.filter((d) => d.step <= EARLY).length,
  BOTH_STATE: maxOver(BOTH, (g) => g.maxState.max),
  H: RESULTS.grid.H,
  SEEDS: RESULTS.grid.seeds.length,
  LSTM_ONE_ROLE: ['relu', 'hard', 'soft', 'idg', 'sig', 'phiRelu', 'noaf'] as VariantName[],
  PHI_STALL: unsolvedEnds(groupsOf('adding-50', V.phiRelu, (g) => g.clip === 0)),
  COPY_LSTM_UNSOLVED: unsolvedEnds(groups((g) => g.taskKey === 'copy-12' && g.variantKey.startsWith('lstm'))),
  ALL_TASKS: ['adding-50', 'updown-50', 'adding-100', 'copy-12'],
  GRU_ALL: totals(groups((g) => g.variantKey === V.gru)),
  LSTM_KEYS: (Object.keys(V) as VariantName[]).filter((k) => V[k].startsWith('lstm')),
});

/** Ready-made wording (none yet: the article words its numbers through the lookups above). */
export const text = Object.freeze({});

/** Ready-made LaTeX (none yet). */
export const tex = Object.freeze({});
