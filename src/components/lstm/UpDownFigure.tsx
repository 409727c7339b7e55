/**
 * Figure "up-down" (static, server-rendered): the cell state of an LSTM on the ±1 "up and down" sequence with a
 * tanh, a sigmoid and a ReLU candidate — hand-set (gates open, the cell adds g) and trained (one unit) — plus the
 * trained cells' predictions. All data from src/site/numbers/why-sigmoid.ts, computed at build time.
 */
import { Figure } from '../figures/Figure';
import { SeriesPlot } from './SeriesPlot';
import { describeSeries, seriesTable, type Series, type SeriesSpec } from '../../figures/lstm/series';
import { formatNumber } from '../../figures/format';
import { ACCUMULATOR, UPDOWN, whySigmoidNumbers, type Candidate } from '../../site/numbers/why-sigmoid';

const COLOUR = { tanh: 1, sigmoid: 2, relu: 3 } as const;
const NAME: Record<Candidate, string> = { tanh: 'tanh', sigmoid: 'sigmoid', relu: 'ReLU' };

export default function UpDownFigure() {
  const n = whySigmoidNumbers().updown;
  const candidates: readonly Candidate[] = ['tanh', 'sigmoid', 'relu'];
  const handSpec: SeriesSpec = {
    yName: 'c',
    series: [
      { id: 'sum', label: 'running sum of x', values: n.sum, colour: 'muted', dash: 'dash', step: true, faint: true },
      ...candidates.map((k): Series => ({
        id: `hand-${k}`,
        label: `${NAME[k]} candidate`,
        values: n.handSet[k].c,
        colour: COLOUR[k],
      })),
    ],
  };
  const trainedC: SeriesSpec = {
    yName: 'c',
    series: candidates.map((k): Series => ({
      id: `tc-${k}`,
      label: `${NAME[k]} candidate`,
      values: n.run(k, 1).cDisplay,
      colour: COLOUR[k],
    })),
  };
  const trainedY: SeriesSpec = {
    yName: 'ŷ',
    series: [
      {
        id: 'target',
        label: 'target (running sum / √T)',
        values: n.target,
        colour: 'muted',
        dash: 'dash',
        step: true,
        faint: true,
      },
      ...candidates.map((k): Series => ({
        id: `ty-${k}`,
        label: `${NAME[k]}: MSE ${formatNumber(n.run(k, 1).mse, 2)}`,
        values: n.run(k, 1).yDisplay,
        colour: COLOUR[k],
      })),
    ],
  };
  const id = 'fig-up-down';
  const description =
    `The input sequence (seed ${n.displaySeed}, ${UPDOWN.T} steps) moves up and down; its running sum goes from ${n.sumMin} to ${n.sumMax}. ` +
    `Hand-set cell — ${describeSeries(handSpec)}. Trained one-unit cells, cell state — ${describeSeries(trainedC)}. ` +
    `Trained one-unit cells, prediction — ${describeSeries(trainedY)}.`;
  const table = seriesTable({
    yName: '',
    series: [
      { id: 'x', label: 'x', values: n.u, colour: 'muted' },
      ...handSpec.series,
      ...trainedC.series.map((s) => ({ ...s, label: `trained c, ${s.label}` })),
    ],
  });
  return (
    <Figure
      id={id}
      width="body"
      title="Up and down."
      caption={
        <>
          Top: the input <var>x</var>
          <sub>t</sub> (a mark up for +1, down for −1) and, with every gate held open (bias {ACCUMULATOR.gateBias}, so{' '}
          <var>i</var> = <var>f</var> = <var>o</var> = {formatNumber(n.gateValue, 5)}) and <var>z</var>
          <sub>g</sub> = <var>x</var>
          <sub>t</sub>, the cell state of the same cell with three candidate activations. Middle and bottom: one-unit LSTMs{' '}
          <em>trained</em> on this task (seed {UPDOWN.seed}, Adam, {UPDOWN.steps} steps at most), on the same sequence. Only
          tanh’s cell state goes below zero.
        </>
      }
      description={description}
      data={table}
      dataCaption="Input, running sum and cell states at every step (4 significant digits)."
    >
      <div class="fig-body">
        <SeriesPlot
          spec={handSpec}
          heading="Hand-set: the cell adds g every step"
          label="Cell state of the hand-set cell with each candidate"
          describedBy={`${id}-desc`}
          inputs={n.u}
        />
        <SeriesPlot
          spec={trainedC}
          heading="Trained, one unit: cell state"
          label="Cell state of the trained one-unit cells"
          describedBy={`${id}-desc`}
        />
        <SeriesPlot
          spec={trainedY}
          heading="Trained, one unit: prediction and target"
          label="Predictions of the trained one-unit cells and the target"
          describedBy={`${id}-desc`}
        />
      </div>
    </Figure>
  );
}
