/**
 * The sampling and path code writes into typed arrays and one byte buffer (no allocation per sample or segment, for
 * 60 fps drags). Its output must be exactly that of the plain formulation it replaced, kept here as the reference:
 * number arrays and one string per number and segment (src/figures/sampling.ts before 2026-11-27).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleFunction, samplesToPath, type Fn, type PixelMap, type Samples } from '../../src/figures/sampling';

// ---- The reference: the previous implementation, verbatim apart from names. ----
function refBeside(x: number, dir: -1 | 1): number {
  return x + dir * 1e-9 * Math.max(1, Math.abs(x));
}
function refSample(f: Fn, x0: number, x1: number, n: number, breaks: readonly number[], split: boolean): Samples {
  const count = Math.max(2, Math.floor(n));
  const inside = breaks.filter((b) => b > x0 && b < x1).toSorted((a, b) => a - b);
  const xs: number[] = [];
  const ys: number[] = [];
  let next = 0;
  for (let k = 0; k < count; k++) {
    const x = k === count - 1 ? x1 : x0 + ((x1 - x0) * k) / (count - 1);
    while (next < inside.length && inside[next]! <= x) {
      const b = inside[next]!;
      xs.push(refBeside(b, -1));
      ys.push(f(refBeside(b, -1)));
      if (split) {
        xs.push(b);
        ys.push(Number.NaN);
      } else {
        xs.push(b);
        ys.push(f(b));
      }
      xs.push(refBeside(b, 1));
      ys.push(f(refBeside(b, 1)));
      next++;
    }
    if (xs.length > 0 && x <= xs[xs.length - 1]!) continue;
    xs.push(x);
    ys.push(f(x));
  }
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}
const tenths = (v: number): number => Math.round(v * 10);
function num(t: number): string {
  if (t === 0) return '0';
  const sign = t < 0 ? '-' : '';
  const a = Math.abs(t);
  const whole = Math.floor(a / 10);
  const frac = a % 10;
  return `${sign}${whole === 0 && frac !== 0 ? '' : whole}${frac === 0 ? '' : `.${frac}`}`;
}
const pair = (a: number, b: number): string => `${num(a)}${b < 0 ? '' : ','}${num(b)}`;
class RefWriter {
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
function refClip(ax: number, ay: number, bx: number, by: number, top: number, bottom: number) {
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
  return [
    t0 === 0 ? ax : ax + t0 * dx,
    t0 === 0 ? ay : ay + t0 * dy,
    t1 === 1 ? bx : ax + t1 * dx,
    t1 === 1 ? by : ay + t1 * dy,
  ] as const;
}
function refPath(s: Samples, m: PixelMap): string {
  const { xs, ys } = s;
  const w = new RefWriter();
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
      if (qy >= m.top && qy <= m.bottom) {
        w.moveTo(qx, qy);
        penDown = true;
      }
      prevOk = true;
      px = qx;
      py = qy;
      continue;
    }
    const clipped = refClip(px, py, qx, qy, m.top, m.bottom);
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

// ---- Arbitrary functions with kinks, gaps, overflow and saturation. ----
const fns: readonly Fn[] = [
  Math.tanh,
  (x) => 1 / (1 + Math.exp(-x)),
  (x) => Math.max(0, x),
  (x) => (Math.abs(x) < 0.3 ? Number.NaN : 1 / x),
  (x) => (x < 0 ? -Infinity : Math.exp(40 * x)),
  (x) => Math.round(x), // flat runs: merged `h` segments, both directions
  (x) => Math.sin(7 * x) * 1e6,
  (x) => (x > 0.5 ? 1e300 : -x),
];

describe('sampleFunction and samplesToPath', () => {
  it('give exactly the samples and the path text of the string-based implementation they replaced', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: fns.length - 1 }),
        fc.double({ min: -50, max: 0, noNaN: true }),
        fc.double({ min: 0.001, max: 60, noNaN: true }),
        fc.integer({ min: 2, max: 900 }),
        fc.array(fc.double({ min: -60, max: 60, noNaN: true }), { maxLength: 4 }),
        fc.boolean(),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e5, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        (fi, x0, width, n, breaks, split, ox, sx, sy) => {
          const f = fns[fi]!;
          const x1 = x0 + width;
          const got = sampleFunction(f, x0, x1, n, { breaks, splitAtBreaks: split });
          const want = refSample(f, x0, x1, n, breaks, split);
          expect(got.xs).toEqual(want.xs);
          expect(got.ys).toEqual(want.ys);
          const m: PixelMap = { x: (v) => ox + v * sx, y: (v) => 300 - v * sy, top: 0, bottom: 290 };
          expect(samplesToPath(got, m)).toBe(refPath(want, m));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('write non-finite pixel positions (a degenerate scale) as the string formulation did, never as NUL bytes', () => {
    const s: Samples = { xs: Float64Array.of(0, 1, 2), ys: Float64Array.of(0, 1, 0) };
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      const m: PixelMap = { x: (v) => (v === 1 ? bad : v * 10), y: (v) => 100 - 50 * v, top: 0, bottom: 100 };
      const d = samplesToPath(s, m);
      expect(d).toBe(refPath(s, m));
      expect(d).not.toMatch(/\0/);
    }
  });

  it('write the numbers of very large coordinates as String() does', () => {
    const s: Samples = { xs: Float64Array.of(0, 1, 2, 3), ys: Float64Array.of(0, 1, 1, 0) };
    for (const scale of [1e14, 3.3e15, 9.1e20, 2.5e21, 1e300]) {
      const m: PixelMap = { x: (v) => v * scale, y: (v) => 100 - 50 * v, top: 0, bottom: 100 };
      expect(samplesToPath(s, m)).toBe(refPath(s, m));
    }
  });

  it('return a fresh string per path even when one path is very long (the byte buffer grows)', () => {
    const s = sampleFunction((x) => Math.sin(x) * 100, 0, 1000, 20_000);
    const m: PixelMap = { x: (v) => v * 3.7, y: (v) => 150 - v, top: 0, bottom: 300 };
    const d = samplesToPath(s, m);
    expect(d.length).toBeGreaterThan(8192);
    expect(d).toBe(refPath(s, m));
    const small = sampleFunction(Math.tanh, -3, 3, 10);
    expect(samplesToPath(small, m)).toBe(refPath(small, m));
    expect(samplesToPath(s, m)).toBe(d);
  });
});
