/**
 * The gradient-flow figures' plotted data as CSV (loaded when the reader asks for it): per lag, the exact log10 of
 * every plotted norm and its flag (ok, overflow, underflow, zero, undefined), as src/figures/gradients/plot.ts draws
 * them. The figure passes its curves in (`curvesOf`), so this module imports nothing from the page's chunks.
 *
 * @module
 */
import { downloadCsv, type CsvTable } from '../csv.ts';
import type { Lang } from '../../i18n/core.ts';
import type { LagSeries } from './types.ts';

/** A plotted curve: its legend name and its series by lag. */
export interface CsvCurve {
  readonly label: string;
  readonly series: LagSeries;
}

const HEAD = {
  en: { lag: 'lag T − t (steps)', step: 't (step, 0-based)' },
  zh: { lag: '时间差 T − t（步）', step: 't（步，从 0 起）' },
} as const;

/** Per lag k = 0 … T−1 (step t = T−1−k): log10 and flag of every curve, in legend order. */
export function flowCsv(curves: readonly CsvCurve[], T: number, lang: Lang = 'en'): CsvTable {
  const w = HEAD[lang];
  const columns = [
    w.lag,
    w.step,
    ...curves.flatMap((c) =>
      lang === 'zh'
        ? [`log10 ${c.label}（无量纲）`, `${c.label} 的标记`]
        : [`log10 ${c.label} (dimensionless)`, `flag of ${c.label}`],
    ),
  ];
  const rows: (number | string)[][] = [];
  for (let k = 0; k < T; k++) rows.push([k, T - 1 - k, ...curves.flatMap((c) => [c.series.log10[k]!, c.series.flags[k]!])]);
  return { columns, rows };
}

/** Offers the table as a download (the figure's button calls this). */
export function saveFlowCsv(curves: readonly CsvCurve[], T: number, lang: Lang, figureId: string): void {
  downloadCsv(flowCsv(curves, T, lang), figureId);
}
