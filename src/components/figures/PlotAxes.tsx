/**
 * The grid, frame and tick labels that the function plots, the gradient-norm plot and the live-run plots share: one
 * drawing of an axis pair, so that every plot on the site has the same gaps, classes and label placement.
 */
import type { ComponentChildren } from 'preact';
import type { Axis, PlotFrame } from '../../figures/scale';
import { px } from '../../figures/polyline';

/** A tick: where it sits along its axis (SVG user units) and its label. */
export interface AxisTick {
  readonly at: number;
  readonly label: string;
}

/** The ticks of a linear axis, placed to 0.1 px. */
export const axisTicks = (axis: Axis): AxisTick[] => axis.ticks.map((t, i) => ({ at: px(axis.map(t)), label: axis.labels[i]! }));

export interface PlotAxesProps {
  readonly frame: PlotFrame;
  /** Ticks of the horizontal axis (x positions). */
  readonly x: readonly AxisTick[];
  /** Ticks of the vertical axis (y positions). */
  readonly y: readonly AxisTick[];
  /** Vertical grid lines at the x ticks (default true; the static series plots leave them out, to stay light). */
  readonly xGrid?: boolean;
  /** Lines drawn with the frame, under it (a linear plot's zero lines). */
  readonly lines?: ComponentChildren;
  /** The last x label ends at the right edge when its tick sits there (for a plot without a right margin). */
  readonly endLastX?: boolean;
  /** The axis names: text elements drawn with the tick labels. */
  readonly children?: ComponentChildren;
}

/** Gap between the frame's bottom and the baseline of an x label, and between the frame's left and a y label. */
const X_LABEL_DY = 17;
const Y_LABEL_DX = 7;

/**
 * Grid lines, the frame's bottom and left edges, and the tick labels. Keyed by place in the list, not by value: when
 * a zoom changes the tick set mid-drag, the SVG nodes are moved and relabelled instead of removed and recreated.
 */
export function PlotAxes({ frame, x, y, xGrid = true, lines, endLastX = false, children }: PlotAxesProps) {
  return (
    <>
      <g class="fp-grid">
        {xGrid && x.map((t, i) => <line key={`x${i}`} x1={t.at} x2={t.at} y1={frame.y0} y2={frame.y1} />)}
        {y.map((t, i) => (
          <line key={`y${i}`} x1={frame.x0} x2={frame.x1} y1={t.at} y2={t.at} />
        ))}
      </g>
      <g class="fp-axes">
        {lines}
        <line class="fp-frame" x1={frame.x0} x2={frame.x1} y1={frame.y1} y2={frame.y1} />
        <line class="fp-frame" x1={frame.x0} x2={frame.x0} y1={frame.y0} y2={frame.y1} />
      </g>
      <g class="fp-ticks">
        {x.map((t, i) => (
          <text
            key={`x${i}`}
            x={t.at}
            y={frame.y1 + X_LABEL_DY}
            text-anchor={endLastX && t.at >= frame.x1 - 0.5 ? 'end' : 'middle'}
          >
            {t.label}
          </text>
        ))}
        {y.map((t, i) => (
          <text key={`y${i}`} x={frame.x0 - Y_LABEL_DX} y={px(t.at + 4)} text-anchor="end">
            {t.label}
          </text>
        ))}
        {children}
      </g>
    </>
  );
}
