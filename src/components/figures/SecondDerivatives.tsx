/**
 * Island: `<SecondDerivatives client:visible />` — σ″ and tanh″ with their extrema marked, optionally the overlay
 * 8σ″(2z) (identical to tanh″) and the first derivatives. URL: `#fig-d2=d:-6_6,ov:0,d1:0,x:1`.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import {
  D2_LIMITS,
  secondDerivativeDescription,
  secondDerivativeSpec,
  secondDerivativeState,
} from '../../figures/second-derivative';
import { dataTable, sampleCurves } from '../../figures/function-plot';
import { formatNumber } from '../../figures/format';
import { Figure, descriptionId, type FigureWidth } from './Figure';
import { FunctionPlot } from './FunctionPlot';
import { Controls, Slider, Toggle } from './controls';
import { useFigureState, useHydrated, useSettled, useVisible, useWhenVisible } from './hooks';

export interface SecondDerivativesProps {
  readonly width?: FigureWidth | undefined;
  readonly children?: ComponentChildren;
}

export default function SecondDerivatives({ width = 'body', children }: SecondDerivativesProps) {
  const def = secondDerivativeState;
  const fig = useFigureState(def);
  const hydrated = useHydrated();
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const s = useWhenVisible(fig.state, visible);
  const spec = useMemo(() => secondDerivativeSpec(s), [s]);
  // The text alternative and the data table follow the state once a drag settles (they need not run at 60 fps).
  const settled = useSettled(s);
  const settledSpec = useMemo(() => (settled === s ? spec : secondDerivativeSpec(settled)), [settled, s, spec]);
  const description = useMemo(
    () => secondDerivativeDescription(settled, settledSpec, { samples: sampleCurves(settledSpec, 601) }),
    [settled, settledSpec],
  );
  const data = useMemo(() => dataTable(settledSpec), [settledSpec]);
  const id = def.key;
  return (
    <Figure
      id={id}
      width={width}
      title="Second derivatives of σ and tanh."
      caption={
        children ??
        'Blue: tanh″; vermillion (dashed): σ″; dots mark their extrema. Tick “8σ″(2z)” to overlay the rescaled sigmoid curve: it lies exactly on tanh″.'
      }
      description={description}
      data={data}
      problems={fig.problems}
      status={fig.status}
      onCopyLink={fig.copyLink}
      hydrated={hydrated}
    >
      <div ref={ref} class="fig-body">
        <Controls label="Figure controls">
          <Slider
            id={`${id}-zoom`}
            label="z range ±"
            min={0.5}
            max={D2_LIMITS.max}
            step={0.5}
            value={(fig.state.d[1] - fig.state.d[0]) / 2}
            display={`${formatNumber(fig.state.d[0])} to ${formatNumber(fig.state.d[1])}`}
            valueText={`z from ${formatNumber(fig.state.d[0])} to ${formatNumber(fig.state.d[1])}`}
            onValue={(w) =>
              fig.update((p) => {
                const c = Math.min(D2_LIMITS.max - w, Math.max(D2_LIMITS.min + w, (p.d[0] + p.d[1]) / 2));
                return { ...p, d: [c - w + 0, c + w + 0] };
              })
            }
          />
          <Toggle id={`${id}-ov`} label="8σ″(2z)" checked={fig.state.ov} onValue={(ov) => fig.set((p) => ({ ...p, ov }))} />
          <Toggle id={`${id}-d1`} label="σ′ and tanh′" checked={fig.state.d1} onValue={(d1) => fig.set((p) => ({ ...p, d1 }))} />
        </Controls>
        <FunctionPlot
          id={id}
          spec={spec}
          cursor={s.x}
          onCursor={(x) => fig.update((p) => ({ ...p, x }))}
          onDomain={(d) => fig.update((p) => ({ ...p, d }))}
          limits={D2_LIMITS}
          label="Second derivatives of σ and tanh"
          describedBy={descriptionId(id)}
          hydrated={hydrated}
          active={visible}
        />
      </div>
    </Figure>
  );
}
