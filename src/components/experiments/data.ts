/**
 * The committed experiment results (data/experiments/results.json, written by `npm run experiments`) for the
 * article and its build-time tables and plots, with lookup and wording helpers. Build time only: never import this
 * from an island (it would ship the whole file to the browser).
 *
 * Every number the article prints about the experiments comes through here.
 */
import { formatNumber } from '../../figures/format';
import type { GroupSummary, ResultsFile, RunRecord, Spread } from '../../experiments/results';
import { runKey, settingKey } from '../../experiments/spec';
import { STEP_DIGITS, rateText, spreadText as statsSpreadText } from '../../experiments/stats';
import { withBase } from '../../site/articles';
import { runsIn } from './table';
import { choosePresets } from './presets';
import { replaysOf } from './replays';
import { packReplay, type PackedReplay, type PresetLink } from './replay';
import { hrefOf } from './state';

const files = import.meta.glob<ResultsFile>('../../../data/experiments/results.json', { eager: true, import: 'default' });
const loaded = Object.values(files)[0];
if (!loaded) throw new Error('data/experiments/results.json is missing: run `npm run experiments`.');

/** The committed results. */
export const RESULTS: ResultsFile = loaded;

/** Setting key of a learning rate, clipping threshold and forget-gate bias (default 0, the grid's main arm). */
export const setting = (lr: number, clip: number, forgetBias = 0): string => settingKey({ lr, clip, forgetBias });

/** The forget-gate bias of a group: 0 in the main grid and in files written before the forget-bias arm existed. */
export const fbOf = (g: GroupSummary): number => g.forgetBias ?? 0;

/**
 * The summary of one (task, variant, setting); throws when it is not in the file (a typo in the article). The
 * forget-gate bias defaults to 0: the forget-bias-1 arm is asked for explicitly.
 */
export function group(task: string, variant: string, lr: number, clip: number, forgetBias = 0): GroupSummary {
  const s = setting(lr, clip, forgetBias);
  const g = RESULTS.summaries.find((x) => x.taskKey === task && x.variantKey === variant && x.settingKey === s);
  if (!g) throw new Error(`experiments: no results for ${task} / ${variant} / ${s}`);
  return g;
}

/** Every summary matching a filter. */
export function groups(filter: (g: GroupSummary) => boolean): GroupSummary[] {
  return RESULTS.summaries.filter(filter);
}

/** The runs of one group. */
export const runsOf = (g: GroupSummary): RunRecord[] => runsIn(RESULTS.runs, g);

/** Task metadata by key (`adding-50`). */
export function taskInfo(key: string): ResultsFile['tasks'][number] {
  const t = RESULTS.tasks.find((x) => x.key === key);
  if (!t) throw new Error(`experiments: no task ${key}`);
  return t;
}

/** Sums over groups: runs, solved, diverged, budget. */
export function totals(gs: readonly GroupSummary[]): { runs: number; solved: number; diverged: number; budget: number } {
  return gs.reduce(
    (a, g) => ({
      runs: a.runs + g.runs,
      solved: a.solved + g.solved,
      diverged: a.diverged + g.diverged,
      budget: a.budget + g.budget,
    }),
    {
      runs: 0,
      solved: 0,
      diverged: 0,
      budget: 0,
    },
  );
}

/** "1400" or "1400 (1000–1600)": median and range of a spread (English; src/experiments/stats.ts words it in any language). */
export function spreadText(s: Spread | null, sig = 3): string {
  return statsSpreadText(s, 'en', sig);
}

/** Number formatting with 3 significant digits. */
export const f3 = (v: number): string => formatNumber(v, 3);

/** Where the packed committed outcomes are served (src/pages/data/committed-runs.txt.ts). */
export const COMMITTED_RUNS_PATH = 'data/committed-runs.txt';

