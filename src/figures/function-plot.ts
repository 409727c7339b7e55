/**
 * The model behind `<FunctionPlot>`: from a declarative spec (curves, x domain, optional y domain, shading,
 * markers) and a pixel size to everything the SVG needs (axes, ticks, paths, shaded rectangles), plus the
 * read-out at a cursor position, the data table and a description in words. Pure: the server and the browser
 * compute exactly the same markup from the same spec and size.
 */
import { formatNumber, formatEnd } from './format';
import { FUNCTION_PLOT } from '../i18n/function-figures';
import type { Lang } from '../i18n/core';
import { sampleFunction, samplesToPath, type Fn, type Samples } from './sampling';
import { refineExtremum } from './analysis';
import { linearAxis, niceDomain, plotFrame, tickCount, type Axis, type Interval, type PlotFrame } from './scale';

/** A palette slot: `--c1` … `--c6`, or the muted foreground for reference curves. */
export type Colour = 1 | 2 | 3 | 4 | 5 | 6 | 'muted';
/** Line style; curves differ in dash as well as colour, so the legend works without colour vision. */
export type Dash = 'solid' | 'dash' | 'dot' | 'dashdot' | 'long';

/** One curve of a plot. */
export interface CurveSpec {
  /** Stable id, unique in the plot (used as key, data-table column and CSS hook). */
  readonly id: string;
  /** Legend text, e.g. "tanh′(z)". Plain Unicode text. */
  readonly label: string;
  /** Shorter name for the read-out and the data table (default `label`). */
  readonly short?: string | undefined;
  readonly fn: Fn;
  readonly colour: Colour;
  readonly dash?: Dash | undefined;
  /** Points where the function kinks or jumps (sampled from both sides). */
  readonly breaks?: readonly number[] | undefined;
  /** Do not join across `breaks` (derivatives, which may jump). */
  readonly splitAtBreaks?: boolean | undefined;
  /** A thin reference curve, drawn under the others. */
  readonly faint?: boolean | undefined;
}

/** A labelled point drawn on the plot (e.g. an extremum). */
export interface Marker {
  readonly x: number;
  readonly y: number;
  readonly colour: Colour;
  /** Short label drawn next to it; also in the description. */
  readonly label?: string | undefined;
}

/** Everything a function plot shows. */
export interface PlotSpec {
  readonly curves: readonly CurveSpec[];
  readonly xDomain: Interval;
  /** Fixed y domain; omitted: fitted to the visible curves ({@link niceDomain}). */
  readonly yDomain?: Interval | undefined;
  /** x intervals to shade (e.g. where |f′| is below 1 % of its maximum). */
  readonly shading?: readonly Interval[] | undefined;
  /** What the shading means, for the legend and description. */
  readonly shadingLabel?: string | undefined;
  readonly markers?: readonly Marker[] | undefined;
  /** Name of the horizontal variable (default "z"). */
  readonly xName?: string | undefined;
}

/** One drawn curve. */
export interface CurvePath {
  readonly id: string;
  readonly label: string;
  readonly colour: Colour;
  readonly dash: Dash;
  readonly faint: boolean;
  /** SVG path data; '' if the curve is nowhere visible. */
  readonly d: string;
}

/** Everything the SVG renders. */
export interface PlotModel {
  readonly frame: PlotFrame;
  readonly x: Axis;
  readonly y: Axis;
  readonly curves: readonly CurvePath[];
  /** Shaded rectangles, in pixels (x, width); full plot height. */
  readonly shading: readonly { readonly x: number; readonly width: number }[];
  readonly markers: readonly {
    readonly cx: number;
    readonly cy: number;
    readonly colour: Colour;
    readonly label?: string | undefined;
  }[];
  readonly samples: ReadonlyMap<string, Samples>;
}

/** Pixels per sample along x: dense enough for smooth curves at any zoom (every kink is sampled exactly anyway). */
const PX_PER_SAMPLE = 1.5;

/** Samples every curve of `spec` at `n` points. */
export function sampleCurves(spec: PlotSpec, n: number): Map<string, Samples> {
  const [x0, x1] = spec.xDomain;
  const out = new Map<string, Samples>();
  for (const c of spec.curves) {
    out.set(c.id, sampleFunction(c.fn, x0, x1, n, { breaks: c.breaks ?? [], splitAtBreaks: c.splitAtBreaks ?? false }));
  }
  return out;
}

