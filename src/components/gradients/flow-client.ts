/**
 * Runs `computeFlow` for the gradient-flow figures without ever blocking the page for long: short sequences on the
 * main thread (a few milliseconds), long ones in a shared module Web Worker. The numerical library is not part of the
 * page's initial JavaScript: it is imported on demand (the figures hydrate with a result computed at build time).
 */
import type { FlowParams, FlowResult } from '../../figures/gradients/types';
import { whenIdle } from '../figures/idle';

/** Sequences up to this length are computed on the main thread. */
export const SYNC_MAX_T = 250;

/** A result and how long its computation took (milliseconds, measured around `computeFlow` only). */
export interface TimedResult {
  readonly result: FlowResult;
  readonly ms: number;
}

type ComputeModule = typeof import('../../figures/gradients/compute');
let computeModule: ComputeModule | null = null;
let loading: Promise<ComputeModule> | null = null;

/** Loads the computation (once); resolves when {@link computeNow} can run. */
export function loadCompute(): Promise<ComputeModule> {
  loading ??= import('../../figures/gradients/compute').then((m) => (computeModule = m));
  return loading;
}

/** Computes on the calling thread if the computation is loaded, otherwise returns null (call {@link loadCompute}). */
export function computeNow(params: FlowParams): TimedResult | null {
  if (computeModule === null) return null;
  const t0 = performance.now();
  const result = computeModule.computeFlow(params);
  return { result, ms: performance.now() - t0 };
}

/** Length of the warm-up run of {@link warmUp}: long enough for the engine to compile the hot loops, short enough
 * (a few milliseconds once compiled, about 20 ms the first time) not to be a long task. */
const WARM_T = 24;
const warmed = new Set<string>();

/**
 * Runs the computation once, on a short sequence of the figure's cell and activation, and throws the result away,
 * so that the engine has compiled its code before the reader's first drag: the first computation on a page ran
 * interpreted, 65 ms for T = 200 instead of 4 ms, and dropped frames at the start of a drag. Then once more at the
 * figure's current settings (read when it runs, if short enough for the main thread), which sizes the layer's buffers
 * for them. Once per cell and activation, in idle periods ({@link whenIdle}: one with 20 ms to spare, or after 20
 * shorter ones, the next). Needs {@link loadCompute} to have resolved.
 */
export function warmUp(current: () => FlowParams): void {
  const first = current();
  const key = `${first.c}:${first.a}`;
  if (computeModule === null || warmed.has(key)) return;
  warmed.add(key);
  whenIdle(() => {
    computeNow({ ...first, t: Math.min(first.t, WARM_T) });
    whenIdle(() => {
      const p = current();
      if (p.t > WARM_T && p.t <= SYNC_MAX_T) computeNow(p);
    });
  });
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

/** Computes in the worker (or, without Worker support, on the main thread in a later task). */
export function computeOffThread(params: FlowParams): Promise<TimedResult> {
  const fallback = () =>
    loadCompute().then(
      () =>
        new Promise<TimedResult>((resolve) => {
          setTimeout(() => resolve(computeNow(params)!), 0);
        }),
    );
  const w = getWorker();
  if (!w) return fallback();
  const id = nextId++;
  return new Promise<TimedResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, params });
  }).catch(fallback);
}
