/**
 * `<FunctionPlot>`: several curves on shared axes (d3-scale ticks), a legend, a cursor with an exact read-out
 * (hover, tap, or keyboard: the plot is a focusable slider, ← → move the cursor, + − zoom), optional pan/zoom of
 * the x range (drag, Ctrl/⌘ + wheel, + −) and shaded x intervals.
 *
 * Rendering: an SVG whose viewBox equals its measured CSS size after hydration (so text is 12–13 px at any width);
 * the box itself is sized by CSS alone (aspect-ratio), so hydration and resizing never shift the layout. On the
 * server (and in the hydrating render) the viewBox is {@link DEFAULT_SIZE}, scaled to fit. The SVG takes no pointer
 * events (the box handles them): hit-testing long paths on every mouse move cost most of a millisecond per frame.
 */
import { useRef } from 'preact/hooks';
import type { TargetedKeyboardEvent, TargetedPointerEvent, TargetedWheelEvent } from 'preact';
import {
  buildPlot,
  cursorText,
  readoutAt,
  sameDrawing,
  type Colour,
  type Dash,
  type PlotModel,
  type PlotSpec,
} from '../../figures/function-plot';
import { DEFAULT_SIZE, type Interval } from '../../figures/scale';
import { formatNumber } from '../../figures/format';
import { useSize } from './hooks';
import { axisTicks, PlotAxes } from './PlotAxes';
import { FUNCTION_PLOT } from '../../i18n/function-figures';
import type { Lang } from '../../i18n/core';

export interface DomainLimits {
  readonly min: number;
  readonly max: number;
  readonly minSpan: number;
}

export interface FunctionPlotProps {
  /** Base id for elements inside the plot. */
  readonly id: string;
  readonly spec: PlotSpec;
  /** Cursor position (clamped into the x domain for display). */
  readonly cursor: number;
  readonly onCursor: (x: number) => void;
  /** Enables pan and zoom of the x domain. */
  readonly onDomain?: ((d: Interval) => void) | undefined;
  readonly limits?: DomainLimits | undefined;
  /** Accessible name of the plot, e.g. "tanh and its derivatives". */
  readonly label: string;
  /** Id of the element describing the figure in words. */
  readonly describedBy: string;
  readonly hydrated: boolean;
  /** Whether to recompute (false while scrolled out of view). */
  readonly active?: boolean | undefined;
  /** Language of the legend's name, the hint and the accessible name (default English). */
  readonly lang?: Lang | undefined;
}

const colourClass = (c: Colour): string => (c === 'muted' ? 'cm' : `c${c}`);
const dashClass = (d: Dash): string => `d-${d}`;

/** Clamps and shifts a domain into the limits, keeping its width if possible. */
export function clampDomain([lo, hi]: Interval, lim: DomainLimits): Interval {
  let span = Math.min(Math.max(hi - lo, lim.minSpan), lim.max - lim.min);
  let a = lo;
  if (a < lim.min) a = lim.min;
  if (a + span > lim.max) a = lim.max - span;
  span = Math.max(span, lim.minSpan);
  return [a + 0, a + span + 0];
}

/** Zooms a domain by `factor` (< 1 zooms in) around `at`. */
export function zoomDomain([lo, hi]: Interval, factor: number, at: number, lim: DomainLimits): Interval {
  const a = at - (at - lo) * factor;
  const b = at + (hi - at) * factor;
  return clampDomain([a, b], lim);
}

const round3 = (v: number) => Math.round(v * 1000) / 1000 + 0;

