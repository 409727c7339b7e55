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
 * The number of steps a reader typed into the probe's field, rounded and clamped to the figure's range; `undefined`
 * for an empty field or anything that is not a finite number (the field then shows the current value again).
 */
export function probeSteps(figure: 'cell' | 'flow', text: string): number | undefined {
  const v = wholeNumber(text);
  return v === undefined ? undefined : Math.min(PROBE[figure].maxT, Math.max(PROBE[figure].minT, v));
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
