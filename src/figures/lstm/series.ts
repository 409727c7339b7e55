/**
 * Time-series plots for the static figures of the core article: several series over t = 1 … T on shared axes
 * (d3 ticks via src/figures/scale.ts), as SVG path strings. Pure, so the tests can check what is drawn.
 */
import type { Colour, Dash } from '../function-plot';
import { formatNumber } from '../format';
import { linearAxis, niceDomain, plotFrame, type Axis, type Interval, type PlotFrame } from '../scale';
import { SERIES } from '../../i18n/lstm';
import { polylinePath, px } from '../polyline';
import type { Lang } from '../../i18n/core';

/** Lines are drawn within this many pixels of every value (0.2 px: invisible under a 2.5 px stroke). */
export const SIMPLIFY_PX = 0.2;

/** One series: values at t = 1 … n (index k is t = k + 1). */
export interface Series {
  readonly id: string;
  readonly label: string;
  readonly values: readonly number[];
  readonly colour: Colour;
  readonly dash?: Dash | undefined;
  /** Draw as a step function (values hold between integer t). */
  readonly step?: boolean | undefined;
  /** Thinner line. */
  readonly faint?: boolean | undefined;
}

export interface SeriesSpec {
  readonly series: readonly Series[];
  /** Name of the y quantity, shown at the top of the y axis. */
  readonly yName: string;
  /** x axis name (default "t"). */
  readonly xName?: string | undefined;
  /** Fixed y domain; default: nice domain around every value and 0. */
  readonly yDomain?: Interval | undefined;
  /** Horizontal reference lines (drawn dashed, labelled). */
  readonly hlines?: readonly { readonly y: number; readonly label: string }[] | undefined;
}

export interface SeriesModel {
  readonly frame: PlotFrame;
  readonly x: Axis;
  readonly y: Axis;
  readonly paths: readonly {
    readonly id: string;
    readonly d: string;
    readonly colour: Colour;
    readonly dash: Dash;
    readonly faint: boolean;
  }[];
}

/** Largest series length in a spec. */
export function seriesLength(spec: SeriesSpec): number {
  return Math.max(...spec.series.map((s) => s.values.length));
}

/** Lays out a spec in a `width` × `height` viewBox. Non-finite values break a line (never drawn to an edge). */
export function buildSeriesPlot(spec: SeriesSpec, width: number, height: number): SeriesModel {
  const n = seriesLength(spec);
  const frame = plotFrame(width, height, { top: 22, right: 12, bottom: 34, left: 46 });
  const yDomain =
    spec.yDomain ??
    niceDomain([...spec.series.flatMap((s) => s.values), ...(spec.hlines ?? []).map((h) => h.y)], { include: [0] });
  const x = linearAxis([0, n], [frame.x0, frame.x1], Math.max(2, Math.floor((frame.x1 - frame.x0) / 70)));
  const y = linearAxis(yDomain, [frame.y1, frame.y0], Math.max(2, Math.floor((frame.y1 - frame.y0) / 40)));
  const paths = spec.series.map((s) => {
    // Pixel vertices; a step series holds each value from t − 1 to t. Non-finite values lift the pen.
    const xs: number[] = [];
    const ys: number[] = [];
    s.values.forEach((v, k) => {
      const t = k + 1;
      const py = Number.isFinite(v) ? y.map(v) : NaN;
      if (s.step) {
        xs.push(x.map(t - 1));
        ys.push(py);
      }
      xs.push(x.map(t));
      ys.push(py);
    });
    const d = polylinePath(xs, ys, SIMPLIFY_PX);
    return { id: s.id, d, colour: s.colour, dash: s.dash ?? 'solid', faint: s.faint ?? false };
  });
  return { frame, x, y, paths };
}

/**
 * The input strip above a plot (one mark per step: up for +1 above the base line, down for −1 below it) as one path
 * per direction: `inputs[k]` is the input at t = k + 1, drawn at t = k + 0.5.
 */
export function stripPaths(inputs: readonly number[], x: Axis): { up: string; down: string } {
  const marks = (sign: number, y0: number) =>
    inputs.map((u, k) => (Math.sign(u) === sign ? `M${px(x.map(k + 0.5))} ${y0}v7` : '')).join('');
  return { up: marks(1, -22), down: marks(-1, -15) };
}

/** A data table of the spec: one row per t (every `every`-th t, and the last), one column per series. */
export function seriesTable(spec: SeriesSpec, every = 1, sig = 4): { columns: string[]; rows: string[][] } {
  const n = seriesLength(spec);
  const rows: string[][] = [];
  for (let t = 1; t <= n; t++) {
    if ((t - 1) % every !== 0 && t !== n) continue;
    rows.push([String(t), ...spec.series.map((s) => formatNumber(s.values[t - 1] ?? NaN, sig))]);
  }
  return { columns: [spec.xName ?? 't', ...spec.series.map((s) => s.label)], rows };
}

/** Describes each series in words: its range and its last value. */
export function describeSeries(spec: SeriesSpec, sig = 3, lang: Lang = 'en'): string {
  const w = SERIES[lang];
  return spec.series
    .map((s) => {
      const finite = s.values.filter(Number.isFinite);
      const lo = Math.min(...finite);
      const hi = Math.max(...finite);
      return w.describe(s.label, formatNumber(lo, sig), formatNumber(hi, sig), formatNumber(s.values.at(-1) ?? NaN, sig));
    })
    .join(w.join);
}
