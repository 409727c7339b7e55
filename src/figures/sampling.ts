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
  // Written straight into typed arrays of the largest size needed (this runs on every frame of a drag).
  const cap = count + 3 * inside.length;
  const xs = new Float64Array(cap);
  const ys = new Float64Array(cap);
  let m = 0; // samples written
  let next = 0; // index into `inside`
  for (let k = 0; k < count; k++) {
    const x = k === count - 1 ? x1 : x0 + ((x1 - x0) * k) / (count - 1);
    while (next < inside.length && inside[next]! <= x) {
      const b = inside[next]!;
      xs[m] = beside(b, -1);
      ys[m++] = f(beside(b, -1));
      xs[m] = b;
      ys[m++] = options.splitAtBreaks ? Number.NaN : f(b);
      xs[m] = beside(b, 1);
      ys[m++] = f(beside(b, 1));
      next++;
    }
    if (m > 0 && x <= xs[m - 1]!) continue;
    xs[m] = x;
    ys[m++] = f(x);
  }
  return m === cap ? { xs, ys } : { xs: xs.slice(0, m), ys: ys.slice(0, m) };
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

/**
 * Path text is ASCII written byte by byte into one growing scratch buffer and decoded once per path: a string per
 * segment (and per number) was most of what a drag allocated, i.e. most of its garbage collections. One path is
 * written at a time: a {@link PixelMap} must not itself call {@link samplesToPath}.
 */
let text = new Uint8Array(8192);
const ascii = new TextDecoder();
const [M, L, H, COMMA, MINUS, DOT, ZERO] = [77, 108, 104, 44, 45, 46, 48];

/**
 * Compact SVG path data: absolute `M` for each pen-down, then relative `l` segments in 0.1 px steps, with runs of
 * horizontal segments merged into one `h` (flat, saturated tails cost a few bytes). Exact to 0.1 px: the relative
 * steps are differences of rounded absolute positions, so rounding never accumulates. Numbers are integer tenths
 * written compactly: 15 → "1.5", −3 → "-.3", 0 → "0"; two numbers are joined by "," unless the second has a minus.
 */
class PathWriter {
  private n = 0; // bytes written
  private x = 0;
  private y = 0;
  private h = 0;
  moveTo(px: number, py: number): void {
    this.flush();
    this.x = tenths(px);
    this.y = tenths(py);
    this.byte(M);
    this.pair(this.x, this.y);
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
    this.byte(L);
    this.pair(dx, dy);
  }
  flush(): void {
    if (this.h !== 0) {
      this.byte(H);
      this.num(this.h);
    }
    this.h = 0;
  }
  /** The path text written so far. */
  done(): string {
    this.flush();
    return ascii.decode(text.subarray(0, this.n));
  }
  private byte(c: number): void {
    if (this.n === text.length) {
      const grown = new Uint8Array(text.length * 2);
      grown.set(text);
      text = grown;
    }
    text[this.n++] = c;
  }
  private pair(a: number, b: number): void {
    this.num(a);
    if (!(b < 0)) this.byte(COMMA);
    this.num(b);
  }
  /** A number of tenths t (an integer). */
  private num(t: number): void {
    if (t === 0) return this.byte(ZERO);
    // A non-finite pixel position (a degenerate scale) is written as the string formulation wrote it: never NUL bytes.
    if (!Number.isFinite(t)) return this.chars(`${t < 0 ? '-' : ''}${Math.abs(t)}.NaN`);
    if (t < 0) this.byte(MINUS);
    const a = Math.abs(t);
    const whole = Math.floor(a / 10);
    const frac = a % 10;
    if (whole !== 0 || frac === 0) this.digits(whole);
    if (frac !== 0) {
      this.byte(DOT);
      this.byte(ZERO + frac);
    }
  }
  /** ASCII text. */
  private chars(str: string): void {
    for (let i = 0; i < str.length; i++) this.byte(str.charCodeAt(i));
  }
  /** A non-negative integer in decimal, as `String(v)` writes it (digit by digit while that is exact). */
  private digits(v: number): void {
    if (v >= 1e15) return this.chars(String(v));
    let p = 1;
    while (p * 10 <= v) p *= 10;
    for (; p >= 1; p /= 10) {
      const d = Math.floor(v / p);
      this.byte(ZERO + d);
      v -= d * p;
    }
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
    if (!clipInto(px, py, qx, qy, m.top, m.bottom, clip)) {
      penDown = false;
    } else {
      const ax = clip[0]!,
        ay = clip[1]!,
        bx = clip[2]!,
        by = clip[3]!;
      if (!penDown || ax !== px || ay !== py) w.moveTo(ax, ay);
      w.lineTo(bx, by);
      penDown = bx === qx && by === qy;
    }
    px = qx;
    py = qy;
  }
  return w.done();
}

/** Scratch for the clipped segment in {@link samplesToPath}. */
const clip = new Float64Array(4);

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
  const out = new Float64Array(4);
  return clipInto(ax, ay, bx, by, top, bottom, out) ? [out[0]!, out[1]!, out[2]!, out[3]!] : undefined;
}

/** {@link clipSegmentY} writing the visible part into `out` (sx, sy, ex, ey); false (and `out` untouched) if none. */
function clipInto(ax: number, ay: number, bx: number, by: number, top: number, bottom: number, out: Float64Array): boolean {
  let t0 = 0;
  let t1 = 1;
  const dy = by - ay;
  if (dy === 0) {
    if (ay < top || ay > bottom) return false;
  } else {
    let ta = (top - ay) / dy;
    let tb = (bottom - ay) / dy;
    if (ta > tb) {
      const swap = ta; // (no destructuring swap: it allocates an array per segment)
      ta = tb;
      tb = swap;
    }
    t0 = Math.max(t0, ta);
    t1 = Math.min(t1, tb);
    if (t0 > t1) return false;
  }
  const dx = bx - ax;
  out[0] = t0 === 0 ? ax : ax + t0 * dx;
  out[1] = t0 === 0 ? ay : ay + t0 * dy;
  out[2] = t1 === 1 ? bx : ax + t1 * dx;
  out[3] = t1 === 1 ? by : ay + t1 * dy;
  return true;
}

/** Finite values of the samples (for autoscaling). */
export function* finiteValues(s: Samples): Generator<number> {
  for (const v of s.ys) if (Number.isFinite(v)) yield v;
}
