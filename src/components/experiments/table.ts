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

/** The lines under a cell's success rate. */
export function cellLines(g: GroupSummary, _runs: readonly RunRecord[], info: TaskInfo): string[] {
  const metricWord = info.loss === 'mse' ? 'MSE' : 'accuracy';
  const lines: string[] = [];
  if (g.solved > 0) lines.push(`steps ${spreadText(g.stepsToSolve)}`);
  if (g.diverged > 0) {
    const qs = [...new Set(g.divergences.map((d) => quantity[d.quantity] ?? d.quantity))].join(', ');
    const steps = g.divergences.map((d) => d.step).sort((a, b) => a - b);
    lines.push(`${g.diverged} diverged (${qs}; step ${steps.join(', ')})`);
  }
  if (g.budget > 0) {
    const ends = g.finalMetric && g.finalLoss ? (info.loss === 'mse' ? g.finalLoss : g.finalMetric) : null;
    if (ends) {
      const budgetRuns = g.budget;
      lines.push(`${budgetRuns} unsolved, ${metricWord} ${ends.n === 1 ? f3(ends.median) : `${f3(ends.min)}–${f3(ends.max)}`}`);
    }
  }
  return lines;
}
