/**
 * Island: `<GradientFlow figure="bptt" initial={…} client:visible>caption</GradientFlow>` — the gradient norms
 * ‖∂L/∂h_t‖ (and ‖∂L/∂c_t‖ for the LSTM) of one random sequence against the lag T − t, on a log axis, with the
 * reference curve of src/figures/gradients/compute.ts. The reader picks the cell, the activation, the recurrent weight
 * scale ρ and its initialisation, the gate bias, the sequence length and the seed, or one of the presets; everything
 * is in the URL (`#fig-bptt=c:rnn,a:tanh,r:1,w:orth,bf:0,t:200,s:1,k:50`).
 *
 * This component only renders. `initial` is the result for the figure's default state, computed at build time and
 * packed by src/figures/gradients/pack.ts, so the server-rendered figure and its hydration need no numerical library;
 * every other state is computed by `computeFlow` (loaded on demand; synchronously for T ≤ SYNC_MAX_T, otherwise in a
 * Web Worker), and drawn by src/figures/gradients/plot.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChildren, ComponentType } from 'preact';
import { CELLS, FLOW_ACTIVATIONS, type FlowParams, type WeightInit } from '../../figures/gradients/types';
import {
  GRADIENT_FIGURES,
  LIMITS,
  PRESETS,
  WEIGHT_INITS,
  flowParams,
  isPreset,
  paramsKey,
  presetState,
  type GradientFigureId,
} from '../../figures/gradients/state';
import {
  activationOption,
  clipText,
  curvesOf,
  formatMeasured,
  describeFlow,
  flowTable,
  gammaText,
  overflowNotice,
  eventsText,
} from '../../figures/gradients/plot';
import { unpackFlow } from '../../figures/gradients/pack';
import { formatNumber } from '../../figures/format';
import { widestLabel } from '../../figures/slider';
import { Figure, Tool, descriptionId, type FigureWidth } from '../figures/Figure';
import { Controls, NumberField, Select, Slider } from '../figures/controls';
import { useFigureState, useHydrated, useSettled, useVisible, useWhenVisible } from '../figures/hooks';
import { LogPlot } from './LogPlot';
import { SYNC_MAX_T, computeNow, computeOffThread, loadCompute, warmUp, type TimedResult } from './flow-client';
import type { CellKind } from '../../lib/nn/types';
import { Activations, type ActivationKey } from '../../lib/nn/activations';
import { GRADIENTS } from '../../i18n/gradients';
import type { Lang } from '../../i18n/core';
import type { ByoFlowProps } from '../byo/ByoFlow';
import type { ExportFlowProps } from '../export/ExportFlow';
import './gradients.css';

export interface GradientFlowProps {
  /** Which figure (URL key, defaults and presets): `bptt` (vanilla RNN) or `cec` (LSTM). */
  readonly figure?: GradientFigureId | undefined;
  /** The packed result of the figure's default state (`initialFlow(figure)` of src/figures/gradients/numbers.ts). */
  readonly initial: string;
  readonly width?: FigureWidth | undefined;
  readonly title?: string | undefined;
  readonly children?: ComponentChildren;
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

/**
 * The result for `params`: the build-time one if it matches, else computed (on the main thread when short and the
 * computation is loaded, otherwise in the worker; one worker job in flight at a time). While a result is pending the
 * last one stays on screen, marked stale.
 */
function useFlow(params: FlowParams, initial: TimedResult): { out: TimedResult; ready: boolean } {
  const key = paramsKey(params);
  const initialKey = useMemo(() => paramsKey(initial.result.params), [initial]);
  const sync = params.t <= SYNC_MAX_T;
  const [loaded, setLoaded] = useState(0);
  const syncOut = useMemo(() => (key === initialKey ? initial : sync ? computeNow(params) : null), [key, loaded]);
  const [asyncOut, setAsyncOut] = useState<(TimedResult & { key: string }) | null>(null);
  const last = useRef<TimedResult>(initial);
  const wanted = useRef(params);
  const inFlight = useRef(false);
  const alive = useRef(true);
  wanted.current = params;
  useEffect(() => {
    // Load the computation once the figure is interactive, so the first change is computed at once.
    void loadCompute().then(() => {
      if (!alive.current) return;
      setLoaded((n) => n + 1);
      warmUp(() => wanted.current);
    });
    return () => {
      alive.current = false;
    };
  }, []);
  useEffect(() => {
    if (syncOut !== null || sync || inFlight.current) return;
    const run = (p: FlowParams) => {
      inFlight.current = true;
      const k = paramsKey(p);
      void computeOffThread(p).then((res) => {
        inFlight.current = false;
        if (!alive.current) return;
        setAsyncOut({ ...res, key: k });
        const w = wanted.current;
        if (paramsKey(w) !== k && w.t > SYNC_MAX_T && paramsKey(w) !== initialKey) run(w);
      });
    };
    run(params);
  }, [key]);
  const out = syncOut ?? (asyncOut && asyncOut.key === key ? asyncOut : null);
  if (out) last.current = out;
  return { out: out ?? last.current, ready: out !== null };
}

