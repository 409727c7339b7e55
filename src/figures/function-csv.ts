/**
 * A function figure's curves as CSV (loaded when the reader asks for it): each curve as the figure samples it for its
 * text alternative — 601 evenly spaced points of the plotted z range, plus both sides of every kink — one row per
 * point, in long form (curve, z, value), since curves with kinks are sampled at different points. The figure passes
 * its samples in, so this module imports nothing from the page's chunks.
 *
 * @module
 */
import { downloadCsv, type CsvTable } from './csv.ts';
import type { Samples } from './sampling.ts';
import type { Lang } from '../i18n/core.ts';

/** A plotted curve: its id (key of the samples), its name in the legend and its shorter name. */
export interface CsvCurve {
  readonly id: string;
  readonly label: string;
  readonly short?: string | undefined;
}

/** The curves as rows (curve, z, value); a gap (NaN: a pen-up at a jump, or no value) is left out. */
export function functionCsv(
  curves: readonly CsvCurve[],
  samples: ReadonlyMap<string, Samples>,
  xName = 'z',
  lang: Lang = 'en',
): CsvTable {
  const columns =
    lang === 'zh'
      ? ['曲线', `${xName}（无量纲）`, '数值（无量纲）']
      : ['curve', `${xName} (dimensionless)`, 'value (dimensionless)'];
  const rows: (number | string)[][] = [];
  for (const c of curves) {
    const s = samples.get(c.id);
    if (!s) continue;
    for (let k = 0; k < s.xs.length; k++) if (!Number.isNaN(s.ys[k]!)) rows.push([c.short ?? c.label, s.xs[k]!, s.ys[k]!]);
  }
  return { columns, rows };
}

/** Offers the table as a download (the figure's button calls this). */
export function saveFunctionCsv(
  curves: readonly CsvCurve[],
  samples: ReadonlyMap<string, Samples>,
  xName: string | undefined,
  lang: Lang,
  figureId: string,
): void {
  downloadCsv(functionCsv(curves, samples, xName, lang), figureId);
}
