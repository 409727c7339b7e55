/**
 * Text of the core article's LSTM figures: the cell explorer (`cell`), "up and down" and the growth of the cell
 * state. The explorer's presets, notes, text alternative and data table are here too, so src/figures/lstm/explorer.ts
 * keeps only logic.
 */
import { localised, type Localised } from './core.ts';

type PresetText = { readonly label: string; readonly description: string };

export interface CellStrings {
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

export const CELL: Localised<CellStrings> = localised('CELL', {
  en: {
    title: 'The LSTM cell, one step.',
    caption:
      'Set what comes in (input {x}, previous hidden state {h_t−1}, previous cell state {c_t−1}), the weights of each gate block, and the activation function used in each role; every value is computed by this site’s LSTM library (one unit, PyTorch’s equations). Gate bars are drawn on 0 … 1, the other values on −2 … 2 (an arrow marks a value off the scale); the numbers are exact.',
    presets: 'Presets',
    reset: 'Reset',
    resetLabel: 'Reset every control to its starting value',
    preset: {
      remember: {
        label: 'Remember',
        description: 'Forget gate open, input gate closed: the old cell state passes through unchanged.',
      },
      forget: { label: 'Forget', description: 'Forget gate closed, input gate closed: the cell state is wiped to about 0.' },
      writePositive: {
        label: 'Write +',
        description: 'Forget gate closed, input gate open, candidate driven up: the cell state becomes about +1.',
      },
      writeNegative: {
        label: 'Write −',
        description:
          'The same, with the candidate driven down: about −1 with a tanh candidate — try a sigmoid or ReLU candidate here.',
      },
      saturated: {
        label: 'Saturated',
        description:
          'Large weights: every gate is pinned at 0 or 1 and the output at ±1, where the slopes (and gradients) are almost 0.',
      },
    },
    startText: 'The starting point: moderate weights, every gate partly open. Pick a preset, or move any slider.',
    ownText: 'Your own setting. Pick a preset, or move any slider.',
    rolesLabel: 'Activation function in each role',
    roleGate: 'Gates σ (i, f, o)',
    roleCandidate: 'Candidate ψ (g)',
    roleOutput: 'Cell output φ',
    gatesLabel: 'Gates: multipliers between 0 (closed) and 1 (open)',
    gatesHead: 'Gates',
    gatesHeadNote: '— multipliers, 0 = closed, 1 = open',
    valuesLabel: 'Signed values',
    valuesHead: 'Values',
    valuesHeadNote: '— signed, scale −2 … 2 (arrows: off the scale)',
    oldMemory: 'old memory',
    kept: 'kept',
    written: 'written',
    newMemory: 'new memory',
    squashed: 'squashed',
    output: 'output',
    comingIn: 'Coming in',
    gateName: { i: 'Input gate i', f: 'Forget gate f', g: 'Candidate g', o: 'Output gate o' },
    inputX: 'input x_t',
    prevHidden: 'previous hidden state h_t−1',
    prevCell: 'previous cell state c_t−1',
    inputWeight: (gate) => `${gate}, input weight w_x`,
    recurrentWeight: (gate) => `${gate}, recurrent weight w_h`,
    bias: (gate) => `${gate}, bias b`,
    exactValue: (name) => `${name}, exact value`,
    dataCaption: 'Every quantity of this step, as computed by the library (3 decimals).',
    noteOverflow:
      'A value overflowed: it is beyond the largest number a computer’s floating point can hold (about 1.8 × 10³⁰⁸). “—” marks a result that is undefined, such as 0 × overflow. tanh and σ in every slot cannot overflow.',
    gateNames: { i: 'input gate', f: 'forget gate', o: 'output gate' },
    noteGateOutside: (gate, v) => `The ${gate} is ${v}, outside [0, 1]: it no longer means “let this fraction through”`,
    noteGateNegative: ' — a negative gate flips the sign of what it multiplies.',
    noteGateAmplifies: ' — it amplifies what it multiplies.',
    noteCandidateNonNegative: (name) =>
      `A ${name} candidate is never negative, so i·g ≥ 0: the cell can be pushed up but never down (it can only shrink through the forget gate, and never below 0 if it starts at 0).`,
    noteOutputUnbounded: (h, name) =>
      `h_t = ${h} lies outside [−1, 1]: with ${name} as the cell output, h grows with the cell state.`,
    noteOutputDead: (name) =>
      `${name}(c_t) = 0 for a negative cell state: h_t is 0 whatever the cell holds, and no gradient flows back through it.`,
    noteSaturated: (gate, slope, value) =>
      `The ${gate} is saturated: its slope ${slope}(z) = ${value}, so a small change of its weights barely moves it and its gradient almost vanishes.`,
    noteNone:
      'Nothing to flag in this step: every value is finite, every gate lies in [0, 1] and none is saturated, and h_t lies in [−1, 1].',
    description: (gate, cand, out, x, h, c, i, f, o, g, kept, written, cNew, hNew) =>
      `One step of a one-unit LSTM with ${gate} gates, a ${cand} candidate and ${out} as the cell output. ` +
      `Coming in: x = ${x}, h(t−1) = ${h}, c(t−1) = ${c}. Gates: input i = ${i}, forget f = ${f}, output o = ${o}; candidate g = ${g}. ` +
      `New cell state c(t) = f·c(t−1) + i·g = ${kept} + ${written} = ${cNew}; new hidden state h(t) = o·φ(c(t)) = ${hNew}.`,
    columns: ['quantity', 'computed as', 'value'],
    rowInput: 'input',
    rowPrevHidden: 'previous hidden state',
    rowPrevCell: 'previous cell state',
    rowKept: 'kept',
    rowWritten: 'written',
  },
});

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
  readonly handHeading: string;
  readonly handLabel: string;
  readonly trainedHeading: string;
  readonly trainedLabel: string;
  readonly predHeading: string;
  readonly predLabel: string;
}

export const UPDOWN: Localised<UpDownStrings> = localised('UPDOWN', {
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
  readonly cellHeading: string;
  readonly cellLabel: string;
  readonly outHeading: string;
  readonly outLabel: string;
}

export const GROWTH: Localised<GrowthStrings> = localised('GROWTH', {
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

export const SERIES: Localised<SeriesStrings> = localised('SERIES', {
  en: {
    describe: (label, lo, hi, last) => `${label}: from ${lo} to ${hi}, ending at ${last}`,
    join: '; ',
  },
});
