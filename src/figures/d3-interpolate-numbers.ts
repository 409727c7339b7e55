/**
 * A stand-in for `d3-interpolate` in the site's bundles (aliased in astro.config.mjs): the numbers-only part of it
 * that d3-scale uses.
 *
 * d3-scale's continuous scales interpolate their range with d3-interpolate's generic `interpolate`, which recognises
 * numbers, strings with numbers in them, colours, dates, arrays and objects — about 1.5 KB of gzipped JavaScript on
 * every page with a plot, plus d3-color (a CSS colour parser and the table of named colours, about 4 KB more). Every
 * scale on this site maps numbers to numbers, so only the number interpolator is ever reached; this module is that
 * interpolator, d3's own code (`a * (1 − t) + b * t`, so the same bits), and `interpolate` fails loudly for anything
 * but a number instead of interpolating it wrongly. Tests (vitest) import the real d3-interpolate, and
 * test/figures/d3-interpolate-numbers.test.ts holds this one to it.
 */
function unsupported(what: string): never {
  throw new Error(
    `d3-interpolate is not in the site bundles: scales here map numbers to numbers, not ${what}. ` +
      'To interpolate other values, remove the d3-interpolate alias in astro.config.mjs (see src/figures/d3-interpolate-numbers.ts).',
  );
}

/** d3's `interpolateNumber`: t ↦ a·(1 − t) + b·t. */
export function interpolateNumber(a: number, b: number): (t: number) => number {
  const a0 = +a;
  const b0 = +b;
  return (t) => a0 * (1 - t) + b0 * t;
}

/** d3's `interpolateRound`: the number interpolator, rounded. */
export function interpolateRound(a: number, b: number): (t: number) => number {
  const a0 = +a;
  const b0 = +b;
  return (t) => Math.round(a0 * (1 - t) + b0 * t);
}

/** d3's generic `interpolate`, for numbers only (the one case d3 sends to `interpolateNumber`). */
export function interpolate(a: unknown, b: unknown): (t: number) => number {
  if (typeof b !== 'number') unsupported(b === null ? 'null' : typeof b);
  return interpolateNumber(a as number, b);
}

/** d3's `piecewise`: one interpolator per pair of adjacent values, picked by t (sequential and diverging scales). */
export function piecewise(
  interp: ((a: number, b: number) => (t: number) => number) | readonly number[],
  values?: readonly number[],
): (t: number) => number {
  const f = typeof interp === 'function' ? interp : interpolate;
  const v = typeof interp === 'function' ? values! : interp;
  const n = v.length - 1;
  const parts = Array.from({ length: Math.max(n, 0) }, (_, k) => f(v[k]!, v[k + 1]!));
  return (t) => {
    const s = t * n;
    const k = Math.max(0, Math.min(n - 1, Math.floor(s)));
    return parts[k]!(s - k);
  };
}
