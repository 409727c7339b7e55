/**
 * What "Use my own weights" shares between the cell explorer (./ByoCell.tsx) and the gradient-flow figure
 * (./ByoFlow.tsx): the worker that reads and computes ({@link useByo}), and the panel's top — what it does, that
 * nothing leaves the browser, the two lines of Python that write the file, the file input (also a drop zone),
 * progress and problems ({@link ByoPanel}). This whole folder is a chunk the page loads only when the reader presses
 * the figure's "Use my own weights" button.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { StateDictLayout } from '../../lib/nn/from-state-dict';
import type {
  ByoError,
  ByoFigure,
  ByoPhase,
  ByoRequest,
  ByoResponse,
  ByoResult,
  ComputeRequest,
} from '../../figures/byo/byo.worker';
import { hiddenLimit, PROBE, probeSeed, probeSteps } from '../../figures/byo/limits';
import { BYO, BYO_ERROR_TEXT } from '../../i18n/byo';
import type { Lang } from '../../i18n/core';
// The panel's styles as a file of their own, linked when the panel opens: imported as CSS, they would be inlined
// into every page of the figure, for readers who never open it.
import stylesheet from './byo.css?url';

/** Where a load or computation is. */
export type ByoState =
  | { readonly status: 'idle' }
  | { readonly status: 'busy'; readonly phase: ByoPhase; readonly since: number }
  | { readonly status: 'error'; readonly error: ByoError }
  | { readonly status: 'done'; readonly layout: StateDictLayout; readonly result: ByoResult; readonly ms: number };

/** What {@link useByo} returns. */
export interface Byo {
  readonly state: ByoState;
  /** The settings of the last request (layer, direction, probe). */
  readonly request: ComputeRequest;
  /** The layout of the file last loaded, kept while a new computation runs. */
  readonly layout: StateDictLayout | null;
  readonly load: (file: File) => void;
  readonly compute: (change: Partial<ComputeRequest>) => void;
}

/** The memory the device reports, in GB (Chromium's `navigator.deviceMemory`), if any. */
function deviceMemory(): number | undefined {
  const m = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  return typeof m === 'number' ? m : undefined;
}

/** The worker and the state of "Use my own weights" for `figure`. */
export function useByo(figure: ByoFigure): Byo {
  const [state, setState] = useState<ByoState>({ status: 'idle' });
  const [request, setRequest] = useState<ComputeRequest>({
    layer: 0,
    direction: 'forward',
    T: PROBE[figure].T,
    seed: PROBE.seed,
  });
  const [layout, setLayout] = useState<StateDictLayout | null>(null);
  const worker = useRef<Worker | null>(null);
  const current = useRef(0);
  useEffect(() => () => worker.current?.terminate(), []);

  const post = (message: ByoRequest) => {
    if (worker.current === null) {
      try {
        const w = new Worker(new URL('../../figures/byo/byo.worker.ts', import.meta.url), { type: 'module' });
        w.onmessage = (e: MessageEvent<ByoResponse>) => {
          const m = e.data;
          if (m.id !== current.current) return; // an answer to a request since replaced
          if (m.type === 'progress')
            setState((s) => ({ status: 'busy', phase: m.phase, since: s.status === 'busy' ? s.since : performance.now() }));
          else if (m.type === 'error') setState({ status: 'error', error: m.error });
          else {
            setLayout(m.layout);
            setState({ status: 'done', layout: m.layout, result: m.result, ms: m.ms });
          }
        };
        w.onerror = (e) => {
          setState({ status: 'error', error: { code: 'internal', key: '', message: e.message || 'worker error', detail: {} } });
        };
        worker.current = w;
      } catch (e) {
        setState({ status: 'error', error: { code: 'internal', key: '', message: String(e), detail: {} } });
        return;
      }
    }
    current.current = message.id;
    setState({ status: 'busy', phase: message.type === 'load' ? 'read' : 'compute', since: performance.now() });
    worker.current.postMessage(message);
  };

  return {
    state,
    request,
    layout,
    load: (file) => {
      const probe = { ...request, layer: 0, direction: 'forward' as const };
      setRequest(probe);
      setLayout(null);
      post({ type: 'load', id: current.current + 1, file, figure, maxHidden: hiddenLimit(deviceMemory()), probe });
    },
    compute: (change) => {
      const next = { ...request, ...change };
      setRequest(next);
      if (layout !== null) post({ type: 'compute', id: current.current + 1, ...next });
    },
  };
}

/** Seconds since `since`, to one decimal, refreshed every 100 ms while `active`. */
function useElapsed(since: number, active: boolean): string {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(t);
  }, [active]);
  return (Math.max(0, now - since) / 1000).toFixed(1);
}

/** The two lines of Python that write a state_dict as the JSON this panel reads. */
export const PYTHON_LINES = [
  'import json, torch',
  'json.dump({k: v.tolist() for k, v in model.state_dict().items()}, open("lstm.json", "w"))',
] as const;

export interface ByoPanelProps {
  readonly byo: Byo;
  readonly figure: ByoFigure;
  /** Element id prefix (the figure's id). */
  readonly id: string;
  readonly lang: Lang;
  readonly onClose: () => void;
  /** What the figure shows once a file is loaded. */
  readonly children?: ComponentChildren;
}

