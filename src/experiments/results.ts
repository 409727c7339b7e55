/**
 * The format of the committed results (data/experiments/results.json) and the pure functions that build it: one
 * {@link RunRecord} per run and one {@link GroupSummary} per (task, variant, training setting) over its seeds.
 *
 * @module
 */
import {
  PROTOCOL,
  normalizeSpec,
  runKey,
  settingKey,
  taskKey,
  variantKey,
  variantLabel,
  type RunSpec,
  type TaskId,
} from './spec.ts';
import type { EvalPoint, ExperimentRun, RunOutcome } from './runner.ts';

/** Steps per point of the stored loss curves (the mean training loss of each window). */
export const CURVE_EVERY = PROTOCOL.evalEvery;

/** One run as stored. */
export interface RunRecord {
  readonly key: string;
  readonly spec: RunSpec;
  readonly outcome: RunOutcome;
  /** The first {@link PROTOCOL.headSteps} training losses, full precision; null where not finite (JSON has no NaN or ∞). */
  readonly head: readonly (number | null)[];
  /** FNV-1a fingerprint of (loss, gradNorm, stateMax) of the first `fingerprintSteps` steps, bit for bit. */
  readonly fingerprint: string;
  readonly fingerprintSteps: number;
  /** Mean training loss over each window of {@link CURVE_EVERY} steps (the last window may be shorter), 4 significant digits; null where not finite. */
  readonly curve: readonly (number | null)[];
  /** Window maxima of the largest |c| (LSTM) or |h| over the same windows as `curve` (null: no finite value). */
  readonly stateCurve: readonly (number | null)[];
  /** Held-out evaluations: [step, loss, metric], 4 significant digits. */
  readonly evals: readonly (readonly [number, number, number])[];
  /** CPU time of the run in milliseconds (thread time in Node). */
  readonly cpuMs: number;
}

/** Spread of a sample: median, quartiles (linear interpolation) and extremes. */
export interface Spread {
  readonly n: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
}

/** One divergence, for the tables. */
export interface DivergenceRecord {
  readonly seed: number;
  readonly step: number;
  readonly quantity: string;
  readonly valueText: string;
}

/** The seeds of one (task, variant, setting) together. */
export interface GroupSummary {
  readonly task: TaskId;
  readonly T: number;
  readonly taskKey: string;
  readonly variantKey: string;
  readonly settingKey: string;
  readonly label: string;
  readonly lr: number;
  readonly clip: number;
  /** Added to the LSTM's forget-gate bias (0 unless the setting says otherwise). */
  readonly forgetBias: number;
  readonly steps: number;
  readonly seeds: readonly number[];
  readonly runs: number;
  readonly solved: number;
  readonly diverged: number;
  readonly budget: number;
  /** solved / runs. */
  readonly successRate: number;
  /** Steps to solve, over the solved runs (null if none). */
  readonly stepsToSolve: Spread | null;
  /** Held-out loss at the end, over runs that did not diverge (null if all diverged). */
  readonly finalLoss: Spread | null;
  /** Held-out metric at the end, over runs that did not diverge. */
  readonly finalMetric: Spread | null;
  /** Largest |c| (LSTM) or |h| of each run (finite values only). */
  readonly maxState: Spread;
  readonly divergences: readonly DivergenceRecord[];
  /** Dead units (out of H) per non-diverged run, when a role is a ReLU. */
  readonly dead: Spread | null;
}

/** The whole file. */
export interface ResultsFile {
  readonly schema: 1;
  readonly generated: string;
  readonly library: { readonly version: string; readonly srcLibSha256: string; readonly files: number };
  readonly environment: {
    readonly node: string;
    readonly platform: string;
    readonly cpus: number;
    readonly workers: number;
    readonly loadBefore: readonly number[];
    readonly loadAfter: readonly number[];
  };
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly protocol: typeof PROTOCOL;
  readonly grid: {
    readonly H: number;
    readonly seeds: readonly number[];
    readonly settings: readonly {
      readonly task: TaskId;
      readonly T: number;
      readonly steps: number;
      readonly lrs: readonly number[];
      readonly clips: readonly number[];
      /** Added to the LSTM's forget-gate bias in this setting (absent: the protocol's 0). */
      readonly forgetBias?: number;
      /** Keys of the variants run on this task. */
      readonly variants: readonly string[];
    }[];
    readonly variants: readonly {
      readonly key: string;
      readonly label: string;
      readonly cell: string;
      readonly candidate: string;
      readonly output: string;
      readonly group: string;
    }[];
    /** Whether this file holds the whole grid or only a prefix of it (a test or a partial run). */
    readonly complete: boolean;
  };
  readonly tasks: readonly {
    readonly key: string;
    readonly task: TaskId;
    readonly T: number;
    readonly title: string;
    readonly loss: string;
    readonly metric: { readonly name: string; readonly higherIsBetter: boolean; readonly threshold: number };
    readonly baseline: { readonly expected: number; readonly heldOut: number };
    readonly gate: number;
  }[];
  readonly summaries: readonly GroupSummary[];
  readonly runs: readonly RunRecord[];
}

