/**
 * Web Worker for the gradient-flow figures: runs {@link computeFlow} off the main thread for long sequences, so
 * that T = 1000 never blocks the page. Message in: `{ id, params }`; out: `{ id, result, ms }` or `{ id, error }`.
 */
import { computeFlow, type FlowParams } from './compute.ts';

interface Request {
  readonly id: number;
  readonly params: FlowParams;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (e) => {
  const { id, params } = e.data;
  try {
    const t0 = performance.now();
    const result = computeFlow(params);
    scope.postMessage({ id, result, ms: performance.now() - t0 });
  } catch (err) {
    scope.postMessage({ id, error: String(err) });
  }
};
