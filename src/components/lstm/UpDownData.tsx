/** The "up and down" figure's full data table (every step), printed on the core article's appendix. */
import { DataTableView } from '../figures/Figure';
import type { Lang } from '../../i18n/core';
import { upDownModel } from './UpDownFigure';
import { dataId } from './data-at';

export interface UpDownDataProps {
  /** Language of the table's words (default English). */
  readonly lang?: Lang | undefined;
}

export default function UpDownData({ lang = 'en' }: UpDownDataProps) {
  const { w, table } = upDownModel(lang);
  return <DataTableView id={dataId('fig-up-down')} title={w.title} data={table} caption={w.dataCaption} lang={lang} />;
}
