/**
 * The widest read-out a slider can show, so that the `<output>` beside it can keep one width (controls.tsx,
 * `widest`) and a drag never re-wraps the row of controls. Pure; the islands and the tests share it.
 */

/**
 * The longest of `label(v)` for v at the slider's two ends and the steps next to them (min, min + step, max − step,
 * max; the first of equal length), each cleared of binary rounding noise as the range input's value is (8 − 0.05 is
 * 7.95 there, not 7.9500000000000002). For read-outs whose length grows with the number's digits — every slider of the
 * site; test/figures/slider.test.ts checks each against all its values — that is the widest.
 */
export function widestLabel(min: number, max: number, step: number, label: (v: number) => string): string {
  let widest = '';
  for (const v of [min, min + step, max - step, max]) {
    const s = label(Number(v.toPrecision(12)));
    if (s.length > widest.length) widest = s;
  }
  return widest;
}
