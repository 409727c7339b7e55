/**
 * The LSTM cell explorer (figure "cell"): the reader sets x_t, h_{t−1}, c_{t−1}, the weights and biases of the four
 * gate blocks and the activation in each role, and sees one step of the cell — every gate, the candidate, the new
 * cell state and the output — as bars and numbers. All values come from `computeCell` (src/figures/lstm/explorer.ts),
 * which runs the library's LSTM forward pass.
 *
 * Server-rendered with the default state, so the figure is complete without JavaScript; hydration renders the same
 * markup (no layout shift). A link with `#fig-cell=…` opens it in that state.
 */
import { useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { Activations, type ActivationKey } from '../../lib/nn/activations';
import {
  DEFAULT_STATE,
  PRESETS,
  PRESET_KEYS,
  RANGES,
  ROLE_OPTIONS,
  applyPreset,
  cellDataTable,
  cellDescription,
  cellNotes,
  cellUrlState,
  computeCell,
  formatValue,
  fromUrlState,
  matchingPreset,
  outside,
  parseNumber,
  sameSetting,
  toUrlState,
  type CellValues,
  type ExplorerState,
  type Gate,
  type GateParams,
  type RoleActivations,
} from '../../figures/lstm/explorer';
import { Figure } from '../figures/Figure';
import { useFigureState, useHydrated } from '../figures/hooks';
import './explorer.css';

/** Short symbol of an activation in formulas: σ, tanh, ReLU, … */
function sym(key: ActivationKey): string {
  if (key === 'sigmoid') return 'σ';
  if (key === 'identity') return 'id';
  return Activations[key].label.replace(/\s*\(.*\)\s*$/, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Bars
// ---------------------------------------------------------------------------------------------------------------

/** A bar's axis: the data interval mapped onto the track (0 … 100 in SVG units). */
interface Axis {
  readonly lo: number;
  readonly hi: number;
  /** Where bars start (0 for signed values and gates alike). */
  readonly base: number;
}
const GATE_AXIS: Axis = { lo: -0.1, hi: 1.1, base: 0 };
const VALUE_AXIS: Axis = { lo: -2.2, hi: 2.2, base: 0 };
const GATE_TICKS = [0, 0.5, 1];
const VALUE_TICKS = [-2, -1, 0, 1, 2];
const pos = (a: Axis, v: number) => ((v - a.lo) / (a.hi - a.lo)) * 100;

/** One horizontal bar from the axis base to v, clipped to the track with an arrow when v is off the scale. */
function Bar({ v, axis, colour, band }: { v: number; axis: Axis; colour: string; band?: readonly [number, number] }) {
  const x0 = pos(axis, axis.base);
  const finite = Number.isFinite(v);
  const clipped = finite ? Math.min(axis.hi, Math.max(axis.lo, v)) : v > 0 ? axis.hi : v < 0 ? axis.lo : axis.base;
  const x1 = Number.isNaN(v) ? x0 : pos(axis, clipped);
  const over = !Number.isNaN(v) && (v > axis.hi || v < axis.lo);
  const left = Math.min(x0, x1);
  const width = Math.abs(x1 - x0);
  const ticks = axis === GATE_AXIS ? GATE_TICKS : VALUE_TICKS;
  return (
    <svg class="lx-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {band && <rect class="lx-band" x={pos(axis, band[0])} y="0" width={pos(axis, band[1]) - pos(axis, band[0])} height="10" />}
      {ticks.map((t) => (
        <line key={t} class={t === 0 ? 'lx-zero' : 'lx-tick'} x1={pos(axis, t)} x2={pos(axis, t)} y1="0" y2="10" />
      ))}
      <rect x={left} y="2" width={Math.max(width, 0)} height="6" fill={colour} />
      {over && v > 0 && <path d="M96.5,0.5 L100,5 L96.5,9.5 Z" class="lx-arrow" />}
      {over && v < 0 && <path d="M3.5,0.5 L0,5 L3.5,9.5 Z" class="lx-arrow" />}
      {Number.isNaN(v) && <line class="lx-nan" x1="0" x2="100" y1="5" y2="5" />}
    </svg>
  );
}

interface RowProps {
  readonly id: string;
  readonly name: JSX.Element;
  readonly formula: JSX.Element | string;
  readonly v: number;
  readonly axis: Axis;
  readonly colour: string;
  readonly warn?: boolean;
  readonly band?: readonly [number, number];
}

function Row({ id, name, formula, v, axis, colour, warn = false, band }: RowProps) {
  return (
    <div class={`lx-row${warn ? ' lx-warn' : ''}`} data-value={id}>
      <span class="lx-name">
        <span class="lx-key" style={{ background: colour }} aria-hidden="true" />
        {name}
        <span class="lx-formula">{formula}</span>
      </span>
      <Bar v={v} axis={axis} colour={colour} {...(band ? { band } : {})} />
      <span class="lx-val" data-testid={`val-${id}`}>
        {formatValue(v)}
      </span>
    </div>
  );
}

function AxisRow({ axis, ticks, labels }: { axis: Axis; ticks: readonly number[]; labels?: readonly string[] }) {
  return (
    <div class="lx-row lx-axis" aria-hidden="true">
      <span class="lx-name" />
      <span class="lx-ticks">
        {ticks.map((t, k) => (
          <span key={t} style={{ left: `${pos(axis, t)}%` }}>
            {labels?.[k] ?? formatValue(t, 0)}
          </span>
        ))}
      </span>
      <span class="lx-val" />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Controls
// ---------------------------------------------------------------------------------------------------------------

interface NumberControlProps {
  readonly id: string;
  readonly label: JSX.Element | string;
  /** Accessible name, plain text (e.g. "input gate, input weight w_x"). */
  readonly name: string;
  readonly value: number;
  readonly range: { readonly min: number; readonly max: number; readonly step: number };
  readonly onChange: (v: number, now?: boolean) => void;
}

/** What a number field shows when not being edited: 2 decimals, or "1.5e+8" for large values (short and editable). */
function fieldText(v: number): string {
  return Math.abs(v) >= 1e4 ? v.toExponential().replace('-', '−') : formatValue(v, 2);
}

/** A slider plus a text field that accepts any finite number (beyond the slider's range too). */
function NumberControl({ id, label, name, value, range, onChange }: NumberControlProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && parseNumber(draft) === undefined;
  const commit = () => {
    if (draft === null) return;
    const v = parseNumber(draft);
    if (v !== undefined) onChange(v, true);
    setDraft(null);
  };
  return (
    <div class="lx-ctl">
      <label for={`${id}-r`}>{label}</label>
      <input
        id={`${id}-r`}
        type="range"
        min={range.min}
        max={range.max}
        step={range.step}
        value={Math.min(range.max, Math.max(range.min, value))}
        aria-label={name}
        aria-valuetext={`${name} = ${formatValue(value, 2)}`}
        onInput={(e) => onChange(Number((e.currentTarget as HTMLInputElement).value))}
      />
      <input
        id={`${id}-t`}
        class="lx-num"
        type="text"
        inputMode="decimal"
        spellcheck={false}
        autoComplete="off"
        aria-label={`${name}, exact value`}
        aria-invalid={invalid}
        value={draft ?? fieldText(value)}
        onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    </div>
  );
}

const GATE_INFO: { readonly [G in Gate]: { readonly name: string; readonly colour: string } } = {
  i: { name: 'Input gate i', colour: 'var(--c1)' },
  f: { name: 'Forget gate f', colour: 'var(--c2)' },
  g: { name: 'Candidate g', colour: 'var(--c4)' },
  o: { name: 'Output gate o', colour: 'var(--c5)' },
};
const C_COLOUR = 'var(--c3)';
const H_COLOUR = 'var(--c6)';

function RoleSelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: ActivationKey;
  onChange: (k: ActivationKey) => void;
}) {
  return (
    <div class="lx-role">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as ActivationKey)}>
        {ROLE_OPTIONS.map((k) => (
          <option key={k} value={k}>
            {Activations[k].label}
          </option>
        ))}
      </select>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The figure
// ---------------------------------------------------------------------------------------------------------------

const Sub = ({ children }: { children: string }) => <sub>{children}</sub>;
const ct = (
  <>
    <var>c</var>
    <Sub>t</Sub>
  </>
);
const ctm1 = (
  <>
    <var>c</var>
    <Sub>t−1</Sub>
  </>
);
const ht = (
  <>
    <var>h</var>
    <Sub>t</Sub>
  </>
);
const htm1 = (
  <>
    <var>h</var>
    <Sub>t−1</Sub>
  </>
);

export default function CellExplorer() {
  const fig = useFigureState(cellUrlState);
  const hydrated = useHydrated();
  const state: ExplorerState = useMemo(() => fromUrlState(fig.state), [fig.state]);
  const v: CellValues = useMemo(() => computeCell(state), [state]);
  const notes = useMemo(() => cellNotes(state, v), [state, v]);
  const description = useMemo(() => cellDescription(state, v), [state, v]);
  const data = useMemo(() => cellDataTable(state, v), [state, v]);
  const preset = matchingPreset(state);
  const { act } = state;
  const g = sym(act.gate);
  const psi = sym(act.candidate);
  const phi = sym(act.cellOutput);

  /** Sliders: coalesced to one render per frame. */
  const edit = (f: (s: ExplorerState) => ExplorerState) => fig.update((u) => toUrlState(f(fromUrlState(u))));
  /** Buttons, selects, typed values: immediate. */
  const put = (f: (s: ExplorerState) => ExplorerState) => fig.set((u) => toUrlState(f(fromUrlState(u))));
  const setParam = (q: Gate, k: keyof GateParams, x: number, now = false) =>
    (now ? put : edit)((s) => ({ ...s, params: { ...s.params, [q]: { ...s.params[q], [k]: x } } }));
  const setAct = (k: keyof RoleActivations, key: ActivationKey) => put((s) => ({ ...s, act: { ...s.act, [k]: key } }));
  const setIn = (k: 'x' | 'hPrev' | 'cPrev', x: number, now = false) => (now ? put : edit)((s) => ({ ...s, [k]: x }));

  const gateWarn = (x: number) => outside(x, 0, 1);
  // Non-breaking spaces inside each product, ordinary spaces around "=", so a long line wraps at an equals sign.
  const nb = (s: string) => s.replace(/ /g, '\u00a0');
  const eqC = [
    `= ${nb(`${formatValue(v.f)} × ${formatValue(state.cPrev)} + ${formatValue(v.i)} × ${formatValue(v.g)}`)}`,
    `= ${nb(`${formatValue(v.kept)} + ${formatValue(v.written)}`)}`,
    `= ${formatValue(v.c)}`,
  ].join(' ');
  const eqH = [
    `= ${nb(`${formatValue(v.o)} × ${phi}(${formatValue(v.c)})`)}`,
    `= ${nb(`${formatValue(v.o)} × ${formatValue(v.phiC)}`)}`,
    `= ${formatValue(v.h)}`,
  ].join(' ');

  return (
    <Figure
      id={cellUrlState.key}
      width="page"
      title="The LSTM cell, one step."
      caption={
        <>
          Set what comes in (input <var>x</var>, previous hidden state {htm1}, previous cell state {ctm1}), the weights of each
          gate block, and the activation function used in each role; every value is computed by this site’s LSTM library (one
          unit, PyTorch’s equations). Gate bars are drawn on 0 … 1, the other values on −2 … 2 (an arrow marks a value off the
          scale); the numbers are exact.
        </>
      }
      description={description}
      data={data}
      dataCaption="Every quantity of this step, as computed by the library (3 decimals)."
      problems={fig.problems}
      status={fig.status}
      onCopyLink={fig.copyLink}
      hydrated={hydrated}
    >
      <div class="lx lx-layout">
        <div class="lx-top">
          <div class="lx-presets" role="group" aria-label="Presets">
            <span class="lx-group-label" aria-hidden="true">
              Presets
            </span>
            {PRESET_KEYS.map((k) => (
              <button
                key={k}
                type="button"
                aria-current={preset === k ? 'true' : undefined}
                title={PRESETS[k].description}
                data-preset={k}
                onClick={() => put((s) => applyPreset(k, s.act))}
              >
                {PRESETS[k].label}
              </button>
            ))}
            <button type="button" onClick={() => put(() => DEFAULT_STATE)} aria-label="Reset every control to its starting value">
              Reset
            </button>
          </div>
          <p class="lx-preset-text">
            {preset
              ? PRESETS[preset].description
              : sameSetting(state, DEFAULT_STATE)
                ? 'The starting point: moderate weights, every gate partly open. Pick a preset, or move any slider.'
                : 'Your own setting. Pick a preset, or move any slider.'}
          </p>
          <div class="lx-roles" role="group" aria-label="Activation function in each role">
            <RoleSelect id="lx-act-gate" label="Gates σ (i, f, o)" value={act.gate} onChange={(k) => setAct('gate', k)} />
            <RoleSelect id="lx-act-cand" label="Candidate ψ (g)" value={act.candidate} onChange={(k) => setAct('candidate', k)} />
            <RoleSelect id="lx-act-out" label="Cell output φ" value={act.cellOutput} onChange={(k) => setAct('cellOutput', k)} />
          </div>
        </div>

        <div class="lx-view">
          <div class="lx-block" aria-label="Gates: multipliers between 0 (closed) and 1 (open)" role="group">
            <p class="lx-head">
              Gates <span>— multipliers, 0 = closed, 1 = open</span>
            </p>
            <AxisRow axis={GATE_AXIS} ticks={GATE_TICKS} labels={['0', '½', '1']} />
            {(['i', 'f', 'o'] as const).map((q) => (
              <Row
                key={q}
                id={q}
                name={<var>{q}</var>}
                formula={`= ${g}(${formatValue(v.z[q], 2)})`}
                v={v[q]}
                axis={GATE_AXIS}
                colour={GATE_INFO[q].colour}
                warn={gateWarn(v[q])}
                band={[0, 1]}
              />
            ))}
          </div>
          <div class="lx-block" aria-label="Signed values" role="group">
            <p class="lx-head">
              Values <span>— signed, scale −2 … 2 (arrows: off the scale)</span>
            </p>
            <AxisRow axis={VALUE_AXIS} ticks={VALUE_TICKS} />
            <Row id="cprev" name={ctm1} formula="old memory" v={state.cPrev} axis={VALUE_AXIS} colour={C_COLOUR} />
            <Row
              id="g"
              name={<var>g</var>}
              formula={`= ${psi}(${formatValue(v.z.g, 2)})`}
              v={v.g}
              axis={VALUE_AXIS}
              colour={GATE_INFO.g.colour}
            />
            <Row
              id="kept"
              name={
                <>
                  <var>f</var>·{ctm1}
                </>
              }
              formula="kept"
              v={v.kept}
              axis={VALUE_AXIS}
              colour={GATE_INFO.f.colour}
            />
            <Row
              id="written"
              name={
                <>
                  <var>i</var>·<var>g</var>
                </>
              }
              formula="written"
              v={v.written}
              axis={VALUE_AXIS}
              colour={GATE_INFO.i.colour}
            />
            <Row id="c" name={ct} formula="new memory" v={v.c} axis={VALUE_AXIS} colour={C_COLOUR} />
            <Row
              id="phic"
              name={
                <>
                  {phi}({ct})
                </>
              }
              formula="squashed"
              v={v.phiC}
              axis={VALUE_AXIS}
              colour={H_COLOUR}
            />
            <Row id="h" name={ht} formula="output" v={v.h} axis={VALUE_AXIS} colour={H_COLOUR} warn={outside(v.h, -1, 1)} />
          </div>
          <div class="lx-eqs">
            <p>
              <span class="lx-eq-lhs">
                {ct} = <var>f</var>·{ctm1} + <var>i</var>·<var>g</var>
              </span>{' '}
              <span data-testid="eq-c">{eqC}</span>
            </p>
            <p>
              <span class="lx-eq-lhs">
                {ht} = <var>o</var>·{phi}({ct})
              </span>{' '}
              <span data-testid="eq-h">{eqH}</span>
            </p>
          </div>
          <ul class="lx-notes" aria-live="polite" data-testid="notes">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>

        <div class="lx-controls">
          <fieldset class="lx-fs">
            <legend>Coming in</legend>
            <NumberControl
              id="lx-x"
              label={<var>x</var>}
              name="input x_t"
              value={state.x}
              range={RANGES.x}
              onChange={(x, now) => setIn('x', x, now)}
            />
            <NumberControl
              id="lx-h"
              label={htm1}
              name="previous hidden state h_t−1"
              value={state.hPrev}
              range={RANGES.hPrev}
              onChange={(x, now) => setIn('hPrev', x, now)}
            />
            <NumberControl
              id="lx-c"
              label={ctm1}
              name="previous cell state c_t−1"
              value={state.cPrev}
              range={RANGES.cPrev}
              onChange={(x, now) => setIn('cPrev', x, now)}
            />
          </fieldset>
          {(['i', 'f', 'g', 'o'] as const).map((q) => (
            <fieldset class="lx-fs" key={q}>
              <legend>
                <span class="lx-key" style={{ background: GATE_INFO[q].colour }} aria-hidden="true" />
                {GATE_INFO[q].name}: <var>z</var> = <var>w</var>
                <Sub>x</Sub>·<var>x</var> + <var>w</var>
                <Sub>h</Sub>·{htm1} + <var>b</var>
              </legend>
              <NumberControl
                id={`lx-${q}x`}
                label={
                  <>
                    <var>w</var>
                    <Sub>x</Sub>
                  </>
                }
                name={`${GATE_INFO[q].name}, input weight w_x`}
                value={state.params[q].wx}
                range={RANGES.weight}
                onChange={(x, now) => setParam(q, 'wx', x, now)}
              />
              <NumberControl
                id={`lx-${q}h`}
                label={
                  <>
                    <var>w</var>
                    <Sub>h</Sub>
                  </>
                }
                name={`${GATE_INFO[q].name}, recurrent weight w_h`}
                value={state.params[q].wh}
                range={RANGES.weight}
                onChange={(x, now) => setParam(q, 'wh', x, now)}
              />
              <NumberControl
                id={`lx-${q}b`}
                label={<var>b</var>}
                name={`${GATE_INFO[q].name}, bias b`}
                value={state.params[q].b}
                range={RANGES.weight}
                onChange={(x, now) => setParam(q, 'b', x, now)}
              />
            </fieldset>
          ))}
        </div>
      </div>
    </Figure>
  );
}