/** The y domain a spec is drawn with: its fixed one, or one fitted to the samples. */
export function yDomainOf(spec: PlotSpec, samples: ReadonlyMap<string, Samples>): Interval {
  if (spec.yDomain) return spec.yDomain;
  // Only the extremes matter to niceDomain: one plain loop (this runs on every frame of a drag).
  let lo = Infinity;
  let hi = -Infinity;
  for (const { ys } of samples.values()) {
    for (let i = 0; i < ys.length; i++) {
      const v = ys[i]!;
      if (v < lo && v > -Infinity) lo = v;
      if (v > hi && v < Infinity) hi = v;
    }
  }
  return niceDomain(lo <= hi ? [lo, hi] : []);
}

/**
 * Whether two specs draw the same plot (same curves — functions by identity — domains, shading and markers), so a
 * model built for one serves the other. Lets a figure rebuild its spec on every cursor move without resampling.
 */
export function sameDrawing(a: PlotSpec, b: PlotSpec): boolean {
  if (a === b) return true;
  const sameList = <T>(p: readonly T[] | undefined, q: readonly T[] | undefined, eq: (x: T, y: T) => boolean) =>
    p === q || (p !== undefined && q !== undefined && p.length === q.length && p.every((x, i) => eq(x, q[i]!)));
  const sameNumbers = (p: readonly number[] | undefined, q: readonly number[] | undefined) =>
    sameList(p, q, (x, y) => Object.is(x, y));
  return (
    sameNumbers(a.xDomain, b.xDomain) &&
    sameNumbers(a.yDomain, b.yDomain) &&
    sameList(a.shading, b.shading, sameNumbers) &&
    sameList(a.markers, b.markers, (m, n) => m.x === n.x && m.y === n.y && m.colour === n.colour && m.label === n.label) &&
    sameList(
      a.curves,
      b.curves,
      (c, d) =>
        c.id === d.id &&
        c.fn === d.fn &&
        c.label === d.label &&
        c.colour === d.colour &&
        c.dash === d.dash &&
        c.faint === d.faint &&
        c.splitAtBreaks === d.splitAtBreaks &&
        sameNumbers(c.breaks, d.breaks),
    )
  );
}

/** Builds the plot model for an SVG of `width` × `height` viewBox units (= CSS pixels after hydration). */
export function buildPlot(spec: PlotSpec, width: number, height: number): PlotModel {
  const frame = plotFrame(width, height);
  const n = Math.max(50, Math.ceil((frame.x1 - frame.x0) / PX_PER_SAMPLE));
  const samples = sampleCurves(spec, n);
  const x = linearAxis(spec.xDomain, [frame.x0, frame.x1], tickCount(frame.x1 - frame.x0, 70));
  const y = linearAxis(yDomainOf(spec, samples), [frame.y1, frame.y0], tickCount(frame.y1 - frame.y0, 55));
  const pixel = { x: x.map, y: y.map, top: frame.y0, bottom: frame.y1 };
  const ordered = [...spec.curves].sort((a, b) => Number(b.faint ?? false) - Number(a.faint ?? false));
  const curves = ordered.map((c) => ({
    id: c.id,
    label: c.label,
    colour: c.colour,
    dash: c.dash ?? 'solid',
    faint: c.faint ?? false,
    d: samplesToPath(samples.get(c.id)!, pixel),
  }));
  const [d0, d1] = spec.xDomain;
  const shading = (spec.shading ?? [])
    .map(([a, b]) => [Math.max(a, d0), Math.min(b, d1)] as const)
    .filter(([a, b]) => b > a)
    .map(([a, b]) => ({ x: x.map(a), width: x.map(b) - x.map(a) }));
  const [yLo, yHi] = y.domain;
  const markers = (spec.markers ?? [])
    .filter((m) => m.x >= d0 && m.x <= d1 && m.y >= yLo && m.y <= yHi)
    .map((m) => ({ cx: x.map(m.x), cy: y.map(m.y), colour: m.colour, label: m.label }));
  return { frame, x, y, curves, shading, markers, samples };
}

/** One value of the read-out. */
export interface ReadoutValue {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  /** Formatted: never "NaN"/"Infinity" ("—", "overflow"). */
  readonly text: string;
}

/** The values of every curve at `x` (exact function values, not interpolated samples). */
export function readoutAt(spec: PlotSpec, x: number, sig = 4): ReadoutValue[] {
  return spec.curves.map((c) => {
    const v = c.fn(x);
    return { id: c.id, label: c.short ?? c.label, value: v, text: formatNumber(v, sig) };
  });
}

/** The "Data" view: rows of x and every curve's value, formatted. */
export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * The data table of a spec: one row per "nice" x (d3 ticks, about `count` of them) plus every kink inside the
 * domain, one column per curve.
 */
