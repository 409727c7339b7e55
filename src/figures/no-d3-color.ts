/**
 * A stand-in for `d3-color` in the site's bundles (aliased in astro.config.mjs).
 *
 * d3-scale's continuous scales interpolate their range with d3-interpolate's generic `interpolate`, which imports
 * d3-color to recognise colour strings — about 4 KB of gzipped JavaScript (a CSS colour parser and the table of named
 * colours) on every page with a plot. Every scale on this site maps numbers to numbers, so that code is never reached;
 * the stand-in keeps it out of the bundles. Should a scale ever be given colours, it fails loudly here instead of
 * interpolating them wrongly. Tests (vitest) import the real d3-color.
 */
function unsupported(): never {
  throw new Error(
    'd3-color is not in the site bundles: scales here map numbers to numbers. ' +
      'To interpolate colours, remove the d3-color alias in astro.config.mjs (see src/figures/no-d3-color.ts).',
  );
}

/** d3-interpolate calls `color(string)` for string ranges, and tests `value instanceof color`. */
export function color(): never {
  return unsupported();
}
export const rgb = unsupported;
export const hsl = unsupported;
export const lab = unsupported;
export const hcl = unsupported;
export const cubehelix = unsupported;
