/**
 * Logic of the LSTM cell explorer: one LSTM step with a single unit (I = 1, H = 1, T = 1, B = 1), computed by the
 * library's single-step LSTM (`lstmStep` from src/lib/nn/lstm-step.ts: the bits of `createLstm`'s forward pass, without
 * its multiply kernels and WebAssembly module, which a single unit never needs) with weights set from the controls.
 *
 * Equations (PyTorch's convention, gate order i, f, g, o; σ, ψ, φ are the three switchable activations):
 *
 *   z_q = w_q·x_t + u_q·h_{t−1} + b_q        for q ∈ {i, f, g, o}
 *   i = σ(z_i),  f = σ(z_f),  g = ψ(z_g),  o = σ(z_o)
 *   c_t = f·c_{t−1} + i·g
 *   h_t = o·φ(c_t)
 *
 * Pure TypeScript (no DOM, no Preact) so the unit tests check it against the library and against a hand computation.
 *
 * @module
 */
import { ACTIVATION_KEYS, getActivation, isActivationKey, type ActivationKey } from '../../lib/nn/activations';
import { lstmStep } from '../../lib/nn/lstm-step';
import { MINUS, NOT_A_NUMBER, OVERFLOW, formatScientific, typographicMinus } from '../format';
import { parseTypedNumber } from '../number-field';
import { activationCodec, defineFigureState, numberCodec } from '../url-state';
import { CELL } from '../../i18n/lstm';
import { ACTIVATION_NAMES } from '../../i18n/activations';
import type { Lang } from '../../i18n/core';

/** The four gate blocks, in PyTorch's order. */
export const GATES = ['i', 'f', 'g', 'o'] as const;
/** One of the four gate blocks. */
export type Gate = (typeof GATES)[number];

/** What the reader sets for one gate block: z = wx·x + wh·h_{t−1} + b. */
export interface GateParams {
  /** Input weight (PyTorch `weight_ih_l0` row of this gate). */
  readonly wx: number;
  /** Recurrent weight (`weight_hh_l0` row). */
  readonly wh: number;
  /** Bias (`bias_ih_l0`; `bias_hh_l0` is held at 0 — only the sum of the two matters). */
  readonly b: number;
}

/** The three activation roles of the cell. */
export interface RoleActivations {
  /** σ in i, f, o. */
  readonly gate: ActivationKey;
  /** ψ in g. */
  readonly candidate: ActivationKey;
  /** φ in h = o·φ(c). */
  readonly cellOutput: ActivationKey;
}

/** Everything the explorer's controls set. */
export interface ExplorerState {
  /** Input x_t. */
  readonly x: number;
  /** Previous hidden state h_{t−1}. */
  readonly hPrev: number;
  /** Previous cell state c_{t−1}. */
  readonly cPrev: number;
  /** Weights and bias per gate. */
  readonly params: { readonly [G in Gate]: GateParams };
  /** Activation per role. */
  readonly act: RoleActivations;
}

/** Everything the explorer shows: the forward pass of one step. */
export interface CellValues {
  /** Pre-activations z_i, z_f, z_g, z_o. */
  readonly z: { readonly [G in Gate]: number };
  /** Input gate i = σ(z_i). */
  readonly i: number;
  /** Forget gate f = σ(z_f). */
  readonly f: number;
  /** Candidate g = ψ(z_g). */
  readonly g: number;
  /** Output gate o = σ(z_o). */
  readonly o: number;
  /** What is kept of the old state: f·c_{t−1}. */
  readonly kept: number;
  /** What is written: i·g. */
  readonly written: number;
  /** New cell state c_t = f·c_{t−1} + i·g. */
  readonly c: number;
  /** φ(c_t). */
  readonly phiC: number;
  /** New hidden state h_t = o·φ(c_t). */
  readonly h: number;
}

/** The PyTorch defaults: σ gates, tanh candidate, tanh cell output. */
export const DEFAULT_ACTIVATIONS: RoleActivations = Object.freeze({ gate: 'sigmoid', candidate: 'tanh', cellOutput: 'tanh' });

/** Slider ranges. Typed values may go beyond them (the number fields accept any finite number). */
export const RANGES = Object.freeze({
  x: { min: -3, max: 3, step: 0.1 },
  hPrev: { min: -1, max: 1, step: 0.05 },
  cPrev: { min: -5, max: 5, step: 0.1 },
  weight: { min: -10, max: 10, step: 0.1 },
});

