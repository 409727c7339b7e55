/**
 * The model behind the gradient-flow plot: gradient norms against the lag on a logarithmic y axis (d3-scale's
 * `scaleLog`), with honest strips for what float64 cannot hold — an "overflow" strip above the axis for values
 * beyond 1.8 × 10³⁰⁸ and an "underflow" strip below it for values under 10⁻³⁰⁰ (or exactly 0). The strips are not
 * to scale: a curve that leaves the float64 range runs on inside its strip, and the read-outs give the exact order
 * of magnitude the library still knows (its log10 is exact).
 *
 * Also the texts of the figure: read-out values, the description (text alternative) and the data table. Pure and
 * deterministic: the server and the browser draw the same markup from the same result and size.
 */
import { scaleLog } from 'd3-scale';
import { UNDERFLOW_LIMIT, type NormFlag } from '../../lib/nn/gradflow.ts';
import { Activations } from '../../lib/nn/activations.ts';
import type { Colour, Dash, DataTable } from '../function-plot.ts';
import { MINUS, formatNumber, powerOfTen } from '../format.ts';
import { activationSymbol } from '../names.ts';
import { linearAxis, plotFrame, tickCount, type Axis, type PlotFrame } from '../scale.ts';
import { polylinePath, px } from '../polyline.ts';
import { CELL_NAMES, LOG10_MAX, type FlowResult, type LagSeries } from './types.ts';
import { GRADIENTS } from '../../i18n/gradients.ts';
import { ACTIVATION_NAMES } from '../../i18n/activations.ts';
import type { Lang } from '../../i18n/core.ts';

/** log10 of the underflow limit (−300). */
export const LOG10_MIN = Math.log10(UNDERFLOW_LIMIT);
/** Highest power of ten the axis may show (10³⁰⁸ is the largest finite one). */
const AXIS_MAX_EXP = Math.floor(LOG10_MAX);
const AXIS_MIN_EXP = Math.round(LOG10_MIN);

/** "2.5 × 10⁴⁷⁷" from an exact log10 (also far outside the float64 range), with `sig` significant digits. */
export function scientificFromLog10(l: number, sig = 2): string {
  let e = Math.floor(l);
  let m = 10 ** (l - e);
  const rounded = Number(m.toPrecision(sig));
  if (rounded >= 10) {
    m = 1;
    e += 1;
  } else {
    m = rounded;
  }
  const ms = m.toPrecision(sig).replace(/\.?0+$/, '');
  return `${ms === '1' ? '' : `${ms} × `}${powerOfTen(e)}`.replace(/-/g, MINUS);
}

/**
 * A norm for reading: "0.253", "2.5 × 10⁻⁶"; outside the float64 range "overflow (≈ 2.5 × 10⁴⁷⁷)" and
 * "underflow below 10⁻³⁰⁰ (≈ 3.1 × 10⁻¹⁶⁰²)"; "exactly 0"; never "NaN" or "Infinity".
 */
export function formatNorm(log10: number, flag: NormFlag, sig = 3, lang: Lang = 'en'): string {
  const w = GRADIENTS[lang];
  switch (flag) {
    case 'ok':
      // formatNumber writes [1e3, 1e5) with toPrecision, which gives "2.88e+3" for 3 digits: use × 10ⁿ there.
      return log10 >= 3 || log10 < -3 ? scientificFromLog10(log10, sig) : formatNumber(10 ** log10, sig);
    case 'overflow':
      return w.overflow(scientificFromLog10(log10));
    case 'underflow':
      return w.underflow(powerOfTen(AXIS_MIN_EXP), scientificFromLog10(log10));
    case 'zero':
      return w.exactlyZero;
    default:
      return w.undefinedNorm;
  }
}

/** A finite number for reading with `sig` digits (like {@link formatNorm} for positive values; "0", "—", "overflow" otherwise). */
export function formatValue(v: number, sig = 3, lang: Lang = 'en'): string {
  if (v > 0 && Number.isFinite(v)) return formatNorm(Math.log10(v), 'ok', sig, lang);
  return formatNumber(v, sig);
}

/** One curve of the plot. */
export interface GradCurve {
  readonly id: 'h' | 'c' | 'ref';
  /** Legend and read-out label (plain Unicode). */
  readonly label: string;
  readonly colour: Colour;
  readonly dash: Dash;
  readonly faint: boolean;
  readonly series: LagSeries;
}

/** A measured matrix norm or radius to 4 significant digits, without noise digits ("0.05", not "0.05000"). */
export function formatMeasured(v: number): string {
  return formatNumber(Number.isFinite(v) ? Number(v.toPrecision(4)) : v);
}

