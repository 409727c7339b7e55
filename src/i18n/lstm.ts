/**
 * Text of the core article's LSTM figures: the cell explorer (`cell`), "up and down" and the growth of the cell
 * state. The explorer's presets, notes, text alternative and data table are here too, so src/figures/lstm/explorer.ts
 * keeps only logic.
 */
import { localised, type Localised } from './core.ts';

type PresetText = { readonly label: string; readonly description: string };

export interface CellStrings {
  /** The button that opens “Use my own weights” (src/components/byo/). */
  readonly useOwn: string;
  readonly title: string;
  /** Caption (rich markup, src/i18n/rich.ts). */
  readonly caption: string;
  readonly presets: string;
  readonly reset: string;
  readonly resetLabel: string;
  readonly preset: {
    readonly remember: PresetText;
    readonly forget: PresetText;
    readonly writePositive: PresetText;
    readonly writeNegative: PresetText;
    readonly saturated: PresetText;
  };
  readonly startText: string;
  readonly ownText: string;
  readonly rolesLabel: string;
  readonly roleGate: string;
  readonly roleCandidate: string;
  readonly roleOutput: string;
  readonly gatesLabel: string;
  readonly gatesHead: string;
  readonly gatesHeadNote: string;
  readonly valuesLabel: string;
  readonly valuesHead: string;
  readonly valuesHeadNote: string;
  readonly oldMemory: string;
  readonly kept: string;
  readonly written: string;
  readonly newMemory: string;
  readonly squashed: string;
  readonly output: string;
  readonly comingIn: string;
  readonly gateName: { readonly i: string; readonly f: string; readonly g: string; readonly o: string };
  readonly inputX: string;
  readonly prevHidden: string;
  readonly prevCell: string;
  readonly inputWeight: (gate: string) => string;
  readonly recurrentWeight: (gate: string) => string;
  readonly bias: (gate: string) => string;
  readonly exactValue: (name: string) => string;
  readonly dataCaption: string;
  // Notes under the bars.
  readonly noteOverflow: string;
  readonly gateNames: { readonly i: string; readonly f: string; readonly o: string };
  readonly noteGateOutside: (gate: string, v: string) => string;
  readonly noteGateNegative: string;
  readonly noteGateAmplifies: string;
  readonly noteCandidateNonNegative: (name: string) => string;
  readonly noteOutputUnbounded: (h: string, name: string) => string;
  readonly noteOutputDead: (name: string) => string;
  readonly noteSaturated: (gate: string, slope: string, value: string) => string;
  /** Shown when there is no note, so the notes keep their place (and the figure its height) while a slider moves. */
  readonly noteNone: string;
  // Text alternative and data table.
  readonly description: (
    gate: string,
    cand: string,
    out: string,
    x: string,
    h: string,
    c: string,
    i: string,
    f: string,
    o: string,
    g: string,
    kept: string,
    written: string,
    cNew: string,
    hNew: string,
  ) => string;
  readonly columns: readonly [string, string, string];
  readonly rowInput: string;
  readonly rowPrevHidden: string;
  readonly rowPrevCell: string;
  readonly rowKept: string;
  readonly rowWritten: string;
}

export const CELL: Localised<CellStrings> = /* @__PURE__ */ localised('CELL');

export interface UpDownStrings {
  readonly title: string;
  readonly runningSum: string;
  readonly candidate: (name: string) => string;
  readonly target: string;
  readonly mse: (name: string, mse: string) => string;
  readonly trainedC: (label: string) => string;
  readonly description: (seed: string, T: string, lo: string, hi: string, hand: string, tc: string, ty: string) => string;
  readonly caption: (gateBias: string, gate: string, seed: string, steps: string) => string;
  readonly dataCaption: string;
  /** The Data view's link to the full table, on the appendix. */
  readonly dataAt: string;
  readonly handHeading: string;
  readonly handLabel: string;
  readonly trainedHeading: string;
  readonly trainedLabel: string;
  readonly predHeading: string;
  readonly predLabel: string;
}

