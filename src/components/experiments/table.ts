/**
 * What the build-time experiment tables say (ResultsTable.astro, ForgetBiasTable.astro): per (task, variant,
 * setting) group, the success rate k/n with its 95 % Wilson interval, a per-seed outcome strip, the steps to solve
 * (median and range), the divergences and, for the runs that used up their budget, the held-out loss or metric they
 * ended at. Pure: summaries and runs in, text out, in any language of the site.
 */
import type { GroupSummary, ResultsFile, RunRecord } from '../../experiments/results';
import { STEP_DIGITS, compareRates, rateText, spreadText, type RateVerdict } from '../../experiments/stats';
import { normalizeSpec, settingKey, taskKey, variantKey } from '../../experiments/spec';
import { formatNumber } from '../../figures/format';
import { EXPERIMENT_WORDS } from '../../i18n/experiments';
import type { Lang } from '../../i18n/core';

type TaskInfo = Pick<ResultsFile['tasks'][number], 'loss'>;
type Results = Pick<ResultsFile, 'runs' | 'summaries'>;

const f3 = (v: number): string => formatNumber(v, 3);

/** "0.144–0.152" (3 significant digits), or one value when the extremes agree to those digits. */
function rangeText(values: readonly number[]): string {
  const lo = f3(Math.min(...values));
  const hi = f3(Math.max(...values));
  return lo === hi ? lo : `${lo}–${hi}`;
}

/**
 * The lines under a cell's success rate: the steps to solve, the divergences, and the held-out loss (MSE tasks) or
 * metric (copy) at the end of the runs that used up their budget — over those runs only.
 */
export function cellLines(g: GroupSummary, runs: readonly RunRecord[], info: TaskInfo, lang: Lang = 'en'): string[] {
  const w = EXPERIMENT_WORDS[lang];
  const lines: string[] = [];
  if (g.solved > 0) lines.push(w.steps(spreadText(g.stepsToSolve, lang, STEP_DIGITS)));
  if (g.diverged > 0) {
    const qs = [...new Set(g.divergences.map((d) => w.quantity[d.quantity as keyof typeof w.quantity] ?? d.quantity))];
    const steps = g.divergences.map((d) => d.step).sort((a, b) => a - b);
    lines.push(w.diverged(String(g.diverged), qs.join(w.listSep), steps.join(w.listSep)));
  }
  const ends = runs
    .filter((r) => r.outcome.status === 'budget' && r.outcome.final !== null)
    .map((r) => (info.loss === 'mse' ? r.outcome.final!.loss : r.outcome.final!.metric));
  if (ends.length !== g.budget)
    throw new Error(`results table: ${g.budget} unsolved runs in the summary, ${ends.length} among the runs given`);
  if (ends.length > 0)
    lines.push(w.unsolved(String(ends.length), info.loss === 'mse' ? w.metric.mse : w.metric.accuracy, rangeText(ends)));
  return lines;
}

/** One mark per run, in seed order, and the text that says which seed did what at which step. */
export interface OutcomeStrip {
  /** ● solved, ○ unsolved at the end of the budget, × diverged. */
  readonly marks: string;
  /** The strip's text alternative (and tooltip). */
  readonly label: string;
}

/** The marks of the strip, by outcome. */
export const MARKS = Object.freeze({ solved: '●', budget: '○', diverged: '×' });

/**
 * The outcome strip of some runs: a mark per run in seed order; the label lists the seeds by outcome, with the step
 * of each solved and diverged run. A run that was cancelled has no place in committed results: it is an error.
 */
export function outcomeStrip(runs: readonly RunRecord[], lang: Lang = 'en'): OutcomeStrip {
  const w = EXPERIMENT_WORDS[lang];
  const sorted = [...runs].sort((a, b) => a.spec.seed - b.spec.seed);
  const marks: string[] = [];
  const parts = { solved: [] as string[], budget: [] as string[], diverged: [] as string[] };
  for (const r of sorted) {
    const st = r.outcome.status;
    if (st === 'cancelled')
      throw new Error(`results table: run ${r.key} was cancelled; committed results hold finished runs only`);
    marks.push(MARKS[st]);
    parts[st].push(st === 'budget' ? String(r.spec.seed) : w.stripItem(String(r.spec.seed), String(r.outcome.step)));
  }
  const label = [
    parts.solved.length > 0 ? w.stripSolved(parts.solved.join(w.listSep)) : '',
    parts.budget.length > 0 ? w.stripBudget(parts.budget.join(w.listSep)) : '',
    parts.diverged.length > 0 ? w.stripDiverged(parts.diverged.join(w.listSep)) : '',
  ]
    .filter((p) => p !== '')
    .join(w.partSep);
  return { marks: marks.join(''), label: w.stripLabel(label) };
}

