/**
 * Island: `<LiveRun client:visible committedUrl={…} replays={…} presets={…}>caption</LiveRun>` — re-run any configuration
 * of the experiments (or a new one) in the reader's browser. A preset (and the default configuration) opens on its
 * committed run, replayed with no click: the training loss and the largest |c| or |h| of each window, both on log
 * axes, a divergence crossed where it happened; "Run it yourself" trains it live. Training runs in a module Web Worker (run.worker.ts, the same
 * runner as `npm run experiments`); this component only sends start / pause / resume / cancel and draws the
 * streamed curve, so the page never blocks. The configuration lives in the URL (`#fig-run=…`, state.ts), so a
 * link reproduces "this exact run"; a run of the committed grid is compared with its precomputed fingerprint.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChildren, ComponentType } from 'preact';
import { Figure, Tool, descriptionId, type FigureWidth } from '../figures/Figure';
import type { ExportRunProps } from '../export/ExportRun';
import type { RunWeights } from '../../experiments/first-batch';
import { Controls, NumberField, Select } from '../figures/controls';
import { useFigureState, useHydrated, useSize } from '../figures/hooks';
import { PlotAxes } from '../figures/PlotAxes';
import { formatNumber } from '../../figures/format';
import { DEFAULT_SIZE } from '../../figures/scale';
import type { RunOutcome } from '../../experiments/runner';
import {
  ACTIVATION_SHORT,
  CANDIDATE_KEYS,
  CELL_IDS,
  CELL_NAMES,
  LIMITS,
  OUTPUT_KEYS,
  PROTOCOL,
  TASK_IDS,
  TASK_NAMES,
  runKey,
  variantLabel,
  type CandidateKey,
  type CellId,
  type OutputKey,
  type RunSpec,
  type TaskId,
} from '../../experiments/spec';
import { buildLossPlot, lossDomain, type LossPlotModel, type LossSeries, type RefLine } from './curves';
import { agreeingDigits, unpackCommitted } from './committed';
import { STATE_DOMAIN, replaySeries, unpackReplay, xExtent, type PackedReplay, type PresetLink } from './replay';
import { liveState, specOf, type LiveState } from './state';
import { LIVE_EVERY, LIVE_STEPWISE, type FromWorker, type ToWorker } from './protocol';
import './experiments.css';

export interface LiveRunProps {
  /** Where the packed committed outcomes (committed.ts) are served; fetched once the figure is on screen. */
  readonly committedUrl: string;
  /** The committed runs the figure replays when their configuration is opened (the presets and the default). */
  readonly replays: readonly PackedReplay[];
  readonly presets: readonly PresetLink[];
  readonly width?: FigureWidth | undefined;
  readonly title?: string | undefined;
  readonly children?: ComponentChildren;
}

type Phase = 'idle' | 'running' | 'paused' | 'done' | 'error';

interface TaskInfo {
  readonly baseline: number;
  readonly threshold: number;
  readonly metricName: string;
  readonly higherIsBetter: boolean;
  readonly loss: 'mse' | 'cross-entropy';
}

interface Live {
  readonly id: number;
  readonly phase: Phase;
  readonly spec: RunSpec;
  readonly points: readonly (readonly [number, number | null])[];
  readonly statePoints: readonly (readonly [number, number | null])[];
  readonly evals: readonly (readonly [number, number, number])[];
  readonly step: number;
  readonly maxState: number;
  /** Compute time in the worker (ms). */
  readonly ms: number;
  /** Wall-clock time from Run to the end, pauses excluded (ms). */
  readonly wallMs: number;
  readonly info: TaskInfo | null;
  readonly fingerprint: string | null;
  readonly fingerprintSteps: number;
  /** The first training losses, full precision (set when the run ends). */
  readonly head: readonly number[];
  readonly outcome: RunOutcome | null;
  readonly error: string | null;
}

const IDLE: Omit<Live, 'spec'> = {
  id: 0,
  phase: 'idle',
  points: [],
  statePoints: [],
  evals: [],
  step: 0,
  maxState: 0,
  ms: 0,
  wallMs: 0,
  info: null,
  fingerprint: null,
  fingerprintSteps: 0,
  head: [],
  outcome: null,
  error: null,
};