export function FunctionPlot(p: FunctionPlotProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, DEFAULT_SIZE);
  const k = FUNCTION_PLOT[p.lang ?? 'en'];
  const active = p.active ?? true;
  // Rebuilt only when the drawing changes — not for a cursor move, whose spec is a new object that draws the same —
  // and only while the plot is visible.
  const built = useRef<{ spec: PlotSpec; width: number; height: number; model: PlotModel } | null>(null);
  const last = built.current;
  const model =
    last && (!active || (last.width === size.width && last.height === size.height && sameDrawing(last.spec, p.spec)))
      ? last.model
      : buildPlot(p.spec, size.width, size.height);
  if (model !== last?.model) built.current = { spec: p.spec, width: size.width, height: size.height, model };
  const { frame, x: X, y: Y } = model;
  const [d0, d1] = p.spec.xDomain;
  const span = d1 - d0;
  const cursor = Math.min(d1, Math.max(d0, p.cursor));
  const readout = readoutAt(p.spec, cursor);
  const valueText = `${cursorText(cursor)}: ${readout.map((r) => `${r.label} = ${r.text}`).join(', ')}`;
  const drag = useRef<{ startX: number; domain: Interval; moved: boolean; id: number } | null>(null);

  /** Data x under a pointer event. */
  const dataX = (clientX: number): number => {
    const svg = boxRef.current?.querySelector('svg');
    if (!svg) return cursor;
    const r = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    // preserveAspectRatio "xMidYMid meet": one uniform scale, centred.
    const s = Math.min(r.width / vb.width, r.height / vb.height);
    const offX = (r.width - vb.width * s) / 2;
    const px = (clientX - r.left - offX) / s;
    return Math.min(d1, Math.max(d0, X.invert(px)));
  };

  // Key presses can arrive faster than the parent re-renders (its state commits once per frame): a relative move
  // must start from the position last requested, not from the stale `cursor` prop, or presses would be lost.
  const requested = useRef<{ prop: number; x: number } | null>(null);
  if (requested.current && requested.current.prop !== p.cursor) requested.current = null;
  const move = (x: number) => {
    const next = round3(Math.min(d1, Math.max(d0, x)));
    requested.current = { prop: p.cursor, x: next };
    p.onCursor(next);
  };
  const setDomain = (d: Interval) => {
    if (p.onDomain && p.limits) p.onDomain(clampDomain(d, p.limits));
  };

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    const small = span / (e.shiftKey ? 10 : 100);
    let handled = true;
    const at = requested.current ? requested.current.x : cursor;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        move(at + small);
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        move(at - small);
        break;
      case 'PageUp':
        move(at + span / 10);
        break;
      case 'PageDown':
        move(at - span / 10);
        break;
      case 'Home':
        move(d0);
        break;
      case 'End':
        move(d1);
        break;
      case '+':
      case '=':
        if (p.onDomain && p.limits) setDomain(zoomDomain(p.spec.xDomain, 0.8, cursor, p.limits));
        else handled = false;
        break;
      case '-':
      case '_':
        if (p.onDomain && p.limits) setDomain(zoomDomain(p.spec.xDomain, 1.25, cursor, p.limits));
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const onPointerDown = (e: TargetedPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    drag.current = { startX: e.clientX, domain: p.spec.xDomain, moved: false, id: e.pointerId };
  };
  const onPointerMove = (e: TargetedPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d && d.id === e.pointerId && p.onDomain) {
      const dxPx = e.clientX - d.startX;
      if (!d.moved && Math.abs(dxPx) < 4) return;
      if (!d.moved) {
        d.moved = true;
        e.currentTarget.setPointerCapture?.(e.pointerId);
      }
      const svg = e.currentTarget.querySelector('svg');
      const r = svg?.getBoundingClientRect();
      const vb = svg?.viewBox.baseVal;
      const s = r && vb ? Math.min(r.width / vb.width, r.height / vb.height) : 1;
      const dxData = (dxPx / s) * ((d.domain[1] - d.domain[0]) / (frame.x1 - frame.x0));
      setDomain([d.domain[0] - dxData, d.domain[1] - dxData]);
      return;
    }
    if (e.pointerType === 'mouse') move(dataX(e.clientX));
  };
  const onPointerUp = (e: TargetedPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    if (d && !d.moved) move(dataX(e.clientX));
  };
  const onWheel = (e: TargetedWheelEvent<HTMLDivElement>) => {
    if (!(e.ctrlKey || e.metaKey) || !p.onDomain || !p.limits) return;
    e.preventDefault();
    setDomain(zoomDomain(p.spec.xDomain, Math.exp(e.deltaY * 0.0015), dataX(e.clientX), p.limits));
  };

  const interactive = p.hydrated;
  const cx = X.map(cursor);
  const zeroY = Y.domain[0] <= 0 && Y.domain[1] >= 0 ? Y.map(0) : undefined;
  const zeroX = d0 <= 0 && d1 >= 0 ? X.map(0) : undefined;
  const shown = p.spec.curves;
  const pan = p.onDomain ? k.panHint : '';

  return (
    <div class="fp">
      <ul class="fp-legend" aria-label={k.legend}>
        {shown.map((c) => (
          <li key={c.id} class={c.faint ? 'faint' : undefined}>
            <span
              class={`fp-key ${colourClass(c.colour)} ${dashClass(c.dash ?? 'solid')}${c.faint ? ' faint' : ''}`}
              aria-hidden="true"
            />
            {c.label}
          </li>
        ))}
        {model.shading.length > 0 && p.spec.shadingLabel && (
          <li>
            <span class="fp-key-shade" aria-hidden="true" />
            {p.spec.shadingLabel}
          </li>
        )}
      </ul>
      <div
        ref={boxRef}
        class={`fp-plot${p.onDomain ? ' pannable' : ''}`}
        role={interactive ? 'slider' : 'img'}
        tabIndex={interactive ? 0 : undefined}
        aria-label={interactive ? k.cursorPosition(p.label) : p.label}
        aria-describedby={p.describedBy}
        aria-valuemin={interactive ? round3(d0) : undefined}
        aria-valuemax={interactive ? round3(d1) : undefined}
        aria-valuenow={interactive ? round3(cursor) : undefined}
        aria-valuetext={interactive ? valueText : undefined}
        onKeyDown={interactive ? onKeyDown : undefined}
        onPointerDown={interactive ? onPointerDown : undefined}
        onPointerMove={interactive ? onPointerMove : undefined}
        onPointerUp={interactive ? onPointerUp : undefined}
        onPointerCancel={interactive ? () => (drag.current = null) : undefined}
        onWheel={interactive ? onWheel : undefined}
      >
        <svg
          viewBox={`0 0 ${frame.width} ${frame.height}`}
          preserveAspectRatio="xMidYMid meet"
          aria-hidden="true"
          focusable="false"
          pointer-events="none"
          class="fp-svg"
        >
          <rect class="fp-bg" x={frame.x0} y={frame.y0} width={frame.x1 - frame.x0} height={frame.y1 - frame.y0} />
          {model.shading.map((s, i) => (
            <rect key={i} class="fp-shade" x={s.x} y={frame.y0} width={s.width} height={frame.y1 - frame.y0} />
          ))}
          <PlotAxes
            frame={frame}
            x={axisTicks(X)}
            y={axisTicks(Y)}
            lines={
              <>
                {zeroY !== undefined && <line x1={frame.x0} x2={frame.x1} y1={zeroY} y2={zeroY} />}
                {zeroX !== undefined && <line x1={zeroX} x2={zeroX} y1={frame.y0} y2={frame.y1} />}
              </>
            }
          >
            <text class="fp-axis-name" x={frame.x1} y={frame.y1 + 34} text-anchor="end">
              {p.spec.xName ?? 'z'} →
            </text>
          </PlotAxes>
          <g class="fp-curves">
            {model.curves.map((c) =>
              c.d ? (
                <path
                  key={c.id}
                  d={c.d}
                  class={`fp-curve ${colourClass(c.colour)} ${dashClass(c.dash)}${c.faint ? ' faint' : ''}`}
                  data-curve={c.id}
                />
              ) : null,
            )}
          </g>
          <g class="fp-markers">
            {model.markers.map((m, i) => (
              <g key={i}>
                <circle cx={m.cx} cy={m.cy} r="4" class={`fp-dot ${colourClass(m.colour)}`} />
                {m.label && (
                  <text
                    x={m.cx + (m.cx > (frame.x0 + frame.x1) / 2 ? 8 : -8)}
                    y={m.cy + (m.cy < (frame.y0 + frame.y1) / 2 ? 16 : -9)}
                    text-anchor={m.cx > (frame.x0 + frame.x1) / 2 ? 'start' : 'end'}
                    class="fp-marker-label"
                  >
                    {m.label}
                  </text>
                )}
              </g>
            ))}
          </g>
          <g class="fp-cursor">
            <line x1={cx} x2={cx} y1={frame.y0} y2={frame.y1} />
            {p.spec.curves.map((c, i) => {
              const v = readout[i]!.value;
              if (!Number.isFinite(v) || v < Y.domain[0] || v > Y.domain[1]) return null;
              return <circle key={c.id} cx={cx} cy={Y.map(v)} r="4.5" class={`fp-dot ${colourClass(c.colour)}`} />;
            })}
          </g>
        </svg>
      </div>
      <p class="fp-readout">
        <span class="fp-readout-x">{cursorText(cursor, p.spec.xName ?? 'z')}</span>
        {readout.map((r) => (
          <span key={r.id} class="fp-readout-v">
            {r.label} = <b>{r.text}</b>
          </span>
        ))}
      </p>
      <p class={`fp-hint${interactive ? '' : ' pending'}`}>{k.plotHint(pan, formatNumber(d0), formatNumber(d1))}</p>
    </div>
  );
}
