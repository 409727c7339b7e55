/**
 * The committed runs the live figure replays, built from the results file at build time (the article's props in
 * data.ts, the preset cards in src/site/share-presets.ts): its presets, chosen from the results, and the replay of
 * each. Node-loadable (imports carry their extensions); never import it from an island.
 */
import { DEFAULT_SPEC } from '../../experiments/grid.ts';
import { stepDetail } from '../../experiments/detail.ts';
import { CURVE_EVERY, type ResultsFile, type RunRecord } from '../../experiments/results.ts';
import { runKey, taskKey } from '../../experiments/spec.ts';
import { choosePresets, type Preset } from './presets.ts';
import type { ReplayRun } from './replay.ts';

/**
 * A committed run as the live figure replays it: its windows, or — for a run that ended within its first window — its
 * steps, recomputed and checked bit for bit against the committed fingerprint ({@link stepDetail}).
 */
export function replayOf(results: ResultsFile, r: RunRecord): ReplayRun {
  const t = results.tasks.find((x) => x.key === taskKey(r.spec));
  if (!t) throw new Error(`experiments: no task ${taskKey(r.spec)} in the results`);
  const common = {
    key: r.key,
    status: r.outcome.status,
    step: r.outcome.step,
    maxState: r.outcome.maxState,
    baseline: t.baseline.expected,
    threshold: t.metric.threshold,
  };
  const detail = r.outcome.step <= CURVE_EVERY ? stepDetail(r) : null;
  if (detail) return { ...common, every: 1, loss: detail.loss, state: detail.state };
  // Results written before the state curves existed have none: the figure then shows the loss alone, and says so.
  const state = (r as Partial<Pick<RunRecord, 'stateCurve'>>).stateCurve ?? null;
  return { ...common, every: CURVE_EVERY, loss: r.curve, state };
}

/** The presets of the live figure for these results, each with its committed run (when the file has it). */
export function presetRuns(results: ResultsFile): { preset: Preset; run: RunRecord | undefined }[] {
  return choosePresets(results.runs).map((preset) => ({
    preset,
    run: results.runs.find((r) => r.key === runKey(preset.spec)),
  }));
}

/** The replays the live figure carries: every preset's and the default configuration's. */
export function replaysOf(results: ResultsFile): ReplayRun[] {
  const keys = new Set([runKey(DEFAULT_SPEC), ...choosePresets(results.runs).map((p) => runKey(p.spec))]);
  return results.runs.filter((r) => keys.has(r.key)).map((r) => replayOf(results, r));
}
