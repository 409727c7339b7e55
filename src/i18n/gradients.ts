/**
 * Text of the article "Vanishing (and exploding) gradients through time": the gradient-flow figures (`bptt`, `cec`),
 * their read-outs and text alternative (src/figures/gradients/plot.ts) and presets. The build-time tables' words are in
 * ./gradient-tables.ts, which no island loads.
 */
import { localised, type Localised } from './core.ts';

export interface GradientStrings {
  /** The button that opens “Use my own weights” (src/components/byo/). */
  readonly useOwn: string;
  /** The button that offers the network's weights and a PyTorch script (src/components/export/). */
  readonly takeAway: string;
  readonly title: string;
  readonly dataCaption: string;
  readonly presets: string;
  readonly tryLabel: string;
  readonly preset: {
    readonly bptt: {
      readonly default: string;
      readonly sigmoid: string;
      readonly identity: string;
      readonly gauss: string;
      readonly relu3: string;
      readonly tiny: string;
    };
    readonly cec: {
      readonly default: string;
      readonly bf0: string;
      readonly bf5: string;
      readonly r0: string;
      readonly gru: string;
    };
  };
  readonly network: string;
  readonly settings: string;
  readonly cell: string;
  readonly cellNames: { readonly rnn: string; readonly lstm: string; readonly gru: string };
  readonly activationRnn: string;
  readonly activationCell: string;
  readonly weightOrth: string;
  readonly weightGauss: string;
  readonly scale: string;
  readonly scaleValue: (v: string) => string;
  readonly length: string;
  readonly lengthValue: (v: string) => string;
  /** Slider label text before the subscript b_f / b_z. */
  readonly forgetBias: string;
  readonly updateBias: string;
  readonly forgetBiasValue: (v: string) => string;
  readonly updateBiasValue: (v: string) => string;
  readonly seed: string;
  readonly plotLabel: (cell: string) => string;
  readonly factsRnn: (gamma: string, norm: string, radius: string, factor: string) => string;
  readonly factsGate: (which: string, mean: string, bias: string, value: string) => string;
  readonly meanForget: string;
  readonly meanUpdate: string;
  readonly computing: (T: string) => string;
  // LogPlot.
  readonly legend: string;
  readonly cursorLag: (label: string) => string;
  readonly lagAxis: string;
  readonly normAxis: string;
  readonly readoutLag: (k: string, t: string) => string;
  readonly valueText: (k: string, step: string, values: string) => string;
  // plot.ts: norms, strips, labels.
  readonly overflow: (approx: string) => string;
  readonly underflow: (limit: string, approx: string) => string;
  readonly exactlyZero: string;
  readonly undefinedNorm: string;
  readonly overStrip: (limit: string) => string;
  readonly underStripBoth: (limit: string) => string;
  readonly underStrip: (limit: string) => string;
  readonly cellPath: string;
  readonly updatePath: string;
  readonly bound: (gamma: string, norm: string) => string;
  readonly cellPathShort: string;
  readonly updatePathShort: string;
  readonly boundShort: string;
  readonly setupRnn: (a: string) => string;
  readonly setupLstm: (a: string, bf: string) => string;
  readonly setupGru: (a: string, bf: string) => string;
  readonly initOrth: string;
  readonly initGauss: string;
  readonly weights: (init: string, r: string, norm: string) => string;
  readonly eventOverflow: (label: string, limit: string, lag: string) => string;
  readonly eventUnderflow: (label: string, limit: string, lag: string) => string;
  readonly eventZero: (label: string, lag: string) => string;
  readonly eventJoin: string;
  readonly eventUndefined: (label: string, lag: string) => string;
  /** The facts list's events line when no measured norm leaves the plotted range (its place is kept, so the figure keeps its height). */
  readonly noEvents: (curves: string, low: string, high: string) => string;
  /** Joins two curve names in `noEvents`. */
  readonly and: string;
  readonly whyHuge: (step: string, T: string) => string;
  readonly whyNonFinite: (step: string, T: string) => string;
  readonly overflowNotice: (why: string, T: string, shown: string, last: string) => string;
  readonly clipNaN: string;
  readonly clipInf: string;
  readonly clipBroken: (what: string, t: string) => string;
  readonly clipBelow: (norm: string, t: string) => string;
  readonly clipped: (norm: string, t: string, after: string, factor: string) => string;
  readonly describeFirst: (setup: string, hidden: string, weights: string, T: string, seed: string) => string;
  readonly describeCurve: (label: string, v0: string, vMid: string, mid: string, vLast: string, last: string) => string;
  readonly stop: string;
  readonly lagColumn: string;
  readonly stepColumn: string;
  readonly gamma: (sym: string, v: string) => string;
  readonly activationOption: (name: string, gamma: string) => string;
}

export const GRADIENTS: Localised<GradientStrings> = /* @__PURE__ */ localised('GRADIENTS');