export const UPDOWN: Localised<UpDownStrings> = /* @__PURE__ */ localised('UPDOWN', {
  en: {
    title: 'Up and down.',
    runningSum: 'running sum of x',
    candidate: (name) => `${name} candidate`,
    target: 'target (running sum / √T)',
    mse: (name, mse) => `${name}: MSE ${mse}`,
    trainedC: (label) => `trained c, ${label}`,
    description: (seed, T, lo, hi, hand, tc, ty) =>
      `The input sequence (seed ${seed}, ${T} steps) moves up and down; its running sum goes from ${lo} to ${hi}. ` +
      `Hand-set cell — ${hand}. Trained one-unit cells, cell state — ${tc}. Trained one-unit cells, prediction — ${ty}.`,
    caption: (gateBias, gate, seed, steps) =>
      `Top: the input {x_t} (a mark up for +1, down for −1) and, with every gate held open (bias ${gateBias}, so {i} = {f} = {o} = ${gate}) and {z_g} = {x_t}, ` +
      `the cell state of the same cell with three candidate activations. Middle and bottom: one-unit LSTMs *trained* on this task ` +
      `(seed ${seed}, Adam, ${steps} steps at most), on the same sequence. Only tanh’s cell state goes below zero.`,
    dataCaption: 'Input, running sum and cell states at every step (4 significant digits).',
    dataAt: 'Every plotted value, step by step: the table in the appendix',
    handHeading: 'Hand-set: the cell adds g every step',
    handLabel: 'Cell state of the hand-set cell with each candidate',
    trainedHeading: 'Trained, one unit: cell state',
    trainedLabel: 'Cell state of the trained one-unit cells',
    predHeading: 'Trained, one unit: prediction and target',
    predLabel: 'Predictions of the trained one-unit cells and the target',
  },
});

export interface GrowthStrings {
  readonly title: string;
  readonly value: string;
  readonly bound: string;
  readonly cell: string;
  readonly hIdentity: string;
  readonly hTanh: (x: string) => string;
  readonly hRelu: (x: string) => string;
  readonly caption: (T: string, x: string, io: string, f: string, wg: string, g: string, steady: string, h: string) => string;
  readonly description: (first: string, second: string) => string;
  readonly dataCaption: string;
  /** The Data view's link to the full table, on the appendix. */
  readonly dataAt: string;
  readonly cellHeading: string;
  readonly cellLabel: string;
  readonly outHeading: string;
  readonly outLabel: string;
}

export const GROWTH: Localised<GrowthStrings> = /* @__PURE__ */ localised('GROWTH', {
  en: {
    title: 'The cell state is not bounded; tanh bounds the output.',
    value: 'value',
    bound: 'the bound |c| ≤ t',
    cell: 'cell state c',
    hIdentity: 'h with an identity or ReLU output',
    hTanh: (x) => `h with a tanh output, x = ${x}`,
    hRelu: (x) => `h with a ReLU output, x = ${x}`,
    caption: (T, x, io, f, wg, g, steady, h) =>
      `One unit, ${T} steps of the constant input {x} = ${x}; the gates are set by their biases alone ({i} = {o} = ${io}, {f} = ${f}) and the candidate is ` +
      `{g} = tanh(${wg}·{x}) = ${g}. The cell state climbs towards ${steady} = {i}·{g}/(1 − {f}); with a tanh output, {h_t} stays at ${h}.`,
    description: (first, second) => `${first}. Hidden state, second panel — ${second}.`,
    dataCaption: 'Every 10th step (4 significant digits). With the positive input the ReLU output equals the identity output.',
    dataAt: 'The plotted values, every 10th step: the table in the appendix',
    cellHeading: 'Cell state, and the output without squashing',
    cellLabel: 'Cell state and unsquashed hidden state over the steps',
    outHeading: 'The output with tanh (and ReLU on a negative memory)',
    outLabel: 'Hidden state with a tanh output for positive and negative input, and with a ReLU output for negative input',
  },
});

export interface SeriesStrings {
  readonly describe: (label: string, lo: string, hi: string, last: string) => string;
  readonly join: string;
}

export const SERIES: Localised<SeriesStrings> = /* @__PURE__ */ localised('SERIES', {
  en: {
    describe: (label, lo, hi, last) => `${label}: from ${lo} to ${hi}, ending at ${last}`,
    join: '; ',
  },
});