const gp = (wx: number, wh: number, b: number): GateParams => Object.freeze({ wx, wh, b });

/** Keys of the presets, in display order. */
export const PRESET_KEYS = ['remember', 'forget', 'writePositive', 'writeNegative', 'saturated'] as const;
/** A preset key. */
export type PresetKey = (typeof PRESET_KEYS)[number];

/**
 * A named setting of every control except the activations (a preset keeps the reader's activation choice). Its button
 * text and its sentence are the figure's words, `CELL[lang].preset[key]` (src/i18n/lstm.ts).
 */
export interface Preset {
  readonly x: number;
  readonly hPrev: number;
  readonly cPrev: number;
  readonly params: ExplorerState['params'];
}

/**
 * The presets. Gates are opened and closed through their biases (σ(6) ≈ 0.998, σ(−6) ≈ 0.002); the candidate is
 * driven by the input through w_x = ±2 (tanh(±2) ≈ ±0.96).
 */
export const PRESETS: { readonly [K in PresetKey]: Preset } = Object.freeze({
  remember: Object.freeze({
    x: 1,
    hPrev: 0,
    cPrev: 0.8,
    params: Object.freeze({ i: gp(0, 0, -6), f: gp(0, 0, 6), g: gp(2, 0, 0), o: gp(0, 0, 6) }),
  }),
  forget: Object.freeze({
    x: 1,
    hPrev: 0,
    cPrev: 0.8,
    params: Object.freeze({ i: gp(0, 0, -6), f: gp(0, 0, -6), g: gp(2, 0, 0), o: gp(0, 0, 6) }),
  }),
  writePositive: Object.freeze({
    x: 1,
    hPrev: 0,
    cPrev: 0,
    params: Object.freeze({ i: gp(0, 0, 6), f: gp(0, 0, -6), g: gp(2, 0, 0), o: gp(0, 0, 6) }),
  }),
  writeNegative: Object.freeze({
    x: 1,
    hPrev: 0,
    cPrev: 0,
    params: Object.freeze({ i: gp(0, 0, 6), f: gp(0, 0, -6), g: gp(-2, 0, 0), o: gp(0, 0, 6) }),
  }),
  saturated: Object.freeze({
    x: 2,
    hPrev: 1,
    cPrev: 3,
    params: Object.freeze({ i: gp(8, 4, 2), f: gp(8, 4, 2), g: gp(8, 4, 2), o: gp(8, 4, 2) }),
  }),
});

/** The explorer's starting point: a generic cell where every quantity is visibly non-trivial. */
export const DEFAULT_STATE: ExplorerState = Object.freeze({
  x: 1,
  hPrev: 0.2,
  cPrev: 0.5,
  params: Object.freeze({ i: gp(1, 0.5, 0), f: gp(0.5, 0.5, 1), g: gp(1.5, -0.5, 0), o: gp(1, 0, 0.5) }),
  act: DEFAULT_ACTIVATIONS,
});

/** A state with `preset`'s inputs and weights and `act`'s activations. */
export function applyPreset(preset: PresetKey, act: RoleActivations = DEFAULT_ACTIVATIONS): ExplorerState {
  const p = PRESETS[preset];
  return { x: p.x, hPrev: p.hPrev, cPrev: p.cPrev, params: p.params, act };
}

/** Whether two settings have the same inputs and weights (activations are not compared). */
export function sameSetting(
  a: Pick<ExplorerState, 'x' | 'hPrev' | 'cPrev' | 'params'>,
  b: Pick<ExplorerState, 'x' | 'hPrev' | 'cPrev' | 'params'>,
): boolean {
  return (
    a.x === b.x &&
    a.hPrev === b.hPrev &&
    a.cPrev === b.cPrev &&
    GATES.every((q) => a.params[q].wx === b.params[q].wx && a.params[q].wh === b.params[q].wh && a.params[q].b === b.params[q].b)
  );
}

/** The preset whose inputs and weights `state` matches exactly, if any (activations are not compared). */
export function matchingPreset(state: ExplorerState): PresetKey | undefined {
  return PRESET_KEYS.find((k) => sameSetting(PRESETS[k], state));
}

