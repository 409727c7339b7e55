/**
 * Compact SVG path data for plotted lines and markers (issue 19: lighter markup). A page's weight is mostly markup,
 * and a plotted line written as `L51.8,224.4L54.7,223.6…` costs 11 bytes a point. Here:
 *
 * - coordinates are rounded to 0.1 px (a viewBox unit is about a CSS pixel), written as short as they go
 *   (`.5`, `-2.9`, `3`);
 * - each pen-down starts with an absolute `M`, then relative `l` pairs (the command letter written once per run),
 *   horizontal and vertical steps as `h`/`v`;
 * - points that the line does not need are dropped: those exactly on the straight segment between their neighbours
 *   on the 0.1 px grid (always), and, with a `tolerance`, those within `tolerance` px of the simplified line
 *   (Douglas–Peucker), so a straight-looking run of 200 points becomes a handful of segments;
 * - many markers of one kind become one path of circles (`circlesPath`), not one element each.
 *
 * Pure and dependency-free, for build-time plots and islands alike.
 */

/** Integer tenths of a pixel. */
const tenths = (v: number): number => Math.round(v * 10);

/** A number of tenths `t` as SVG path text: 15 → "1.5", −3 → "-.3", 20 → "2", 0 → "0". */
export function tenthsText(t: number): string {
  if (t === 0) return '0';
  const a = Math.abs(t);
  const whole = Math.floor(a / 10);
  const frac = a % 10;
  return `${t < 0 ? '-' : ''}${whole === 0 ? '' : whole}${frac === 0 ? '' : `.${frac}`}`;
}

/** Joins numbers of path data: a space between two, none before a minus sign. */
function joinNumbers(parts: readonly string[]): string {
  let s = '';
  for (const p of parts) s += s === '' || p.startsWith('-') ? p : ` ${p}`;
  return s;
}

/** Squared distance, in tenths², from point p to the segment a–b. */
function distanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  let t = len === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len;
  t = Math.max(0, Math.min(1, t));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Indices of the points that are not exactly on the straight segment between their neighbours (linear time). */
function dropCollinear(xs: readonly number[], ys: readonly number[]): number[] {
  const n = xs.length;
  const out: number[] = [0];
  for (let i = 1; i < n - 1; i++) {
    const k = out.at(-1)!;
    const ax = xs[i]! - xs[k]!;
    const ay = ys[i]! - ys[k]!;
    const bx = xs[i + 1]! - xs[i]!;
    const by = ys[i + 1]! - ys[i]!;
    if (ax * by - ay * bx !== 0 || ax * bx + ay * by <= 0) out.push(i);
  }
  if (n > 1) out.push(n - 1);
  return out;
}

/**
 * Indices of `xs`/`ys` (tenths) kept by Douglas–Peucker with squared tolerance `tolSq` (tenths²); ends always kept.
 * With no tolerance, only points exactly on the line are dropped, in linear time (islands redraw on every frame).
 */
function simplify(xs: readonly number[], ys: readonly number[], tolSq: number): number[] {
  const n = xs.length;
  if (n <= 2) return [...xs.keys()];
  if (tolSq === 0) return dropCollinear(xs, ys);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    let worst = -1;
    let worstD = -1;
    for (let i = a + 1; i < b; i++) {
      const d = distanceSq(xs[i]!, ys[i]!, xs[a]!, ys[a]!, xs[b]!, ys[b]!);
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    // Strictly more than the tolerance (0 keeps every point off the segment, drops the ones exactly on it).
    if (worst >= 0 && worstD > tolSq) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(i);
  return out;
}

/** Path data of one pen-down run of points (tenths), already simplified. */
function runPath(xs: readonly number[], ys: readonly number[]): string {
  let d = `M${joinNumbers([tenthsText(xs[0]!), tenthsText(ys[0]!)])}`;
  let pending: string[] = []; // numbers of the current `l` run
  const flush = () => {
    if (pending.length > 0) d += `l${joinNumbers(pending)}`;
    pending = [];
  };
  for (let i = 1; i < xs.length; i++) {
    const dx = xs[i]! - xs[i - 1]!;
    const dy = ys[i]! - ys[i - 1]!;
    if (dx === 0 && dy === 0) continue;
    if (dy === 0) {
      flush();
      d += `h${tenthsText(dx)}`;
    } else if (dx === 0) {
      flush();
      d += `v${tenthsText(dy)}`;
    } else {
      pending.push(tenthsText(dx), tenthsText(dy));
    }
  }
  flush();
  return d;
}

/**
 * Path data of a polyline through (xs[i], ys[i]) in pixels: a pen-up at every non-finite coordinate; points within
 * `tolerance` px of the line through the points kept (and always those exactly on it, on the 0.1 px grid) dropped,
 * and so are runs of a single point (they draw nothing). Returns '' when nothing would be drawn.
 */
export function polylinePath(xs: ArrayLike<number>, ys: ArrayLike<number>, tolerance = 0): string {
  const tolSq = (tolerance * 10) ** 2;
  let d = '';
  let rx: number[] = [];
  let ry: number[] = [];
  const end = () => {
    // a lone point draws nothing (no segment): it is left out
    if (rx.length > 1) {
      const kept = simplify(rx, ry, tolSq);
      d += runPath(
        kept.map((i) => rx[i]!),
        kept.map((i) => ry[i]!),
      );
    }
    rx = [];
    ry = [];
  };
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      end();
      continue;
    }
    const X = tenths(x);
    const Y = tenths(y);
    if (rx.length > 0 && rx.at(-1) === X && ry.at(-1) === Y) continue;
    rx.push(X);
    ry.push(Y);
  }
  end();
  return d;
}

/** One path of circles of radius `r` px centred on the points (two arcs each), for markers drawn alike. */
export function circlesPath(points: readonly (readonly [number, number])[], r: number): string {
  const R = tenthsText(tenths(r));
  const D = tenths(2 * r);
  const arc = (dx: number) => `a${joinNumbers([R, R, '0', '1', '0', tenthsText(dx), '0'])}`;
  return points
    .map(([x, y]) => `M${joinNumbers([tenthsText(tenths(x) - tenths(r)), tenthsText(tenths(y))])}${arc(D)}${arc(-D)}`)
    .join('');
}

/**
 * The absolute vertices of path data written by {@link polylinePath} or samplesToPath (sampling.ts) (M, l with
 * repeated pairs, h, v), one array per subpath — for tests and tools.
 */
export function polylineVertices(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  let x = 0;
  let y = 0;
  for (const m of d.matchAll(/([MlhvLHV])([^MlhvLHVa]*)/g)) {
    const nums = (m[2]!.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    const c = m[1]!;
    if (c === 'M') {
      x = nums[0]!;
      y = nums[1]!;
      out.push([[x, y]]);
    } else if (c === 'l') {
      for (let i = 0; i + 1 < nums.length; i += 2) {
        x += nums[i]!;
        y += nums[i + 1]!;
        out.at(-1)!.push([x, y]);
      }
    } else if (c === 'h') {
      x += nums[0]!;
      out.at(-1)!.push([x, y]);
    } else if (c === 'v') {
      y += nums[0]!;
      out.at(-1)!.push([x, y]);
    }
  }
  return out;
}

/** A coordinate for an SVG attribute, to 0.1 px (`115.08542713567839` → 115.1). */
export const px = (v: number): number => Math.round(v * 10) / 10 + 0; // + 0: never -0
