/**
 * "Use my own weights" in the cell explorer: the reader's LSTM (layer and direction of their choice) on a probe
 * sequence (src/figures/byo/probe.ts), one unit j at one step t — its pre-activations, gates, candidate, cell and
 * hidden state, as bars and exact numbers — and the share of saturated gates over all units at that step.
 * Loaded only when the reader asks for it (the explorer's "Use my own weights" button).
 */
import { useState } from 'preact/hooks';
import { saturation, unitAt, type CellTrace } from '../../figures/byo/view';
import { wholeNumberIn } from '../../figures/byo/limits';
import { BYO } from '../../i18n/byo';
import type { Lang } from '../../i18n/core';
import { ByoLayout, ByoPanel, ByoProbe, useByo, WholeNumberField } from './ByoLoader';

export interface ByoCellProps {
  readonly id: string;
  readonly lang: Lang;
  readonly onClose: () => void;
}

/** A bar on [lo, hi] from 0 to v (clipped, with the value's sign). */
function Bar({ v, lo, hi }: { v: number; lo: number; hi: number }) {
  const pos = (x: number) => ((Math.min(hi, Math.max(lo, x)) - lo) / (hi - lo)) * 100;
  const a = pos(0);
  const b = Number.isFinite(v) ? pos(v) : a;
  return (
    <svg class="byo-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <line x1={a} x2={a} y1="0" y2="10" class="byo-zero" />
      <rect x={Math.min(a, b)} y="2" width={Math.abs(b - a)} height="6" />
    </svg>
  );
}

/** `sig` significant digits, no trailing zeros, a true minus sign (the panel's own, so its chunk imports no page chunk). */
export function formatSig(v: number, sig: number): string {
  if (!Number.isFinite(v)) return String(v);
  const s = Number(v.toPrecision(sig)).toString();
  return s.replace('-', '−');
}

const pct = (x: number) => `${formatSig(100 * x, 3)} %`;

function UnitView({ tr, id, lang }: { tr: CellTrace; id: string; lang: Lang }) {
  const w = BYO[lang];
  const [j, setJ] = useState(0);
  const [t, setT] = useState(tr.T - 1);
  const jj = Math.min(j, tr.H - 1);
  const tt = Math.min(t, tr.T - 1);
  const u = unitAt(tr, tt, jj);
  const sat = saturation(tr, tt);
  const rows: [string, string, number, number, number][] = [
    ['zi', 'z_i', u.z.i, -6, 6],
    ['i', 'i', u.i, 0, 1],
    ['zf', 'z_f', u.z.f, -6, 6],
    ['f', 'f', u.f, 0, 1],
    ['zg', 'z_g', u.z.g, -6, 6],
    ['g', 'g', u.g, -1, 1],
    ['zo', 'z_o', u.z.o, -6, 6],
    ['o', 'o', u.o, 0, 1],
    ['cprev', 'c_{t−1}', u.cPrev, -2, 2],
    ['c', 'c_t', u.c, -2, 2],
    ['phic', 'φ(c_t)', u.phiC, -1, 1],
    ['h', 'h_t', u.h, -1, 1],
  ];
  return (
    <div class="byo-unit">
      <p class="byo-pick">
        <label>
          {w.unit}{' '}
          <WholeNumberField
            id={`${id}-byo-unit`}
            value={jj}
            min={0}
            max={tr.H - 1}
            parse={(text) => wholeNumberIn(text, 0, tr.H - 1)}
            onValue={setJ}
          />
        </label>{' '}
        <label>
          {w.step}{' '}
          <input
            id={`${id}-byo-step`}
            type="range"
            min={0}
            max={tr.T - 1}
            step={1}
            value={tt}
            aria-valuetext={`t = ${tt}`}
            onInput={(e) => setT(Number((e.currentTarget as HTMLInputElement).value))}
          />{' '}
          <output>{tt}</output>
        </label>
      </p>
      <table class="byo-values" data-unit={jj} data-step={tt}>
        <caption>{w.unitHead(String(jj), String(tt))}</caption>
        <tbody>
          {rows.map(([key, name, v, lo, hi]) => (
            <tr key={key} data-q={key} data-value={String(v)}>
              <th scope="row">{name}</th>
              <td>
                <Bar v={v} lo={lo} hi={hi} />
              </td>
              <td class="byo-num">{formatSig(v, 6)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="byo-sat" data-sat={JSON.stringify(sat)}>
        {w.saturated(String(tt), pct(sat.i), pct(sat.f), pct(sat.o), pct(sat.g))}
      </p>
    </div>
  );
}

export default function ByoCell({ id, lang, onClose }: ByoCellProps) {
  const w = BYO[lang];
  const byo = useByo('cell');
  const { state } = byo;
  const tr = state.status === 'done' && state.result.kind === 'cell' ? state.result.trace : null;
  return (
    <ByoPanel byo={byo} figure="cell" id={id} lang={lang} onClose={onClose}>
      <ByoLayout byo={byo} id={id} lang={lang} cellName="LSTM" />
      <ByoProbe byo={byo} figure="cell" id={id} lang={lang} />
      {tr && <UnitView tr={tr} id={id} lang={lang} />}
      {state.status === 'done' && <p class="byo-note">{w.computed(state.ms.toFixed(0))}</p>}
    </ByoPanel>
  );
}
