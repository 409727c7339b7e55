/**
 * The mean output of an activation for a standard normal input, E f(Z) with Z ~ N(0, 1), by quadrature: the sense
 * in which an output is centred on zero (LeCun et al. 1998, §4.3). Build-time only (the property table, the article's
 * numbers), kept apart from ./analysis.ts, which the figures ship to the browser.
 */
import type { Fn } from './sampling';

/**
 * The quadrature of {@link gaussianMean}: the half-width of the range (the normal density is below 10⁻³¹ beyond it)
 * and the width of a Simpson panel (every kink of the registry, 0, ±1 and ±3, is a panel boundary).
 */
export const GAUSSIAN_MEAN = Object.freeze({ halfWidth: 12, panel: 0.01 });

/**
 * The mean output E[f(Z)] for a standard normal input Z ~ N(0, 1). Composite Simpson on [−12, 12] with panels of
 * width 0.01 ({@link GAUSSIAN_MEAN}), whose boundaries fall on the registry's kinks, so piecewise functions integrate as accurately as smooth ones (about
 * 10⁻¹⁰ for functions that grow at most linearly).
 */
export function gaussianMean(f: Fn): number {
  const L = GAUSSIAN_MEAN.halfWidth;
  const n = 2 * Math.round((2 * L) / GAUSSIAN_MEAN.panel);
  const h = (2 * L) / n;
  const g = (z: number) => f(z) * Math.exp(-0.5 * z * z);
  let s = g(-L) + g(L);
  for (let k = 1; k < n; k++) s += (k % 2 === 1 ? 4 : 2) * g(-L + k * h);
  return (s * h) / 3 / Math.sqrt(2 * Math.PI);
}