const f3 = (v: number) => formatNumber(v, 3);
const seconds = (ms: number) => `${formatNumber(ms / 1000, 3)} s`;
const QUANTITY: Readonly<Record<string, string>> = {
  state: 'the largest |c| or |h|',
  loss: 'the training loss',
  gradNorm: 'the gradient norm',
};

/** Plain-text summary of how a run ended. */
export function outcomeText(o: RunOutcome, info: TaskInfo | null): string {
  const metric = info ? `${info.metricName} ${f3(o.final?.metric ?? NaN)}` : '';
  switch (o.status) {
    case 'solved':
      return `Solved at step ${o.step}: held-out ${metric} (criterion ${info?.higherIsBetter ? '≥' : '<'} ${formatNumber(info?.threshold ?? NaN)}).`;
    case 'budget':
      return `Not solved within ${o.step} steps: held-out ${metric} at the end.`;
    case 'diverged': {
      const v = o.value ?? Number(o.valueText);
      const what = Number.isFinite(v)
        ? `reached ${f3(v)}, beyond the bound ${formatNumber(PROTOCOL.bounds[o.quantity ?? 'state'])}`
        : Number.isNaN(v)
          ? 'became not-a-number'
          : 'overflowed to infinity';
      return `Diverged at step ${o.step}: ${QUANTITY[o.quantity ?? ''] ?? o.quantity} ${what}.`;
    }
    case 'cancelled':
      return `Cancelled after ${o.step} steps.`;
  }
}

/** The packed committed outcomes, fetched once ('' until they arrive, or if they cannot be fetched: no comparison). */
function useCommitted(url: string): string {
  const [packed, setPacked] = useState('');
  useEffect(() => {
    const ac = new AbortController();
    fetch(url, { signal: ac.signal })
      .then((r) => (r.ok ? r.text() : ''))
      .then(setPacked, () => setPacked(''));
    return () => ac.abort();
  }, [url]);
  return packed;
}

