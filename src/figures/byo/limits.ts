/**
 * The settings of "Use my own weights" that the page needs before anything is computed (no imports, so the panel's
 * chunk takes nothing from the pages' shared chunks).
 *
 * @module
 */

/** Defaults and limits of the probe, per figure. */
export const PROBE = Object.freeze({
  cell: Object.freeze({ T: 20, minT: 1, maxT: 200 }),
  flow: Object.freeze({ T: 100, minT: 2, maxT: 1000 }),
  seed: 1,
});

/**
 * Largest hidden size a page computes: 1024, or 512 on a device that reports less than 2 GB of memory
 * (`navigator.deviceMemory`, Chromium only; an unknown device counts as large enough).
 */
export function hiddenLimit(deviceMemoryGb?: number): number {
  return deviceMemoryGb !== undefined && deviceMemoryGb < 2 ? 512 : 1024;
}

/**
 * A whole number a reader typed into one of the panel's fields, rounded and clamped to [min, max]; `undefined` for an
 * empty field or anything that is not a finite number (the field then shows its current value again).
 */
export function wholeNumberIn(text: string, min: number, max: number): number | undefined {
  const v = wholeNumber(text);
  return v === undefined ? undefined : Math.min(max, Math.max(min, v));
}

/** The number of steps a reader typed into the probe's field: {@link wholeNumberIn} the figure's range. */
export function probeSteps(figure: 'cell' | 'flow', text: string): number | undefined {
  return wholeNumberIn(text, PROBE[figure].minT, PROBE[figure].maxT);
}

/** The probe's seed a reader typed: a whole number ≥ 0 (rounded), else `undefined`. */
export function probeSeed(text: string): number | undefined {
  const v = wholeNumber(text);
  return v !== undefined && v >= 0 ? v : undefined;
}

function wholeNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const v = Math.round(Number(text));
  return Number.isFinite(v) ? v : undefined;
}
