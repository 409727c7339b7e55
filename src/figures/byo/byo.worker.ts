/**
 * Web Worker of "Use my own weights": reads the reader's state_dict file, checks it, builds the layer and computes
 * what the figure shows (./probe.ts, ./cell.ts, ./flow.ts), so that a file of up to ~130 MB and H up to 1024 never blocks the page. The
 * file never leaves the browser: it is read here, from the File the page passes in.
 *
 * Messages in: `load` (a file: size check, read, parse, check, then `compute` with layer 0, forward) and `compute`
 * (another layer, direction or probe, on the dict already read). Out: `progress` (the phase and the time so far),
 * then `done` (the layout and the result) or `error` (see {@link ByoError}).
 */
import {
  checkStateDictSize,
  fromStateDict,
  inspectStateDict,
  parseStateDictJson,
  type Direction,
  type StateDictLayout,
} from '../../lib/nn/from-state-dict.ts';
import { StateDictError } from '../../lib/nn/state-dict.ts';
import { cellTrace } from './cell.ts';
import type { CellTrace } from './view.ts';
import { layerFlow } from './flow.ts';
import type { ByoLayer } from './probe.ts';
import type { FlowResult } from '../gradients/types.ts';

/** Which figure asks: the cell explorer (an LSTM only) or the gradient-flow figure (LSTM, GRU or RNN). */
export type ByoFigure = 'cell' | 'flow';

/** What to compute on the dict. */
export interface ComputeRequest {
  readonly layer: number;
  readonly direction: Direction;
  readonly T: number;
  readonly seed: number;
}

/** A message to the worker. */
export type ByoRequest =
  | {
      readonly type: 'load';
      readonly id: number;
      readonly file: Blob;
      readonly figure: ByoFigure;
      readonly maxHidden: number;
      readonly probe: ComputeRequest;
    }
  | ({ readonly type: 'compute'; readonly id: number } & ComputeRequest);

/** A problem, as plain data: a StateDictError's fields, or `internal` for anything else. */
export interface ByoError {
  readonly code: StateDictError['code'] | 'internal';
  readonly key: string;
  readonly message: string;
  readonly detail: Readonly<Record<string, string | number>>;
  readonly expected?: readonly number[] | undefined;
  readonly actual?: readonly number[] | undefined;
}

/** What a figure shows for the request. */
export type ByoResult =
  { readonly kind: 'cell'; readonly trace: CellTrace } | { readonly kind: 'flow'; readonly result: FlowResult };

/** The phases a load goes through. */
export type ByoPhase = 'read' | 'parse' | 'check' | 'compute';

/** A message from the worker. */
export type ByoResponse =
  | { readonly type: 'progress'; readonly id: number; readonly phase: ByoPhase; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly error: ByoError }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly layout: StateDictLayout;
      readonly result: ByoResult;
      readonly ms: number;
    };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ByoRequest>) => void) | null;
  postMessage(message: ByoResponse): void;
};

let dict: unknown = null;
let layout: StateDictLayout | null = null;
let figure: ByoFigure = 'flow';
let built: { readonly key: string; readonly layer: ByoLayer } | null = null;

function asError(e: unknown): ByoError {
  if (e instanceof StateDictError) {
    return { code: e.code, key: e.key, message: e.message, detail: e.detail, expected: e.expected, actual: e.actual };
  }
  return { code: 'internal', key: '', message: e instanceof Error ? e.message : String(e), detail: {} };
}

function compute(id: number, req: ComputeRequest, t0: number): void {
  if (dict === null || layout === null) throw new Error('no file has been read');
  scope.postMessage({ type: 'progress', id, phase: 'compute', ms: performance.now() - t0 });
  const key = `${req.layer},${req.direction}`;
  if (built?.key !== key) {
    built = null; // let the previous layer's memory go first
    built = { key, layer: fromStateDict(dict, { layer: req.layer, direction: req.direction, maxT: req.T }) };
  }
  const layer = built.layer;
  const probe = { T: req.T, seed: req.seed };
  const result: ByoResult =
    figure === 'cell' && layer.kind === 'lstm'
      ? { kind: 'cell', trace: cellTrace(layer, probe) }
      : { kind: 'flow', result: layerFlow(layer, probe) };
  scope.postMessage({ type: 'done', id, layout, result, ms: performance.now() - t0 });
}

scope.onmessage = (e) => {
  const req = e.data;
  const t0 = performance.now();
  void (async () => {
    try {
      if (req.type === 'load') {
        dict = null;
        layout = null;
        built = null;
        figure = req.figure;
        const tooBig = checkStateDictSize(req.file.size);
        if (tooBig) throw tooBig;
        scope.postMessage({ type: 'progress', id: req.id, phase: 'read', ms: 0 });
        const text = await req.file.text();
        scope.postMessage({ type: 'progress', id: req.id, phase: 'parse', ms: performance.now() - t0 });
        const parsed = parseStateDictJson(text);
        scope.postMessage({ type: 'progress', id: req.id, phase: 'check', ms: performance.now() - t0 });
        layout = inspectStateDict(parsed, { ...(figure === 'cell' ? { kind: 'lstm' } : {}), maxHidden: req.maxHidden });
        dict = parsed;
        compute(req.id, req.probe, t0);
      } else {
        compute(req.id, req, t0);
      }
    } catch (err) {
      scope.postMessage({ type: 'error', id: req.id, error: asError(err) });
    }
  })();
};