/** Label of the reference curve. */
export function refLabel(r: FlowResult, lang: Lang = 'en'): string {
  const w = GRADIENTS[lang];
  if (r.refKind === 'cell-path') return w.cellPath;
  if (r.refKind === 'update-path') return w.updatePath;
  return w.bound(formatMeasured(r.gamma), formatMeasured(r.wNorm));
}

/** The curves of a result, reference first (drawn underneath). */
export function curvesOf(r: FlowResult, lang: Lang = 'en'): GradCurve[] {
  const out: GradCurve[] = [
    {
      id: 'ref',
      label: refLabel(r, lang),
      colour: r.refKind === 'bound' ? 'muted' : 3,
      dash: r.refKind === 'bound' ? 'long' : 'dot',
      faint: r.refKind === 'bound',
      series: r.ref,
    },
    { id: 'h', label: '‖∂L/∂h_t‖', colour: 1, dash: 'solid', faint: false, series: r.h },
  ];
  if (r.c) out.push({ id: 'c', label: '‖∂L/∂c_t‖', colour: 2, dash: 'dash', faint: false, series: r.c });
  return out;
}

/** A horizontal strip for values outside the float64 range. */
export interface Strip {
  readonly y: number;
  readonly height: number;
  /** Line where out-of-range points are drawn (the label sits on the other half of the strip). */
  readonly mid: number;
  /** Baseline of the label. */
  readonly labelY: number;
  readonly label: string;
}

/** Everything the SVG renders. */
export interface LogPlotModel {
  readonly frame: PlotFrame;
  /** The lag axis (linear, d3 ticks). */
  readonly x: Axis;
  /** The log axis: exponent domain, tick exponents, labels and pixel positions. */
  readonly y: {
    readonly lo: number;
    readonly hi: number;
    readonly top: number;
    readonly bottom: number;
    readonly ticks: readonly { readonly exp: number; readonly label: string; readonly py: number }[];
  };
  readonly over: Strip | null;
  readonly under: Strip | null;
  readonly paths: readonly {
    readonly id: string;
    readonly d: string;
    readonly colour: Colour;
    readonly dash: Dash;
    readonly faint: boolean;
  }[];
  /** Pixel y of a lag's value in a series (null if undefined). */
  pointY(series: LagSeries, k: number): number | null;
}

/** Height of a strip: a 12 px label and, beside it, the line of out-of-range points. */
const STRIP = 28;

/** Lays out the curves of a result of length `T` in a `width` × `height` viewBox. */
export function buildLogPlot(
  curves: readonly GradCurve[],
  T: number,
  width: number,
  height: number,
  lang: Lang = 'en',
): LogPlotModel {
  const w = GRADIENTS[lang];
  const frame = plotFrame(width, height, { top: 24, right: 14, bottom: 40, left: 58 });
  let lo = Infinity;
  let hi = -Infinity;
  let over = false;
  let underflow = false;
  let zero = false;
  for (const c of curves) {
    const { log10, flags } = c.series;
    for (let k = 0; k < flags.length; k++) {
      const f = flags[k]!;
      if (f === 'ok') {
        const l = log10[k]!;
        if (l < lo) lo = l;
        if (l > hi) hi = l;
      } else if (f === 'overflow') over = true;
      else if (f === 'underflow') underflow = true;
      else if (f === 'zero') zero = true;
    }
  }
  if (!(lo <= hi)) {
    lo = -1;
    hi = 1;
  }
  let eLo = Math.max(AXIS_MIN_EXP, Math.floor(lo + 1e-9));
  let eHi = Math.min(AXIS_MAX_EXP, Math.ceil(hi - 1e-9));
  if (over) eHi = AXIS_MAX_EXP;
  if (underflow) eLo = AXIS_MIN_EXP;
  // At least two decades, extended away from the float64 limits.
  while (eHi - eLo < 2) {
    if (eHi < AXIS_MAX_EXP) eHi++;
    if (eHi - eLo < 2 && eLo > AXIS_MIN_EXP) eLo--;
  }
  const overStrip: Strip | null = over
    ? {
        y: frame.y0,
        height: STRIP,
        mid: frame.y0 + STRIP - 7,
        labelY: frame.y0 + 13,
        label: w.overStrip(scientificFromLog10(LOG10_MAX)),
      }
    : null;
  const bottomStrip = underflow || zero;
  const underLabel =
    underflow && zero
      ? w.underStripBoth(powerOfTen(AXIS_MIN_EXP))
      : underflow
        ? w.underStrip(powerOfTen(AXIS_MIN_EXP))
        : w.exactlyZero;
  const underStrip: Strip | null = bottomStrip
    ? { y: frame.y1 - STRIP, height: STRIP, mid: frame.y1 - STRIP + 7, labelY: frame.y1 - 5, label: underLabel }
    : null;
  const top = frame.y0 + (overStrip ? STRIP + 6 : 0);
  const bottom = frame.y1 - (underStrip ? STRIP + 6 : 0);
  const scale = scaleLog()
    .domain([10 ** eLo, 10 ** eHi])
    .range([bottom, top]);
  const count = tickCount(bottom - top, 34);
  const powers = scale
    .ticks(count)
    .map((t) => Math.round(Math.log10(t)))
    .filter((e, i, a) => e >= eLo && e <= eHi && a.indexOf(e) === i);
  const ticks = powers.map((exp) => ({ exp, label: powerOfTen(exp).replace(/-/g, MINUS), py: px(scale(10 ** exp)) }));
  const mapLog = (l: number): number => {
    const c = Math.min(eHi, Math.max(eLo, l));
    return scale(10 ** c);
  };
  const xMax = Math.max(1, T - 1);
  const x = linearAxis([0, xMax], [frame.x0, frame.x1], tickCount(frame.x1 - frame.x0, 70));
  const pointY = (series: LagSeries, k: number): number | null => {
    const f = series.flags[k];
    if (f === 'ok') return mapLog(series.log10[k]!);
    if (f === 'overflow') return overStrip ? overStrip.mid : top;
    if (f === 'underflow' || f === 'zero') return underStrip ? underStrip.mid : bottom;
    return null;
  };
  const ordered = [...curves].sort((a, b) => Number(b.faint) - Number(a.faint));
  const paths = ordered.map((c) => {
    const n = Math.min(T, c.series.flags.length);
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      xs[k] = x.map(k);
      ys[k] = pointY(c.series, k) ?? NaN; // an undefined value lifts the pen
    }
    // 0.1 px, relative steps, points exactly on a straight run dropped (an exponential is straight on this axis)
    return { id: c.id, d: polylinePath(xs, ys), colour: c.colour, dash: c.dash, faint: c.faint };
  });
  return { frame, x, y: { lo: eLo, hi: eHi, top, bottom, ticks }, over: overStrip, under: underStrip, paths, pointY };
}