export function dataTable(spec: PlotSpec, count = 13, sig = 4): DataTable {
  const [x0, x1] = spec.xDomain;
  const ticks = linearAxis(spec.xDomain, [0, 1], count).ticks;
  const kinks = spec.curves.flatMap((c) => c.breaks ?? []).filter((b) => b > x0 && b < x1);
  const xs = [...new Set([...ticks, ...kinks])].sort((a, b) => a - b);
  const xName = spec.xName ?? 'z';
  return {
    columns: [xName, ...spec.curves.map((c) => c.short ?? c.label)],
    rows: xs.map((xv) => [formatNumber(xv, 6), ...spec.curves.map((c) => formatNumber(c.fn(xv), sig))]),
  };
}

/** Summary of one sampled curve over the domain, for the description. */
export interface CurveSummary {
  readonly min: number;
  readonly max: number;
  /** x of the maximum when it is attained at one point only (not on a plateau), else undefined. */
  readonly argmax?: number | undefined;
  readonly argmin?: number | undefined;
  /** How the curve moves from left to right. */
  readonly trend: 'rising' | 'falling' | 'constant' | 'rising then falling' | 'falling then rising' | 'varying';
  /** Whether some sample was not finite (drawn as a gap). */
  readonly gaps: boolean;
}

/** Summarises samples: range, unique extremum positions and trend. */
export function summarise(s: Samples): CurveSummary {
  let min = Infinity;
  let max = -Infinity;
  let gaps = false;
  const vals: number[] = [];
  const xs: number[] = [];
  for (let i = 0; i < s.ys.length; i++) {
    const v = s.ys[i]!;
    if (!Number.isFinite(v)) {
      if (!isSplitMarker(s, i)) gaps = true;
      continue;
    }
    vals.push(v);
    xs.push(s.xs[i]!);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const scale = Math.max(1e-300, max - min);
  const tol = 1e-9 * Math.max(scale, Math.abs(max), Math.abs(min));
  const uniqueArg = (target: number): number | undefined => {
    const idx: number[] = [];
    for (let i = 0; i < vals.length; i++) if (Math.abs(vals[i]! - target) <= tol) idx.push(i);
    if (idx.length === 0 || idx.length > 2) return undefined;
    if (idx.length === 2 && idx[1]! - idx[0]! !== 1) return undefined;
    return xs[idx[0]!];
  };
  // Trend: count sign changes of the differences (ignoring tiny wiggles).
  let changes = 0;
  let last = 0;
  let first = 0;
  for (let i = 1; i < vals.length; i++) {
    const d = vals[i]! - vals[i - 1]!;
    const sgn = Math.abs(d) <= tol ? 0 : Math.sign(d);
    if (sgn === 0) continue;
    if (first === 0) first = sgn;
    if (last !== 0 && sgn !== last) changes++;
    last = sgn;
  }
  const trend: CurveSummary['trend'] =
    first === 0
      ? 'constant'
      : changes === 0
        ? first > 0
          ? 'rising'
          : 'falling'
        : changes === 1
          ? first > 0
            ? 'rising then falling'
            : 'falling then rising'
          : 'varying';
  const interiorMax = trend === 'rising then falling' || trend === 'varying';
  const interiorMin = trend === 'falling then rising' || trend === 'varying';
  return {
    min: vals.length ? min : Number.NaN,
    max: vals.length ? max : Number.NaN,
    argmax: interiorMax ? uniqueArg(max) : undefined,
    argmin: interiorMin ? uniqueArg(min) : undefined,
    trend,
    gaps,
  };
}

/** A NaN inserted at a break by `sampleFunction({ splitAtBreaks })` is a deliberate pen-up, not a gap. */
function isSplitMarker(s: Samples, i: number): boolean {
  if (!Number.isNaN(s.ys[i]!)) return false;
  const prev = s.xs[i - 1];
  const next = s.xs[i + 1];
  return prev !== undefined && next !== undefined && next - prev < 1e-6 * Math.max(1, Math.abs(s.xs[i]!));
}

/** Significant digits of every number a description gives (extrema, their positions, a curve's range). */
export const DESCRIPTION_SIG = 4;

/**
 * The summary of a sampled curve with its interior extrema located on the function itself: each unique maximum or
 * minimum the samples show is refined by golden-section search between its neighbouring samples
 * ({@link refineExtremum}), so a description says where the extremum is, not where the nearest sample happened to
 * fall. A refined position within 10⁻⁶ of the domain's width of 0 is 0: the search finds a smooth extremum's position
 * only to about √ε, and an extremum at 0 (tanh′'s) must not read "z = 1 × 10⁻⁹" (nor σ′'s maximum 0.2500, an ulp off 0.25).
 */
export function refineSummary(sum: CurveSummary, fn: Fn, s: Samples): CurveSummary {
  const xs = s.xs;
  const width = Math.abs(xs[xs.length - 1]! - xs[0]!);
  const refine = (arg: number | undefined, kind: 'max' | 'min') => {
    if (arg === undefined) return undefined;
    const i = xs.indexOf(arg);
    const lo = xs[Math.max(0, i - 1)]!;
    const hi = xs[Math.min(xs.length - 1, i + 1)]!;
    const r = refineExtremum(fn, arg, lo, hi, kind);
    if (Math.abs(r.x) >= 1e-6 * width) return r;
    // The value at the position as printed: within ~10⁻¹² of the search's, which may hold an ulp of rounding noise.
    const at0 = fn(0);
    return { x: 0, value: Number.isFinite(at0) ? at0 : r.value };
  };
  const max = refine(sum.argmax, 'max');
  const min = refine(sum.argmin, 'min');
  return {
    ...sum,
    max: max?.value ?? sum.max,
    min: min?.value ?? sum.min,
    argmax: max?.x,
    argmin: min?.x,
  };
}

/** A sentence about one curve: "tanh(z) rises from −1 to 1." (`lang` picks the language, English by default). */
export function describeCurve(label: string, s: CurveSummary, xName = 'z', lang: Lang = 'en'): string {
  const k = FUNCTION_PLOT[lang];
  const a = formatNumber(s.min, DESCRIPTION_SIG);
  const b = formatNumber(s.max, DESCRIPTION_SIG);
  let text: string;
  switch (s.trend) {
    case 'constant':
      text = k.constant(label, b);
      break;
    case 'rising':
      text = k.rises(label, a, b);
      break;
    case 'falling':
      text = k.falls(label, b, a);
      break;
    case 'rising then falling':
      text = k.risesThenFalls(label, a, b);
      break;
    case 'falling then rising':
      text = k.fallsThenRises(label, a, b);
      break;
    default:
      text = k.varies(label, a, b);
  }
  const peak = s.argmax !== undefined ? k.peaking(xName, formatNumber(s.argmax, DESCRIPTION_SIG)) : undefined;
  const low = s.argmin !== undefined ? k.lowest(xName, formatNumber(s.argmin, DESCRIPTION_SIG)) : undefined;
  if (peak !== undefined && low !== undefined) text += k.twoExtrema(peak, low);
  else if (peak !== undefined || low !== undefined) text += k.oneExtremum((peak ?? low)!);
  if (s.gaps) text += k.gaps;
  return `${text}${k.stop}`;
}

/** "z from −6 to 6" */
export function describeDomain([lo, hi]: Interval, xName = 'z', lang: Lang = 'en'): string {
  return FUNCTION_PLOT[lang].domain(xName, formatEnd(lo, 4), formatEnd(hi, 4));
}

/** Describes every curve of a model, plus the shaded region. */
export function describePlot(spec: PlotSpec, model: Pick<PlotModel, 'samples'>, lang: Lang = 'en'): string {
  const k = FUNCTION_PLOT[lang];
  const xName = spec.xName ?? 'z';
  const parts = [k.plottedFor(describeDomain(spec.xDomain, xName, lang))];
  for (const c of spec.curves) {
    const s = model.samples.get(c.id);
    if (s) parts.push(describeCurve(c.label, refineSummary(summarise(s), c.fn, s), xName, lang));
  }
  if (spec.shading && spec.shading.length > 0 && spec.shadingLabel) {
    const where = spec.shading.map(([a, b]) => intervalWords(a, b, xName, lang)).join(k.and);
    parts.push(k.shaded(spec.shadingLabel, where));
  }
  return parts.join(lang === 'zh' ? '' : ' ');
}

/** "z < −4.6", "z > 4.6", "−1 < z < 1", "all z" for an interval that may be unbounded. */
export function intervalWords(a: number, b: number, xName = 'z', lang: Lang = 'en'): string {
  const A = formatNumber(a, 3);
  const B = formatNumber(b, 3);
  if (a === -Infinity && b === Infinity) return FUNCTION_PLOT[lang].allX(xName);
  if (a === -Infinity) return `${xName} < ${B}`;
  if (b === Infinity) return `${xName} > ${A}`;
  return `${A} < ${xName} < ${B}`;
}

/** The sign-aware string for a cursor position: "z = −1.25". */
export function cursorText(x: number, xName = 'z', sig = 4): string {
  return `${xName} = ${formatNumber(x, sig)}`;
}
