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
import { MINUS, formatNumber } from '../format.ts';
import { activationSymbol } from '../names.ts';
import { linearAxis, plotFrame, tickCount, type Axis, type PlotFrame } from '../scale.ts';
import { CELL_NAMES, LOG10_MAX, type FlowResult, type LagSeries } from './types.ts';

/** log10 of the underflow limit (−300). */
export const LOG10_MIN = Math.log10(UNDERFLOW_LIMIT);
/** Highest power of ten the axis may show (10³⁰⁸ is the largest finite one). */
const AXIS_MAX_EXP = Math.floor(LOG10_MAX);
const AXIS_MIN_EXP = Math.round(LOG10_MIN);

const SUP: Readonly<Record<string, string>> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};

/** "10⁻³⁰⁰", "10²", and "1" for 10⁰. */
export function powerOfTen(e: number): string {
  if (e === 0) return '1';
  if (e === 1) return '10';
  return `10${[...String(e)].map((c) => SUP[c] ?? c).join('')}`;
}

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
export function formatNorm(log10: number, flag: NormFlag, sig = 3): string {
  switch (flag) {
    case 'ok':
      // formatNumber writes [1e3, 1e5) with toPrecision, which gives "2.88e+3" for 3 digits: use × 10ⁿ there.
      return log10 >= 3 || log10 < -3 ? scientificFromLog10(log10, sig) : formatNumber(10 ** log10, sig);
    case 'overflow':
      return `overflow (≈ ${scientificFromLog10(log10)})`;
    case 'underflow':
      return `underflow below ${powerOfTen(AXIS_MIN_EXP)} (≈ ${scientificFromLog10(log10)})`;
    case 'zero':
      return 'exactly 0';
    default:
      return 'undefined (the forward pass overflowed)';
  }
}

