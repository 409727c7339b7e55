/**
 * The live-run figure's plotted data as CSV (loaded when the reader asks for it): the training-loss curve as drawn —
 * the mean over each window of steps, at the window's last step — and the held-out evaluations drawn as dots.
 *
 * @module
 */
import { downloadCsv, type CsvTable } from './csv.ts';

/** A curve point: the window's last step and its mean training loss (null where no step of it had a finite loss). */
export type LivePoint = readonly [step: number, loss: number | null];
/** A held-out evaluation: step, loss, metric. */
export type LiveEval = readonly [step: number, loss: number, metric: number];

/**
 * One row per curve point and per evaluation, by step: `step`, the windowed training loss and the held-out loss and
 * metric (empty where a row has none). `window` is the number of steps each point averages after the first
 * `stepwise` steps, which are points of their own.
 */
export function liveCsv(points: readonly LivePoint[], evals: readonly LiveEval[], window: number, stepwise = 0): CsvTable {
  const byStep = new Map<number, (number | string)[]>();
  const row = (step: number) => {
    let r = byStep.get(step);
    if (!r) byStep.set(step, (r = [step, '', '', '']));
    return r;
  };
  for (const [s, v] of points) row(s)[1] = v === null ? 'NaN' : v;
  for (const [s, loss, metric] of evals) {
    const r = row(s);
    r[2] = loss;
    r[3] = metric;
  }
  return {
    columns: [
      'step (training updates)',
      stepwise > 0
        ? `training loss (task's loss; each step alone up to step ${stepwise}, then the mean over the last ${window} steps)`
        : `training loss (task's loss, mean over the last ${window} steps)`,
      "held-out loss (task's loss, 1024 sequences)",
      'held-out metric (task’s metric)',
    ],
    rows: [...byStep.keys()].sort((a, b) => a - b).map((s) => byStep.get(s)!),
  };
}

/** Offers the table as a download (the figure's button calls this). */
export function saveLiveCsv(
  points: readonly LivePoint[],
  evals: readonly LiveEval[],
  window: number,
  figureId: string,
  stepwise = 0,
): void {
  downloadCsv(liveCsv(points, evals, window, stepwise), figureId);
}
