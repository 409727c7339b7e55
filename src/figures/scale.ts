/**
 * Axes for figures: linear scales, ticks and tick labels from d3-scale (never hand-rolled), plus the plot layout
 * (margins, plot rectangle) shared by server and client so both render the same markup.
 */
import { scaleLinear } from 'd3-scale';
import { MINUS } from './format.ts';

/** A closed interval [lo, hi] with lo < hi. */
export type Interval = readonly [lo: number, hi: number];

/** A linear axis: data interval → pixel interval, its ticks and their labels. */
export interface Axis {
  readonly domain: Interval;
  /** Pixel interval; for a y axis it runs downwards (range[0] > range[1]). */
  readonly range: Interval;
  readonly ticks: readonly number[];
  readonly labels: readonly string[];
  /** Data → pixel (no clamping). */
  map(v: number): number;
  /** Pixel → data (no clamping). */
  invert(px: number): number;
}

/**
 * A linear axis with about `count` ticks (d3's `ticks`/`tickFormat`, which pick 1-, 2- and 5-multiples of a power
 * of ten and format them with the precision the step needs; d3 already uses the typographic minus).
 */
export function linearAxis(domain: Interval, range: Interval, count: number): Axis {
  const s = scaleLinear().domain([domain[0], domain[1]]).range([range[0], range[1]]);
  const n = Math.max(2, Math.round(count));
  const ticks = s.ticks(n);
  const fmt = s.tickFormat(n);
  const labels = ticks.map((t) => (t === 0 ? '0' : fmt(t).replace(/-/g, MINUS)));
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0);
  return {
    domain,
    range,
    ticks,
    labels,
    map: (v) => r0 + (v - d0) * k,
    invert: (px) => d0 + (px - r0) / k,
  };
}

/** How many ticks fit along `lengthPx` pixels at one tick per `spacingPx`. */
export function tickCount(lengthPx: number, spacingPx: number): number {
  return Math.max(2, Math.floor(lengthPx / spacingPx));
}

/**
 * A y domain that shows every finite value in `values` with a margin, extended to d3's "nice" round ends.
 * Always includes `include` (e.g. 0, so the z axis is visible); never narrower than `minSpan`.
 * Non-finite values are ignored; with no finite value at all the result is [−1, 1].
 */
export function niceDomain(
  values: Iterable<number>,
  {
    include = [0],
    minSpan = 0.5,
    pad = 0.06,
    count = 6,
  }: { include?: readonly number[]; minSpan?: number; pad?: number; count?: number } = {},
): Interval {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) return [-1, 1];
  for (const v of include) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  let span = hi - lo;
  if (span < minSpan) {
    const mid = (lo + hi) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
    span = minSpan;
  }
  lo -= span * pad;
  hi += span * pad;
  const nice = scaleLinear().domain([lo, hi]).nice(count).domain() as [number, number];
  return [nice[0], nice[1]];
}

/** Margins around the plot rectangle, in pixels (viewBox units). */
export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Size of a plot and its plot rectangle. */
export interface PlotFrame {
  readonly width: number;
  readonly height: number;
  readonly margin: Margins;
  /** Left, right, top, bottom edges of the plot rectangle. */
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** Default size the server renders (and the client's first render repeats, so hydration changes nothing). */
export const DEFAULT_SIZE = Object.freeze({ width: 640, height: 400 });

/** The plot frame for a given SVG size: margins leave room for tick labels (left, bottom) and axis titles. */
export function plotFrame(
  width: number,
  height: number,
  margin: Margins = { top: 14, right: 14, bottom: 40, left: 50 },
): PlotFrame {
  const w = Math.max(width, margin.left + margin.right + 40);
  const h = Math.max(height, margin.top + margin.bottom + 40);
  return { width: w, height: h, margin, x0: margin.left, x1: w - margin.right, y0: margin.top, y1: h - margin.bottom };
}
