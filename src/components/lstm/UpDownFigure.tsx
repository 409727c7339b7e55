/**
 * Figure "up-down" (static, server-rendered): the cell state of an LSTM on the ±1 "up and down" sequence with a
 * tanh, a sigmoid and a ReLU candidate — hand-set (gates open, the cell adds g) and trained (one unit) — plus the
 * trained cells' predictions. All data from src/numbers/why-sigmoid-and-tanh.ts, computed at build time. Its full
 * data table (every step) is printed on the article's appendix (UpDownData.tsx), linked from the Data view.
 */
import '../../i18n/zh/lstm-series.ts'; // server-only figure: its Chinese words, for the Chinese pages
import { Figure } from '../figures/Figure';
import { SeriesPlot } from './SeriesPlot';
import { describeSeries, seriesTable, type Series, type SeriesSpec } from '../../figures/lstm/series';
import { formatNumber } from '../../figures/format';
import { ACCUMULATOR, UPDOWN, whySigmoidNumbers, type Candidate } from '../../numbers/why-sigmoid-and-tanh';
import { UPDOWN as WORDS } from '../../i18n/lstm';
import type { Lang } from '../../i18n/core';
import { Rich } from '../figures/Rich';
import { dataHref } from './data-at';

const COLOUR = { tanh: 1, sigmoid: 2, relu: 3 } as const;
const NAME: Record<Candidate, string> = { tanh: 'tanh', sigmoid: 'sigmoid', relu: 'ReLU' };

export interface UpDownFigureProps {
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

/** The figure's series and its data table, for the figure and for its table on the appendix. */
export function upDownModel(lang: Lang) {
  const w = WORDS[lang];
  const n = whySigmoidNumbers().updown;
  const candidates: readonly Candidate[] = ['tanh', 'sigmoid', 'relu'];
  const handSpec: SeriesSpec = {
    yName: 'c',
    series: [
      { id: 'sum', label: w.runningSum, values: n.sum, colour: 'muted', dash: 'dash', step: true, faint: true },
      ...candidates.map((k): Series => ({
        id: `hand-${k}`,
        label: w.candidate(NAME[k]),
        values: n.handSet[k].c,
        colour: COLOUR[k],
      })),
    ],
  };
  const trainedC: SeriesSpec = {
    yName: 'c',
    series: candidates.map((k): Series => ({
      id: `tc-${k}`,
      label: w.candidate(NAME[k]),
      values: n.run(k, 1).cDisplay,
      colour: COLOUR[k],
    })),
  };
  const trainedY: SeriesSpec = {
    yName: 'ŷ',
    series: [
      {
        id: 'target',
        label: w.target,
        values: n.target,
        colour: 'muted',
        dash: 'dash',
        step: true,
        faint: true,
      },
      ...candidates.map((k): Series => ({
        id: `ty-${k}`,
        label: w.mse(NAME[k], formatNumber(n.run(k, 1).mse, 2)),
        values: n.run(k, 1).yDisplay,
        colour: COLOUR[k],
      })),
    ],
  };
  const table = seriesTable({
    yName: '',
    series: [
      { id: 'x', label: 'x', values: n.u, colour: 'muted' },
      ...handSpec.series,
      ...trainedC.series.map((s) => ({ ...s, label: w.trainedC(s.label) })),
    ],
  });
  return { w, n, handSpec, trainedC, trainedY, table };
}

export default function UpDownFigure({ lang = 'en' }: UpDownFigureProps) {
  const { w, n, handSpec, trainedC, trainedY, table } = upDownModel(lang);
  const id = 'fig-up-down';
  const description = w.description(
    String(n.displaySeed),
    String(UPDOWN.T),
    String(n.sumMin),
    String(n.sumMax),
    describeSeries(handSpec, 3, lang),
    describeSeries(trainedC, 3, lang),
    describeSeries(trainedY, 3, lang),
  );
  return (
    <Figure
      id={id}
      width="body"
      title={w.title}
      caption={
        <Rich
          text={w.caption(String(ACCUMULATOR.gateBias), formatNumber(n.gateValue, 5), String(UPDOWN.seed), String(UPDOWN.steps))}
        />
      }
      description={description}
      data={table}
      dataCaption={w.dataCaption}
      dataAt={{ href: dataHref(lang, id), text: w.dataAt }}
      lang={lang}
    >
      <div class="fig-body">
        <SeriesPlot spec={handSpec} heading={w.handHeading} label={w.handLabel} describedBy={`${id}-desc`} inputs={n.u} />
        <SeriesPlot spec={trainedC} heading={w.trainedHeading} label={w.trainedLabel} describedBy={`${id}-desc`} />
        <SeriesPlot spec={trainedY} heading={w.predHeading} label={w.predLabel} describedBy={`${id}-desc`} />
      </div>
    </Figure>
  );
}