/** The widest read-out of each slider over its range (their outputs keep that width). */
const WIDEST = {
  r: widestLabel(LIMITS.r.min, LIMITS.r.max, LIMITS.r.step, (v) => formatNumber(v)),
  t: widestLabel(LIMITS.t.min, LIMITS.t.max, LIMITS.t.step, (v) => String(v)),
  bf: widestLabel(LIMITS.bf.min, LIMITS.bf.max, LIMITS.bf.step, (v) => formatNumber(v)),
} as const;

export default function GradientFlow({
  figure = 'bptt',
  initial,
  width = 'page',
  title,
  children,
  lang = 'en',
}: GradientFlowProps) {
  const w = GRADIENTS[lang];
  const def = GRADIENT_FIGURES[figure];
  const fig = useFigureState(def, lang);
  const hydrated = useHydrated();
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const s = useWhenVisible(fig.state, visible);
  const params = flowParams(s);
  const initialOut = useMemo<TimedResult>(() => ({ result: unpackFlow(initial), ms: 0 }), [initial]);
  // MDX props are not type-checked: a result computed for the other figure would be drawn as this one's default.
  if (paramsKey(initialOut.result.params) !== paramsKey(flowParams(def.defaults))) {
    throw new Error(
      `<GradientFlow figure="${figure}">: initial is another figure's result; write initial={initialFlow('${figure}')}`,
    );
  }
  const { out, ready } = useFlow(params, initialOut);
  const r = out.result;

  // The text alternative and the data table follow the result once a drag settles (they need not run at 60 fps).
  const settled = useSettled(r);
  const description = useMemo(() => describeFlow(settled, lang), [settled, lang]);
  const data = useMemo(() => flowTable(settled, lang), [settled, lang]);
  const id = def.key;
  const cell = fig.state.c;
  const notice = overflowNotice(r, lang);
  const events = eventsText(r, lang);
  const weightLabels: Readonly<Record<WeightInit, string>> = { orth: w.weightOrth, gauss: w.weightGauss };
  const presetLabels: Readonly<Record<string, string>> = w.preset[figure];
  // "Use my own weights": a chunk loaded only when the reader asks (src/components/byo/).
  const [Byo, setByo] = useState<ComponentType<ByoFlowProps> | null>(null);
  // "Weights & PyTorch script": another chunk loaded on request (src/components/export/).
  const [Take, setTake] = useState<ComponentType<ExportFlowProps> | null>(null);

  return (
    <Figure
      id={id}
      width={width}
      title={title ?? w.title}
      caption={children}
      description={description}
      data={data}
      dataCaption={w.dataCaption}
      onCsv={() => void import('../../figures/gradients/csv').then((m) => m.saveFlowCsv(curvesOf(r, lang), r.T, lang, id))}
      problems={fig.problems}
      status={fig.status}
      onCopyLink={fig.copyLink}
      tools={
        <>
          <Tool
            name="export"
            hydrated={hydrated}
            onClick={() => void import('../export/ExportFlow').then((m) => setTake(() => m.default))}
          >
            {w.takeAway}
          </Tool>
          <Tool name="byo" hydrated={hydrated} onClick={() => void import('../byo/ByoFlow').then((m) => setByo(() => m.default))}>
            {w.useOwn}
          </Tool>
          {Take && <Take id={id} lang={lang} onClose={() => setTake(null)} params={r.params} T={r.T} />}
          {Byo && (
            <Byo
              id={id}
              lang={lang}
              onClose={() => setByo(null)}
              kit={{ LogPlot, clipText, formatMeasured, formatNumber, cellNames: w.cellNames }}
            />
          )}
        </>
      }
      hydrated={hydrated}
      lang={lang}
    >
      <div
        ref={ref}
        class="fig-body gf-body"
        data-status={ready ? (settled === r ? 'ready' : 'settling') : 'computing'}
        data-params={paramsKey(r.params)}
        data-compute-ms={out.ms.toFixed(2)}
      >
        <div class="gf-presets" role="group" aria-label={w.presets}>
          <span class="gf-presets-label" aria-hidden="true">
            {w.tryLabel}
          </span>
          {PRESETS[figure].map((p) => (
            <button
              type="button"
              key={p.id}
              data-preset={p.id}
              aria-current={isPreset(figure, p.id, fig.state) ? 'true' : undefined}
              onClick={() => fig.set(presetState(figure, p.id))}
            >
              {presetLabels[p.id] ?? p.label}
            </button>
          ))}
        </div>
        <Controls label={w.network}>
          <Select<CellKind>
            id={`${id}-cell`}
            label={w.cell}
            value={fig.state.c}
            options={CELLS.map((c) => ({ value: c, label: w.cellNames[c] }))}
            onValue={(c) => fig.set((p) => ({ ...p, c }))}
          />
          <Select<ActivationKey>
            id={`${id}-act`}
            label={cell === 'rnn' ? w.activationRnn : w.activationCell}
            value={fig.state.a}
            options={FLOW_ACTIVATIONS.map((a) => ({ value: a, label: activationOption(a, lang) }))}
            onValue={(a) => fig.set((p) => ({ ...p, a }))}
          />
          <Select<WeightInit>
            id={`${id}-init`}
            label={
              <>
                W<sub>hh</sub>
              </>
            }
            value={fig.state.w}
            options={WEIGHT_INITS.map((x) => ({ value: x, label: weightLabels[x] }))}
            onValue={(x) => fig.set((p) => ({ ...p, w: x }))}
          />
        </Controls>
        <Controls label={w.settings}>
          <Slider
            id={`${id}-rho`}
            label={w.scale}
            min={LIMITS.r.min}
            max={LIMITS.r.max}
            step={LIMITS.r.step}
            value={fig.state.r}
            display={formatNumber(fig.state.r)}
            widest={WIDEST.r}
            valueText={w.scaleValue(formatNumber(fig.state.r))}
            onValue={(v) => fig.update((p) => ({ ...p, r: v }))}
          />
          <Slider
            id={`${id}-t`}
            label={w.length}
            min={LIMITS.t.min}
            max={LIMITS.t.max}
            step={LIMITS.t.step}
            value={fig.state.t}
            display={String(fig.state.t)}
            widest={WIDEST.t}
            valueText={w.lengthValue(String(fig.state.t))}
            onValue={(v) => fig.update((p) => ({ ...p, t: v }))}
          />
          {cell !== 'rnn' && (
            <Slider
              id={`${id}-bf`}
              label={
                cell === 'lstm' ? (
                  <>
                    {w.forgetBias} b<sub>f</sub>
                  </>
                ) : (
                  <>
                    {w.updateBias} b<sub>z</sub>
                  </>
                )
              }
              min={LIMITS.bf.min}
              max={LIMITS.bf.max}
              step={LIMITS.bf.step}
              value={fig.state.bf}
              display={formatNumber(fig.state.bf)}
              widest={WIDEST.bf}
              valueText={(cell === 'lstm' ? w.forgetBiasValue : w.updateBiasValue)(formatNumber(fig.state.bf))}
              onValue={(v) => fig.update((p) => ({ ...p, bf: v }))}
            />
          )}
          <NumberField
            id={`${id}-seed`}
            label={w.seed}
            min={LIMITS.s.min}
            max={LIMITS.s.max}
            step={1}
            value={fig.state.s}
            onValue={(v) => fig.set((p) => ({ ...p, s: v }))}
          />
        </Controls>
        {notice && (
          <p class="gf-warn" data-notice="forward-overflow">
            {notice}
          </p>
        )}
        <LogPlot
          id={id}
          result={r}
          cursor={s.k}
          onCursor={(u) => fig.update((p) => ({ ...p, k: typeof u === 'function' ? u(p.k) : u }))}
          label={w.plotLabel(w.cellNames[r.params.c])}
          describedBy={descriptionId(id)}
          hydrated={hydrated}
          stale={!ready}
          status={ready ? '' : w.computing(String(params.t))}
          lang={lang}
        />
        <ul class="fig-facts gf-facts">
          {r.params.c === 'rnn' ? (
            <li>
              {w.factsRnn(
                gammaText(r, lang),
                formatMeasured(r.wNorm),
                formatMeasured(r.wRadius),
                formatMeasured(r.gamma * r.wNorm),
              )}
            </li>
          ) : (
            <li>
              {w.factsGate(
                r.params.c === 'lstm' ? w.meanForget : w.meanUpdate,
                formatNumber(r.meanGate, 3),
                formatNumber(r.params.bf),
                formatNumber(Activations.sigmoid.f(r.params.bf), 3),
              )}
            </li>
          )}
          <li data-events={events.any ? '' : undefined}>{events.text}</li>
          <li>{clipText(r, lang)}</li>
        </ul>
      </div>
    </Figure>
  );
}
