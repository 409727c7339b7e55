/**
 * Every number in the article "Why sigmoid gates and tanh in an LSTM?" (content/articles/why-sigmoid-and-tanh.mdx),
 * computed at build time by the site's numerical library (src/lib/nn). The article and its static figures import
 * {@link whySigmoidNumbers}; nothing in the prose is typed in.
 *
 * Every experiment is deterministic (fixed seeds, float64) and described by the constants it exports, which the
 * article quotes too. The qualitative claims the prose makes about the results are checked here
 * ({@link checkClaims}), so a change in the library that breaks a claim fails the build instead of leaving wrong text.
 *
 * @module
 */
import { wilson as wilsonInterval } from '../experiments/stats';
import { Activations, type ActivationKey } from '../lib/nn/activations';
import { createGru } from '../lib/nn/gru';
import { createLstm, type Lstm } from '../lib/nn/lstm';
import { createRng } from '../lib/nn/rng';
import { createRnn } from '../lib/nn/rnn';
import { HELD_OUT_SEED, HELD_OUT_SIZE, upDownTask } from '../lib/nn/tasks';
import { createTrainer, type TrainResult } from '../lib/nn/train';
import { bisectPredicate, decayPoint, maximize } from '../figures/analysis';
import { formatNumber } from '../figures/format';
import { applyPreset, computeCell } from '../figures/lstm/explorer';

/** The candidate activations compared in the article. */
export const CANDIDATES = ['tanh', 'sigmoid', 'relu'] as const satisfies readonly ActivationKey[];
export type Candidate = (typeof CANDIDATES)[number];

// ---------------------------------------------------------------------------------------------------------------
// Experiment settings (quoted by the article)
// ---------------------------------------------------------------------------------------------------------------

