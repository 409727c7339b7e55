import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { circlesPath, polylinePath, polylineVertices, px, tenthsText } from '../../src/figures/polyline';

/** Distance from (x, y) to the polyline `line`. */
function distance([x, y]: readonly [number, number], line: readonly [number, number][]): number {
  if (line.length === 1) return Math.hypot(x - line[0]![0], y - line[0]![1]);
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1]!;
    const [bx, by] = line[i]!;
    const len = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len));
    best = Math.min(best, Math.hypot(ax + t * (bx - ax) - x, ay + t * (by - ay) - y));
  }
  return best;
}

describe('polylinePath', () => {
  it('writes an absolute M, then relative pairs after one l, horizontal and vertical steps as h and v, to 0.1 px', () => {
    expect(polylinePath([10, 12.94, 15, 15, 20], [20, 19.2, 21, 25, 25])).toBe('M10 20l2.9-.8 2.1 1.8v4h5');
    expect(tenthsText(-3)).toBe('-.3');
    expect(tenthsText(15)).toBe('1.5');
    expect(tenthsText(20)).toBe('2');
    expect(tenthsText(0)).toBe('0');
  });

  it('drops points exactly on a straight run (on the 0.1 px grid), never a corner or a point where the line turns back', () => {
    expect(polylinePath([0, 1, 2, 3, 4], [0, 1, 2, 3, 4])).toBe('M0 0l4 4');
    expect(polylinePath([0, 1, 2, 1], [0, 0, 0, 0])).toBe('M0 0h2h-1');
    expect(polylinePath([0, 1, 2, 3], [0, 1, 2, 2])).toBe('M0 0l2 2h1');
  });

  it('lifts the pen at every non-finite coordinate and writes nothing that would draw nothing (a lone point)', () => {
    expect(polylinePath([0, 1, NaN, 3, 4, 5], [0, 1, 5, 3, 4, 5])).toBe('M0 0l1 1M3 3l2 2');
    expect(polylinePath([0, 1, NaN, 3, 4], [0, 1, 5, 3, Infinity])).toBe('M0 0l1 1');
    expect(polylinePath([NaN], [1])).toBe('');
    expect(polylinePath([], [])).toBe('');
  });

  it('keeps every point within the tolerance (plus the 0.05 px of rounding) of what it draws, and both ends exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -500, max: 500, noNaN: true }), { minLength: 2, maxLength: 120 }),
        fc.constantFrom(0, 0.2, 0.5, 2),
        (ys, tolerance) => {
          const xs = ys.map((_, i) => i * 3.3);
          const [line, ...rest] = polylineVertices(polylinePath(xs, ys, tolerance));
          expect(rest).toEqual([]);
          const [first, last] = [line![0]!, line!.at(-1)!];
          for (const [got, want] of [
            [first[0], px(xs[0]!)],
            [first[1], px(ys[0]!)],
            [last[0], px(xs.at(-1)!)],
            [last[1], px(ys.at(-1)!)],
          ] as const)
            expect(got).toBeCloseTo(want, 6);
          for (let i = 0; i < xs.length; i++) expect(distance([xs[i]!, ys[i]!], line!)).toBeLessThan(tolerance + 0.071 + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('simplifies a smooth curve to a fraction of its points', () => {
    const xs = Array.from({ length: 200 }, (_, i) => 46 + i * 2.9);
    const ys = xs.map((x) => 226 - 200 * (1 - Math.exp(-(x - 46) / 400)));
    const d = polylinePath(xs, ys, 0.2);
    expect(polylineVertices(d)[0]!.length).toBeLessThan(40);
    expect(d.length).toBeLessThan(xs.length * 2);
  });
});

describe('circlesPath', () => {
  it('draws one circle (two arcs) per point, in one path', () => {
    expect(circlesPath([[10, 20]], 2.8)).toBe('M7.2 20a2.8 2.8 0 1 0 5.6 0a2.8 2.8 0 1 0-5.6 0');
    expect(
      circlesPath(
        [
          [10, 20],
          [30, 5],
        ],
        2.8,
      ).match(/M/g),
    ).toHaveLength(2);
    expect(circlesPath([], 2.8)).toBe('');
  });
});
