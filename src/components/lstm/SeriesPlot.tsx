/**
 * A static time-series plot (server-rendered only, no JavaScript): the series of a {@link SeriesSpec} on shared
 * axes with an HTML legend. Rendered twice — a wide and a narrow viewBox — and CSS shows the one that fits, so the
 * tick labels stay readable on a phone and on a desktop without measuring anything in the browser.
 */
import { buildSeriesPlot, stripPaths, type SeriesModel, type SeriesSpec } from '../../figures/lstm/series';
import { px } from '../../figures/polyline';
import { axisTicks, PlotAxes } from '../figures/PlotAxes';
import './series.css';

export interface SeriesPlotProps {
  readonly spec: SeriesSpec;
  /** Accessible name of the plot. */
  readonly label: string;
  /** Id of the element that describes the plot in words. */
  readonly describedBy?: string | undefined;
  /** Heading shown above the plot (plain text). */
  readonly heading?: string | undefined;
  /** Optional strip drawn above the plot: one mark per step, up for +1, down for −1. */
  readonly inputs?: readonly number[] | undefined;
  readonly wide?: { readonly width: number; readonly height: number } | undefined;
  readonly narrow?: { readonly width: number; readonly height: number } | undefined;
}

const cls = (c: string | number) => (c === 'muted' ? 'cm' : `c${c}`);

function Svg({
  model,
  spec,
  inputs,
  label,
  describedBy,
  which,
}: {
  model: SeriesModel;
  spec: SeriesSpec;
  inputs?: readonly number[] | undefined;
  label: string;
  describedBy?: string | undefined;
  which: 'wide' | 'narrow';
}) {
  const { frame, x, y } = model;
  const stripH = inputs ? 24 : 0;
  const strip = inputs ? stripPaths(inputs, x) : undefined;
  const top = -stripH;
  return (
    <svg
      class={`sp-svg sp-${which}`}
      viewBox={`0 ${top} ${frame.width} ${frame.height + stripH}`}
      role="img"
      aria-label={label}
      {...(describedBy ? { 'aria-describedby': describedBy } : {})}
    >
      <PlotAxes
        frame={frame}
        x={axisTicks(x)}
        y={axisTicks(y)}
        xGrid={false}
        lines={
          y.domain[0] < 0 &&
          y.domain[1] > 0 && <line class="sp-zero" x1={frame.x0} x2={frame.x1} y1={px(y.map(0))} y2={px(y.map(0))} />
        }
      >
        <text class="fp-axis-name" x={frame.x1} y={frame.y1 + 31} text-anchor="end">
          {spec.xName ?? 't'}
        </text>
        <text class="fp-axis-name" x={frame.x0 - 7} y={frame.y0 - 8} text-anchor="end">
          {spec.yName}
        </text>
      </PlotAxes>
      {(spec.hlines ?? []).map((h) => (
        <g key={`h${h.y}`}>
          <line class="sp-hline" x1={frame.x0} x2={frame.x1} y1={px(y.map(h.y))} y2={px(y.map(h.y))} />
          {h.label && (
            <text class="sp-hlabel" x={frame.x0 + 4} y={px(y.map(h.y) - 4)}>
              {h.label}
            </text>
          )}
        </g>
      ))}
      {model.paths.map((p) => (
        <path key={p.id} d={p.d} class={`fp-curve ${cls(p.colour)} d-${p.dash}${p.faint ? ' faint' : ''}`} />
      ))}
      {strip && (
        <g class="sp-strip">
          {strip.up && <path class="sp-up" d={strip.up} />}
          {strip.down && <path class="sp-down" d={strip.down} />}
          <line class="sp-strip-base" x1={frame.x0} x2={frame.x1} y1={-15} y2={-15} />
          <text class="sp-strip-label" x={frame.x0 - 7} y={-11} text-anchor="end">
            x
          </text>
        </g>
      )}
    </svg>
  );
}

export function SeriesPlot(p: SeriesPlotProps) {
  const wide = p.wide ?? { width: 640, height: 250 };
  const narrow = p.narrow ?? { width: 360, height: 240 };
  const mw = buildSeriesPlot(p.spec, wide.width, wide.height);
  const mn = buildSeriesPlot(p.spec, narrow.width, narrow.height);
  return (
    <div class="sp">
      {p.heading && <p class="sp-heading">{p.heading}</p>}
      <ul class="fp-legend">
        {p.spec.series.map((s) => (
          <li key={s.id}>
            <svg class="fp-key" viewBox="0 0 30 10" aria-hidden="true">
              <line x1="1" x2="29" y1="5" y2="5" class={`fp-curve ${cls(s.colour)} d-${s.dash ?? 'solid'}`} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <Svg model={mw} spec={p.spec} inputs={p.inputs} label={p.label} describedBy={p.describedBy} which="wide" />
      <Svg model={mn} spec={p.spec} inputs={p.inputs} label={p.label} describedBy={p.describedBy} which="narrow" />
    </div>
  );
}
