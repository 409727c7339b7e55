/** A function of one variable. */
export type Fn = (x: number) => number;

/** A linear map from a data interval to a pixel interval. */
export interface LinearMap {
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

/** Maps `v` through `m` (no clamping). */
export function mapLinear(m: LinearMap, v: number): number {
  const [d0, d1] = m.domain;
  const [r0, r1] = m.range;
  return r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/**
 * Samples `f` at `n` evenly spaced points on [x0, x1] and returns an SVG path in pixel space. Non-finite values
 * break the path (a gap), so a NaN or Infinity is never drawn as a line to the edge.
 */
export function svgPath(f: Fn, x: LinearMap, y: LinearMap, n = 200): string {
  const [x0, x1] = x.domain;
  let d = '';
  let pen = false;
  for (let k = 0; k < n; k++) {
    const xv = x0 + ((x1 - x0) * k) / (n - 1);
    const yv = f(xv);
    if (!Number.isFinite(yv)) {
      pen = false;
      continue;
    }
    const px = mapLinear(x, xv).toFixed(2);
    const py = mapLinear(y, yv).toFixed(2);
    d += `${pen ? 'L' : 'M'}${px},${py}`;
    pen = true;
  }
  return d;
}