// ---------------------------------------------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------------------------------------------

/** The cell and activation in words: "vanilla RNN with tanh", "LSTM (σ gates, tanh candidate and output)". */
export function setupText(r: FlowResult, lang: Lang = 'en'): string {
  const w = GRADIENTS[lang];
  const a = activationSymbol(r.params.a, lang);
  if (r.params.c === 'rnn') return w.setupRnn(a);
  if (r.params.c === 'lstm') return w.setupLstm(a, formatNumber(r.params.bf));
  return w.setupGru(a, formatNumber(r.params.bf));
}

/** The weights in words. */
export function weightText(r: FlowResult, lang: Lang = 'en'): string {
  const w = GRADIENTS[lang];
  return w.weights(r.params.w === 'orth' ? w.initOrth : w.initGauss, formatNumber(r.params.r), formatMeasured(r.wNorm));
}

/** Where a series first overflows, underflows or becomes exactly zero, in words (or ''). */
export function rangeEvents(label: string, s: LagSeries, lang: Lang = 'en'): string {
  const w = GRADIENTS[lang];
  const parts: string[] = [];
  const o = s.flags.indexOf('overflow');
  const u = s.flags.indexOf('underflow');
  const z = s.flags.indexOf('zero');
  if (o >= 0) parts.push(w.eventOverflow(label, scientificFromLog10(LOG10_MAX), String(o)));
  if (u >= 0) parts.push(w.eventUnderflow(label, powerOfTen(AXIS_MIN_EXP), String(u)));
  if (z >= 0) parts.push(w.eventZero(label, String(z)));
  const x = s.flags.indexOf('undefined');
  if (x >= 0) parts.push(w.eventUndefined(label, String(x)));
  return parts.join(w.eventJoin);
}

/**
 * The facts list's events line: what left the plotted range (or was undefined), for each measured curve of `r`
 * (‖∂L/∂h_t‖, then ‖∂L/∂c_t‖; not the reference curve), or a sentence naming those curves and saying that nothing did.
 * Always a sentence, so the list keeps its number of lines while a slider moves.
 */
export function eventsText(r: FlowResult, lang: Lang = 'en'): { text: string; any: boolean } {
  const w = GRADIENTS[lang];
  const events = [rangeEvents('‖∂L/∂h_t‖', r.h, lang), r.c ? rangeEvents('‖∂L/∂c_t‖', r.c, lang) : ''].filter((x) => x !== '');
  if (events.length === 0) {
    const curves = r.c ? `‖∂L/∂h_t‖${w.and}‖∂L/∂c_t‖` : '‖∂L/∂h_t‖';
    return { text: w.noEvents(curves, powerOfTen(AXIS_MIN_EXP), scientificFromLog10(LOG10_MAX)), any: false };
  }
  return { text: `${events.join(w.eventJoin)}${w.stop}`, any: true };
}

