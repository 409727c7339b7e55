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
import type { ComponentType, JSX } from 'preact';
import { Activations, type ActivationKey } from '../../lib/nn/activations';
import {
  DEFAULT_STATE,
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
import { Figure, Tool } from '../figures/Figure';
import { useFigureState, useHydrated, useSettled } from '../figures/hooks';
import { Rich } from '../figures/Rich';
import { CELL, type CellStrings } from '../../i18n/lstm';
import { ACTIVATION_NAMES } from '../../i18n/activations';
import type { Lang } from '../../i18n/core';
import './explorer.css';

/** Short symbol of an activation in formulas: σ, tanh, ReLU, … */
function sym(key: ActivationKey): string {
  if (key === 'sigmoid') return 'σ';
  if (key === 'identity') return 'id';
  return Activations[key].label.replace(/\s*\(.*\)\s*$/, '');
}

/** The explorer's words, for children that do not take the language themselves. */
type Words = CellStrings;

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
/** Two decimals of a 0 … 100 track are plenty (the markup carries no 15-digit floats). */
const r2 = (v: number) => Math.round(v * 100) / 100 + 0;
const pos = (a: Axis, v: number) => r2(((v - a.lo) / (a.hi - a.lo)) * 100);

/** One horizontal bar from the axis base to v, clipped to the track with an arrow when v is off the scale. */
function Bar({ v, axis, colour, band }: { v: number; axis: Axis; colour: string; band?: readonly [number, number] }) {
  const x0 = pos(axis, axis.base);
  const finite = Number.isFinite(v);
  const clipped = finite ? Math.min(axis.hi, Math.max(axis.lo, v)) : v > 0 ? axis.hi : v < 0 ? axis.lo : axis.base;
  const x1 = Number.isNaN(v) ? x0 : pos(axis, clipped);
  const over = !Number.isNaN(v) && (v > axis.hi || v < axis.lo);
  const left = Math.min(x0, x1);
  const width = r2(Math.abs(x1 - x0));
  const ticks = axis === GATE_AXIS ? GATE_TICKS : VALUE_TICKS;
  return (
    <svg class="lx-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {band && (
        <rect class="lx-band" x={pos(axis, band[0])} y="0" width={r2(pos(axis, band[1]) - pos(axis, band[0]))} height="10" />
      )}
      <path
        class="lx-tick"
        d={ticks
          .filter((t) => t !== 0)
          .map((t) => `M${pos(axis, t)} 0v10`)
          .join('')}
      />
      <path class="lx-zero" d={`M${x0} 0v10`} />
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
  readonly w: Words;
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
function NumberControl({ w, id, label, name, value, range, onChange }: NumberControlProps) {
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
        aria-label={w.exactValue(name)}
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

const GATE_INFO: { readonly [G in Gate]: { readonly colour: string } } = {
  i: { colour: 'var(--c1)' },
  f: { colour: 'var(--c2)' },
  g: { colour: 'var(--c4)' },
  o: { colour: 'var(--c5)' },
};
const C_COLOUR = 'var(--c3)';
const H_COLOUR = 'var(--c6)';

function RoleSelect({
  id,
  label,
  value,
  lang,
  onChange,
}: {
  id: string;
  label: string;
  value: ActivationKey;
  lang: Lang;
  onChange: (k: ActivationKey) => void;
}) {
  return (
    <div class="lx-role">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as ActivationKey)}>
        {ROLE_OPTIONS.map((k) => (
          <option key={k} value={k}>
            {ACTIVATION_NAMES[lang][k]}
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

export interface CellExplorerProps {
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

export default function CellExplorer({ lang = 'en' }: CellExplorerProps) {
  const w = CELL[lang];
  const fig = useFigureState(cellUrlState, lang);
  const hydrated = useHydrated();
  const state: ExplorerState = useMemo(() => fromUrlState(fig.state), [fig.state]);
  const v: CellValues = useMemo(() => computeCell(state), [state]);
  const notes = useMemo(() => cellNotes(state, v, lang), [state, v, lang]);
  const announced = useSettled(notes.length > 0 ? notes.join(' ') : w.noteNone);
  const description = useMemo(() => cellDescription(state, v, lang), [state, v, lang]);
  const data = useMemo(() => cellDataTable(state, v, lang), [state, v, lang]);
  const preset = matchingPreset(state);
  // "Use my own weights": a chunk loaded only when the reader asks (src/components/byo/).
  const [Byo, setByo] = useState<ComponentType<{ id: string; lang: Lang; onClose: () => void }> | null>(null);
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
      title={w.title}
      caption={<Rich text={w.caption} />}
      description={description}
      data={data}
      dataCaption={w.dataCaption}
      onCsv={() => void import('../../figures/lstm/csv').then((m) => m.saveCellCsv(state, v, lang))}
      problems={fig.problems}
      status={fig.status}
      onCopyLink={fig.copyLink}
      tools={
        <>
          <Tool name="byo" hydrated={hydrated} onClick={() => void import('../byo/ByoCell').then((m) => setByo(() => m.default))}>
            {w.useOwn}
          </Tool>
          {Byo && <Byo id={cellUrlState.key} lang={lang} onClose={() => setByo(null)} />}
        </>
      }
      hydrated={hydrated}
      lang={lang}
    >
      <div class="lx lx-layout">
        <div class="lx-top">
          <div class="lx-presets" role="group" aria-label={w.presets}>
            <span class="lx-group-label" aria-hidden="true">
              {w.presets}
            </span>
            {PRESET_KEYS.map((k) => (
              <button
                key={k}
                type="button"
                aria-current={preset === k ? 'true' : undefined}
                title={w.preset[k].description}
                data-preset={k}
                onClick={() => put((s) => applyPreset(k, s.act))}
              >
                {w.preset[k].label}
              </button>
            ))}
            <button type="button" onClick={() => put(() => DEFAULT_STATE)} aria-label={w.resetLabel}>
              {w.reset}
            </button>
          </div>
          <p class="lx-preset-text">
            {preset ? w.preset[preset].description : sameSetting(state, DEFAULT_STATE) ? w.startText : w.ownText}
          </p>
          <div class="lx-roles" role="group" aria-label={w.rolesLabel}>
            <RoleSelect id="lx-act-gate" label={w.roleGate} value={act.gate} lang={lang} onChange={(k) => setAct('gate', k)} />
            <RoleSelect
              id="lx-act-cand"
              label={w.roleCandidate}
              value={act.candidate}
              lang={lang}
              onChange={(k) => setAct('candidate', k)}
            />
            <RoleSelect
              id="lx-act-out"
              label={w.roleOutput}
              value={act.cellOutput}
              lang={lang}
              onChange={(k) => setAct('cellOutput', k)}
            />
          </div>
        </div>

        <div class="lx-view">
          <div class="lx-block" aria-label={w.gatesLabel} role="group">
            <p class="lx-head">
              {w.gatesHead} <span>{w.gatesHeadNote}</span>
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
          <div class="lx-block" aria-label={w.valuesLabel} role="group">
            <p class="lx-head">
              {w.valuesHead} <span>{w.valuesHeadNote}</span>
            </p>
            <AxisRow axis={VALUE_AXIS} ticks={VALUE_TICKS} />
            <Row id="cprev" name={ctm1} formula={w.oldMemory} v={state.cPrev} axis={VALUE_AXIS} colour={C_COLOUR} />
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
              formula={w.kept}
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
              formula={w.written}
              v={v.written}
              axis={VALUE_AXIS}
              colour={GATE_INFO.i.colour}
            />
            <Row id="c" name={ct} formula={w.newMemory} v={v.c} axis={VALUE_AXIS} colour={C_COLOUR} />
            <Row
              id="phic"
              name={
                <>
                  {phi}({ct})
                </>
              }
              formula={w.squashed}
              v={v.phiC}
              axis={VALUE_AXIS}
              colour={H_COLOUR}
            />
            <Row id="h" name={ht} formula={w.output} v={v.h} axis={VALUE_AXIS} colour={H_COLOUR} warn={outside(v.h, -1, 1)} />
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
          <ul class="lx-notes" data-testid="notes">
            {notes.length > 0 ? notes.map((n) => <li key={n}>{n}</li>) : <li class="lx-note-none">{w.noteNone}</li>}
          </ul>
          {/* Announced once a drag settles, not on every frame (the list above follows every frame). */}
          <p class="visually-hidden" aria-live="polite" data-testid="notes-announced">
            {announced}
          </p>
        </div>

        <div class="lx-controls">
          <fieldset class="lx-fs">
            <legend>{w.comingIn}</legend>
            <NumberControl
              w={w}
              id="lx-x"
              label={<var>x</var>}
              name={w.inputX}
              value={state.x}
              range={RANGES.x}
              onChange={(x, now) => setIn('x', x, now)}
            />
            <NumberControl
              w={w}
              id="lx-h"
              label={htm1}
              name={w.prevHidden}
              value={state.hPrev}
              range={RANGES.hPrev}
              onChange={(x, now) => setIn('hPrev', x, now)}
            />
            <NumberControl
              w={w}
              id="lx-c"
              label={ctm1}
              name={w.prevCell}
              value={state.cPrev}
              range={RANGES.cPrev}
              onChange={(x, now) => setIn('cPrev', x, now)}
            />
          </fieldset>
          {(['i', 'f', 'g', 'o'] as const).map((q) => (
            <fieldset class="lx-fs" key={q}>
              <legend>
                <span class="lx-key" style={{ background: GATE_INFO[q].colour }} aria-hidden="true" />
                {w.gateName[q]}
                {lang === 'zh' ? '：' : ': '}
                <var>z</var> = <var>w</var>
                <Sub>x</Sub>·<var>x</var> + <var>w</var>
                <Sub>h</Sub>·{htm1} + <var>b</var>
              </legend>
              <NumberControl
                w={w}
                id={`lx-${q}x`}
                label={
                  <>
                    <var>w</var>
                    <Sub>x</Sub>
                  </>
                }
                name={w.inputWeight(w.gateName[q])}
                value={state.params[q].wx}
                range={RANGES.weight}
                onChange={(x, now) => setParam(q, 'wx', x, now)}
              />
              <NumberControl
                w={w}
                id={`lx-${q}h`}
                label={
                  <>
                    <var>w</var>
                    <Sub>h</Sub>
                  </>
                }
                name={w.recurrentWeight(w.gateName[q])}
                value={state.params[q].wh}
                range={RANGES.weight}
                onChange={(x, now) => setParam(q, 'wh', x, now)}
              />
              <NumberControl
                w={w}
                id={`lx-${q}b`}
                label={<var>b</var>}
                name={w.bias(w.gateName[q])}
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
