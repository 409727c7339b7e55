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
import type { ComponentChildren } from 'preact';
import { CELLS, CELL_NAMES, FLOW_ACTIVATIONS, type FlowParams, type WeightInit } from '../../figures/gradients/types';
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
  formatMeasured,
  describeFlow,
  flowTable,
  gammaText,
  overflowNotice,
  rangeEvents,
} from '../../figures/gradients/plot';
import { unpackFlow } from '../../figures/gradients/pack';
import { formatNumber } from '../../figures/format';
import { Figure, descriptionId, type FigureWidth } from '../figures/Figure';
import { Controls, Select, Slider } from '../figures/controls';
import { useFigureState, useHydrated, useVisible, useWhenVisible } from '../figures/hooks';
import { LogPlot } from './LogPlot';
import { SYNC_MAX_T, computeNow, computeOffThread, loadCompute, type TimedResult } from './flow-client';
import type { CellKind } from '../../lib/nn/types';
import { Activations, type ActivationKey } from '../../lib/nn/activations';
import './gradients.css';

export interface GradientFlowProps {
  /** Which figure (URL key, defaults and presets): `bptt` (vanilla RNN) or `cec` (LSTM). */
  readonly figure?: GradientFigureId | undefined;
  /** The packed result of the figure's default state (`initialFlow(figure)` of src/figures/gradients/numbers.ts). */
  readonly initial: string;
  readonly width?: FigureWidth | undefined;
  readonly title?: string | undefined;
  readonly children?: ComponentChildren;
}

const WEIGHT_LABELS: Readonly<Record<WeightInit, string>> = { orth: 'ρ × orthogonal', gauss: 'Gaussian, radius ρ' };

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
    void loadCompute().then(() => alive.current && setLoaded((n) => n + 1));
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

