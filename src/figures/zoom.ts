/**
 * The x domain a figure's zoom slider sets: the slider gives a half-width, the domain keeps its centre (moved only as
 * far as the limits require). Pure, so the islands' sliders and the tests share one definition.
 */
import type { Interval } from './scale';

/** The interval a zoomable x domain must stay inside (a figure's `Z_LIMITS`, `D2_LIMITS`, …). */
export interface ZoomLimits {
  readonly min: number;
  readonly max: number;
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