/** Rounds to 4 significant digits (for display-only numbers). */
export function sig4(v: number): number {
  return Number(v.toPrecision(4));
}

/** Window means of the training losses of steps 1 … n. */
export function curveOf(losses: Float64Array, n: number, every: number = CURVE_EVERY): (number | null)[] {
  const out: (number | null)[] = [];
  for (let a = 0; a < n; a += every) {
    const b = Math.min(n, a + every);
    let s = 0;
    let k = 0;
    for (let i = a; i < b; i++) {
      if (!Number.isNaN(losses[i]!)) {
        s += losses[i]!;
        k++;
      }
    }
    const m = k > 0 ? s / k : NaN;
    out.push(Number.isFinite(m) ? sig4(m) : null);
  }
  return out;
}

/** Window maxima of the largest |c| or |h| of steps 1 … n (null where a window holds no finite value). */
export function stateCurveOf(states: Float64Array, n: number, every: number = CURVE_EVERY): (number | null)[] {
  const out: (number | null)[] = [];
  for (let a = 0; a < n; a += every) {
    let m = -Infinity;
    for (let i = a; i < Math.min(n, a + every); i++) if (Number.isFinite(states[i]!) && states[i]! > m) m = states[i]!;
    out.push(m === -Infinity ? null : sig4(m));
  }
  return out;
}

/** The record of a finished run. */
export function recordOf(run: ExperimentRun, cpuMs: number): RunRecord {
  const outcome = run.outcome;
  if (outcome === null) throw new Error('recordOf: the run has not ended');
  const n = run.stepCount + (outcome.status === 'diverged' ? 1 : 0);
  return {
    key: runKey(run.spec),
    spec: run.spec,
    outcome,
    head: Array.from(run.losses.subarray(0, Math.min(n, PROTOCOL.headSteps)), (v) => (Number.isFinite(v) ? v : null)),
    fingerprint: run.fingerprint(),
    fingerprintSteps: Math.min(n, PROTOCOL.fingerprintSteps),
    curve: curveOf(run.losses, n),
    stateCurve: stateCurveOf(run.states, n),
    evals: run.evals.map((e: EvalPoint) => [e.step, sig4(e.loss), sig4(e.metric)] as const),
    cpuMs: Math.round(cpuMs),
  };
}

/** Quantile with linear interpolation between order statistics (R's type 7, NumPy's default). */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Median, quartiles and extremes of a non-empty sample (null for an empty one). */
export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), q1: quantile(s, 0.25), q3: quantile(s, 0.75), min: s[0]!, max: s.at(-1)! };
}

/** Groups runs by (task, variant, setting), in first-seen order, and summarises each group. */
export function summarize(runs: readonly RunRecord[]): GroupSummary[] {
  const groups = new Map<string, RunRecord[]>();
  for (const r of runs) {
    const s = r.spec;
    const k = `${taskKey(s)}|${variantKey(s)}|${settingKey(s)}|${s.H}|${s.steps}`;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()].map((g) => {
    const s = normalizeSpec(g[0]!.spec);
    const ok = g.filter((r) => r.outcome.final !== null);
    const solved = g.filter((r) => r.outcome.status === 'solved');
    const diverged = g.filter((r) => r.outcome.status === 'diverged');
    const deadValues = ok.map((r) => r.outcome.dead).filter((d): d is number => d !== null);
    return {
      task: s.task,
      T: s.T,
      taskKey: taskKey(s),
      variantKey: variantKey(s),
      settingKey: settingKey(s),
      label: variantLabel(s),
      lr: s.lr,
      clip: s.clip,
      forgetBias: s.forgetBias ?? PROTOCOL.forgetBias,
      steps: s.steps,
      seeds: g.map((r) => r.spec.seed),
      runs: g.length,
      solved: solved.length,
      diverged: diverged.length,
      budget: g.filter((r) => r.outcome.status === 'budget').length,
      successRate: solved.length / g.length,
      stepsToSolve: spread(solved.map((r) => r.outcome.step)),
      finalLoss: spread(ok.map((r) => r.outcome.final!.loss)),
      finalMetric: spread(ok.map((r) => r.outcome.final!.metric)),
      maxState: spread(g.map((r) => r.outcome.maxState))!,
      divergences: diverged.map((r) => ({
        seed: r.spec.seed,
        step: r.outcome.step,
        quantity: r.outcome.quantity ?? '?',
        valueText: r.outcome.valueText ?? '?',
      })),
      dead: spread(deadValues),
    };
  });
}
