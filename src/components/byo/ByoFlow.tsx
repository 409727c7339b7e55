/**
 * "Use my own weights" in the gradient-flow figure: the reader's LSTM, GRU or RNN (layer and direction of their
 * choice) on a probe sequence (src/figures/byo/probe.ts), and the gradient norms of L = vᵀh_{T−1} against the lag,
 * measured exactly as for the figure's own networks (src/figures/byo/flow.ts) and drawn by the same plot. Loaded only
 * when the reader asks for it (the figure's "Use my own weights" button).
 */
import { useState } from 'preact/hooks';
import type { FlowResult } from '../../figures/gradients/types';
import { BYO } from '../../i18n/byo';
import type { Lang } from '../../i18n/core';
import type { LogPlotProps } from '../gradients/LogPlot';
import type { CellKind } from '../../lib/nn/types';
import type { ComponentType } from 'preact';
import { ByoLayout, ByoPanel, ByoProbe, useByo } from './ByoLoader';

/**
 * What the gradient figure lends the panel: its plot and read-out helpers, and its words for the cells. Passed in
 * rather than imported, so that the panel's chunk takes nothing from the page's chunks (a shared module would be
 * split out of them, and every page would load one more file).
 */
export interface FlowKit {
  readonly LogPlot: ComponentType<LogPlotProps>;
  readonly clipText: (r: FlowResult, lang: Lang) => string;
  readonly formatMeasured: (v: number) => string;
  readonly formatNumber: (v: number, sig?: number) => string;
  readonly cellNames: Readonly<Record<CellKind, string>>;
}

export interface ByoFlowProps {
  readonly id: string;
  readonly lang: Lang;
  readonly onClose: () => void;
  readonly kit: FlowKit;
}

/** A series' log10 values as JSON (±Infinity and NaN as strings), for tests and the curious. */
const json = (a: Float64Array) => JSON.stringify(Array.from(a, (v) => (Number.isFinite(v) ? v : String(v))));

export default function ByoFlow({ id, lang, onClose, kit }: ByoFlowProps) {
  const w = BYO[lang];
  const { LogPlot, clipText, formatMeasured, formatNumber } = kit;
  const byo = useByo('flow');
  const { state } = byo;
  const [cursor, setCursor] = useState(0);
  const r = state.status === 'done' && state.result.kind === 'flow' ? state.result.result : null;
  const kind = byo.layout?.kind ?? 'lstm';
  return (
    <ByoPanel byo={byo} figure="flow" id={id} lang={lang} onClose={onClose}>
      <ByoLayout byo={byo} id={id} lang={lang} cellName={kit.cellNames[kind]} />
      <ByoProbe byo={byo} figure="flow" id={id} lang={lang} />
      {r && (
        <div class="byo-flow" data-h-log10={json(r.h.log10)} data-c-log10={r.c ? json(r.c.log10) : undefined} data-T={r.T}>
          <LogPlot
            id={`${id}-byo`}
            result={r}
            cursor={Math.min(cursor, r.T - 1)}
            onCursor={(u) => setCursor((k) => Math.max(0, Math.min(r.T - 1, typeof u === 'function' ? u(k) : u)))}
            label={w.plotLabel}
            describedBy={`${id}-byo-facts`}
            hydrated
            lang={lang}
          />
          <ul class="fig-facts gf-facts" id={`${id}-byo-facts`}>
            <li>
              {w.flowFacts(
                formatMeasured(r.wNorm),
                r.params.c === 'rnn'
                  ? w.noGate
                  : `${r.params.c === 'lstm' ? w.meanForget : w.meanUpdate} ${formatNumber(r.meanGate, 3)}.`,
              )}
            </li>
            <li>{clipText(r, lang)}</li>
          </ul>
        </div>
      )}
      {state.status === 'done' && <p class="byo-note">{w.computed(state.ms.toFixed(0))}</p>}
    </ByoPanel>
  );
}