/** The notice for a forward pass that left the float64 range (or ''). */
export function overflowNotice(r: FlowResult, lang: Lang = 'en'): string {
  if (r.overflowStep < 0) return '';
  const w = GRADIENTS[lang];
  const step = String(r.overflowStep + 1);
  const T = String(r.params.t);
  const why = r.cutReason === 'huge' ? w.whyHuge(step, T) : w.whyNonFinite(step, T);
  return w.overflowNotice(why, T, String(r.T), String(r.T - 1));
}

/** The read-out at lag `k` (clamped into 0 … T−1): one entry per curve. */
export function readoutAt(
  r: FlowResult,
  k: number,
  lang: Lang = 'en',
): { lag: number; step: number; values: { id: string; label: string; text: string }[] } {
  const lag = Math.min(r.T - 1, Math.max(0, Math.round(k)));
  const values = curvesOf(r, lang)
    .slice()
    .reverse()
    .map((c) => ({
      id: c.id,
      label: c.id === 'ref' ? shortRefLabel(r, lang) : c.label,
      text: formatNorm(c.series.log10[lag]!, c.series.flags[lag]!, 3, lang),
    }));
  return { lag, step: r.T - lag, values };
}

/** Short read-out label of the reference curve. */
export function shortRefLabel(r: FlowResult, lang: Lang = 'en'): string {
  const w = GRADIENTS[lang];
  if (r.refKind === 'cell-path') return w.cellPathShort;
  if (r.refKind === 'update-path') return w.updatePathShort;
  return w.boundShort;
}

/** The clipping read-out in words. */
export function clipText(r: FlowResult, lang: Lang = 'en'): string {
  const w = GRADIENTS[lang];
  const { before, after, threshold, factor } = r.clip;
  const t = formatNumber(threshold);
  if (!Number.isFinite(before)) return w.clipBroken(Number.isNaN(before) ? w.clipNaN : w.clipInf, t);
  const v = (x: number) => formatValue(x, 3, lang);
  if (factor >= 1) return w.clipBelow(v(before), t);
  return w.clipped(v(before), t, v(after), v(factor));
}

/** The text alternative of the figure for a result. */
export function describeFlow(r: FlowResult, lang: Lang = 'en'): string {
  const w = GRADIENTS[lang];
  const first = w.describeFirst(
    setupText(r, lang),
    String(r.hidden),
    weightText(r, lang),
    String(r.params.t),
    String(r.params.s),
  );
  const parts = [first];
  if (r.overflowStep >= 0) parts.push(overflowNotice(r, lang));
  for (const c of curvesOf(r, lang).reverse()) {
    const s = c.series;
    const last = r.T - 1;
    const mid = Math.floor(last / 2);
    const at = (k: number) => formatNorm(s.log10[k]!, s.flags[k]!, 3, lang);
    parts.push(w.describeCurve(c.label, at(0), at(mid), String(mid), at(last), String(last)));
    const ev = rangeEvents(c.label, s, lang);
    if (ev) parts.push(`${ev}${w.stop}`);
  }
  parts.push(clipText(r, lang));
  return parts.join(lang === 'zh' ? '' : ' ');
}

/** Lags listed in the data table: about `rows` evenly spaced ones, always 0 and T−1. */
export function tableLags(T: number, rows = 20): number[] {
  if (T <= rows + 1) return Array.from({ length: T }, (_, k) => k);
  const step = Math.ceil((T - 1) / rows);
  const out: number[] = [];
  for (let k = 0; k < T - 1; k += step) out.push(k);
  out.push(T - 1);
  return out;
}

/** The data table: lag, step, then one column per curve. */
export function flowTable(r: FlowResult, lang: Lang = 'en'): DataTable {
  const w = GRADIENTS[lang];
  const curves = curvesOf(r, lang).reverse();
  return {
    columns: [w.lagColumn, w.stepColumn, ...curves.map((c) => (c.id === 'ref' ? shortRefLabel(r, lang) : c.label))],
    rows: tableLags(r.T).map((k) => [
      String(k),
      String(r.T - k),
      ...curves.map((c) => formatNorm(c.series.log10[k]!, c.series.flags[k]!, 3, lang)),
    ]),
  };
}

/** The γ of the result's activation, in words. */
export function gammaText(r: FlowResult, lang: Lang = 'en'): string {
  return GRADIENTS[lang].gamma(activationSymbol(r.params.a, lang), formatNumber(r.gamma, 4));
}

/** Names of the cells for menus. */
export const CELL_LABELS = CELL_NAMES;

/** Menu label of an activation, with its γ: "tanh (γ = 1)". */
export function activationOption(key: keyof typeof Activations, lang: Lang = 'en'): string {
  return GRADIENTS[lang].activationOption(ACTIVATION_NAMES[lang][key], formatNumber(Activations[key].maxSlope.value, 3));
}
