/**
 * Runs {@link computeFlow} for the gradient-flow figures: synchronously for short sequences (well inside one frame),
 * in a shared module Web Worker for long ones, so that the page never freezes. Without Worker support it falls back
 * to a computation in a later task.
 */
import { computeFlow, type FlowParams, type FlowResult } from '../../figures/gradients/compute';

/** Sequences up to this length are computed on the main thread (a few milliseconds). */
export const SYNC_MAX_T = 250;

/** A result and how long its computation took. */
export interface TimedResult {
  readonly result: FlowResult;
  readonly ms: number;
}

/** Computes on the calling thread and measures the time. */
export function computeTimed(params: FlowParams): TimedResult {
  const t0 = performance.now();
  const result = computeFlow(params);
  return { result, ms: performance.now() - t0 };
}

type Pending = { resolve: (r: TimedResult) => void; reject: (e: Error) => void };

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
}

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    const w = new Worker(new URL('../../figures/gradients/flow.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<{ id: number; result?: FlowResult; ms?: number; error?: string }>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.result) p.resolve({ result: e.data.result, ms: e.data.ms ?? NaN });
      else p.reject(new Error(e.data.error ?? 'worker failed'));
    };
    w.onerror = () => {
      worker = null;
      failAll('worker failed to load');
    };
    worker = w;
  } catch {
    worker = null;
  }
  return worker;
}

/** Computes off the main thread (or, without a worker, in a later task). */
export function computeOffThread(params: FlowParams): Promise<TimedResult> {
  const w = getWorker();
  const later = () =>
    new Promise<TimedResult>((resolve) => {
      setTimeout(() => resolve(computeTimed(params)), 0);
    });
  if (!w) return later();
  const id = nextId++;
  return new Promise<TimedResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, params });
  }).catch(() => later());
}
