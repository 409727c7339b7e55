/**
 * Web Worker of the live-run figure: trains one {@link RunSpec} with the same runner as the Node grid script, in
 * time slices (so that pause, resume and cancel messages are handled between slices), and streams the curve, the
 * held-out evaluations and the outcome to the page. The main thread only draws.
 */
import { runWeights } from '../../experiments/first-batch';
import { createExperimentRun, type ExperimentRun } from '../../experiments/runner';
import { PROTOCOL } from '../../experiments/spec';
import { liveWindow, liveWindows, type FromWorker, type ToWorker } from './protocol';

/** Work per slice before yielding to the message queue (ms). */
const SLICE_MS = 25;
/** Smallest interval between progress messages (ms). */
const PROGRESS_MS = 100;

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
};

interface Active {
  readonly id: number;
  readonly run: ExperimentRun;
  paused: boolean;
  ms: number;
  lastPost: number;
  sentPoints: number;
  sentEvals: number;
  fingerprintSent: boolean;
  maxState: number;
  timer: ReturnType<typeof setTimeout> | null;
}

let active: Active | null = null;
/** The last run started, kept after it ends so that its weights can still be asked for. */
let latest: Active | null = null;

type Points = [number, number | null][];

/** The windows not sent yet, up to `upTo`: mean training loss and largest |c| or |h| of each. */
function points(a: Active, upTo: number): { loss: Points; state: Points } {
  const loss: Points = [];
  const state: Points = [];
  const { losses, states } = a.run;
  for (let w = a.sentPoints; w < upTo; w++) {
    const [lo, end] = liveWindow(w);
    const hi = Math.min(end, a.run.stepCount + (a.run.outcome?.status === 'diverged' ? 1 : 0));
    let s = 0;
    let k = 0;
    let top = -Infinity;
    for (let i = lo; i < hi; i++) {
      if (!Number.isNaN(losses[i]!)) {
        s += losses[i]!;
        k++;
      }
      if (Number.isFinite(states[i]!) && states[i]! > top) top = states[i]!;
    }
    const m = k > 0 ? s / k : NaN;
    loss.push([hi, Number.isFinite(m) ? m : null]);
    state.push([hi, top === -Infinity ? null : top]);
  }
  a.sentPoints = upTo;
  return { loss, state };
}

function postProgress(a: Active, final: boolean): void {
  const steps = a.run.stepCount + (a.run.outcome?.status === 'diverged' ? 1 : 0);
  const windows = liveWindows(steps, final);
  const evals = a.run.evals.slice(a.sentEvals).map((e) => [e.step, e.loss, e.metric] as const);
  a.sentEvals = a.run.evals.length;
  let fingerprint: string | undefined;
  if (!a.fingerprintSent && (steps >= PROTOCOL.fingerprintSteps || final)) {
    fingerprint = a.run.fingerprint();
    a.fingerprintSent = true;
  }
  const fresh = points(a, windows);
  scope.postMessage({
    type: 'progress',
    id: a.id,
    step: a.run.stepCount,
    points: fresh.loss,
    statePoints: fresh.state,
    evals,
    maxState: a.maxState,
    ms: a.ms,
    ...(fingerprint !== undefined
      ? { fingerprint, head: Array.from(a.run.losses.subarray(0, Math.min(steps, PROTOCOL.headSteps))) }
      : {}),
  });
  a.lastPost = performance.now();
}

function finish(a: Active): void {
  postProgress(a, true);
  const o = a.run.outcome!;
  const n = a.run.stepCount + (o.status === 'diverged' ? 1 : 0);
  scope.postMessage({
    type: 'done',
    id: a.id,
    outcome: o,
    fingerprint: a.run.fingerprint(),
    fingerprintSteps: Math.min(n, PROTOCOL.fingerprintSteps),
    head: Array.from(a.run.losses.subarray(0, Math.min(n, PROTOCOL.headSteps))),
    ms: a.ms,
    baseline: a.run.baseline,
  });
  if (active === a) active = null;
}

function slice(a: Active): void {
  a.timer = null;
  if (active !== a || a.paused) return;
  const t0 = performance.now();
  try {
    // Stop at the fingerprint boundary too, so the fingerprint is posted as soon as it is complete.
    while (a.run.outcome === null && performance.now() - t0 < SLICE_MS) {
      const info = a.run.step();
      if (Number.isFinite(info.stateMax) && info.stateMax > a.maxState) a.maxState = info.stateMax;
      if (info.step === PROTOCOL.fingerprintSteps) break;
    }
  } catch (err) {
    scope.postMessage({ type: 'error', id: a.id, message: String(err) });
    active = null;
    return;
  }
  a.ms += performance.now() - t0;
  if (a.run.outcome !== null) {
    finish(a);
    return;
  }
  if (performance.now() - a.lastPost >= PROGRESS_MS || (!a.fingerprintSent && a.run.stepCount >= PROTOCOL.fingerprintSteps)) {
    postProgress(a, false);
  }
  a.timer = setTimeout(() => slice(a), 0);
}

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'start') {
    if (active?.timer) clearTimeout(active.timer);
    active = null;
    let run: ExperimentRun;
    try {
      run = createExperimentRun(m.spec);
    } catch (err) {
      scope.postMessage({ type: 'error', id: m.id, message: String(err) });
      return;
    }
    const a: Active = {
      id: m.id,
      run,
      paused: false,
      ms: 0,
      lastPost: performance.now(),
      sentPoints: 0,
      sentEvals: 0,
      fingerprintSent: false,
      maxState: 0,
      timer: null,
    };
    active = a;
    latest = a;
    const metric = run.trainer.config.task.metric;
    scope.postMessage({
      type: 'ready',
      id: m.id,
      baseline: run.baseline,
      threshold: run.threshold,
      metricName: metric.name,
      higherIsBetter: metric.higherIsBetter,
      loss: run.trainer.config.task.loss,
    });
    a.timer = setTimeout(() => slice(a), 0);
    return;
  }
  if (m.type === 'weights') {
    const l = latest;
    if (!l || l.id !== m.id) return;
    const { trainer } = l.run;
    try {
      const weights = runWeights(l.run.spec, trainer.stepCount, trainer.layer, trainer.readout.linear);
      scope.postMessage({ type: 'weights', id: m.id, weights });
    } catch (err) {
      scope.postMessage({ type: 'weights', id: m.id, weights: null, problem: String(err) });
    }
    return;
  }
  const a = active;
  if (!a || a.id !== m.id) return;
  if (m.type === 'pause') {
    a.paused = true;
    if (a.timer) clearTimeout(a.timer);
    a.timer = null;
    postProgress(a, false);
  } else if (m.type === 'resume') {
    if (!a.paused) return;
    a.paused = false;
    a.timer = setTimeout(() => slice(a), 0);
  } else if (m.type === 'cancel') {
    if (a.timer) clearTimeout(a.timer);
    a.run.cancel();
    finish(a);
  }
};
