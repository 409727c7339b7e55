/**
 * Text of the four function-plot figures of the article "Activation functions, side by side": the activation
 * explorer (`act`), σ → tanh (`morph`), the forum's sigmoid derivative (`errata`) and the second derivatives (`d2`),
 * and of the function plot they share. The words are in ./en/function-figures.ts and ./zh/function-figures.ts, each
 * loaded only by its language's entries of the four islands, so neither edition's bundles carry the other's, and no
 * other figure's page carries either (see ./core.ts).
 */
import { localised, type Localised } from './core.ts';

/**
 * Words of the function plot (src/components/figures/FunctionPlot.tsx), of its text alternative
 * (src/figures/function-plot.ts) and of the controls around it.
 */
export interface FunctionPlotStrings {
  /** Group label of a figure's controls. */
  readonly figureControls: string;
  readonly legend: string;
  /** Accessible name of a plot that is a slider. */
  readonly cursorPosition: (label: string) => string;
  /** Hint under an interactive plot; `pan` is `panHint` or ''. */
  readonly plotHint: (pan: string, lo: string, hi: string) => string;
  readonly panHint: string;
  /** Control label of a zoom slider ("z range ±"). */
  readonly zoomLabel: string;
  /** "−6 to 6" next to a zoom slider. */
  readonly rangeDisplay: (lo: string, hi: string) => string;
  // The text alternative of a function plot.
  readonly plottedFor: (domain: string) => string;
  readonly domain: (x: string, lo: string, hi: string) => string;
  readonly constant: (label: string, v: string) => string;
  readonly rises: (label: string, a: string, b: string) => string;
  readonly falls: (label: string, b: string, a: string) => string;
  readonly varies: (label: string, a: string, b: string) => string;
  readonly risesThenFalls: (label: string, a: string, b: string) => string;
  readonly fallsThenRises: (label: string, a: string, b: string) => string;
  readonly peaking: (x: string, v: string) => string;
  readonly lowest: (x: string, v: string) => string;
  /** Appends one extremum ("peaking at …") to a curve's sentence. */
  readonly oneExtremum: (e: string) => string;
  /** Appends both extrema ("peaking at …", "lowest at …"). */
  readonly twoExtrema: (peak: string, low: string) => string;
  readonly gaps: string;
  /** End of a sentence. */
  readonly stop: string;
  readonly shaded: (label: string, where: string) => string;
  /** Joins the shaded intervals. */
  readonly and: string;
  readonly allX: (x: string) => string;
}

export const FUNCTION_PLOT: Localised<FunctionPlotStrings> = /* @__PURE__ */ localised('FUNCTION_PLOT');

export interface ExplorerStrings {
  readonly title: (name: string) => string;
  readonly caption: string;
  readonly activation: string;
  readonly showFirst: string;
  readonly showSecond: string;
  /** The shading toggle: |f′| below `pct` % of its maximum. */
  readonly shade: (pct: string) => string;
  readonly zValueText: (lo: string, hi: string) => string;
  readonly plotLabel: (name: string) => string;
  /** Legend of the shading: |f′(z)| below `pct` % of its maximum `max`. */
  readonly shadingLabel: (fprime: string, pct: string, max: string) => string;
  readonly kinks: (where: string) => string;
  readonly nowhereSaturated: (fprime: string, pct: string) => string;
}

export const EXPLORER: Localised<ExplorerStrings> = /* @__PURE__ */ localised('EXPLORER');

export interface MorphStrings {
  readonly title: string;
  readonly caption: string;
  readonly slider: string;
  readonly slopeAt0: string;
  readonly valueText: (t: string, a: string, b: string, c: string, slope: string) => string;
  readonly plotLabel: string;
  readonly tangent: (slope: string) => string;
  readonly tangentShort: string;
  readonly atOne: (dev: string) => string;
  readonly atZero: string;
  readonly between: (dev: string) => string;
  readonly description: (
    t: string,
    formula: string,
    a: string,
    b: string,
    c: string,
    lo: string,
    hi: string,
    slope: string,
    sigmaSlope: string,
    tanhSlope: string,
  ) => string;
}

export const MORPH: Localised<MorphStrings> = /* @__PURE__ */ localised('MORPH');

export interface ErrataStrings {
  readonly title: string;
  readonly caption: string;
  readonly withParentheses: string;
  readonly asTyped: string;
  readonly plotLabel: string;
  readonly correct: string;
  readonly correctShort: string;
  readonly signError: string;
  readonly signErrorShort: string;
  readonly typed: string;
  readonly typedShort: string;
  /** What the figure shows, in words (its numbers follow in the curves' sentences, computed from the plot). */
  readonly description: string;
}

export const ERRATA: Localised<ErrataStrings> = /* @__PURE__ */ localised('ERRATA');

export interface SecondDerivativeStrings {
  readonly title: string;
  readonly caption: string;
  readonly firstDerivatives: string;
  readonly plotLabel: string;
  readonly peaks: (sv: string, sz: string, tv: string, tz: string) => string;
  readonly overlay: string;
}

export const SECOND_DERIVATIVES: Localised<SecondDerivativeStrings> = /* @__PURE__ */ localised('SECOND_DERIVATIVES');
