/**
 * What each cell of a results table (ResultsTable.astro) says about one (task, variant, setting) group: the steps to
 * solve, the divergences and, for the runs that used up their budget, the held-out loss or metric they ended at.
 * Pure: a group summary and its runs in, lines of text out.
 */
import type { GroupSummary, ResultsFile, RunRecord } from '../../experiments/results';
import { spreadText } from '../../experiments/stats';
import { formatNumber } from '../../figures/format';

type TaskInfo = Pick<ResultsFile['tasks'][number], 'loss'>;

const f3 = (v: number): string => formatNumber(v, 3);
const quantity: Record<string, string> = { state: 'state', loss: 'loss', gradNorm: 'grad norm' };

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
export function cellLines(g: GroupSummary, runs: readonly RunRecord[], info: TaskInfo): string[] {
  const metricWord = info.loss === 'mse' ? 'MSE' : 'accuracy';
  const lines: string[] = [];
  if (g.solved > 0) lines.push(`steps ${spreadText(g.stepsToSolve)}`);
  if (g.diverged > 0) {
    const qs = [...new Set(g.divergences.map((d) => quantity[d.quantity] ?? d.quantity))].join(', ');
    const steps = g.divergences.map((d) => d.step).sort((a, b) => a - b);
    lines.push(`${g.diverged} diverged (${qs}; step ${steps.join(', ')})`);
  }
  const ends = runs
    .filter((r) => r.outcome.status === 'budget' && r.outcome.final !== null)
    .map((r) => (info.loss === 'mse' ? r.outcome.final!.loss : r.outcome.final!.metric));
  if (ends.length !== g.budget)
    throw new Error(`results table: ${g.budget} unsolved runs in the summary, ${ends.length} among the runs given`);
  if (ends.length > 0) lines.push(`${ends.length} unsolved, ${metricWord} ${rangeText(ends)}`);
  return lines;
}
