/**
 * Figure "growth" (static, server-rendered): the cell state of a one-unit LSTM over a long constant input grows far
 * beyond 1; h_t = o·φ(c_t) with φ = tanh stays below 1, with φ = identity or ReLU it follows c_t. Data from
 * src/numbers/why-sigmoid-and-tanh.ts, computed at build time. Its data table is printed on the article's appendix
 * (GrowthData.tsx), linked from the Data view.
 */
import '../../i18n/zh/lstm-series.ts'; // server-only figure: its Chinese words, for the Chinese pages
import { Figure } from '../figures/Figure';
import { SeriesPlot } from './SeriesPlot';
import { describeSeries, seriesTable, type SeriesSpec } from '../../figures/lstm/series';
import { formatNumber } from '../../figures/format';
import { niceDomain } from '../../figures/scale';
import { GROWTH, whySigmoidNumbers } from '../../numbers/why-sigmoid-and-tanh';
import { GROWTH as WORDS } from '../../i18n/lstm';
import type { Lang } from '../../i18n/core';
import { Rich } from '../figures/Rich';
import { dataHref } from './data-at';

export interface GrowthFigureProps {
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

/** The figure's series and its data table, for the figure and for its table on the appendix. */
export function growthModel(lang: Lang) {
  const w = WORDS[lang];
  const g = whySigmoidNumbers().growth;
  const bound = g.c.map((_, k) => k + 1);
  const spec: SeriesSpec = {
    yName: w.value,
    yDomain: [0, niceDomain(bound)[1]],
    series: [
      { id: 'bound', label: w.bound, values: bound, colour: 'muted', dash: 'dash', faint: true },
      { id: 'c', label: w.cell, values: g.c, colour: 3 },
      { id: 'h-id', label: w.hIdentity, values: g.h.identity, colour: 2, dash: 'dash' },
    ],
  };
  const out: SeriesSpec = {
    yName: 'h',
    yDomain: [-1.2, 1.2],
    hlines: [
      { y: 1, label: '' },
      { y: -1, label: '' },
    ],
    series: [
      { id: 'h-tanh-pos', label: w.hTanh(formatNumber(GROWTH.x)), values: g.h.tanh, colour: 1 },
      {
        id: 'h-tanh-neg',
        label: w.hTanh(formatNumber(-GROWTH.x)),
        values: g.hNeg.tanh,
        colour: 1,
        dash: 'dash',
      },
      {
        id: 'h-relu-neg',
        label: w.hRelu(formatNumber(-GROWTH.x)),
        values: g.hNeg.relu,
        colour: 2,
        dash: 'dash',
      },
    ],
  };
  return { w, g, spec, out, table: seriesTable({ ...spec, series: [...spec.series, ...out.series] }, 10) };
}

export default function GrowthFigure({ lang = 'en' }: GrowthFigureProps) {
  const { w, g, spec, out, table } = growthModel(lang);
  const id = 'fig-growth';
  return (
    <Figure
      id={id}
      width="body"
      title={w.title}
      caption={
        <Rich
          text={w.caption(
            String(GROWTH.T),
            String(GROWTH.x),
            formatNumber(g.i, 4),
            formatNumber(g.f, 4),
            String(GROWTH.wg),
            formatNumber(g.g, 4),
            formatNumber(g.steady, 4),
            formatNumber(g.table.at(-1)!.hTanh, 4),
          )}
        />
      }
      description={w.description(describeSeries(spec, 3, lang), describeSeries(out, 3, lang))}
      data={table}
      dataCaption={w.dataCaption}
      dataAt={{ href: dataHref(lang, id), text: w.dataAt }}
      lang={lang}
    >
      <div class="fig-body">
        <SeriesPlot
          spec={spec}
          heading={w.cellHeading}
          label={w.cellLabel}
          describedBy={`${id}-desc`}
          wide={{ width: 640, height: 260 }}
          narrow={{ width: 360, height: 250 }}
        />
        <SeriesPlot
          spec={out}
          heading={w.outHeading}
          label={w.outLabel}
          describedBy={`${id}-desc`}
          wide={{ width: 640, height: 190 }}
          narrow={{ width: 360, height: 190 }}
        />
      </div>
    </Figure>
  );
}
