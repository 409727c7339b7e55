/**
 * The cell explorer's plotted values as CSV (loaded when the reader asks for it): every quantity the figure draws as
 * a bar, with its symbol, at full float64 precision.
 *
 * @module
 */
import { downloadCsv, type CsvTable } from '../csv.ts';
import type { Lang } from '../../i18n/core.ts';
import type { CellValues, ExplorerState } from './explorer.ts';

const HEAD = {
  en: ['quantity', 'value (dimensionless)'],
  zh: ['量', '数值（无量纲）'],
} as const;

/** One row per quantity: the inputs, the four pre-activations, the gates, and what the cell computes from them. */
export function cellCsv(state: ExplorerState, v: CellValues, lang: Lang = 'en'): CsvTable {
  const rows: [string, number][] = [
    ['x_t', state.x],
    ['h_{t-1}', state.hPrev],
    ['c_{t-1}', state.cPrev],
    ['z_i', v.z.i],
    ['z_f', v.z.f],
    ['z_g', v.z.g],
    ['z_o', v.z.o],
    ['i', v.i],
    ['f', v.f],
    ['g', v.g],
    ['o', v.o],
    ['f*c_{t-1}', v.kept],
    ['i*g', v.written],
    ['c_t', v.c],
    ['phi(c_t)', v.phiC],
    ['h_t', v.h],
  ];
  return { columns: HEAD[lang], rows };
}

/** Offers the table as a download (the figure's button calls this). */
export function saveCellCsv(state: ExplorerState, v: CellValues, lang: Lang): void {
  downloadCsv(cellCsv(state, v, lang), 'fig-cell');
}
