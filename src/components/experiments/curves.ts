/**
 * Loss-curve plot model shared by the server-rendered small multiples (LossGrid.astro) and the live figure
 * (LiveRun.tsx): training loss against the step on a log axis, with values beyond the axis pinned to its edge and
 * the end of a diverged run marked. Pure: numbers in, SVG path strings and tick positions out.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { formatNumber, powerOfTen } from '../../figures/format.ts';
import { plotFrame, type Margins, type PlotFrame } from '../../figures/scale.ts';
import { circlesPath, polylinePath } from '../../figures/polyline.ts';

/** Palette classes of figures.css (`c1` … `c6`, `cm` = muted). */
export type Tone = 'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'cm';

/** One curve: [step, loss] points (null = not a number: the path breaks). */
export interface LossSeries {
  readonly id: string;
  readonly points: readonly (readonly [number, number | null])[];
  readonly tone: Tone;
  readonly dash?: 'solid' | 'dash' | 'dot';
  /** How the run ended: a diverged run gets a cross at its last point, a solved one a dot. */
  readonly end?: 'diverged' | 'solved' | 'budget' | 'cancelled' | null;
  /** Whether a diverged run's curve goes on to the top edge (default), or ends, crossed, at its last finite point. */
  readonly toEdge?: boolean;
}

/** A horizontal reference line (baseline, threshold). */
export interface RefLine {
  readonly id: string;
  readonly value: number;
  readonly label: string;
}

export interface LossPlotOptions {
  readonly steps: number;
  /** Log-axis domain of the loss; values outside are pinned to the edge. */
  readonly yDomain: readonly [number, number];
  readonly width: number;
  readonly height: number;
  readonly margin?: Margins;
  /** Tick label sizes: false leaves the axes unlabelled (small multiples share the labels of the grid). */
  readonly labels?: boolean;
  /** Decimals of the path coordinates (default 1; small multiples use 0 to keep the page light). */
  readonly decimals?: 0 | 1;
  /** Drop the points of a curve within this many pixels of the line through the others (default 0: only exact ones). */
  readonly simplify?: number;
}

export interface LossPlotModel {
  readonly frame: PlotFrame;
  readonly xTicks: readonly { readonly px: number; readonly label: string }[];
  readonly yTicks: readonly { readonly py: number; readonly label: string }[];
  readonly paths: readonly { readonly id: string; readonly d: string; readonly tone: Tone; readonly dash: string }[];
  readonly ends: readonly {
    readonly id: string;
    readonly x: number;
    readonly y: number;
    readonly kind: 'diverged' | 'solved';
    readonly tone: Tone;
  }[];
  readonly refs: readonly { readonly id: string; readonly y: number; readonly label: string }[];
}

