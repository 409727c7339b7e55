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
import { packCommitted } from './committed';
import { choosePresets } from './presets';
import { replaysOf } from './replays';
import { packReplay, type PackedReplay, type PresetLink } from './replay';
import { hrefOf } from './state';

const files = import.meta.glob<ResultsFile>('../../../data/experiments/results.json', { eager: true, import: 'default' });
const loaded = Object.values(files)[0];
if (!loaded) throw new Error('data/experiments/results.json is missing: run `npm run experiments`.');

/** The committed results. */
export const RESULTS: ResultsFile = loaded;

/** Setting key of a learning rate and clipping threshold. */
export const setting = (lr: number, clip: number): string => settingKey({ lr, clip });

/** The summary of one (task, variant, setting); throws when it is not in the file (a typo in the article). */
export function group(task: string, variant: string, lr: number, clip: number): GroupSummary {
  const s = setting(lr, clip);
  const g = RESULTS.summaries.find((x) => x.taskKey === task && x.variantKey === variant && x.settingKey === s);
  if (!g) throw new Error(`experiments: no results for ${task} / ${variant} / ${s}`);
  return g;
}

/** Every summary matching a filter. */
export function groups(filter: (g: GroupSummary) => boolean): GroupSummary[] {
  return RESULTS.summaries.filter(filter);
}

/** The runs of one group. */
export function runsOf(g: GroupSummary): RunRecord[] {
  return RESULTS.runs.filter((r) => {
    const s = r.spec;
    return `${s.task}-${s.T}` === g.taskKey && r.key.split('/')[1] === g.variantKey && setting(s.lr, s.clip) === g.settingKey;
  });
}

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

/** "1400" or "1400 (1000–1600)": median and range of a spread. */
export function spreadText(s: Spread | null, sig = 3): string {
  if (!s) return '—';
  if (s.n === 1 || s.min === s.max) return formatNumber(s.median, sig);
  return `${formatNumber(s.median, sig)} (${formatNumber(s.min, sig)}–${formatNumber(s.max, sig)})`;
}

/** Number formatting with 3 significant digits. */
export const f3 = (v: number): string => formatNumber(v, 3);

/** The props of the live figure: the packed committed outcomes, its presets and the replay of each (and of the default). */
export function liveProps(): { committed: string; replays: PackedReplay[]; presets: PresetLink[] } {
  return {
    committed: packCommitted(RESULTS.runs),
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

/** "2/3": solved out of runs. */
export const rate = (g: GroupSummary): string => `${g.solved}/${g.runs}`;

/** The task setting of a task key (budget, learning rates, clipping, variants). */
export function settingOf(task: string): ResultsFile['grid']['settings'][number] {
  const s = RESULTS.grid.settings.find((x) => `${x.task}-${x.T}` === task);
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
  return spreadText(g.stepsToSolve);
}

/**
 * A qualitative statement the article makes about the results, checked when the page is built: if regenerated
 * results no longer support it, the build fails with the statement instead of printing a wrong sentence.
 */
export function claim(holds: boolean, statement: string): '' {
  if (!holds) throw new Error(`relu-experiments: the results no longer support the claim “${statement}”. Update the article.`);
  return '';
}

/** Every group of a variant on a task (all its training settings), optionally filtered. */
export function groupsOf(task: string, variant: string, filter: (g: GroupSummary) => boolean = () => true): GroupSummary[] {
  return RESULTS.summaries.filter((g) => g.taskKey === task && g.variantKey === variant && filter(g));
}

/** Totals of a variant on a task over all (or the filtered) settings. */
export function variantTotals(task: string, variant: string, filter?: (g: GroupSummary) => boolean): ReturnType<typeof totals> {
  return totals(groupsOf(task, variant, filter));
}

/** "5 of 6" */
export const ofText = (n: number, m: number): string => `${n} of ${m}`;

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
