/**
 * Sampling functions for plots and turning samples into SVG paths.
 *
 * - Non-finite values (NaN, ±Infinity) are gaps: the path lifts the pen, so nothing is drawn to the edge.
 * - Segments are clipped exactly at the top and bottom of the plot rectangle (Liang–Barsky in y), so a curve that
 *   leaves the plot stops at its edge instead of drawing to y = 10³⁰⁰.
 * - `breaks` (kinks of piecewise functions) are sampled exactly, from both sides, and a derivative curve is not
 *   joined across them (a jump of f′ is drawn as a jump, not as a vertical line).
 */

/** A function of one real variable. */
export type Fn = (x: number) => number;

/** Samples of one curve: x and y arrays of equal length; a NaN in `ys` marks a pen-up. */
export interface Samples {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

/** Options for {@link sampleFunction}. */
export interface SampleOptions {
  /** Points where the function may jump or kink; sampled from both sides. */
  readonly breaks?: readonly number[];
  /** Do not join the curve across `breaks` (for derivatives, which may jump there). Default false. */
  readonly splitAtBreaks?: boolean;
}

/** `x` nudged towards `dir` by a relative ε: a one-sided sample point next to a kink. */
function beside(x: number, dir: -1 | 1): number {
  return x + dir * 1e-9 * Math.max(1, Math.abs(x));
}

/**
 * Samples `f` at `n` evenly spaced points of [x0, x1] (both ends included), plus both sides of every break inside
 * the interval. With `splitAtBreaks`, a NaN is inserted between the two sides of each break (a pen-up).
 */
export function sampleFunction(f: Fn, x0: number, x1: number, n: number, options: SampleOptions = {}): Samples {
  const count = Math.max(2, Math.floor(n));
  const inside = (options.breaks ?? []).filter((b) => b > x0 && b < x1).toSorted((a, b) => a - b);
  const xs: number[] = [];
  const ys: number[] = [];
  let next = 0; // index into `inside`
  for (let k = 0; k < count; k++) {
    const x = k === count - 1 ? x1 : x0 + ((x1 - x0) * k) / (count - 1);
    while (next < inside.length && inside[next]! <= x) {
      const b = inside[next]!;
      xs.push(beside(b, -1));
      ys.push(f(beside(b, -1)));
      if (options.splitAtBreaks) {
        xs.push(b);
        ys.push(Number.NaN);
      } else {
        xs.push(b);
        ys.push(f(b));
      }
      xs.push(beside(b, 1));
      ys.push(f(beside(b, 1)));
      next++;
    }
    if (xs.length > 0 && x <= xs[xs.length - 1]!) continue;
    xs.push(x);
    ys.push(f(x));
  }
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}

/** A pixel mapping for {@link samplesToPath}. */
export interface PixelMap {
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
  /** Top and bottom pixel of the plot rectangle (top < bottom): segments are clipped to this band. */
  readonly top: number;
  readonly bottom: number;
}

/** Pixel coordinates are written in integer tenths of a pixel (0.1 px resolution). */
const tenths = (v: number): number => Math.round(v * 10);

/** A number of tenths as compact path text: 15 → "1.5", −3 → "-.3", 0 → "0". */
function num(t: number): string {
  if (t === 0) return '0';
  const sign = t < 0 ? '-' : '';
  const a = Math.abs(t);
  const whole = Math.floor(a / 10);
  const frac = a % 10;
  return `${sign}${whole === 0 && frac !== 0 ? '' : whole}${frac === 0 ? '' : `.${frac}`}`;
}

/** Joins two path numbers; a leading minus separates them by itself. */
const pair = (a: number, b: number): string => `${num(a)}${b < 0 ? '' : ','}${num(b)}`;

/**
 * Builds compact SVG path data: absolute `M` for each pen-down, then relative `l` segments in 0.1 px steps, with runs
 * of horizontal segments merged into one `h` (flat, saturated tails cost a few bytes). Exact to 0.1 px: the relative
 * steps are differences of rounded absolute positions, so rounding never accumulates.
 */
class PathWriter {
  d = '';
  private x = 0;
  private y = 0;
  private h = 0;
  moveTo(px: number, py: number): void {
    this.flush();
    this.x = tenths(px);
    this.y = tenths(py);
    this.d += `M${pair(this.x, this.y)}`;
  }
  lineTo(px: number, py: number): void {
    const X = tenths(px);
    const Y = tenths(py);
    const dx = X - this.x;
    const dy = Y - this.y;
    this.x = X;
    this.y = Y;
    if (dy === 0) {
      if (this.h !== 0 && Math.sign(dx) !== Math.sign(this.h)) this.flush();
      this.h += dx;
      return;
    }
    this.flush();
    this.d += `l${pair(dx, dy)}`;
  }
  flush(): void {
    if (this.h !== 0) this.d += `h${num(this.h)}`;
    this.h = 0;
  }
}

/**
 * An SVG path (pixel coordinates to 0.1 px; `M`, then relative `l`/`h`) through the samples: a pen-up at every
 * non-finite value, segments clipped to the band [top, bottom]. Returns '' when nothing is visible.
 */
export function samplesToPath(s: Samples, m: PixelMap): string {
  const { xs, ys } = s;
  const w = new PathWriter();
  let penDown = false;
  let px = 0;
  let py = 0;
  let prevOk = false;
  for (let i = 0; i < xs.length; i++) {
    const yv = ys[i]!;
    if (!Number.isFinite(yv)) {
      prevOk = false;
      penDown = false;
      continue;
    }
    const qx = m.x(xs[i]!);
    const qy = m.y(yv);
    if (!Number.isFinite(qy)) {
      prevOk = false;
      penDown = false;
      continue;
    }
    if (!prevOk) {
      // A lone first point: start the pen only if it is inside the band.
      if (qy >= m.top && qy <= m.bottom) {
        w.moveTo(qx, qy);
        penDown = true;
      }
      prevOk = true;
      px = qx;
      py = qy;
      continue;
    }
    const clipped = clipSegmentY(px, py, qx, qy, m.top, m.bottom);
    if (clipped === undefined) {
      penDown = false;
    } else {
      const [ax, ay, bx, by] = clipped;
      if (!penDown || ax !== px || ay !== py) w.moveTo(ax, ay);
      w.lineTo(bx, by);
      penDown = bx === qx && by === qy;
    }
    px = qx;
    py = qy;
  }
  w.flush();
  return w.d;
}

/**
 * Absolute vertices of a path written by {@link samplesToPath} (for tests and tools): one array per subpath.
 */
export function pathVertices(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  let x = 0;
  let y = 0;
  for (const m of d.matchAll(/([MlhLH])([^MlhLH]*)/g)) {
    const nums = (m[2]!.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    const c = m[1]!;
    if (c === 'M') {
      x = nums[0]!;
      y = nums[1]!;
      out.push([[x, y]]);
    } else if (c === 'l') {
      x += nums[0]!;
      y += nums[1]!;
      out.at(-1)!.push([x, y]);
    } else if (c === 'h') {
      x += nums[0]!;
      out.at(-1)!.push([x, y]);
    }
  }
  return out;
}

/**
 * Clips the segment (ax, ay)–(bx, by) to top ≤ y ≤ bottom. Returns the visible part, or undefined if none.
 * Endpoints inside the band are returned unchanged (identical numbers), so callers can test "was it clipped".
 */
export function clipSegmentY(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  top: number,
  bottom: number,
): [number, number, number, number] | undefined {
  let t0 = 0;
  let t1 = 1;
  const dy = by - ay;
  if (dy === 0) {
    if (ay < top || ay > bottom) return undefined;
  } else {
    let ta = (top - ay) / dy;
    let tb = (bottom - ay) / dy;
    if (ta > tb) [ta, tb] = [tb, ta];
    t0 = Math.max(t0, ta);
    t1 = Math.min(t1, tb);
    if (t0 > t1) return undefined;
  }
  const dx = bx - ax;
  const sx = t0 === 0 ? ax : ax + t0 * dx;
  const sy = t0 === 0 ? ay : ay + t0 * dy;
  const ex = t1 === 1 ? bx : ax + t1 * dx;
  const ey = t1 === 1 ? by : ay + t1 * dy;
  return [sx, sy, ex, ey];
}

/** Finite values of the samples (for autoscaling). */
export function* finiteValues(s: Samples): Generator<number> {
  for (const v of s.ys) if (Number.isFinite(v)) yield v;
}
