/**
 * What a slider's read-out needs to know about its range: the values the slider can take and the widest label they
 * give, so that the `<output>` beside it can keep one width (controls.tsx, `widest`) and a drag never re-wraps the
 * row of controls. Pure; the islands and the tests share it.
 */

/** Most values {@link sliderValues} enumerates; a finer range is sampled at this many evenly spaced steps. */
export const MAX_SLIDER_VALUES = 2001;

/**
 * The values of `<input type="range" min max step>`: min, min + step, …, up to max (and max itself, which a range
 * input also reaches). Beyond {@link MAX_SLIDER_VALUES} values, every k-th step, so that the list stays short.
 *
 * @throws RangeError if the range is empty or the step is not positive (a programming error).
 */
export function sliderValues(min: number, max: number, step: number): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max) && max >= min))
    throw new RangeError(`sliderValues: need finite min ≤ max, got ${min} and ${max}`);
  if (!(step > 0 && Number.isFinite(step))) throw new RangeError(`sliderValues: step must be positive, got ${step}`);
  const steps = Math.floor((max - min) / step + 1e-9);
  const stride = Math.max(1, Math.ceil((steps + 1) / MAX_SLIDER_VALUES));
  // min + k·step rounded to the decimals of min and step, as the input's value string has them (3 × 0.1 is 0.3 there,
  // not 0.30000000000000004).
  const digits = Math.max(decimals(min), decimals(step));
  const out: number[] = [];
  for (let k = 0; k <= steps; k += stride) out.push(Number((min + k * step).toFixed(digits)));
  if (out[out.length - 1] !== max) out.push(max);
  return out;
}

/** Digits after the decimal point in the shortest form of `x` (at most 20, for `toFixed`). */
function decimals(x: number): number {
  const [mantissa = '', exponent = '0'] = String(x).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.min(20, Math.max(0, fraction - Number(exponent)));
}

/**
 * The longest of `label(v)` over the slider's values (the first of equal length): with tabular figures, the widest
 * read-out the slider can show.
 */
export function widestLabel(min: number, max: number, step: number, label: (v: number) => string): string {
  let widest = '';
  for (const v of sliderValues(min, max, step)) {
    const s = label(v);
    if (s.length > widest.length) widest = s;
  }
  return widest;
}
