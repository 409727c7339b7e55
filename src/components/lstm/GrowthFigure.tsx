/**
 * Figure "growth" (static, server-rendered): the cell state of a one-unit LSTM over a long constant input grows far
 * beyond 1; h_t = o·φ(c_t) with φ = tanh stays below 1, with φ = identity or ReLU it follows c_t. Data from
 * src/site/numbers/why-sigmoid.ts, computed at build time.
 */
import { Figure } from '../figures/Figure';
import { SeriesPlot } from './SeriesPlot';
import { describeSeries, seriesTable, type SeriesSpec } from '../../figures/lstm/series';
import { formatNumber } from '../../figures/format';
import { niceDomain } from '../../figures/scale';
import { GROWTH, whySigmoidNumbers } from '../../site/numbers/why-sigmoid';

export default function GrowthFigure() {
  const g = whySigmoidNumbers().growth;
  const bound = g.c.map((_, k) => k + 1);
  const spec: SeriesSpec = {
    yName: 'value',
    yDomain: [0, niceDomain(bound)[1]],
    series: [
      { id: 'bound', label: 'the bound |c| ≤ t', values: bound, colour: 'muted', dash: 'dash', faint: true },
      { id: 'c', label: 'cell state c', values: g.c, colour: 3 },
      { id: 'h-id', label: 'h with an identity or ReLU output', values: g.h.identity, colour: 2, dash: 'dash' },
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
      { id: 'h-tanh-pos', label: `h with a tanh output, x = ${formatNumber(GROWTH.x)}`, values: g.h.tanh, colour: 1 },
      {
        id: 'h-tanh-neg',
        label: `h with a tanh output, x = ${formatNumber(-GROWTH.x)}`,
        values: g.hNeg.tanh,
        colour: 1,
        dash: 'dash',
      },
      {
        id: 'h-relu-neg',
        label: `h with a ReLU output, x = ${formatNumber(-GROWTH.x)}`,
        values: g.hNeg.relu,
        colour: 2,
        dash: 'dash',
      },
    ],
  };
  const id = 'fig-growth';
  return (
    <Figure
      id={id}
      width="body"
      title="The cell state is not bounded; tanh bounds the output."
      caption={
        <>
          One unit, {GROWTH.T} steps of the constant input <var>x</var> = {GROWTH.x}; the gates are set by their biases alone (
          <var>i</var> = <var>o</var> = {formatNumber(g.i, 4)}, <var>f</var> = {formatNumber(g.f, 4)}) and the candidate is{' '}
          <var>g</var> = tanh({GROWTH.wg}·<var>x</var>) = {formatNumber(g.g, 4)}. The cell state climbs towards{' '}
          {formatNumber(g.steady, 4)} = <var>i</var>·<var>g</var>/(1 − <var>f</var>); with a tanh output, <var>h</var>
          <sub>t</sub> stays at {formatNumber(g.table.at(-1)!.hTanh, 4)}.
        </>
      }
      description={`${describeSeries(spec)}. Hidden state, second panel — ${describeSeries(out)}.`}
      data={seriesTable({ ...spec, series: [...spec.series, ...out.series] }, 10)}
      dataCaption="Every 10th step (4 significant digits). With the positive input the ReLU output equals the identity output."
    >
      <div class="fig-body">
        <SeriesPlot
          spec={spec}
          heading="Cell state, and the output without squashing"
          label="Cell state and unsquashed hidden state over the steps"
          describedBy={`${id}-desc`}
          wide={{ width: 640, height: 260 }}
          narrow={{ width: 360, height: 250 }}
        />
        <SeriesPlot
          spec={out}
          heading="The output with tanh (and ReLU on a negative memory)"
          label="Hidden state with a tanh output for positive and negative input, and with a ReLU output for negative input"
          describedBy={`${id}-desc`}
          wide={{ width: 640, height: 190 }}
          narrow={{ width: 360, height: 190 }}
        />
      </div>
    </Figure>
  );
}
