/** The growth figure's data table (every 10th step), printed on the core article's appendix. */
import { DataTableView } from '../figures/Figure';
import type { Lang } from '../../i18n/core';
import { growthModel } from './GrowthFigure';
import { dataId } from './data-at';

export interface GrowthDataProps {
  /** Language of the table's words (default English). */
  readonly lang?: Lang | undefined;
}

export default function GrowthData({ lang = 'en' }: GrowthDataProps) {
  const { w, table } = growthModel(lang);
  return <DataTableView id={dataId('fig-growth')} title={w.title} data={table} caption={w.dataCaption} lang={lang} />;
}