/** The panel: intro, privacy, Python, file input and drop zone, progress, problems, then the figure's view. */
export function ByoPanel({ byo, figure, id, lang, onClose, children }: ByoPanelProps) {
  const w = BYO[lang];
  const [dragging, setDragging] = useState(false);
  const { state } = byo;
  const elapsed = useElapsed(state.status === 'busy' ? state.since : 0, state.status === 'busy');
  useEffect(() => {
    if (!document.querySelector(`link[href="${stylesheet}"]`)) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = stylesheet;
      document.head.append(link);
    }
  }, []);
  const take = (files: FileList | null | undefined) => {
    const f = files?.[0];
    if (f) byo.load(f);
  };
  return (
    <section
      class={`byo${dragging ? ' byo-drag' : ''}`}
      aria-labelledby={`${id}-byo-title`}
      data-byo={figure}
      data-byo-ready=""
      data-byo-status={state.status}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        take(e.dataTransfer?.files);
      }}
    >
      <div class="byo-head">
        <h3 id={`${id}-byo-title`}>{w.title}</h3>
        <button type="button" class="byo-close" onClick={onClose}>
          {w.close}
        </button>
      </div>
      <p>{figure === 'cell' ? w.introCell : w.introFlow}</p>
      <p class="byo-privacy">{w.privacy}</p>
      <p>{w.python}</p>
      <pre class="byo-python">
        <code>{PYTHON_LINES.join('\n')}</code>
      </pre>
      <p class="byo-file">
        <label for={`${id}-byo-file`}>{w.choose}</label>{' '}
        <input
          id={`${id}-byo-file`}
          type="file"
          accept=".json,application/json"
          data-import="state-dict"
          onChange={(e) => take((e.currentTarget as HTMLInputElement).files)}
        />{' '}
        <span>{w.drop}</span>
      </p>
      <div class="byo-status" role="status" aria-live="polite">
        {state.status === 'busy' && (
          <p data-byo-phase={state.phase}>
            <progress aria-label={w.phase[state.phase]} /> {w.progress(w.phase[state.phase], elapsed)}
          </p>
        )}
      </div>
      {state.status === 'error' && (
        <div class="byo-error" role="alert" data-error={state.error.code}>
          <p>
            <strong>{w.error[state.error.code]}</strong>
          </p>
          <p>
            {w.errorDetail} <code data-error-detail>{BYO_ERROR_TEXT[lang](state.error)}</code>
          </p>
        </div>
      )}
      {byo.layout !== null && state.status !== 'error' && children}
    </section>
  );
}

/** The loaded module in words, and the layer and direction pickers of a stacked or bidirectional module. */
export function ByoLayout({ byo, id, lang, cellName }: { byo: Byo; id: string; lang: Lang; cellName: string }) {
  const w = BYO[lang];
  const l = byo.layout;
  if (l === null) return null;
  return (
    <>
      <p class="byo-loaded" data-byo-kind={l.kind} data-byo-hidden={l.hiddenSize}>
        {w.loaded(cellName, String(l.inputSize), String(l.hiddenSize), String(l.numLayers), l.bidirectional ? '2' : '1')}
      </p>
      {l.ignored.length > 0 && <p class="byo-note">{w.ignored(l.ignored.slice(0, 8).join(', '))}</p>}
      {(l.numLayers > 1 || l.bidirectional) && (
        <p class="byo-pick">
          {l.numLayers > 1 && (
            <label>
              {w.layer}{' '}
              <select
                id={`${id}-byo-layer`}
                value={String(byo.request.layer)}
                onChange={(e) => byo.compute({ layer: Number((e.currentTarget as HTMLSelectElement).value) })}
              >
                {Array.from({ length: l.numLayers }, (_, k) => (
                  <option key={k} value={String(k)}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
          )}{' '}
          {l.bidirectional && (
            <label>
              {w.direction}{' '}
              <select
                id={`${id}-byo-direction`}
                value={byo.request.direction}
                onChange={(e) =>
                  byo.compute({ direction: (e.currentTarget as HTMLSelectElement).value as 'forward' | 'reverse' })
                }
              >
                <option value="forward">{w.forward}</option>
                <option value="reverse">{w.reverse}</option>
              </select>
            </label>
          )}
        </p>
      )}
    </>
  );
}

/**
 * A number field of the panel that takes whole numbers: `parse` reads what the reader typed (rounded, clamped or
 * rejected); a rejected value puts the field back to `value` instead of computing with it.
 */
export function WholeNumberField(p: {
  id: string;
  value: number;
  min: number;
  max?: number | undefined;
  parse: (text: string) => number | undefined;
  onValue: (v: number) => void;
}) {
  return (
    <input
      id={p.id}
      type="number"
      min={p.min}
      max={p.max}
      step={1}
      value={p.value}
      onChange={(e) => {
        const v = p.parse(e.currentTarget.value);
        if (v === undefined) e.currentTarget.value = String(p.value);
        else p.onValue(v);
      }}
    />
  );
}

/**
 * The probe's settings, steps T and seed, and the sentence saying what the probe is; T is clamped to the figure's
 * range ({@link probeSteps}, {@link probeSeed}).
 */
export function ByoProbe({ byo, figure, id, lang }: { byo: Byo; figure: ByoFigure; id: string; lang: Lang }) {
  const w = BYO[lang];
  const { request } = byo;
  return (
    <>
      <p class="byo-pick">
        <label>
          {w.steps}{' '}
          <WholeNumberField
            id={`${id}-byo-T`}
            value={request.T}
            min={PROBE[figure].minT}
            max={PROBE[figure].maxT}
            parse={(text) => probeSteps(figure, text)}
            onValue={(T) => byo.compute({ T })}
          />
        </label>{' '}
        <label>
          {w.seed}{' '}
          <WholeNumberField
            id={`${id}-byo-seed`}
            value={request.seed}
            min={0}
            parse={probeSeed}
            onValue={(seed) => byo.compute({ seed })}
          />
        </label>
      </p>
      <p class="byo-note">{w.probe(String(request.T), String(request.seed))}</p>
    </>
  );
}