// Scratch arrays for the step's inputs (I = H = 1), reused across calls.
const x1 = new Float64Array(1);
const h0 = new Float64Array(1);
const c0 = new Float64Array(1);
const weights = {
  weightIh: new Float64Array(4),
  weightHh: new Float64Array(4),
  biasIh: new Float64Array(4),
  biasHh: new Float64Array(4),
} as const;

/** Writes the explorer's weights in PyTorch's layout (rows i, f, g, o; `bias_hh` = 0). */
function setWeights(params: ExplorerState['params']): void {
  GATES.forEach((q, row) => {
    weights.weightIh[row] = params[q].wx;
    weights.weightHh[row] = params[q].wh;
    weights.biasIh[row] = params[q].b;
    weights.biasHh[row] = 0;
  });
}

/**
 * One step of the cell, computed by the library's single-step LSTM (`lstmStep`, I = H = 1), which gives the bits of
 * `createLstm`'s forward pass without its kernels (test/lib/lstm-step.test.ts; the explorer's tests compare with
 * `createLstm` itself). Non-finite inputs are allowed: the result then carries ±Infinity or NaN, which
 * {@link formatValue} names.
 */
export function computeCell(state: ExplorerState): CellValues {
  setWeights(state.params);
  x1[0] = state.x;
  h0[0] = state.hPrev;
  c0[0] = state.cPrev;
  const r = lstmStep(weights, x1, h0, c0, {
    gate: getActivation(state.act.gate),
    candidate: getActivation(state.act.candidate),
    cellOutput: getActivation(state.act.cellOutput),
  });
  const i = r.i[0]!;
  const f = r.f[0]!;
  const g = r.g[0]!;
  return {
    z: { i: r.pre[0]!, f: r.pre[1]!, g: r.pre[2]!, o: r.pre[3]! },
    i,
    f,
    g,
    o: r.o[0]!,
    kept: f * state.cPrev,
    written: i * g,
    c: r.c[0]!,
    phiC: r.phiC[0]!,
    h: r.h[0]!,
  };
}

/**
 * A number for the explorer's read-outs, with a fixed number of decimals so the columns do not jump while a slider
 * moves. Follows the site's rule (src/figures/format.ts): never "NaN" or "Infinity" on screen — NaN (e.g. 0·∞ after
 * an overflow) is "—", ±Infinity is "overflow" with its sign; |v| ≥ 10⁴ switches to "1.23 × 10⁸"; the typographic
 * minus; −0 shows as 0.
 */
export function formatValue(v: number, digits = 3): string {
  if (Number.isNaN(v)) return NOT_A_NUMBER;
  if (!Number.isFinite(v)) return v > 0 ? `+${OVERFLOW}` : `${MINUS}${OVERFLOW}`;
  if (Math.abs(v) >= 1e4) return formatScientific(v, 3);
  const s = (v + 0).toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : typographicMinus(s);
}

/** Whether a value is outside the range a role is meant to have (gates: [0, 1]; bounded roles: [−1, 1]). */
export function outside(v: number, lo: number, hi: number): boolean {
  return !(v >= lo && v <= hi);
}

/**
 * Parses a typed number ("−1.5" with a true minus, "2e3", "1,5" with a decimal comma, and digits grouped as the
 * reader's locale groups them: "1,000" in English); undefined if not a finite number. See {@link parseTypedNumber}.
 */
export function parseNumber(text: string, locale?: string): number | undefined {
  return parseTypedNumber(text, locale);
}

/** The activation keys offered in each role's dropdown (the whole registry, in its display order). */
export const ROLE_OPTIONS: readonly ActivationKey[] = ACTIVATION_KEYS;

/** Reads an activation key, falling back to `fallback` when `s` is not a registry key. */
export function activationOr(s: string | null | undefined, fallback: ActivationKey): ActivationKey {
  return s != null && isActivationKey(s) ? s : fallback;
}

// ---------------------------------------------------------------------------------------------------------------
// Notes: what the current setting shows, in words
// ---------------------------------------------------------------------------------------------------------------

/**
 * Up to three plain-text remarks on what the current setting shows (overflow, a "gate" outside [0, 1], a candidate
 * that cannot be negative, an output outside [−1, 1], saturation), most important first.
 */
