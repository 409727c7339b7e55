/**
 * When a Lighthouse performance score can be trusted, and what the gate concludes from up to three runs of one page.
 *
 * Lighthouse simulates a mid-range phone by multiplying the time of every main-thread task it observed on the host by
 * its CPU slowdown (4×). That multiplier is calibrated for a host whose `benchmarkIndex` is about 1500–2000; below 1000
 * Lighthouse itself warns that "the tested device appears to have a slower CPU than Lighthouse expects" (lighthouse
 * core/gather/driver/environment.js, SLOW_CPU_BENCHMARK_INDEX_THRESHOLD). Other processes on the host (a shared 2-core
 * box, a busy CI runner) lower the index and stretch every task, so the score then measures the host, not the page.
 * Host load only ever slows a run down, so the best of a few runs is the closest to the page's real score.
 */

/** Lighthouse's own threshold: a run whose host benchmarked below this is not a measurement of the page. */
export const QUIET_BENCHMARK_INDEX = 1000;
/** Runs per page at most (the first one that reaches the target ends the series). */
export const MAX_RUNS = 3;

export interface PerfRun {
  /** Performance score, 0–1. */
  readonly score: number;
  /** `lhr.environment.benchmarkIndex` of the run. */
  readonly benchmarkIndex: number;
}

export type PerfVerdict =
  /** Some run reached the target (on a loaded host too: a quiet one can only do better). */
  | { readonly kind: 'pass'; readonly best: PerfRun }
  /** No run reached the target although at least one ran on a quiet host: the page is too slow. */
  | { readonly kind: 'fail'; readonly best: PerfRun }
  /** Every run was on a loaded host and none reached the target: nothing can be concluded. */
  | { readonly kind: 'not-measured'; readonly best: PerfRun };

export const isQuiet = (run: PerfRun): boolean => run.benchmarkIndex >= QUIET_BENCHMARK_INDEX;

/** The verdict over the runs made so far (at least one), judged against `target`. */
export function perfVerdict(runs: readonly PerfRun[], target: number): PerfVerdict {
  if (runs.length === 0) throw new Error('perfVerdict needs at least one Lighthouse run');
  const best = runs.reduce((a, b) => (b.score > a.score ? b : a));
  if (best.score >= target) return { kind: 'pass', best };
  // The best run of those on a quiet host is what the page scores there.
  const quiet = runs.filter(isQuiet);
  if (quiet.length > 0) return { kind: 'fail', best: quiet.reduce((a, b) => (b.score > a.score ? b : a)) };
  return { kind: 'not-measured', best };
}

/** Whether another run could change the verdict. */
export const wantsAnotherRun = (runs: readonly PerfRun[], target: number): boolean =>
  runs.length < MAX_RUNS && perfVerdict(runs, target).kind !== 'pass';