/** The "up and down" task and its training runs. */
export const UPDOWN = Object.freeze({
  /** Sequence length. */
  T: 50,
  /** Probability that a step is a move (+1 or −1). */
  moveProbability: 0.5,
  /** Training runs: hidden sizes. */
  hiddenSizes: [1, 2] as const,
  batchSize: 32,
  lr: 0.01,
  clip: 1,
  forgetBias: 1,
  steps: 1000,
  evalEvery: 100,
  /** The seed of the runs the figure shows (and the first of {@link UPDOWN.seeds}). */
  seed: 1,
  /** Every configuration (candidate × hidden size) is trained once per seed; the table reports k of n solved. */
  seeds: Object.freeze([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
  heldOutSize: HELD_OUT_SIZE,
  heldOutSeed: HELD_OUT_SEED,
  /** The displayed sequence: the first seed from here whose running sum reaches both ≤ −displayReach and ≥ +displayReach. */
  displaySeedFrom: 1,
  displayReach: 3,
});

/** The hand-set "accumulator" cell: every gate held open through its bias, the candidate reads the input. */
export const ACCUMULATOR = Object.freeze({
  /** Bias of i, f and o: σ(10) = 0.99995. */
  gateBias: 10,
  /** Input weight of the candidate: z_g = 1·x_t. */
  candidateWeight: 1,
});

/** The long-sequence growth demo: a constant input, gates fixed by their biases, no recurrent weights. */
export const GROWTH = Object.freeze({
  T: 200,
  x: 1,
  /** z_i = b_i, z_f = b_f, z_o = b_o; z_g = w_g·x. */
  bi: 3,
  bf: 6,
  bo: 3,
  wg: 1,
  /** Steps reported in the table. */
  checkpoints: [10, 50, 100, 200] as const,
});

/** Random-weight boundedness check (GRU, CIFG LSTM, standard LSTM). */
export const BOUNDED = Object.freeze({
  H: 8,
  T: 1000,
  B: 16,
  /** Every weight and bias ~ U(−weightRange, weightRange). */
  weightRange: 1,
  /** Inputs x_t ~ N(0, inputStd²). */
  inputStd: 2,
  weightSeed: 7,
  inputSeed: 42,
});

/** A gate value below this is "nearly shut", above 1 − this "nearly open" (measured on the trained tanh cells). */
export const GATE_EXTREME = 0.1;

/**
 * The memory-path comparison: an LSTM unit and a plain tanh RNN unit each hold a value v for {@link PRODUCT_STEPS}
 * steps, and the library's backpropagation gives ∂state_T/∂state_0 for each. The LSTM's forget gate is
 * {@link HOLD.forget}; the RNN's recurrent weight is {@link HOLD.rnnWeight} and its bias keeps v a fixed point.
 */
export const HOLD = Object.freeze({
  forget: 0.99,
  rnnWeight: 1,
  /** The stored values: 0, one half, and tanh(1) (the value a unit holds with pre-activation 1). */
  values: Object.freeze([0, 0.5, Activations.tanh.f(1)]),
});

/** "Below 1 % of its peak": the threshold for where a derivative has died out. */
export const DECAY_FRACTION = 0.01;

/** The vanishing-gradient arithmetic: a product over this many steps. */
export const PRODUCT_STEPS = 50;

// ---------------------------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------------------------

/** One training run on the up-and-down task. */
export interface TrainedRun {
  readonly candidate: Candidate;
  readonly H: number;
  readonly seed: number;
  readonly status: TrainResult['status'];
  /** Step at which the run ended (solved or budget). */
  readonly step: number;
  /** Held-out MSE at the end. */
  readonly mse: number;
  readonly solved: boolean;
  /** Smallest and largest cell state over every unit and step of the held-out set. */
  readonly cMin: number;
  readonly cMax: number;
  /** Per unit: fraction of held-out steps at which the candidate g is exactly 0. */
  readonly gZeroFraction: readonly number[];
  /** Readout weights (one per unit). */
  readonly readout: readonly number[];
  /** Cell states of unit 0 on the displayed sequence (H = 1 runs; also kept for H = 2, unit 0). */
  readonly cDisplay: readonly number[];
  /** Predictions on the displayed sequence. */
  readonly yDisplay: readonly number[];
  /** Held-out gate values (every unit and step) below {@link GATE_EXTREME} or above 1 − it, and their total. */
  readonly gateExtremes: { readonly i: number; readonly f: number; readonly o: number; readonly of: number };
}

/** What the runs of one configuration (candidate, hidden size) did over every seed of {@link UPDOWN.seeds}. */
export interface SeedSweep {
  readonly candidate: Candidate;
  readonly H: number;
  /** Runs (one per seed) and how many of them solved the task. */
  readonly n: number;
  readonly solved: number;
  /** 95 % Wilson interval of the solve rate. */
  readonly interval: readonly [number, number];
  /** Steps to solve over the solved runs (null if none solved). */
  readonly steps: { readonly median: number; readonly min: number; readonly max: number } | null;
  /** Held-out MSE at the end of the unsolved runs (null if every run solved). */
  readonly unsolvedMse: { readonly min: number; readonly max: number } | null;
  /** Lowest cell state over every run, unit and held-out step. */
  readonly cMin: number;
  /** Runs whose cell state went below zero somewhere on the held-out set. */
  readonly negativeRuns: number;
  /** Runs with a dead unit: its candidate is exactly 0 on every held-out step. */
  readonly deadRuns: number;
  /** Solved runs whose readout weights (H = 2) have opposite signs. */
  readonly oppositeReadoutSolved: number;
  readonly runs: readonly TrainedRun[];
}

export interface WhySigmoidNumbers {
  readonly derivatives: ReturnType<typeof derivativeNumbers>;
  readonly updown: ReturnType<typeof upDownNumbers>;
  readonly growth: ReturnType<typeof growthNumbers>;
  readonly bounded: ReturnType<typeof boundedNumbers>;
  readonly explorer: ReturnType<typeof explorerNumbers>;
  readonly hold: ReturnType<typeof holdNumbers>;
}

// ---------------------------------------------------------------------------------------------------------------
// Derivatives, costs and the forum's formulas
// ---------------------------------------------------------------------------------------------------------------

function derivativeNumbers() {
  const s = Activations.sigmoid;
  const t = Activations.tanh;
  const abs2 = (f: (z: number) => number) => (z: number) => Math.abs(f(z));
  const sPeak = maximize(abs2(s.d2f), 0, 6);
  const tPeak = maximize(abs2(t.d2f), 0, 6);
  const at = [5, 10] as const;
  // Beyond this z, |tanh″| < |σ″| for good (below it tanh″ is the larger one: it is 8 times taller).
  const crossover = bisectPredicate((z) => Math.abs(t.d2f(z)) < Math.abs(s.d2f(z)), 4, 1);
  // Where each |f″| has fallen below 1 % of its own peak for good: tanh″ dies out in half the range of σ″.
  const sDecay = decayPoint(s.d2f, DECAY_FRACTION * sPeak.value, 0, 40);
  const tDecay = decayPoint(t.d2f, DECAY_FRACTION * tPeak.value, 0, 40);
  // The forum's sigmoid derivative "−exp(−z)/1+exp(−z)^2", read literally with the usual precedence, and with the
  // brackets fixed but the sign kept.
  const forumLiteral = (z: number) => -Math.exp(-z) / 1 + Math.exp(-z) ** 2;
  const forumBracketed = (z: number) => -Math.exp(-z) / (1 + Math.exp(-z)) ** 2;
  const zCheck = 1;
  return {
    sigmoidMaxSlope: s.maxSlope.value,
    tanhMaxSlope: t.maxSlope.value,
    hardsigmoidSlope: Activations.hardsigmoid.maxSlope.value,
    /** PyTorch's hardsigmoid is flat (f′ = 0) for |z| ≥ this (its kinks). */
    hardsigmoidFlatBeyond: Math.max(...Activations.hardsigmoid.kinkAt),
    /** tf.keras's hard sigmoid clip(0.2z + 0.5, 0, 1) is flat for |z| ≥ 0.5/0.2. */
    kerasHardSigmoidFlatBeyond: KERAS_HARD_SIGMOID.offset / KERAS_HARD_SIGMOID.slope,
    /** tf.keras's hard sigmoid, clip(slope·z + offset, 0, 1): what the article writes (as text, not math). */
    kerasHardSigmoid: KERAS_HARD_SIGMOID,
    sigmoidCost: s.costOfDerivativeGivenOutput,
    tanhCost: t.costOfDerivativeGivenOutput,
    /** max |σ″| and where; max |tanh″| and where. */
    sigmoidD2Peak: { at: sPeak.x, value: sPeak.value },
    tanhD2Peak: { at: tPeak.x, value: tPeak.value },
    crossover,
    decay: { sigmoid: sDecay, tanh: tDecay },
    /** |σ″(z)| and |tanh″(z)| at a few z. */
    d2At: at.map((z) => ({ z, sigmoid: Math.abs(s.d2f(z)), tanh: Math.abs(t.d2f(z)) })),
    /** tanh″(z) = 8σ″(2z): the largest deviation over a grid of z ∈ [−10, 10]. */
    d2IdentityError: maxOverGrid((z) => Math.abs(t.d2f(z) - 8 * s.d2f(2 * z)), -10, 10, 2001),
    /** 2σ(z) − 1 = tanh(z/2) and 4σ(z) − 2 = 2 tanh(z/2): largest deviations over the same grid. */
    squashIdentityError: Math.max(
      maxOverGrid((z) => Math.abs(2 * s.f(z) - 1 - Activations.tanh.f(z / 2)), -10, 10, 2001),
      maxOverGrid((z) => Math.abs(4 * s.f(z) - 2 - 2 * Activations.tanh.f(z / 2)), -10, 10, 2001),
    ),
    forum: {
      z: zCheck,
      correct: s.df(zCheck),
      literal: forumLiteral(zCheck),
      bracketed: forumBracketed(zCheck),
    },
    /** tanh′(1): the slope of a tanh unit holding tanh(1). */
    tanhSlopeAt1: t.df(1),
  };
}

/** tf.keras's hard sigmoid up to TensorFlow 1.15: clip(slope·z + offset, 0, 1). */
const KERAS_HARD_SIGMOID = Object.freeze({ slope: 0.2, offset: 0.5 });

function maxOverGrid(f: (z: number) => number, a: number, b: number, n: number): number {
  let m = 0;
  for (let k = 0; k < n; k++) m = Math.max(m, f(a + ((b - a) * k) / (n - 1)));
  return m;
}

// ---------------------------------------------------------------------------------------------------------------
// Holding a value: the gradient along the LSTM's memory against a plain tanh RNN unit (like for like)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Each unit holds the value v for PRODUCT_STEPS steps with no input, and the library's backpropagation gives
 * ∂state_T/∂state_0 (a loss equal to the last state). The LSTM unit has no recurrent weights; its forget gate is
 * HOLD.forget (bias ln(f/(1 − f))) and its input gate ½ writes g = 2(1 − f)·v, so c stays at v. The tanh unit has the
 * recurrent weight w = HOLD.rnnWeight and the bias atanh(v) − w·v, so v is a fixed point of h = tanh(w·h + b).
 */
function holdNumbers() {
  const T = PRODUCT_STEPS;
  const zero = new Float64Array(T);
  const last = (n: number) => {
    const d = new Float64Array(n);
    d[n - 1] = 1;
    return d;
  };
  const f = HOLD.forget;
  const rows = HOLD.values.map((v) => {
    const lstm = createLstm({ inputSize: 1, hiddenSize: 1, init: 'zeros' });
    lstm.biasIh.w.set([0, Math.log(f / (1 - f)), Math.atanh(2 * (1 - f) * v), 0]);
    lstm.forward({ T, B: 1, I: 1, x: zero }, Float64Array.of(0), Float64Array.of(v));
    const cEnd = lstm.trace().c[T - 1]!;
    const lstmGrad = lstm.backward(new Float64Array(T), { dcLast: Float64Array.of(1), paramGrads: false }).dc0[0]!;
    const w = HOLD.rnnWeight;
    const rnn = createRnn({ inputSize: 1, hiddenSize: 1, init: 'zeros' });
    rnn.weightHh.w[0] = w;
    rnn.biasIh.w[0] = Math.atanh(v) - w * v;
    const hs = rnn.forward({ T, B: 1, I: 1, x: zero }, Float64Array.of(v));
    const rnnGrad = rnn.backward(last(T), { paramGrads: false }).dh0[0]!;
    return { v, lstmEnd: cEnd, lstmGrad, rnnEnd: hs[T - 1]!, rnnGrad };
  });
  return { steps: T, forget: f, rnnWeight: HOLD.rnnWeight, rows };
}

// ---------------------------------------------------------------------------------------------------------------
// The up-and-down task: hand-set accumulator and trained cells
// ---------------------------------------------------------------------------------------------------------------

/** Running sum of a ±1/0 sequence. */
function cumsum(u: readonly number[]): number[] {
  let s = 0;
  return u.map((v) => (s += v));
}

function displaySequence(): { seed: number; u: number[] } {
  const gen = upDownTask({ moveProbability: UPDOWN.moveProbability }).generator();
  for (let seed = UPDOWN.displaySeedFrom; seed < UPDOWN.displaySeedFrom + 1000; seed++) {
    const data = gen(createRng(seed), UPDOWN.T, 1);
    const u = Array.from(data.batch.x);
    const s = cumsum(u);
    if (Math.min(...s) <= -UPDOWN.displayReach && Math.max(...s) >= UPDOWN.displayReach) return { seed, u };
  }
  throw new Error('why-sigmoid numbers: no display sequence found');
}

/** The hand-set accumulator with candidate ψ, run on `u`: cell states c_0 … c_{T−1}. */
function accumulate(candidate: Candidate, u: readonly number[]): { c: number[]; gate: number } {
  const lstm = createLstm({ inputSize: 1, hiddenSize: 1, init: 'zeros', activations: { candidate: Activations[candidate] } });
  const b = ACCUMULATOR.gateBias;
  lstm.biasIh.w.set([b, b, 0, b]);
  lstm.weightIh.w.set([0, 0, ACCUMULATOR.candidateWeight, 0]);
  lstm.forward({ T: u.length, B: 1, I: 1, x: Float64Array.from(u) });
  const tr = lstm.trace();
  return { c: Array.from(tr.c), gate: tr.f[0]! };
}

function trainRun(candidate: Candidate, H: number, seed: number, display: readonly number[]): TrainedRun {
  const task = upDownTask({ moveProbability: UPDOWN.moveProbability });
  const trainer = createTrainer({
    makeLayer: ({ rng, inputSize }) =>
      createLstm({
        inputSize,
        hiddenSize: H,
        rng,
        forgetBias: UPDOWN.forgetBias,
        activations: { candidate: Activations[candidate] },
      }),
    task,
    T: UPDOWN.T,
    batchSize: UPDOWN.batchSize,
    optimizer: { kind: 'adam', lr: UPDOWN.lr },
    clip: UPDOWN.clip,
    steps: UPDOWN.steps,
    evalEvery: UPDOWN.evalEvery,
    seed,
    heldOutSize: UPDOWN.heldOutSize,
    heldOutSeed: UPDOWN.heldOutSeed,
  });
  let result: TrainResult | null = null;
  while (result === null) result = trainer.step().result;
  if (result.status !== 'solved' && result.status !== 'budget') {
    throw new Error(`why-sigmoid numbers: the ${candidate} run (H = ${H}) ended "${result.status}"`);
  }
  const lstm = trainer.layer as Lstm;
  // Held-out statistics (the same 1024 sequences the trainer scores on).
  const held = task.generator()(createRng(UPDOWN.heldOutSeed), UPDOWN.T, UPDOWN.heldOutSize);
  lstm.forward(held.batch);
  const tr = lstm.trace();
  let cMin = Infinity;
  let cMax = -Infinity;
  for (const v of tr.c) {
    if (v < cMin) cMin = v;
    if (v > cMax) cMax = v;
  }
  const gZeroFraction = Array.from({ length: H }, (_, j) => {
    let zero = 0;
    let n = 0;
    for (let k = j; k < tr.g.length; k += H) {
      n++;
      if (tr.g[k] === 0) zero++;
    }
    return zero / n;
  });
  const extreme = (v: Float64Array) => v.reduce((k, y) => k + (y < GATE_EXTREME || y > 1 - GATE_EXTREME ? 1 : 0), 0);
  const gateExtremes = { i: extreme(tr.i), f: extreme(tr.f), o: extreme(tr.o), of: tr.i.length };
  // The displayed sequence.
  const hs = lstm.forward({ T: display.length, B: 1, I: 1, x: Float64Array.from(display) });
  const cAll = lstm.trace().c;
  const cDisplay = Array.from({ length: display.length }, (_, t) => cAll[t * H]!);
  const y = trainer.readout.forward(hs, display.length, 1);
  return {
    candidate,
    H,
    seed,
    status: result.status,
    step: result.step,
    mse: result.evaluation.loss,
    solved: result.status === 'solved',
    cMin,
    cMax,
    gZeroFraction,
    readout: Array.from(trainer.params.at(-2)!.w),
    cDisplay,
    yDisplay: Array.from(y),
    gateExtremes,
  };
}

/** The 95 % Wilson interval of k/n as a pair (src/experiments/stats.ts computes it for every page). */
function wilson(k: number, n: number): [number, number] {
  const { lo, hi } = wilsonInterval(k, n);
  return [lo, hi];
}

function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function sweepOf(runs: readonly TrainedRun[]): SeedSweep {
  const first = runs[0]!;
  const solved = runs.filter((r) => r.solved);
  const unsolved = runs.filter((r) => !r.solved);
  const steps = solved.map((r) => r.step);
  const mse = unsolved.map((r) => r.mse);
  return {
    candidate: first.candidate,
    H: first.H,
    n: runs.length,
    solved: solved.length,
    interval: wilson(solved.length, runs.length),
    steps: steps.length ? { median: medianOf(steps), min: Math.min(...steps), max: Math.max(...steps) } : null,
    unsolvedMse: mse.length ? { min: Math.min(...mse), max: Math.max(...mse) } : null,
    cMin: Math.min(...runs.map((r) => r.cMin)),
    negativeRuns: runs.filter((r) => r.cMin < 0).length,
    deadRuns: runs.filter((r) => r.gZeroFraction.some((z) => z === 1)).length,
    oppositeReadoutSolved: solved.filter((r) => r.readout.length === 2 && r.readout[0]! * r.readout[1]! < 0).length,
    runs,
  };
}

/** True if two 95 % intervals do not overlap: only then does the article call one rate higher than the other. */
export function separated(a: SeedSweep, b: SeedSweep): boolean {
  return a.interval[1] < b.interval[0] || b.interval[1] < a.interval[0];
}

function upDownNumbers() {
  const { seed, u } = displaySequence();
  const sum = cumsum(u);
  const scale = 1 / Math.sqrt(UPDOWN.T);
  const handSet = Object.fromEntries(CANDIDATES.map((k) => [k, accumulate(k, u)])) as Record<
    Candidate,
    { c: number[]; gate: number }
  >;
  const sweeps = UPDOWN.hiddenSizes.flatMap((H) =>
    CANDIDATES.map((k) => sweepOf(UPDOWN.seeds.map((seed) => trainRun(k, H, seed, u)))),
  );
  const sweep = (k: Candidate, H: number) => sweeps.find((r) => r.candidate === k && r.H === H)!;
  /** The runs of the figure's seed. */
  const runs = sweeps.map((w) => w.runs.find((r) => r.seed === UPDOWN.seed)!);
  const run = (k: Candidate, H: number) => runs.find((r) => r.candidate === k && r.H === H)!;
  // Gate values of the trained tanh cells, every seed and hidden size: how many are nearly shut or nearly open.
  const tanhRuns = sweeps.filter((w) => w.candidate === 'tanh').flatMap((w) => w.runs);
  const count = (f: (g: TrainedRun['gateExtremes']) => number) => tanhRuns.reduce((k, r) => k + f(r.gateExtremes), 0);
  const gateExtremes = {
    runs: tanhRuns.length,
    i: count((g) => g.i) / count((g) => g.of),
    f: count((g) => g.f) / count((g) => g.of),
    o: count((g) => g.o) / count((g) => g.of),
    all: count((g) => g.i + g.f + g.o) / (3 * count((g) => g.of)),
  };
  const task = upDownTask({ moveProbability: UPDOWN.moveProbability });
  return {
    displaySeed: seed,
    u,
    sum,
    target: sum.map((s) => s * scale),
    sumMin: Math.min(...sum),
    sumMax: Math.max(...sum),
    baseline: task.baselineLoss(UPDOWN.T),
    threshold: task.metric.threshold,
    gateValue: handSet.tanh.gate,
    candidateValues: Object.fromEntries(
      CANDIDATES.map((k) => [
        k,
        {
          up: Activations[k].f(ACCUMULATOR.candidateWeight),
          zero: Activations[k].f(0),
          down: Activations[k].f(-ACCUMULATOR.candidateWeight),
        },
      ]),
    ) as Record<Candidate, { up: number; zero: number; down: number }>,
    handSet: Object.fromEntries(
      CANDIDATES.map((k) => {
        const c = handSet[k].c;
        return [k, { c, min: Math.min(...c), max: Math.max(...c), end: c.at(-1)! }];
      }),
    ) as Record<Candidate, { c: number[]; min: number; max: number; end: number }>,
    runs,
    run,
    sweeps,
    sweep,
    gateExtremes,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Growth of the cell state, and what each output activation makes of it
// ---------------------------------------------------------------------------------------------------------------

function growthNumbers() {
  const run = (x: number, phi: ActivationKey) => {
    const lstm = createLstm({ inputSize: 1, hiddenSize: 1, init: 'zeros', activations: { cellOutput: Activations[phi] } });
    lstm.biasIh.w.set([GROWTH.bi, GROWTH.bf, 0, GROWTH.bo]);
    lstm.weightIh.w.set([0, 0, GROWTH.wg, 0]);
    lstm.forward({ T: GROWTH.T, B: 1, I: 1, x: new Float64Array(GROWTH.T).fill(x) });
    const tr = lstm.trace();
    return { c: Array.from(tr.c), h: Array.from(tr.h), i: tr.i[0]!, f: tr.f[0]!, g: tr.g[0]!, o: tr.o[0]! };
  };
  const outputs = ['tanh', 'identity', 'relu'] as const;
  const pos = Object.fromEntries(outputs.map((k) => [k, run(GROWTH.x, k)])) as Record<
    (typeof outputs)[number],
    ReturnType<typeof run>
  >;
  const neg = Object.fromEntries(outputs.map((k) => [k, run(-GROWTH.x, k)])) as Record<
    (typeof outputs)[number],
    ReturnType<typeof run>
  >;
  const base = pos.tanh;
  const { i, f, g, o } = base;
  // |c_t| ≤ Σ_{s ≤ t} |i g| ≤ t + 1 (steps counted from 1): the worst case with f = 1 and |i g| = 1.
  const boundHolds = base.c.every((c, t) => Math.abs(c) <= t + 1);
  return {
    i,
    f,
    g,
    o,
    /** Steady state i·g/(1 − f) the cell approaches for T → ∞. */
    steady: (i * g) / (1 - f),
    c: base.c,
    h: { tanh: pos.tanh.h, identity: pos.identity.h, relu: pos.relu.h },
    /** The same cell fed x = −GROWTH.x. */
    hNeg: { tanh: neg.tanh.h, identity: neg.identity.h, relu: neg.relu.h },
    boundHolds,
    table: GROWTH.checkpoints.map((t) => ({
      t,
      c: base.c[t - 1]!,
      hTanh: pos.tanh.h[t - 1]!,
      hIdentity: pos.identity.h[t - 1]!,
      hRelu: pos.relu.h[t - 1]!,
      cNeg: neg.tanh.c[t - 1]!,
      hTanhNeg: neg.tanh.h[t - 1]!,
      hIdentityNeg: neg.identity.h[t - 1]!,
      hReluNeg: neg.relu.h[t - 1]!,
    })),
    /** ReLU′ at the negative cell state: the gradient factor through φ. */
    reluSlopeNeg: Activations.relu.df(neg.relu.c.at(-1)!),
    tanhSlopeEnd: Activations.tanh.df(base.c.at(-1)!),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Boundedness with random weights: GRU, CIFG LSTM, standard LSTM
// ---------------------------------------------------------------------------------------------------------------

function boundedNumbers() {
  const { H, T, B, weightRange: a, inputStd } = BOUNDED;
  const inputs = createRng(BOUNDED.inputSeed);
  const x = new Float64Array(T * B);
  for (let k = 0; k < x.length; k++) x[k] = inputStd * inputs.normal();
  const batch = { T, B, I: 1, x };
  const fill = (params: readonly { w: Float64Array }[]) => {
    const r = createRng(BOUNDED.weightSeed);
    for (const p of params) for (let k = 0; k < p.w.length; k++) p.w[k] = r.uniform(-a, a);
  };
  const maxAbs = (v: Float64Array) => v.reduce((m, y) => Math.max(m, Math.abs(y)), 0);

  const gru = createGru({ inputSize: 1, hiddenSize: H, init: 'zeros' });
  fill(gru.params);
  const gruH = maxAbs(gru.forward(batch));

  const lstm = (cifg: boolean, phi: ActivationKey) => {
    const l = createLstm({ inputSize: 1, hiddenSize: H, init: 'zeros', cifg, activations: { cellOutput: Activations[phi] } });
    fill(l.params);
    l.forward(batch);
    const tr = l.trace();
    return { c: maxAbs(tr.c), h: maxAbs(tr.h) };
  };
  return {
    gruH,
    lstmTanh: lstm(false, 'tanh'),
    lstmIdentity: lstm(false, 'identity'),
    cifgIdentity: lstm(true, 'identity'),
    pytorchRange: 1 / Math.sqrt(H),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Values the prose quotes from the explorer's presets
// ---------------------------------------------------------------------------------------------------------------

function explorerNumbers() {
  const neg = (candidate: ActivationKey) =>
    computeCell(applyPreset('writeNegative', { gate: 'sigmoid', candidate, cellOutput: 'tanh' }));
  const sat = computeCell(applyPreset('saturated'));
  return {
    writeNegative: { tanh: neg('tanh'), sigmoid: neg('sigmoid'), relu: neg('relu') },
    saturated: sat,
    saturatedGateSlope: Activations.sigmoid.df(sat.z.f),
    saturatedOutputSlope: Activations.tanh.df(sat.c),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Claims the prose makes, checked
// ---------------------------------------------------------------------------------------------------------------

/** Throws (failing the build) if a result no longer supports what the article says about it. */
export function checkClaims(n: WhySigmoidNumbers): void {
  const fail = (msg: string) => {
    throw new Error(`why-sigmoid-and-tanh: a claim of the article no longer holds: ${msg}`);
  };
  const { updown: ud, growth: gr, bounded: bd, derivatives: d, hold } = n;
  // Sign: a non-negative candidate with c_0 = 0 never makes the cell negative (hand-set cell and every trained run).
  for (const k of ['sigmoid', 'relu'] as const) {
    if (ud.handSet[k].min < 0) fail(`hand-set ${k} cell went negative`);
    for (const w of ud.sweeps.filter((x) => x.candidate === k))
      if (w.negativeRuns > 0) fail(`a trained ${k} cell (H=${w.H}) went negative`);
  }
  if (!(ud.handSet.tanh.min < 0)) fail('hand-set tanh cell never went negative');
  const w = (k: Candidate, H: number) => ud.sweep(k, H);
  const above = (a: SeedSweep, b: SeedSweep) => separated(a, b) && a.solved > b.solved;
  // "With one unit, only the tanh cell solves the task": its rate is above both others, the intervals apart.
  if (!(above(w('tanh', 1), w('sigmoid', 1)) && above(w('tanh', 1), w('relu', 1)))) {
    fail('the one-unit tanh cell does not solve clearly more runs than the sigmoid and ReLU cells');
  }
  // "With two units the sigmoid cell solves the task after all", with no clear difference from tanh, always by
  // opposite-sign readout weights on two non-negative memories.
  if (w('sigmoid', 2).solved === 0) fail('no two-unit sigmoid run solved the task');
  if (separated(w('tanh', 2), w('sigmoid', 2))) fail('two-unit tanh and sigmoid now differ clearly: reword the article');
  if (w('sigmoid', 2).oppositeReadoutSolved !== w('sigmoid', 2).solved) {
    fail('a solved two-unit sigmoid run has readout weights of one sign');
  }
  // "The two-unit ReLU cell solved clearly fewer runs than the sigmoid cell", and lost units to dead candidates.
  if (!above(w('sigmoid', 2), w('relu', 2))) fail('two-unit ReLU is not clearly below two-unit sigmoid');
  if (w('relu', 2).deadRuns === 0) fail('no two-unit ReLU run has a dead unit');
  // The figure's seed: its caption says only tanh's cell state goes below zero, and the prose quotes the readout
  // weights of its two-unit sigmoid run as an example of a solved one.
  const r = (k: Candidate, H: number) => ud.run(k, H);
  if (!r('tanh', 1).solved || r('sigmoid', 1).solved || r('relu', 1).solved)
    fail('the figure seed no longer shows tanh alone solving');
  if (!(r('tanh', 1).cMin < 0)) fail('trained tanh cell of the figure seed never went negative');
  if (!r('sigmoid', 2).solved) fail('the two-unit sigmoid run of the figure seed, whose readout the article quotes, is unsolved');
  // The article prints the measured fraction of gate values nearly shut or open, and says the forget gate's is the
  // largest.
  const ge = ud.gateExtremes;
  if (!(ge.f > ge.i && ge.f > ge.o)) fail('the forget gate is not the gate most often nearly shut or open');
  // Holding a value: the LSTM's factor is the same for every stored value; the tanh unit's falls with it.
  const lstmGrads = hold.rows.map((x) => x.lstmGrad);
  if (Math.max(...lstmGrads) - Math.min(...lstmGrads) > 1e-12) fail('the LSTM memory-path gradient depends on the stored value');
  for (const x of hold.rows) {
    if (Math.abs(x.lstmEnd - x.v) > 1e-12 || Math.abs(x.rnnEnd - x.v) > 1e-12) fail(`a unit did not hold ${x.v}`);
  }
  const rnnGrads = hold.rows.map((x) => x.rnnGrad);
  if (!rnnGrads.every((g, k) => k === 0 || g < rnnGrads[k - 1]!))
    fail('the tanh unit gradient does not fall with the stored value');
  if (!(rnnGrads.at(-1)! < lstmGrads[0]!)) fail('the tanh unit holding tanh(1) keeps more gradient than the LSTM');
  // Growth and bounds.
  if (!gr.boundHolds) fail('|c_t| ≤ t was violated');
  if (!(gr.table.at(-1)!.c > 50)) fail('the cell state did not grow large');
  if (!(Math.abs(gr.table.at(-1)!.hTanh) < 1)) fail('tanh output not bounded');
  if (!(bd.gruH < 1 && bd.cifgIdentity.c <= 1 && bd.cifgIdentity.h <= 1)) fail('GRU/CIFG bound violated');
  if (!(bd.lstmIdentity.c > 1 && bd.lstmIdentity.h > 1)) fail('standard LSTM stayed within 1');
  // Derivatives.
  if (!(d.d2IdentityError < 1e-12 && d.squashIdentityError < 1e-12)) fail('a sigmoid/tanh identity failed');
  for (const p of d.d2At) if (!(p.tanh < p.sigmoid)) fail(`|tanh″(${p.z})| is not below |σ″(${p.z})|`);
  if (!(d.decay.tanh < d.decay.sigmoid)) fail('tanh″ does not die out sooner than σ″');
  if (!(d.crossover < d.d2At[0]!.z)) fail('the crossover of |tanh″| and |σ″| is beyond the quoted z');
}

let cached: WhySigmoidNumbers | undefined;

/** All the article's numbers (computed once per process, then cached), with the claims checked. */
export function whySigmoidNumbers(): WhySigmoidNumbers {
  if (!cached) {
    const n: WhySigmoidNumbers = {
      derivatives: derivativeNumbers(),
      updown: upDownNumbers(),
      growth: growthNumbers(),
      bounded: boundedNumbers(),
      explorer: explorerNumbers(),
      hold: holdNumbers(),
    };
    checkClaims(n);
    cached = n;
  }
  return cached;
}

/** All the article's numbers ({@link whySigmoidNumbers}, computed when this module is first imported). */
export const values: WhySigmoidNumbers = whySigmoidNumbers();

/** Ready-made wording of the seed sweep (the same in every language): "9/10 (0.6–0.98)", "400 (300–1000)". */
export const text = Object.freeze({
  /** Solved runs of n, then the 95 % Wilson interval of the rate. */
  solved: (w: SeedSweep): string => `${w.solved}/${w.n} (${formatNumber(w.interval[0], 2)}–${formatNumber(w.interval[1], 2)})`,
  /** Median steps to solve over the solved runs, then min–max; "—" if none solved. */
  steps: (w: SeedSweep): string =>
    w.steps === null
      ? '—'
      : w.steps.min === w.steps.max
        ? String(w.steps.min)
        : `${formatNumber(w.steps.median, 3)} (${w.steps.min}–${w.steps.max})`,
  /** One run in a per-seed listing: the step it was solved at, or "—". */
  run: (r: TrainedRun): string => (r.solved ? String(r.step) : '—'),
  /** The seeds, "1–10" when consecutive. */
  seeds: (): string => {
    const s = UPDOWN.seeds;
    return s.every((x, k) => k === 0 || x === s[k - 1]! + 1) ? `${s[0]}–${s.at(-1)}` : s.join(', ');
  },
});

/** Ready-made LaTeX (none yet). */
export const tex = Object.freeze({});
