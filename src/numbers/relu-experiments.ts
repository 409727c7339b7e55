/**
 * Every number the article "Can I replace tanh with ReLU? We ran the experiment" (content/articles/relu-experiments.mdx)
 * states about the experiment grid, read from the committed results (data/experiments/results.json, written by
 * `npm run experiments`) through src/components/experiments/data.ts. Build time only: never import this from an island.
 *
 * `values` holds the looked-up groups and totals, `text` ready-made wording, `tex` ready-made LaTeX; the named
 * exports are the lookups the article's prose calls with its own arguments.
 */
import { spread, type GroupSummary } from '../experiments/results';
import {
  compareRates,
  compareSteps,
  STEP_DIGITS,
  rateText,
  spreadText,
  type Count,
  type RateVerdict,
  type StepsVerdict,
} from '../experiments/stats';
import { formatNumber } from '../figures/format';
import { EXPERIMENT_WORDS } from '../i18n/experiments';
import type { Lang } from '../i18n/core';
import '../i18n/zh';
import {
  RESULTS,
  fbOf,
  group,
  groups,
  groupsOf,
  liveProps,
  maxOver,
  runsOf,
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
export const med = (g: GroupSummary) => formatNumber(g.stepsToSolve!.median, STEP_DIGITS);
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

// The main grid only (forget bias 0): the forget-bias-1 arm is compared on its own (ForgetBiasTable, fbCompare).
const BOTH = groups((g) => g.variantKey === V.both && fbOf(g) === 0);
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

/** "11/12 [65–99 %]": solved out of runs with the 95 % Wilson interval (a group, or totals over groups). */
export const ci = (t: Count, lang: Lang = 'en'): string => rateText(t, lang);

/** A comparison of two success rates, ready for a sentence. */
export interface RateComparison {
  /** `more` / `fewer` only when the 95 % Wilson intervals separate. */
  readonly verdict: RateVerdict;
  /** "solved more often", "solved less often" or "no clear difference at n = 10" (a's point of view). */
  readonly text: string;
  /** The evidence: "10/10 [72–100 %] vs 2/10 [5–51 %]". */
  readonly evidence: string;
}

/** The sample sizes of two groups as a sentence says them: "10", or "10 and 20" when they differ. */
function sizes(a: number, b: number, lang: Lang): string {
  return a === b ? String(a) : EXPERIMENT_WORDS[lang].andN(String(a), String(b));
}

/**
 * How a's success rate compares with b's, worded to its evidence: "solved more often" / "solved less often" only when
 * the 95 % Wilson intervals separate, otherwise "no clear difference at n = …". For a claim the article makes:
 * `claim(compare(T50('std'), T50('both')).verdict === 'more', '…')`.
 */
export function compare(a: Count, b: Count, lang: Lang = 'en'): RateComparison {
  const w = EXPERIMENT_WORDS[lang];
  const verdict = compareRates(a, b);
  const text =
    verdict === 'more'
      ? w.solvedMoreOften
      : verdict === 'fewer'
        ? w.solvedLessOften
        : w.noClearDifference(sizes(a.runs, b.runs, lang));
  return { verdict, text, evidence: w.versus(rateText(a, lang), rateText(b, lang)) };
}

/** A comparison of two groups' steps to solve, ready for a sentence. */
export interface SpeedComparison {
  /** `slower` / `faster` only when the medians' 95 % intervals separate; `too-few` below 6 solved runs in a group. */
  readonly verdict: StepsVerdict;
  /** "slower", "faster", "no clear difference at n = 7 and 10" (solved runs) or "too few solved runs to compare speeds". */
  readonly text: string;
  /** The evidence: "1400 (1000–1600) vs 900 (700–1100)", median (min–max) steps of the solved runs. */
  readonly evidence: string;
}

/** The steps to solve of the solved runs of some groups. */
const solvedSteps = (gs: readonly GroupSummary[]): number[] =>
  gs.flatMap((g) =>
    runsOf(g)
      .filter((r) => r.outcome.status === 'solved')
      .map((r) => r.outcome.step),
  );

/** How two samples of steps to solve compare (pure: the steps in, the wording out). */
export function speedOf(a: readonly number[], b: readonly number[], lang: Lang = 'en'): SpeedComparison {
  const w = EXPERIMENT_WORDS[lang];
  const verdict = compareSteps(a, b);
  const text =
    verdict === 'slower'
      ? w.slower
      : verdict === 'faster'
        ? w.faster
        : verdict === 'too-few'
          ? w.tooFewToCompare
          : w.noClearDifference(sizes(a.length, b.length, lang));
  const steps = (xs: readonly number[]) => spreadText(spread(xs), lang, STEP_DIGITS);
  return { verdict, text, evidence: w.versus(steps(a), steps(b)) };
}

/**
 * How the steps to solve of group(s) a compare with b's (over their solved runs): "slower" / "faster" only when the
 * distribution-free 95 % intervals of the two medians separate.
 */
export function compareSpeed(
  a: GroupSummary | readonly GroupSummary[],
  b: GroupSummary | readonly GroupSummary[],
  lang: Lang = 'en',
): SpeedComparison {
  const list = (x: GroupSummary | readonly GroupSummary[]) => (Array.isArray(x) ? x : [x as GroupSummary]);
  return speedOf(solvedSteps(list(a)), solvedSteps(list(b)), lang);
}

/**
 * Forget bias 1 against 0 for one variant on the adding problem at T = 50 (learning rate and clipping as given), as
 * a {@link RateComparison} from forget bias 1's point of view; throws when the results hold no forget-bias arm.
 */
export function fbCompare(v: VariantName, lr: number, clip: number, lang: Lang = 'en'): RateComparison {
  return compare(group('adding-50', V[v], lr, clip, 1), group('adding-50', V[v], lr, clip, 0), lang);
}

/** Ready-made wording (none yet: the article words its numbers through the lookups above). */
export const text = Object.freeze({});

/** Ready-made LaTeX (none yet). */
export const tex = Object.freeze({});