/** The props of the live figure: where the packed committed outcomes are, its presets and the replay of each (and of the default). */
export function liveProps(): { committedUrl: string; replays: PackedReplay[]; presets: PresetLink[] } {
  return {
    committedUrl: withBase(import.meta.env.BASE_URL, COMMITTED_RUNS_PATH),
    replays: replaysOf(RESULTS).map(packReplay),
    presets: choosePresets(RESULTS.runs).map((p) => ({ id: p.id, label: p.label, href: hrefOf(p.spec), key: runKey(p.spec) })),
  };
}

/** Minutes and seconds: "11 min 42 s". */
export function duration(seconds: number): string {
  const whole = Math.round(seconds);
  const m = Math.floor(whole / 60);
  const s = whole - 60 * m;
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

/** "2/3 [21–94 %]": solved out of runs, with the 95 % Wilson interval of the success rate. */
export const rate = (g: GroupSummary): string => rateText(g);

/** The task setting of a task key (budget, learning rates, clipping, variants), of the main arm unless asked. */
export function settingOf(task: string, forgetBias = 0): ResultsFile['grid']['settings'][number] {
  const s = RESULTS.grid.settings.find((x) => `${x.task}-${x.T}` === task && (x.forgetBias ?? 0) === forgetBias);
  if (!s) throw new Error(`experiments: no task setting ${task}`);
  return s;
}

/** Number of runs in the file. */
export const RUN_COUNT = RESULTS.runs.length;

/** The variant's label by key. */
export function labelOf(variant: string): string {
  const v = RESULTS.grid.variants.find((x) => x.key === variant);
  if (!v) throw new Error(`experiments: no variant ${variant}`);
  return v.label;
}

/** The largest |c| (or |h|) over the runs of a group: median over seeds, formatted. */
export function stateText(g: GroupSummary): string {
  return spreadText(g.maxState);
}

/** Steps to solve, "1400 (1000–1600)", or "—". */
export function stepsText(g: GroupSummary): string {
  return spreadText(g.stepsToSolve, STEP_DIGITS);
}

/**
 * A qualitative statement the article makes about the results, checked when the page is built: if regenerated
 * results no longer support it, the build fails with the statement instead of printing a wrong sentence.
 */
export function claim(holds: boolean, statement: string): '' {
  if (!holds) throw new Error(`relu-experiments: the results no longer support the claim “${statement}”. Update the article.`);
  return '';
}

/**
 * Every group of a variant on a task (all its learning rates and clipping settings), optionally filtered; only the
 * arm with the given forget-gate bias (default 0, the main grid), so that totals never mix the two arms.
 */
export function groupsOf(
  task: string,
  variant: string,
  filter: (g: GroupSummary) => boolean = () => true,
  forgetBias = 0,
): GroupSummary[] {
  return RESULTS.summaries.filter((g) => g.taskKey === task && g.variantKey === variant && fbOf(g) === forgetBias && filter(g));
}

/** Totals of a variant on a task over all (or the filtered) settings of one forget-bias arm (default 0). */
export function variantTotals(
  task: string,
  variant: string,
  filter?: (g: GroupSummary) => boolean,
  forgetBias = 0,
): ReturnType<typeof totals> {
  return totals(groupsOf(task, variant, filter, forgetBias));
}

/** The largest value of a quantity over every run of some groups. */
export function maxOver(gs: readonly GroupSummary[], f: (g: GroupSummary) => number): number {
  return Math.max(...gs.map(f));
}

/** The divergences of some groups, flattened. */
export function divergencesOf(
  gs: readonly GroupSummary[],
): (GroupSummary['divergences'][number] & { readonly group: GroupSummary })[] {
  return gs.flatMap((g) => g.divergences.map((d) => ({ ...d, group: g })));
}

/** Held-out loss and metric at the end of the runs of some groups that used up their budget (unsolved, not diverged). */
export function unsolvedEnds(gs: readonly GroupSummary[]): {
  readonly loss: readonly number[];
  readonly metric: readonly number[];
} {
  const runs = gs.flatMap((g) => runsOf(g)).filter((r) => r.outcome.status === 'budget' && r.outcome.final !== null);
  return { loss: runs.map((r) => r.outcome.final!.loss), metric: runs.map((r) => r.outcome.final!.metric) };
}