/** Builds the plot. */
export function buildLossPlot(series: readonly LossSeries[], refs: readonly RefLine[], o: LossPlotOptions): LossPlotModel {
  const scale = o.decimals === 0 ? 1 : 10;
  const r1 = (v: number) => Math.round(v * scale) / scale;
  const frame = plotFrame(o.width, o.height, o.margin);
  const [lo, hi] = o.yDomain;
  const x = scaleLinear().domain([0, o.steps]).range([frame.x0, frame.x1]);
  const y = scaleLog().domain([lo, hi]).range([frame.y1, frame.y0]).clamp(true);
  const labels = o.labels ?? true;
  const xt = x.ticks(Math.max(2, Math.floor((frame.x1 - frame.x0) / 90)));
  const xTicks = xt.map((t) => ({ px: r1(x(t)), label: labels ? formatNumber(t) : '' }));
  const e0 = Math.ceil(Math.log10(lo) - 1e-9);
  const e1 = Math.floor(Math.log10(hi) + 1e-9);
  const every = Math.max(1, Math.ceil((e1 - e0 + 1) / Math.max(2, Math.floor((frame.y1 - frame.y0) / 28))));
  const yTicks: { py: number; label: string }[] = [];
  for (let e = e0; e <= e1; e++)
    if ((e - e0) % every === 0) yTicks.push({ py: r1(y(10 ** e)), label: labels ? powerOfTen(e) : '' });
  const paths: LossPlotModel['paths'][number][] = [];
  const ends: LossPlotModel['ends'][number][] = [];
  for (const s of series) {
    // Pixel vertices, NaN where the pen lifts (a loss that is not a positive number).
    const xs: number[] = [];
    const ys: number[] = [];
    let last: [number, number] | null = null;
    for (const [step, v] of s.points) {
      if (v === null || !(v > 0)) {
        xs.push(NaN);
        ys.push(NaN);
        continue;
      }
      const px = r1(x(Math.min(step, o.steps)));
      const py = r1(y(v));
      xs.push(px);
      ys.push(py);
      last = [px, py];
    }
    // A run that diverged ends at the top edge (its last loss is non-finite or beyond the axis).
    if (s.end === 'diverged' && (s.toEdge ?? true)) {
      const lastStep = s.points.at(-1)?.[0] ?? 0;
      const px = r1(x(Math.min(lastStep, o.steps)));
      const py = r1(frame.y0);
      if (last) {
        // from the last finite point, as a pen that never lifted: a run that ended in NaN still reaches the edge
        while (Number.isNaN(xs.at(-1))) {
          xs.pop();
          ys.pop();
        }
        xs.push(px);
        ys.push(py);
      }
      last = [px, py];
    }
    const d = polylinePath(xs, ys, o.simplify ?? 0);
    paths.push({ id: s.id, d, tone: s.tone, dash: s.dash ?? 'solid' });
    if (last && (s.end === 'diverged' || s.end === 'solved'))
      ends.push({ id: s.id, x: last[0], y: last[1], kind: s.end, tone: s.tone });
  }
  const refLines = refs
    .filter((r) => r.value >= lo && r.value <= hi)
    .map((r) => ({ id: r.id, y: r1(y(r.value)), label: r.label }));
  return { frame, xTicks, yTicks, paths, ends, refs: refLines };
}

/**
 * The marks of a plot in as few elements as they take, for pages that show many plots (the small multiples): one path
 * per tone and dash holding every curve of that kind (each curve a subpath), one path of dots per tone for the solved
 * runs and one of crosses per tone for the diverged ones.
 */
export function mergedMarks(model: LossPlotModel): {
  curves: { tone: Tone; dash: string; d: string }[];
  dots: { tone: Tone; d: string }[];
  crosses: { tone: Tone; d: string }[];
} {
  const groups = <T>(items: readonly T[], key: (t: T) => string) => {
    const m = new Map<string, T[]>();
    for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
    return [...m.values()];
  };
  const curves = groups(
    model.paths.filter((p) => p.d !== ''),
    (p) => `${p.tone} ${p.dash}`,
  ).map((g) => ({ tone: g[0]!.tone, dash: g[0]!.dash, d: g.map((p) => p.d).join('') }));
  const ends = (kind: 'solved' | 'diverged') =>
    groups(
      model.ends.filter((e) => e.kind === kind),
      (e) => e.tone,
    );
  const dots = ends('solved').map((g) => ({
    tone: g[0]!.tone,
    d: circlesPath(
      g.map((e) => [e.x, e.y] as const),
      DOT_RADIUS,
    ),
  }));
  const crosses = ends('diverged').map((g) => ({
    tone: g[0]!.tone,
    d: g.map((e) => `M${e.x - 4} ${e.y - 4}l8 8m-8 0l8-8`).join(''),
  }));
  return { curves, dots, crosses };
}

/** Radius of a solved run's dot, in viewBox pixels. */
export const DOT_RADIUS = 2.8;

/** A y domain (powers of ten) that holds the threshold and the baseline with room around them. */
export function lossDomain(threshold: number, baseline: number): [number, number] {
  const lo = 10 ** Math.floor(Math.log10(Math.min(threshold, baseline)) - 1);
  const hi = 10 ** Math.ceil(Math.log10(Math.max(threshold, baseline)) + 1);
  return [lo, hi];
}
