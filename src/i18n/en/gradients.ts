/**
 * English text of the tables in ../gradients.ts (loaded by the English entry of the GradientFlow island,
 * src/components/gradients/GradientFlow.tsx, the server and the tests; Chinese pages load none of it; see ../core.ts).
 */
import { register } from '../core.ts';
import type { GradientStrings } from '../gradients.ts';

const EN: {
  readonly GRADIENTS: GradientStrings;
} = {
  GRADIENTS: {
    takeAway: 'Weights & PyTorch script',
    useOwn: 'Use my own weights',
    title: 'Gradient norms through time.',
    dataCaption:
      '‖∂L/∂h_t‖ and the other curves at about 20 lags (3 significant digits; orders of magnitude outside the float64 range).',
    presets: 'Presets',
    tryLabel: 'Try:',
    preset: {
      bptt: {
        default: 'tanh, ρ = 1',
        sigmoid: 'σ',
        identity: 'identity, ρ = 0.9',
        gauss: 'Gaussian W',
        relu3: 'ReLU, ρ = 3, T = 1000',
        tiny: 'σ, ρ = 0.05, T = 1000',
      },
      cec: {
        default: 'forget bias 1',
        bf0: 'forget bias 0',
        bf5: 'forget bias 5',
        r0: 'ρ = 0',
        gru: 'GRU, update bias 2',
      },
    },
    network: 'Network',
    settings: 'Settings',
    cell: 'Cell',
    cellNames: { rnn: 'vanilla RNN', lstm: 'LSTM', gru: 'GRU' },
    activationRnn: 'Activation φ',
    activationCell: 'Candidate activation',
    weightOrth: 'ρ × orthogonal',
    weightGauss: 'Gaussian, radius ρ',
    scale: 'Scale ρ',
    scaleValue: (v) => `recurrent weight scale ρ = ${v}`,
    length: 'Length T',
    lengthValue: (v) => `sequence length T = ${v}`,
    forgetBias: 'Forget bias',
    updateBias: 'Update bias',
    forgetBiasValue: (v) => `forget-gate bias ${v}`,
    updateBiasValue: (v) => `update-gate bias ${v}`,
    seed: 'Seed',
    plotLabel: (cell) => `Gradient norms against the lag, ${cell}`,
    factsRnn: (gamma, norm, radius, factor) =>
      `${gamma}, ‖W‖ = ${norm} (spectral radius ${radius}): the bound’s factor per step is γ‖W‖ = ${factor}.`,
    factsGate: (which, mean, bias, value) =>
      `Mean ${which} over all units and steps: ${mean}; from the bias alone it would be σ(${bias}) = ${value}.`,
    meanForget: 'forget gate f',
    meanUpdate: 'update gate z',
    computing: (T) => `Computing T = ${T}…`,
    legend: 'Legend',
    cursorLag: (label) => `${label}: cursor lag`,
    lagAxis: 'lag T − t →',
    normAxis: 'gradient norm (log scale)',
    readoutLag: (k, t) => `lag ${k} (t = ${t})`,
    valueText: (k, step, values) => `lag ${k} (step ${step}): ${values}`,
    overflow: (approx) => `overflow (≈ ${approx})`,
    underflow: (limit, approx) => `underflow below ${limit} (≈ ${approx})`,
    exactlyZero: 'exactly 0',
    undefinedNorm: 'undefined (the forward pass overflowed)',
    overStrip: (limit) => `overflow: above ${limit}`,
    underStripBoth: (limit) => `below ${limit} or exactly 0`,
    underStrip: (limit) => `underflow: below ${limit}`,
    cellPath: 'cell path alone ‖∂L/∂c_T ⊙ Π f‖',
    updatePath: 'direct path alone ‖v ⊙ Π z‖',
    bound: (gamma, norm) => `bound (γ‖W‖)^lag = (${gamma} × ${norm})^lag`,
    cellPathShort: 'cell path alone',
    updatePathShort: 'direct path alone',
    boundShort: 'bound',
    setupRnn: (a) => `vanilla RNN, φ = ${a}`,
    setupLstm: (a, bf) => `LSTM (σ gates, ${a} candidate and cell output), forget bias ${bf}`,
    setupGru: (a, bf) => `GRU (σ gates, ${a} candidate), update-gate bias ${bf}`,
    initOrth: 'ρ × random orthogonal',
    initGauss: 'Gaussian rescaled to spectral radius ρ',
    weights: (init, r, norm) => `W_hh = ${init}, ρ = ${r} (‖W‖ = ${norm})`,
    eventOverflow: (label, limit, lag) => `${label} overflows float64 (above ${limit}) from lag ${lag}`,
    eventUnderflow: (label, limit, lag) => `${label} underflows below ${limit} from lag ${lag}`,
    eventZero: (label, lag) => `${label} is exactly 0 from lag ${lag}`,
    eventJoin: '; ',
    eventUndefined: (label, lag) => `${label} is undefined from lag ${lag} (the forward pass overflowed)`,
    noEvents: (curves, low, high) => `No underflow, no overflow: ${curves} between ${low} and ${high} at every lag shown.`,
    and: ' and ',
    whyHuge: (step, T) =>
      `h (or c) grows beyond 10¹⁵⁴ from step ${step} of ${T} on and later overflows float64; backpropagation multiplies such values and overflows too`,
    whyNonFinite: (step, T) => `h (or c) is not a finite number from step ${step} of ${T} on`,
    overflowNotice: (why, T, shown, last) =>
      `The forward pass overflowed: ${why}, so the loss at step ${T} and its gradient do not exist in float64. ` +
      `Shown instead: the loss at step ${shown}, the last step before that (lags 0 to ${last}).`,
    clipNaN: 'is not a number',
    clipInf: 'overflowed float64',
    clipBroken: (what, t) =>
      `‖∂L/∂θ‖ over all parameters ${what}: clipping to ${t} cannot repair it (rescaling an infinite gradient gives no number at all), so such a training step has to be skipped.`,
    clipBelow: (norm, t) => `‖∂L/∂θ‖ over all parameters = ${norm}: below ${t}, clipping leaves it unchanged.`,
    clipped: (norm, t, after, factor) =>
      `‖∂L/∂θ‖ over all parameters = ${norm}; clipped to norm ${t} it becomes ${after} (every entry × ${factor}, same direction).`,
    describeFirst: (setup, hidden, weights, T, seed) =>
      `${setup}, ${hidden} units; ${weights}; T = ${T}, seed ${seed}. Loss L = vᵀh_T.`,
    describeCurve: (label, v0, vMid, mid, vLast, last) =>
      `${label}: ${v0} at lag 0, ${vMid} at lag ${mid}, ${vLast} at lag ${last}.`,
    stop: '.',
    lagColumn: 'lag T − t',
    stepColumn: 'step t',
    gamma: (sym, v) => `γ = max |${sym}′| = ${v}`,
    activationOption: (name, gamma) => `${name} (γ = ${gamma})`,
  },
};

register('en', EN);
