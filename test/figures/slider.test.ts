import { describe, expect, it } from 'vitest';
import { MAX_SLIDER_VALUES, sliderValues, widestLabel } from '../../src/figures/slider';
import { formatNumber } from '../../src/figures/format';

describe('sliderValues, the values a range input can take', () => {
  it('runs from min to max in steps, without accumulated rounding', () => {
    expect(sliderValues(0, 1, 0.25)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(sliderValues(0, 0.3, 0.1)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(sliderValues(0, 1, 0.01)[35]).toBe(0.35); // 35 × 0.01 is 0.35000000000000003
    expect(sliderValues(-1, 1, 1e-7)).toContain(1);
    expect(sliderValues(0.5, 50, 0.5)).toHaveLength(100);
  });

  it('ends with max even when the step does not reach it, as a range input does', () => {
    expect(sliderValues(0, 1, 0.4)).toEqual([0, 0.4, 0.8, 1]);
  });

  it('samples a very fine range instead of listing every step', () => {
    const v = sliderValues(0, 1, 1e-6);
    expect(v.length).toBeLessThanOrEqual(MAX_SLIDER_VALUES + 1);
    expect(v[0]).toBe(0);
    expect(v.at(-1)).toBe(1);
  });

  it('rejects an empty range and a step that is not positive', () => {
    expect(() => sliderValues(1, 0, 0.1)).toThrow(RangeError);
    expect(() => sliderValues(0, 1, 0)).toThrow(RangeError);
    expect(() => sliderValues(0, Number.NaN, 0.1)).toThrow(RangeError);
  });
});

describe('widestLabel, the widest read-out of a slider', () => {
  it('is the longest label over the range (a zoom read-out: the decimals of 49.5, not the round 50)', () => {
    const half = (w: number) => `${formatNumber(-w)} to ${formatNumber(w)}`;
    expect(widestLabel(0.5, 50, 0.5, half)).toBe('−10.5 to 10.5');
    // The morph figure's t: two decimals at most, as the range input's value has them.
    expect(widestLabel(0, 1, 0.01, (t) => formatNumber(t, 3))).toBe('0.01');
  });

  it('keeps the first of equally long labels', () => {
    expect(widestLabel(1, 3, 1, (v) => ['a', 'bb', 'cc'][v - 1]!)).toBe('bb');
  });
});
