/**
 * The x domain a figure's zoom slider sets: the slider gives a half-width, the domain keeps its centre (moved only as
 * far as the limits require). Pure, so the islands' sliders and the tests share one definition.
 */
import { formatNumber } from './format';
import type { Interval } from './scale';

/** The interval a zoomable x domain must stay inside (a figure's `Z_LIMITS`, `D2_LIMITS`, …). */
export interface ZoomLimits {
  readonly min: number;
  readonly max: number;
}

/**
 * The widest read-out of a zoom slider whose half-width runs from 0.5 to `maxHalf` in steps of 0.5, written by
 * `display(lo, hi)` from the formatted ends: that of the centred domain of half-width `maxHalf − 0.5` (two decimals'
 * worth of digits and a minus; test/figures/slider.test.ts checks it against every value).
 */
export function zoomReadoutWidest(maxHalf: number, display: (lo: string, hi: string) => string): string {
  return display(formatNumber(0.5 - maxHalf), formatNumber(maxHalf - 0.5));
}

/**
 * The domain of half-width `half` centred where `domain` is centred, the centre clamped into
 * [limits.min + half, limits.max − half] so the domain lies inside the limits whenever 2·half ≤ limits.max − limits.min
 * (wider, it ends at limits.max). Its ends are never −0: the `+ 0` turns a −0 end into 0.
 */
export function zoomSliderDomain(domain: Interval, half: number, limits: ZoomLimits): Interval {
  const c = Math.min(limits.max - half, Math.max(limits.min + half, (domain[0] + domain[1]) / 2));
  return [c - half + 0, c + half + 0];
}
