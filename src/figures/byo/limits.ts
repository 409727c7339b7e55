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