/** Everything one cell shows. */
export interface Cell {
  readonly g: GroupSummary;
  /** "7/10 [39–90 %]". */
  readonly rate: string;
  readonly strip: OutcomeStrip;
  readonly lines: readonly string[];
}

/** The cell of a group, given its runs. */
export function cellOf(g: GroupSummary, runs: readonly RunRecord[], info: TaskInfo, lang: Lang = 'en'): Cell {
  if (runs.length !== g.runs)
    throw new Error(`results table: ${g.taskKey} / ${g.variantKey} / ${g.settingKey} has ${g.runs} runs, ${runs.length} given`);
  return { g, rate: rateText(g, lang), strip: outcomeStrip(runs, lang), lines: cellLines(g, runs, info, lang) };
}

/** The runs of one group among `runs` (by the full setting key: a forget-bias-1 run is not a forget-bias-0 one). */
export function runsIn(runs: readonly RunRecord[], g: GroupSummary): RunRecord[] {
  return runs.filter((r) => {
    const s = normalizeSpec(r.spec);
    return taskKey(s) === g.taskKey && variantKey(s) === g.variantKey && settingKey(s) === g.settingKey;
  });
}

/** The summary of (task, variant, setting) in `results`, or an error that names what is missing. */
export function summaryIn(results: Results, task: string, variant: string, setting: string): GroupSummary {
  const g = results.summaries.find((x) => x.taskKey === task && x.variantKey === variant && x.settingKey === setting);
  if (!g) throw new Error(`experiments: no results for ${task} / ${variant} / ${setting}`);
  return g;
}

/** A row label: the grid's English label, except the standard cell's words, which are translated. */
export function variantName(variant: string, label: string, lang: Lang = 'en'): string {
  return variant === 'lstm:g=tanh,phi=tanh' ? EXPERIMENT_WORDS[lang].standardCell : label;
}

/** One row of the forget-bias table: a variant at one clipping setting, forget bias 0 and 1 side by side. */
export interface ForgetBiasRow {
  readonly variant: string;
  readonly clip: number;
  readonly fb0: Cell;
  readonly fb1: Cell;
  /** How forget bias 1 compares with 0 under the interval rule. */
  readonly verdict: RateVerdict;
  readonly verdictText: string;
}

/**
 * The rows of the forget-bias comparison: for each variant and clipping threshold, the group with the forget-gate bias
 * at 0 (the main grid) and at `forgetBias`, at one learning rate, and whether the success rates differ (Wilson
 * intervals that separate). Throws, naming the file's problem, when the results hold no such arm.
 */
export function forgetBiasRows(
  results: Results,
  o: {
    readonly task: string;
    readonly lr: number;
    readonly clips: readonly number[];
    readonly variants: readonly string[];
    readonly forgetBias?: number;
  },
  info: TaskInfo,
  lang: Lang = 'en',
): ForgetBiasRow[] {
  const w = EXPERIMENT_WORDS[lang];
  const fb = o.forgetBias ?? 1;
  if (!results.summaries.some((g) => g.taskKey === o.task && (g.forgetBias ?? 0) === fb))
    throw new Error(
      `experiments: the results hold no forget-bias-${fb} arm for ${o.task} (data/experiments/results.json predates it: run \`npm run experiments\`)`,
    );
  return o.variants.flatMap((variant) =>
    o.clips.map((clip) => {
      const cell = (forgetBias: number) => {
        const g = summaryIn(results, o.task, variant, settingKey({ lr: o.lr, clip, forgetBias }));
        return cellOf(g, runsIn(results.runs, g), info, lang);
      };
      const fb0 = cell(0);
      const fb1 = cell(fb);
      const verdict = compareRates(fb1.g, fb0.g);
      const n = fb0.g.runs === fb1.g.runs ? String(fb0.g.runs) : w.andN(String(fb0.g.runs), String(fb1.g.runs));
      const verdictText =
        verdict === 'more' ? w.fbMore(String(fb)) : verdict === 'fewer' ? w.fbFewer(String(fb)) : w.noClearDifference(n);
      return { variant, clip, fb0, fb1, verdict, verdictText };
    }),
  );
}