export default function GradientFlow({ figure = 'bptt', initial, width = 'page', title, children }: GradientFlowProps) {
  const def = GRADIENT_FIGURES[figure];
  const fig = useFigureState(def);
  const hydrated = useHydrated();
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const s = useWhenVisible(fig.state, visible);
  const params = flowParams(s);
  const initialOut = useMemo<TimedResult>(() => ({ result: unpackFlow(initial), ms: 0 }), [initial]);
  const { out, ready } = useFlow(params, initialOut);
  const r = out.result;

  const description = useMemo(() => describeFlow(r), [r]);
  const data = useMemo(() => flowTable(r), [r]);
  const id = def.key;
  const cell = fig.state.c;
  const notice = overflowNotice(r);
  const events = [rangeEvents('‖∂L/∂h_t‖', r.h), r.c ? rangeEvents('‖∂L/∂c_t‖', r.c) : ''].filter((x) => x !== '');

  return (
    <Figure
      id={id}
      width={width}
      title={title ?? 'Gradient norms through time.'}
      caption={children}
      description={description}
      data={data}
      dataCaption="‖∂L/∂h_t‖ and the other curves at about 20 lags (3 significant digits; orders of magnitude outside the float64 range)."
      problems={fig.problems}
      status={fig.status}
      onCopyLink={fig.copyLink}
      hydrated={hydrated}
    >
      <div
        ref={ref}
        class="fig-body gf-body"
        data-status={ready ? 'ready' : 'computing'}
        data-params={paramsKey(r.params)}
        data-compute-ms={out.ms.toFixed(2)}
      >
        <div class="gf-presets" role="group" aria-label="Presets">
          <span class="gf-presets-label" aria-hidden="true">
            Try:
          </span>
          {PRESETS[figure].map((p) => (
            <button
              type="button"
              key={p.id}
              data-preset={p.id}
              aria-current={isPreset(figure, p.id, fig.state) ? 'true' : undefined}
              onClick={() => fig.set(presetState(figure, p.id))}
            >
              {p.label}
            </button>
          ))}
        </div>
        <Controls label="Network">
          <Select<CellKind>
            id={`${id}-cell`}
            label="Cell"
            value={fig.state.c}
            options={CELLS.map((c) => ({ value: c, label: CELL_NAMES[c] }))}
            onValue={(c) => fig.set((p) => ({ ...p, c }))}
          />
          <Select<ActivationKey>
            id={`${id}-act`}
            label={cell === 'rnn' ? 'Activation φ' : 'Candidate activation'}
            value={fig.state.a}
            options={FLOW_ACTIVATIONS.map((a) => ({ value: a, label: activationOption(a) }))}
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
            options={WEIGHT_INITS.map((w) => ({ value: w, label: WEIGHT_LABELS[w] }))}
            onValue={(w) => fig.set((p) => ({ ...p, w }))}
          />
        </Controls>
        <Controls label="Settings">
          <Slider
            id={`${id}-rho`}
            label="Scale ρ"
            min={LIMITS.r.min}
            max={LIMITS.r.max}
            step={LIMITS.r.step}
            value={fig.state.r}
            display={formatNumber(fig.state.r)}
            valueText={`recurrent weight scale ρ = ${formatNumber(fig.state.r)}`}
            onValue={(v) => fig.update((p) => ({ ...p, r: v }))}
          />
          <Slider
            id={`${id}-t`}
            label="Length T"
            min={LIMITS.t.min}
            max={LIMITS.t.max}
            step={LIMITS.t.step}
            value={fig.state.t}
            display={String(fig.state.t)}
            valueText={`sequence length T = ${fig.state.t}`}
            onValue={(v) => fig.update((p) => ({ ...p, t: v }))}
          />
          {cell !== 'rnn' && (
            <Slider
              id={`${id}-bf`}
              label={
                cell === 'lstm' ? (
                  <>
                    Forget bias b<sub>f</sub>
                  </>
                ) : (
                  <>
                    Update bias b<sub>z</sub>
                  </>
                )
              }
              min={LIMITS.bf.min}
              max={LIMITS.bf.max}
              step={LIMITS.bf.step}
              value={fig.state.bf}
              display={formatNumber(fig.state.bf)}
              valueText={`${cell === 'lstm' ? 'forget-gate' : 'update-gate'} bias ${formatNumber(fig.state.bf)}`}
              onValue={(v) => fig.update((p) => ({ ...p, bf: v }))}
            />
          )}
          <div class="ctl ctl-number">
            <label for={`${id}-seed`}>Seed</label>
            <input
              type="number"
              id={`${id}-seed`}
              min={LIMITS.s.min}
              max={LIMITS.s.max}
              step={1}
              value={fig.state.s}
              onChange={(e) => {
                const v = Math.round(Number((e.currentTarget as HTMLInputElement).value));
                if (Number.isFinite(v)) fig.set((p) => ({ ...p, s: Math.min(LIMITS.s.max, Math.max(LIMITS.s.min, v)) }));
              }}
            />
          </div>
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
          label={`Gradient norms against the lag, ${CELL_NAMES[r.params.c]}`}
          describedBy={descriptionId(id)}
          hydrated={hydrated}
          stale={!ready}
        />
        <ul class="gf-facts">
          {r.params.c === 'rnn' ? (
            <li>
              {gammaText(r)}, ‖W‖ = {formatMeasured(r.wNorm)} (spectral radius {formatMeasured(r.wRadius)}): the bound’s factor
              per step is γ‖W‖ = {formatMeasured(r.gamma * r.wNorm)}.
            </li>
          ) : (
            <li>
              Mean {r.params.c === 'lstm' ? 'forget gate f' : 'update gate z'} over all units and steps:{' '}
              {formatNumber(r.meanGate, 3)}; from the bias alone it would be {`σ(${formatNumber(r.params.bf)})`} ={' '}
              {formatNumber(Activations.sigmoid.f(r.params.bf), 3)}.
            </li>
          )}
          {events.length > 0 && <li data-events="">{events.join('; ')}.</li>}
          <li>{clipText(r)}</li>
        </ul>
        <p class="fp-hint gf-status" role="status" aria-live="polite">
          {ready ? '' : `Computing T = ${params.t}…`}
        </p>
      </div>
    </Figure>
  );
}