export function cellNotes(state: ExplorerState, v: CellValues, lang: Lang = 'en'): string[] {
  const w = CELL[lang];
  const name = (k: ActivationKey) => ACTIVATION_NAMES[lang][k];
  const notes: string[] = [];
  const gate = getActivation(state.act.gate);
  const cand = getActivation(state.act.candidate);
  const phi = getActivation(state.act.cellOutput);
  const all = [v.i, v.f, v.g, v.o, v.kept, v.written, v.c, v.phiC, v.h];
  if (all.some((x) => !Number.isFinite(x))) {
    notes.push(w.noteOverflow);
  }
  for (const q of ['f', 'i', 'o'] as const) {
    const x = v[q];
    if (Number.isFinite(x) && outside(x, 0, 1)) {
      notes.push(w.noteGateOutside(w.gateNames[q], formatValue(x)) + (x < 0 ? w.noteGateNegative : w.noteGateAmplifies));
      break;
    }
  }
  if (cand.range[0] >= 0) {
    notes.push(w.noteCandidateNonNegative(name(cand.key)));
  }
  if (Number.isFinite(v.h) && outside(v.h, -1, 1)) {
    notes.push(w.noteOutputUnbounded(formatValue(v.h), name(phi.key)));
  } else if (phi.range[0] >= 0 && v.c < 0 && v.phiC === 0) {
    notes.push(w.noteOutputDead(name(phi.key)));
  }
  if (notes.length < 3) {
    for (const q of ['f', 'i', 'o'] as const) {
      const slope = Math.abs(gate.df(v.z[q]));
      if (gate.maxSlope.value > 0 && slope < 0.01 * gate.maxSlope.value) {
        notes.push(
          w.noteSaturated(w.gateNames[q], gate.key === 'sigmoid' ? 'σ′' : `${name(gate.key)}′`, formatScientific(slope, 2)),
        );
        break;
      }
    }
  }
  return notes.slice(0, 3);
}

// ---------------------------------------------------------------------------------------------------------------
// URL state: `#fig-cell=x:1,h:0.2,c:0.5,ix:1,ih:0.5,ib:0,…,ga:sigmoid,ca:tanh,oa:tanh`
// ---------------------------------------------------------------------------------------------------------------

/** The explorer's state as flat URL fields. */
export interface CellUrlState {
  readonly x: number;
  readonly h: number;
  readonly c: number;
  readonly ix: number;
  readonly ih: number;
  readonly ib: number;
  readonly fx: number;
  readonly fh: number;
  readonly fb: number;
  readonly gx: number;
  readonly gh: number;
  readonly gb: number;
  readonly ox: number;
  readonly oh: number;
  readonly ob: number;
  readonly ga: ActivationKey;
  readonly ca: ActivationKey;
  readonly oa: ActivationKey;
}

/** Largest magnitude a link can set: any finite number (a link can reproduce an overflow too). */
export const URL_LIMIT = Number.MAX_VALUE;

const num = (d: number, label: string) => ({ codec: numberCodec({ min: -URL_LIMIT, max: URL_LIMIT }), default: d, label });
const D = DEFAULT_STATE;

/** URL codec of the explorer (figure id `cell`). */
export const cellUrlState = defineFigureState<CellUrlState>('cell', {
  x: num(D.x, 'input x'),
  h: num(D.hPrev, 'previous hidden state'),
  c: num(D.cPrev, 'previous cell state'),
  ix: num(D.params.i.wx, 'input-gate input weight'),
  ih: num(D.params.i.wh, 'input-gate recurrent weight'),
  ib: num(D.params.i.b, 'input-gate bias'),
  fx: num(D.params.f.wx, 'forget-gate input weight'),
  fh: num(D.params.f.wh, 'forget-gate recurrent weight'),
  fb: num(D.params.f.b, 'forget-gate bias'),
  gx: num(D.params.g.wx, 'candidate input weight'),
  gh: num(D.params.g.wh, 'candidate recurrent weight'),
  gb: num(D.params.g.b, 'candidate bias'),
  ox: num(D.params.o.wx, 'output-gate input weight'),
  oh: num(D.params.o.wh, 'output-gate recurrent weight'),
  ob: num(D.params.o.b, 'output-gate bias'),
  ga: { codec: activationCodec(), default: D.act.gate, label: 'gate activation' },
  ca: { codec: activationCodec(), default: D.act.candidate, label: 'candidate activation' },
  oa: { codec: activationCodec(), default: D.act.cellOutput, label: 'cell-output activation' },
});