/** A finite number for reading with `sig` digits (like {@link formatNorm} for positive values; "0", "—", "overflow" otherwise). */
export function formatValue(v: number, sig = 3): string {
  if (v > 0 && Number.isFinite(v)) return formatNorm(Math.log10(v), 'ok', sig);
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
export function refLabel(r: FlowResult): string {
  if (r.refKind === 'cell-path') return 'cell path alone ‖∂L/∂c_T ⊙ Π f‖';
  if (r.refKind === 'update-path') return 'direct path alone ‖v ⊙ Π z‖';
  return `bound (γ‖W‖)^lag = (${formatMeasured(r.gamma)} × ${formatMeasured(r.wNorm)})^lag`;
}

/** The curves of a result, reference first (drawn underneath). */
export function curvesOf(r: FlowResult): GradCurve[] {
  const out: GradCurve[] = [
    {
      id: 'ref',
      label: refLabel(r),
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
export function buildLogPlot(curves: readonly GradCurve[], T: number, width: number, height: number): LogPlotModel {
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
        label: `overflow: above ${scientificFromLog10(LOG10_MAX)}`,
      }
    : null;
  const bottomStrip = underflow || zero;
  const underLabel =
    underflow && zero
      ? `below ${powerOfTen(AXIS_MIN_EXP)} or exactly 0`
      : underflow
        ? `underflow: below ${powerOfTen(AXIS_MIN_EXP)}`
        : 'exactly 0';
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
  const ticks = powers.map((exp) => ({ exp, label: powerOfTen(exp).replace(/-/g, MINUS), py: scale(10 ** exp) }));
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
    let d = '';
    let pen = false;
    const n = Math.min(T, c.series.flags.length);
    for (let k = 0; k < n; k++) {
      const py = pointY(c.series, k);
      if (py === null) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${x.map(k).toFixed(1)},${py.toFixed(1)}`;
      pen = true;
    }
    return { id: c.id, d, colour: c.colour, dash: c.dash, faint: c.faint };
  });
  return { frame, x, y: { lo: eLo, hi: eHi, top, bottom, ticks }, over: overStrip, under: underStrip, paths, pointY };
}

// ---------------------------------------------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------------------------------------------

/** The cell and activation in words: "vanilla RNN with tanh", "LSTM (σ gates, tanh candidate and output)". */
export function setupText(r: FlowResult): string {
  const a = activationSymbol(r.params.a);
  if (r.params.c === 'rnn') return `vanilla RNN, φ = ${a}`;
  if (r.params.c === 'lstm') return `LSTM (σ gates, ${a} candidate and cell output), forget bias ${formatNumber(r.params.bf)}`;
  return `GRU (σ gates, ${a} candidate), update-gate bias ${formatNumber(r.params.bf)}`;
}

/** The weights in words. */
export function weightText(r: FlowResult): string {
  const init = r.params.w === 'orth' ? 'ρ × random orthogonal' : 'Gaussian rescaled to spectral radius ρ';
  return `W_hh = ${init}, ρ = ${formatNumber(r.params.r)} (‖W‖ = ${formatMeasured(r.wNorm)})`;
}

/** Where a series first overflows, underflows or becomes exactly zero, in words (or ''). */
export function rangeEvents(label: string, s: LagSeries): string {
  const parts: string[] = [];
  const o = s.flags.indexOf('overflow');
  const u = s.flags.indexOf('underflow');
  const z = s.flags.indexOf('zero');
  if (o >= 0) parts.push(`${label} overflows float64 (above ${scientificFromLog10(LOG10_MAX)}) from lag ${o}`);
  if (u >= 0) parts.push(`${label} underflows below ${powerOfTen(AXIS_MIN_EXP)} from lag ${u}`);
  if (z >= 0) parts.push(`${label} is exactly 0 from lag ${z}`);
  return parts.join('; ');
}

/** The notice for a forward pass that left the float64 range (or ''). */
export function overflowNotice(r: FlowResult): string {
  if (r.overflowStep < 0) return '';
  const why =
    r.cutReason === 'huge'
      ? `h (or c) grows beyond 10¹⁵⁴ from step ${r.overflowStep + 1} of ${r.params.t} on and later overflows float64; backpropagation multiplies such values and overflows too`
      : `h (or c) is not a finite number from step ${r.overflowStep + 1} of ${r.params.t} on`;
  return (
    `The forward pass overflowed: ${why}, so the loss at step ${r.params.t} and its gradient do not exist in float64. ` +
    `Shown instead: the loss at step ${r.T}, the last step before that (lags 0 to ${r.T - 1}).`
  );
}

/** The read-out at lag `k` (clamped into 0 … T−1): one entry per curve. */
export function readoutAt(
  r: FlowResult,
  k: number,
): { lag: number; step: number; values: { id: string; label: string; text: string }[] } {
  const lag = Math.min(r.T - 1, Math.max(0, Math.round(k)));
  const values = curvesOf(r)
    .slice()
    .reverse()
    .map((c) => ({
      id: c.id,
      label: c.id === 'ref' ? shortRefLabel(r) : c.label,
      text: formatNorm(c.series.log10[lag]!, c.series.flags[lag]!),
    }));
  return { lag, step: r.T - lag, values };
}

/** Short read-out label of the reference curve. */
export function shortRefLabel(r: FlowResult): string {
  if (r.refKind === 'cell-path') return 'cell path alone';
  if (r.refKind === 'update-path') return 'direct path alone';
  return 'bound';
}

/** The clipping read-out in words. */
export function clipText(r: FlowResult): string {
  const { before, after, threshold, factor } = r.clip;
  const t = formatNumber(threshold);
  if (!Number.isFinite(before)) {
    const what = Number.isNaN(before) ? 'is not a number' : 'overflowed float64';
    return `‖∂L/∂θ‖ over all parameters ${what}: clipping to ${t} cannot repair it (rescaling an infinite gradient gives no number at all), so such a training step has to be skipped.`;
  }
  if (factor >= 1) return `‖∂L/∂θ‖ over all parameters = ${formatValue(before)}: below ${t}, clipping leaves it unchanged.`;
  return `‖∂L/∂θ‖ over all parameters = ${formatValue(before)}; clipped to norm ${t} it becomes ${formatValue(after)} (every entry × ${formatValue(factor)}, same direction).`;
}

/** The text alternative of the figure for a result. */
export function describeFlow(r: FlowResult): string {
  const first = `${setupText(r)}, ${r.hidden} units; ${weightText(r)}; T = ${r.params.t}, seed ${r.params.s}. Loss L = vᵀh_T.`;
  const parts = [first];
  if (r.overflowStep >= 0) parts.push(overflowNotice(r));
  for (const c of curvesOf(r).reverse()) {
    const s = c.series;
    const last = r.T - 1;
    const mid = Math.floor(last / 2);
    parts.push(
      `${c.label}: ${formatNorm(s.log10[0]!, s.flags[0]!)} at lag 0, ${formatNorm(s.log10[mid]!, s.flags[mid]!)} at lag ${mid}, ` +
        `${formatNorm(s.log10[last]!, s.flags[last]!)} at lag ${last}.`,
    );
    const ev = rangeEvents(c.label, s);
    if (ev) parts.push(`${ev}.`);
  }
  parts.push(clipText(r));
  return parts.join(' ');
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
export function flowTable(r: FlowResult): DataTable {
  const curves = curvesOf(r).reverse();
  return {
    columns: ['lag T − t', 'step t', ...curves.map((c) => (c.id === 'ref' ? shortRefLabel(r) : c.label))],
    rows: tableLags(r.T).map((k) => [
      String(k),
      String(r.T - k),
      ...curves.map((c) => formatNorm(c.series.log10[k]!, c.series.flags[k]!)),
    ]),
  };
}

/** The γ of the result's activation, in words. */
export function gammaText(r: FlowResult): string {
  return `γ = max |${activationSymbol(r.params.a)}′| = ${formatNumber(r.gamma, 4)}`;
}

/** Names of the cells for menus. */
export const CELL_LABELS = CELL_NAMES;

/** Menu label of an activation, with its γ: "tanh (γ = 1)". */
export function activationOption(key: keyof typeof Activations): string {
  const a = Activations[key];
  return `${a.label} (γ = ${formatNumber(a.maxSlope.value, 3)})`;
}