export default function LiveRun({ committedUrl, replays, presets, width = 'page', title, children }: LiveRunProps) {
  const fig = useFigureState(liveState);
  const hydrated = useHydrated();
  const { spec, problems: crossProblems } = specOf(fig.state);
  const key = runKey(spec);
  const committed = useCommitted(committedUrl);
  const committedMap = useMemo(() => unpackCommitted(committed), [committed]);
  const reference = committedMap.get(key) ?? null;
  const [live, setLive] = useState<Live>({ ...IDLE, spec });
  const worker = useRef<Worker | null>(null);
  const nextId = useRef(1);
  const wall = useRef({ start: 0, acc: 0 });
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, DEFAULT_SIZE);
  const stateRef = useRef<HTMLDivElement>(null);
  const stateSize = useSize(stateRef, STATE_SIZE);

  // A new configuration cancels a run in progress and resets the figure.
  const liveRef = useRef(live);
  liveRef.current = live;
  useEffect(() => {
    const l = liveRef.current;
    if (l.phase === 'running' || l.phase === 'paused')
      worker.current?.postMessage({ type: 'cancel', id: l.id } satisfies ToWorker);
    setLive({ ...IDLE, spec });
  }, [key]);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  // "Weights & PyTorch script": a chunk loaded on request (src/components/export/); its weights come from the worker.
  const [Take, setTake] = useState<ComponentType<ExportRunProps> | null>(null);
  const weightsWaiter = useRef<{ id: number; resolve: (w: RunWeights) => void; reject: (e: Error) => void } | null>(null);
  const fetchWeights = (): Promise<RunWeights> =>
    new Promise((resolve, reject) => {
      const id = liveRef.current.id;
      weightsWaiter.current?.reject(new Error('replaced by a newer request'));
      weightsWaiter.current = { id, resolve, reject };
      worker.current?.postMessage({ type: 'weights', id } satisfies ToWorker);
    });

  const onMessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === 'weights') {
      const w = weightsWaiter.current;
      if (!w || w.id !== m.id) return;
      weightsWaiter.current = null;
      if (m.weights) w.resolve(m.weights);
      else w.reject(new Error(m.problem ?? 'no weights'));
      return;
    }
    setLive((l) => {
      if (m.id !== l.id) return l;
      switch (m.type) {
        case 'ready':
          return {
            ...l,
            info: {
              baseline: m.baseline,
              threshold: m.threshold,
              metricName: m.metricName,
              higherIsBetter: m.higherIsBetter,
              loss: m.loss,
            },
          };
        case 'progress':
          return {
            ...l,
            step: m.step,
            points: m.points.length > 0 ? [...l.points, ...m.points] : l.points,
            statePoints: m.statePoints.length > 0 ? [...l.statePoints, ...m.statePoints] : l.statePoints,
            evals: m.evals.length > 0 ? [...l.evals, ...m.evals] : l.evals,
            maxState: m.maxState,
            ms: m.ms,
            ...(m.fingerprint !== undefined
              ? { fingerprint: m.fingerprint, fingerprintSteps: Math.min(m.step, PROTOCOL.fingerprintSteps), head: m.head ?? [] }
              : {}),
          };
        case 'done': {
          const w = wall.current;
          const wallMs = w.acc + (l.phase === 'running' ? performance.now() - w.start : 0);
          return {
            ...l,
            phase: 'done',
            outcome: m.outcome,
            fingerprint: m.fingerprint,
            fingerprintSteps: m.fingerprintSteps,
            head: m.head,
            ms: m.ms,
            wallMs,
            step: m.outcome.step,
          };
        }
        case 'error':
          return { ...l, phase: 'error', error: m.message };
      }
    });
  };

  const getWorker = (): Worker | null => {
    if (worker.current) return worker.current;
    try {
      const w = new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = onMessage;
      w.onerror = () => setLive((l) => ({ ...l, phase: 'error', error: 'The training worker could not be started.' }));
      worker.current = w;
      return w;
    } catch {
      setLive((l) => ({ ...l, phase: 'error', error: 'This browser cannot start the training worker.' }));
      return null;
    }
  };
  const send = (m: ToWorker) => worker.current?.postMessage(m);

  const start = () => {
    const w = getWorker();
    if (!w) return;
    const id = nextId.current++;
    wall.current = { start: performance.now(), acc: 0 };
    setLive({ ...IDLE, id, spec, phase: 'running' });
    w.postMessage({ type: 'start', id, spec } satisfies ToWorker);
  };
  const pause = () => {
    wall.current.acc += performance.now() - wall.current.start;
    send({ type: 'pause', id: live.id });
    setLive((l) => ({ ...l, phase: 'paused' }));
  };
  const resume = () => {
    wall.current.start = performance.now();
    send({ type: 'resume', id: live.id });
    setLive((l) => ({ ...l, phase: 'running' }));
  };
  const cancel = () => send({ type: 'cancel', id: live.id });

  const active = live.phase === 'running' || live.phase === 'paused';
  const set = (over: Partial<LiveState>) => fig.set((p) => ({ ...p, ...over }));

  // ---- the plots ---------------------------------------------------------------------------------------------
  const packed = replays.find((r) => r.key === key);
  const replay = useMemo(() => (packed ? unpackReplay(packed) : null), [packed]);
  const info: TaskInfo | null =
    live.info ??
    (replay
      ? { baseline: replay.baseline, threshold: replay.threshold, metricName: '', higherIsBetter: false, loss: 'mse' }
      : null);
  const shown = replay ? replaySeries(replay) : null;
  const series: LossSeries[] = shown ? [shown.loss] : [];
  const stateSeries: LossSeries[] = shown?.state ? [shown.state] : [];
  const liveEnd = live.outcome?.status ?? null;
  if (live.points.length > 0) {
    series.push({ id: 'live', points: live.points, tone: 'c1', end: liveEnd });
    stateSeries.push({ id: 'live-state', points: live.statePoints, tone: 'c1', end: liveEnd, toEdge: false });
  }
  // A run that diverged early is shown over the steps it lasted, not squeezed into the first pixel of the budget.
  const xMax = live.phase === 'idle' ? xExtent(spec.steps, replay) : xExtent(spec.steps, live.outcome);
  const isCopy = spec.task === 'copy';
  const yDomain = info
    ? isCopy
      ? lossDomain(info.baseline / 100, info.baseline)
      : lossDomain(info.threshold, info.baseline)
    : ([1e-4, 10] as [number, number]);
  const refs: RefLine[] = [];
  if (info) {
    refs.push({ id: 'baseline', value: info.baseline, label: `baseline ${f3(info.baseline)}` });
    if (!isCopy) refs.push({ id: 'threshold', value: info.threshold, label: `solved below ${formatNumber(info.threshold)}` });
  }
  const model = useMemo(
    () => buildLossPlot(series, refs, { steps: xMax, yDomain, width: size.width, height: size.height }),
    [live.points, live.outcome, replay, xMax, yDomain[0], yDomain[1], info?.baseline, size.width, size.height],
  );
  const stateModel = useMemo(
    () =>
      buildLossPlot(stateSeries, STATE_REFS, {
        steps: xMax,
        yDomain: STATE_DOMAIN,
        width: stateSize.width,
        height: stateSize.height,
      }),
    [live.statePoints, live.outcome, replay, xMax, stateSize.width, stateSize.height],
  );
  const noState = live.points.length === 0 && replay !== null && replay.state === null;
  const evalDots = useMemo(() => {
    if (!info || isCopy) return [];
    const { frame } = model;
    const [lo, hi] = yDomain;
    const yOf = (v: number) =>
      frame.y1 -
      ((Math.log10(Math.min(hi, Math.max(lo, v))) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (frame.y1 - frame.y0);
    return live.evals
      .filter(([s]) => s <= xMax)
      .map(([s, loss]) => ({ x: frame.x0 + (s / xMax) * (frame.x1 - frame.x0), y: yOf(loss) }));
  }, [live.evals, model]);

  // ---- text --------------------------------------------------------------------------------------------------
  const label = `${variantLabel(spec)} on the ${TASK_NAMES[spec.task].toLowerCase()}, T = ${spec.T}, H = ${spec.H}, Adam ${spec.lr}, ${spec.clip > 0 ? `clipping at ${spec.clip}` : 'no clipping'}${spec.forgetBias ? `, forget-gate bias +${spec.forgetBias}` : ''}, seed ${spec.seed}`;
  const lastLoss = [...live.points].reverse().find((p) => p[1] !== null)?.[1] ?? null;
  const progress =
    live.phase === 'idle'
      ? replay
        ? `Showing the precomputed run (dashed): ${replay.status} at step ${replay.step}. Press “Run it yourself” to train it in your browser.`
        : 'Press Run to train this configuration in your browser.'
      : `Step ${live.step} of ${spec.steps}${lastLoss !== null ? ` · training loss ${f3(lastLoss)}` : ''} · ${seconds(live.phase === 'done' ? live.wallMs : live.ms)}${live.phase === 'paused' ? ' · paused' : ''}`;
  const announce =
    live.phase === 'done' && live.outcome
      ? outcomeText(live.outcome, info)
      : live.phase === 'error'
        ? `Error: ${live.error}`
        : live.phase === 'paused'
          ? 'Paused.'
          : live.phase === 'running'
            ? 'Training…'
            : '';
  let reproduction = '';
  if (reference && live.fingerprint !== null) {
    const same = live.fingerprint === reference.fingerprint && live.fingerprintSteps === reference.fingerprintSteps;
    const mine = live.head[reference.headSteps - 1];
    if (same) {
      reproduction = `The first ${live.fingerprintSteps} steps are bit-for-bit identical to the precomputed run (fingerprint ${live.fingerprint}).`;
    } else if (mine !== undefined) {
      // Both not finite (a run that diverged within the stored steps) counts as agreeing: the file stores no NaN or ∞.
      const digits = !Number.isFinite(mine) && Number.isNaN(reference.headLast) ? 17 : agreeingDigits(mine, reference.headLast);
      reproduction =
        `Not bit-for-bit identical to the precomputed run (fingerprint ${live.fingerprint}, precomputed ${reference.fingerprint}): ` +
        `the library computes σ and tanh with its own IEEE arithmetic, the same in every browser, so this points to a ` +
        `difference in this browser’s float arithmetic or a bug — please report it with this page’s link. ` +
        `The training loss at step ${reference.headSteps} agrees to ${digits} significant digits (${mine} here, ${reference.headLast} precomputed).`;
    }
    if (live.outcome && live.outcome.status !== 'cancelled') {
      const match = live.outcome.status === reference.status && live.outcome.step === reference.step;
      reproduction += match
        ? ` Same outcome: ${reference.status} at step ${reference.step}${reference.final !== null ? `, held-out loss ${formatNumber(reference.final)} precomputed` : ''}.`
        : ` Precomputed outcome: ${reference.status} at step ${reference.step}.`;
    }
  } else if (!reference) {
    reproduction = 'This configuration is not in the precomputed grid.';
  }
  const description =
    `Training loss and the largest |c| or |h| (log scales) against the step for: ${label}. ` +
    (live.outcome
      ? outcomeText(live.outcome, info)
      : replay
        ? `The precomputed run is shown: ${replay.status} at step ${replay.step}, largest |c| or |h| ${f3(replay.maxState)}.`
        : 'No run yet.');
  const tableRows = useMemo(() => {
    const mine = live.points.length > 0;
    const pts = mine ? live.points : (shown?.loss.points ?? []);
    const states = mine ? live.statePoints : (shown?.state?.points ?? []);
    const every = Math.max(1, Math.ceil(pts.length / 20));
    const cell = (v: number | null | undefined) => (v === null || v === undefined ? '—' : f3(v));
    return pts
      .map(([s, v], i) => [String(s), cell(v), cell(states[i]?.[1])])
      .filter((_, i) => i % every === every - 1 || i === pts.length - 1);
  }, [live.points, replay]);

  const id = liveState.key;
  const plotLabel = `Training loss against the step: ${label}`;
  return (
    <Figure
      id={id}
      width={width}
      title={title ?? 'Train it yourself.'}
      caption={children}
      description={description}
      data={{
        columns: [
          'step',
          live.points.length > 0 ? 'training loss (this run)' : 'training loss (precomputed)',
          'largest |c| or |h|',
        ],
        rows: tableRows,
      }}
      dataCaption="Mean training loss and largest |c| or |h| over the steps up to the given one (3 significant digits)."
      problems={[...fig.problems, ...crossProblems]}
      status={fig.status}
      onCopyLink={fig.copyLink}
      onCsv={() =>
        void import('../../figures/live-csv').then((m) =>
          m.saveLiveCsv(
            live.points.length > 0 ? live.points : (series[0]?.points ?? []),
            live.evals,
            LIVE_EVERY,
            id,
            LIVE_STEPWISE,
          ),
        )
      }
      tools={
        <>
          <Tool
            name="export"
            hydrated={hydrated}
            onClick={() =>
              void import('../export/ExportRun').then((m) => {
                setTake(() => m.default);
                // A configuration not trained here yet (the replayed, precomputed run): train it, to have its weights.
                if (liveRef.current.phase === 'idle') start();
              })
            }
          >
            {'Weights & PyTorch script'}
          </Tool>
          {Take && (
            <Take
              id={id}
              runId={live.id}
              phase={live.phase}
              step={live.step}
              steps={spec.steps}
              fetchWeights={fetchWeights}
              onClose={() => setTake(null)}
            />
          )}
        </>
      }
      hydrated={hydrated}
    >
      {/* The data-* of what a run has produced are absent until it has: no empty attributes in the page's HTML. */}
      <div
        class="fig-body xr-body"
        data-status={live.phase}
        data-key={key}
        data-step={live.step}
        data-outcome={live.outcome?.status}
        data-outcome-step={live.outcome?.step}
        data-fingerprint={live.fingerprint ?? undefined}
        data-fingerprint-steps={live.fingerprint !== null ? live.fingerprintSteps : undefined}
        data-head={live.head.length > 0 ? JSON.stringify(live.head) : undefined}
        data-final-loss={live.outcome?.final ? String(live.outcome.final.loss) : undefined}
        data-wall-ms={live.phase === 'done' ? live.wallMs.toFixed(0) : undefined}
        data-compute-ms={live.phase === 'idle' ? undefined : live.ms.toFixed(0)}
      >
        <Controls label="Task and cell">
          <Select<TaskId>
            id={`${id}-task`}
            label="Task"
            value={fig.state.task}
            options={TASK_IDS.map((t) => ({ value: t, label: TASK_NAMES[t] }))}
            onValue={(task) => set({ task })}
          />
          <NumberField
            id={`${id}-t`}
            label="Length T"
            value={fig.state.t}
            min={LIMITS.T.min}
            max={LIMITS.T.max}
            step={1}
            onValue={(t) => set({ t })}
          />
          <Select<CellId>
            id={`${id}-cell`}
            label="Cell"
            value={fig.state.cell}
            options={CELL_IDS.map((c) => ({ value: c, label: CELL_NAMES[c] }))}
            onValue={(cell) => set({ cell })}
          />
          {spec.cell !== 'irnn' && (
            <Select<CandidateKey>
              id={`${id}-g`}
              label={spec.cell === 'lstm' ? 'Candidate g' : spec.cell === 'gru' ? 'Candidate n' : 'Activation'}
              value={fig.state.g}
              options={CANDIDATE_KEYS.map((k) => ({ value: k, label: ACTIVATION_SHORT[k] ?? k }))}
              onValue={(g) => set({ g })}
            />
          )}
          {spec.cell === 'lstm' && (
            <Select<OutputKey>
              id={`${id}-phi`}
              label="Output φ"
              value={fig.state.phi}
              options={OUTPUT_KEYS.map((k) => ({ value: k, label: ACTIVATION_SHORT[k] ?? k }))}
              onValue={(phi) => set({ phi })}
            />
          )}
        </Controls>
        <Controls label="Training">
          <NumberField
            id={`${id}-h`}
            label="Hidden H"
            value={fig.state.h}
            min={LIMITS.H.min}
            max={LIMITS.H.max}
            step={1}
            onValue={(h) => set({ h })}
          />
          <NumberField
            id={`${id}-lr`}
            label="Learning rate"
            value={fig.state.lr}
            min={LIMITS.lr.min}
            max={LIMITS.lr.max}
            step="any"
            onValue={(lr) => set({ lr })}
          />
          <NumberField
            id={`${id}-clip`}
            label="Clip (0 = off)"
            value={fig.state.clip}
            min={LIMITS.clip.min}
            max={LIMITS.clip.max}
            step="any"
            onValue={(clip) => set({ clip })}
          />
          {spec.cell === 'lstm' && (
            <NumberField
              id={`${id}-fb`}
              label="Forget bias"
              value={fig.state.fb}
              min={LIMITS.forgetBias.min}
              max={LIMITS.forgetBias.max}
              step={1}
              onValue={(fb) => set({ fb })}
            />
          )}
          <NumberField
            id={`${id}-seed`}
            label="Seed"
            value={fig.state.seed}
            min={LIMITS.seed.min}
            max={LIMITS.seed.max}
            step={1}
            onValue={(seed) => set({ seed })}
          />
          <NumberField
            id={`${id}-steps`}
            label="Steps"
            value={fig.state.steps}
            min={LIMITS.steps.min}
            max={LIMITS.steps.max}
            step={1}
            onValue={(steps) => set({ steps })}
          />
        </Controls>
        <div class="xr-actions">
          {!active ? (
            <button type="button" class="xr-run" onClick={start} disabled={!hydrated} data-action="run">
              {live.phase === 'done' || live.phase === 'error' ? 'Run again' : replay ? 'Run it yourself' : 'Run'}
            </button>
          ) : live.phase === 'running' ? (
            <button type="button" onClick={pause} data-action="pause">
              Pause
            </button>
          ) : (
            <button type="button" onClick={resume} data-action="resume">
              Resume
            </button>
          )}
          <button type="button" onClick={cancel} disabled={!active} data-action="cancel">
            Cancel
          </button>
          <p class="xr-progress" aria-live="off">
            {progress}
          </p>
        </div>
        <p class="xr-announce" role="status" aria-live="polite">
          {announce}
        </p>
        <div ref={boxRef} class="fp-plot xr-plot" role="img" aria-label={plotLabel} aria-describedby={descriptionId(id)}>
          <PlotSvg model={model} axis="training step">
            {evalDots.map((d, i) => (
              <circle key={i} cx={d.x} cy={d.y} r={3.5} class="fp-dot c2" />
            ))}
          </PlotSvg>
        </div>
        <div
          ref={stateRef}
          class="fp-plot xr-plot xr-state"
          role="img"
          aria-label={`Largest |c| or |h| against the step: ${label}`}
          aria-describedby={descriptionId(id)}
        >
          <PlotSvg model={stateModel} axis="largest |c| or |h|, against the step" />
          {noState && (
            <p class="xr-state-note">
              The precomputed results on this page predate the state curves: the largest |c| or |h| of this run was{' '}
              {f3(replay?.maxState ?? NaN)}. Run it yourself to see its curve.
            </p>
          )}
        </div>
        <ul class="fig-facts xr-facts">
          <li class="xr-facts-legend">
            <span class="xr-key xr-key-live" aria-hidden="true" /> this run (training loss: each of the first 50 steps, then means
            of 10)
            {replay && (
              <>
                {' · '}
                <span class="xr-key xr-key-committed" aria-hidden="true" /> precomputed run
              </>
            )}
            {!isCopy && (
              <>
                {' · '}
                <span class="xr-key xr-key-eval" aria-hidden="true" /> held-out evaluations
              </>
            )}
          </li>
          {live.phase !== 'idle' && <li>Largest |c| or |h| so far: {f3(live.maxState)}.</li>}
          <li data-reproduction="">{reproduction}</li>
        </ul>
        <nav class="xr-presets" aria-label="Ready-made configurations">
          <span>Try:</span>
          <ul>
            {presets.map((p) => (
              <li key={p.id}>
                {/* The link's id is its own fragment: without JavaScript, a link to this state lands on the figure. */}
                <a id={p.href.slice(1)} href={p.href} data-preset={p.id} aria-current={p.key === key ? 'true' : undefined}>
                  {p.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </Figure>
  );
}

/** Size of the state plot before it is measured. */
const STATE_SIZE = Object.freeze({ width: 640, height: 200 });
const STATE_REFS: readonly RefLine[] = [{ id: 'bound', value: PROTOCOL.bounds.state, label: 'divergence bound' }];

/** One log-scale plot of the figure: grid, axes, ticks, reference lines, curves and how each run ended. */
function PlotSvg({ model, axis, children }: { model: LossPlotModel; axis: string; children?: ComponentChildren }) {
  const { frame } = model;
  return (
    <svg
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      focusable="false"
      class="fp-svg"
    >
      <PlotAxes
        frame={frame}
        x={model.xTicks.map((t) => ({ at: t.px, label: t.label }))}
        y={model.yTicks.map((t) => ({ at: t.py, label: t.label }))}
        endLastX
      >
        <text class="fp-axis-name" x={(frame.x0 + frame.x1) / 2} y={frame.height - 4} text-anchor="middle">
          {axis}
        </text>
      </PlotAxes>
      {model.refs.map((r) => (
        <g key={r.id} class={`xr-ref xr-ref-${r.id}`}>
          <line x1={frame.x0} x2={frame.x1} y1={r.y} y2={r.y} />
          <text x={frame.x1 - 4} y={r.y - 5} text-anchor="end">
            {r.label}
          </text>
        </g>
      ))}
      {model.paths.map((p) => (
        <path
          key={p.id}
          d={p.d}
          class={`fp-curve ${p.tone} d-${p.dash}${p.id.startsWith('committed') ? ' faint' : ''}`}
          data-series={p.id}
        />
      ))}
      {children}
      {model.ends.map((e) =>
        e.kind === 'diverged' ? (
          <path
            key={e.id}
            class={`xr-cross ${e.tone}`}
            d={`M${e.x - 6} ${e.y - 6}L${e.x + 6} ${e.y + 6}M${e.x - 6} ${e.y + 6}L${e.x + 6} ${e.y - 6}`}
          />
        ) : (
          <circle key={e.id} cx={e.x} cy={e.y} r={4.5} class={`fp-dot ${e.tone}`} />
        ),
      )}
    </svg>
  );
}
