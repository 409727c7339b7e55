/**
 * `<LogPlot>`: gradient norms against the lag on a log axis, with the overflow / underflow strips of
 * src/figures/gradients/plot.ts, a legend and a cursor (hover, tap, or keyboard: the plot is a focusable slider;
 * ← → move one lag, Page Up / Page Down a tenth of the range, Home / End to the ends).
 *
 * Like the kit's FunctionPlot, the SVG's viewBox equals its measured CSS size after hydration and DEFAULT_SIZE on the
 * server; the box is sized by CSS alone, so hydration never shifts the layout.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import { buildLogPlot, curvesOf, readoutAt } from '../../figures/gradients/plot';
import type { FlowResult } from '../../figures/gradients/compute';
import { DEFAULT_SIZE } from '../../figures/scale';
import { useSize } from '../figures/hooks';
import { axisTicks, PlotAxes } from '../figures/PlotAxes';
import { GRADIENTS } from '../../i18n/gradients';
import type { Lang } from '../../i18n/core';

export interface LogPlotProps {
  readonly id: string;
  readonly result: FlowResult;
  /** Cursor lag. */
  readonly cursor: number;
  /**
   * Moves the cursor: to a lag, or by an update of the current lag (keys use the update form, so that several
   * presses within one frame all count).
   */
  readonly onCursor: (k: number | ((current: number) => number)) => void;
  /** Accessible name. */
  readonly label: string;
  readonly describedBy: string;
  readonly hydrated: boolean;
  /** The result is out of date (a newer one is being computed). */
  readonly stale?: boolean | undefined;
  /**
   * What the figure is doing while the plot is stale (e.g. "Computing T = 2000…"), announced politely. Shown over the
   * plot, not below it, so that the figure keeps its height while it computes.
   */
  readonly status?: string | undefined;
  /** Language of the plot's words (default English). */
  readonly lang?: Lang | undefined;
}

const cls = (c: string | number): string => (c === 'muted' ? 'cm' : `c${c}`);

export function LogPlot(p: LogPlotProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, DEFAULT_SIZE);
  const r = p.result;
  const lang = p.lang ?? 'en';
  const w = GRADIENTS[lang];
  const curves = useMemo(() => curvesOf(r, lang), [r, lang]);
  const model = useMemo(
    () => buildLogPlot(curves, r.T, size.width, size.height, lang),
    [curves, r.T, size.width, size.height, lang],
  );
  const { frame, x, y } = model;
  const ro = readoutAt(r, p.cursor, lang);
  const k = ro.lag;
  const last = Math.max(0, r.T - 1);
  const valueText = w.valueText(String(k), String(ro.step), ro.values.map((v) => `${v.label} = ${v.text}`).join(', '));

  const clamp = (v: number) => Math.min(last, Math.max(0, Math.round(v)));
  const move = (v: number) => p.onCursor(clamp(v));
  const step = (d: number) => p.onCursor((cur) => clamp(Math.min(cur, last) + d));
  const dataK = (clientX: number): number => {
    const svg = boxRef.current?.querySelector('svg');
    if (!svg) return k;
    const rect = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    const s = Math.min(rect.width / vb.width, rect.height / vb.height);
    const offX = (rect.width - vb.width * s) / 2;
    return x.invert((clientX - rect.left - offX) / s);
  };
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    const big = Math.max(1, Math.round(last / 10));
    let handled = true;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        step(e.shiftKey ? big : 1);
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        step(-(e.shiftKey ? big : 1));
        break;
      case 'PageUp':
        step(big);
        break;
      case 'PageDown':
        step(-big);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(last);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };
  const interactive = p.hydrated;
  const cx = x.map(k);

  return (
    <div class="fp gf-plot-wrap">
      <ul class="fp-legend" aria-label={w.legend}>
        {curves
          .slice()
          .reverse()
          .map((c) => (
            <li key={c.id} class={c.faint ? 'faint' : undefined}>
              <span class={`fp-key ${cls(c.colour)} d-${c.dash}${c.faint ? ' faint' : ''}`} aria-hidden="true" />
              {c.label}
            </li>
          ))}
      </ul>
      <div
        ref={boxRef}
        class={`fp-plot gf-plot${p.stale ? ' stale' : ''}`}
        role={interactive ? 'slider' : 'img'}
        tabIndex={interactive ? 0 : undefined}
        aria-label={interactive ? w.cursorLag(p.label) : p.label}
        aria-describedby={p.describedBy}
        aria-valuemin={interactive ? 0 : undefined}
        aria-valuemax={interactive ? last : undefined}
        aria-valuenow={interactive ? k : undefined}
        aria-valuetext={interactive ? valueText : undefined}
        aria-busy={p.stale ? 'true' : undefined}
        onKeyDown={interactive ? onKeyDown : undefined}
        onPointerMove={interactive ? (e) => e.pointerType === 'mouse' && move(dataK(e.clientX)) : undefined}
        onPointerDown={interactive ? (e) => move(dataK(e.clientX)) : undefined}
      >
        <svg
          viewBox={`0 0 ${frame.width} ${frame.height}`}
          preserveAspectRatio="xMidYMid meet"
          aria-hidden="true"
          focusable="false"
          class="fp-svg"
        >
          {model.over && (
            <rect class="gf-strip" x={frame.x0} y={model.over.y} width={frame.x1 - frame.x0} height={model.over.height} />
          )}
          {model.under && (
            <rect class="gf-strip" x={frame.x0} y={model.under.y} width={frame.x1 - frame.x0} height={model.under.height} />
          )}
          <PlotAxes frame={frame} x={axisTicks(x)} y={y.ticks.map((t) => ({ at: t.py, label: t.label }))}>
            <text class="fp-axis-name" x={frame.x1} y={frame.y1 + 34} text-anchor="end">
              {w.lagAxis}
            </text>
            <text class="fp-axis-name" x={frame.x0 - 7} y={frame.y0 - 10} text-anchor="start">
              {w.normAxis}
            </text>
          </PlotAxes>
          {model.over && (
            <text class="gf-strip-label" x={frame.x1 - 6} y={model.over.labelY} text-anchor="end">
              {model.over.label}
            </text>
          )}
          {model.under && (
            <text class="gf-strip-label" x={frame.x1 - 6} y={model.under.labelY} text-anchor="end">
              {model.under.label}
            </text>
          )}
          <g class="fp-curves">
            {model.paths.map((c) =>
              c.d ? (
                <path
                  key={c.id}
                  d={c.d}
                  class={`fp-curve ${cls(c.colour)} d-${c.dash}${c.faint ? ' faint' : ''}`}
                  data-curve={c.id}
                />
              ) : null,
            )}
          </g>
          <g class="fp-cursor">
            <line x1={cx} x2={cx} y1={frame.y0} y2={frame.y1} />
            {curves.map((c) => {
              const py = model.pointY(c.series, k);
              return py === null ? null : <circle key={c.id} cx={cx} cy={py} r="4.5" class={`fp-dot ${cls(c.colour)}`} />;
            })}
          </g>
        </svg>
      </div>
      <p class="fp-readout gf-readout">
        <span class="fp-readout-x">{w.readoutLag(String(k), String(ro.step))}</span>
        {ro.values.map((v) => (
          <span key={v.id} class="fp-readout-v" data-readout={v.id}>
            {v.label} = <b>{v.text}</b>
          </span>
        ))}
      </p>
      <p class="gf-status" role="status" aria-live="polite">
        {p.status ?? ''}
      </p>
    </div>
  );
}
