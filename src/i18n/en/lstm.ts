/**
 * English text of the cell explorer's table in ../lstm.ts (loaded by the English entry of the CellExplorer island,
 * src/components/lstm/CellExplorer.tsx, the server and the tests; Chinese pages load none of it; see ../core.ts).
 */
import { register } from '../core.ts';
import type { CellStrings } from '../lstm.ts';

const EN: {
  readonly CELL: CellStrings;
} = {
  CELL: {
    useOwn: 'Use my own weights',
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
};

register('en', EN);