const clampUrl = (v: number) => (Number.isNaN(v) ? 0 : Math.min(URL_LIMIT, Math.max(-URL_LIMIT, v)));

/** Explorer state → URL fields (non-finite values, which the controls never produce, are clamped to ±{@link URL_LIMIT}). */
export function toUrlState(s: ExplorerState): CellUrlState {
  const p = s.params;
  return {
    x: clampUrl(s.x),
    h: clampUrl(s.hPrev),
    c: clampUrl(s.cPrev),
    ix: clampUrl(p.i.wx),
    ih: clampUrl(p.i.wh),
    ib: clampUrl(p.i.b),
    fx: clampUrl(p.f.wx),
    fh: clampUrl(p.f.wh),
    fb: clampUrl(p.f.b),
    gx: clampUrl(p.g.wx),
    gh: clampUrl(p.g.wh),
    gb: clampUrl(p.g.b),
    ox: clampUrl(p.o.wx),
    oh: clampUrl(p.o.wh),
    ob: clampUrl(p.o.b),
    ga: s.act.gate,
    ca: s.act.candidate,
    oa: s.act.cellOutput,
  };
}

/** URL fields → explorer state. */
export function fromUrlState(u: CellUrlState): ExplorerState {
  return {
    x: u.x,
    hPrev: u.h,
    cPrev: u.c,
    params: { i: gp(u.ix, u.ih, u.ib), f: gp(u.fx, u.fh, u.fb), g: gp(u.gx, u.gh, u.gb), o: gp(u.ox, u.oh, u.ob) },
    act: { gate: u.ga, candidate: u.ca, cellOutput: u.oa },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Text alternative and data table
// ---------------------------------------------------------------------------------------------------------------

/** The figure's text alternative for its current state. */
export function cellDescription(state: ExplorerState, v: CellValues, lang: Lang = 'en'): string {
  const a = state.act;
  const name = (k: ActivationKey) => ACTIVATION_NAMES[lang][k];
  const f = (x: number) => formatValue(x);
  return CELL[lang].description(
    name(a.gate),
    name(a.candidate),
    name(a.cellOutput),
    f(state.x),
    f(state.hPrev),
    f(state.cPrev),
    f(v.i),
    f(v.f),
    f(v.o),
    f(v.g),
    f(v.kept),
    f(v.written),
    f(v.c),
    f(v.h),
  );
}

/** The figure's numbers as a table: quantity, how it is computed, value. */
export function cellDataTable(state: ExplorerState, v: CellValues, lang: Lang = 'en'): { columns: string[]; rows: string[][] } {
  const w = CELL[lang];
  const p = state.params;
  const pre = (q: Gate) => `${formatValue(p[q].wx, 2)}·x + ${formatValue(p[q].wh, 2)}·h(t−1) + ${formatValue(p[q].b, 2)}`;
  return {
    columns: [...w.columns],
    rows: [
      ['x', w.rowInput, formatValue(state.x)],
      ['h(t−1)', w.rowPrevHidden, formatValue(state.hPrev)],
      ['c(t−1)', w.rowPrevCell, formatValue(state.cPrev)],
      ...GATES.map((q) => [`z_${q}`, pre(q), formatValue(v.z[q])]),
      ['i', `${state.act.gate}(z_i)`, formatValue(v.i)],
      ['f', `${state.act.gate}(z_f)`, formatValue(v.f)],
      ['g', `${state.act.candidate}(z_g)`, formatValue(v.g)],
      ['o', `${state.act.gate}(z_o)`, formatValue(v.o)],
      ['f·c(t−1)', w.rowKept, formatValue(v.kept)],
      ['i·g', w.rowWritten, formatValue(v.written)],
      ['c(t)', 'f·c(t−1) + i·g', formatValue(v.c)],
      ['φ(c(t))', `${state.act.cellOutput}(c(t))`, formatValue(v.phiC)],
      ['h(t)', 'o·φ(c(t))', formatValue(v.h)],
    ],
  };
}
