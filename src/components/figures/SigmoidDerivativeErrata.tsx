/**
 * Island: `<SigmoidDerivativeErrata client:visible />` — the forum answer's sigmoid derivative (as typed, and with
 * the intended parentheses) against the correct σ′(z) = σ(z)(1 − σ(z)). URL: `#fig-errata=d:-5_5,typed:1,sign:1,x:-1`.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { errataDescription, errataSpec, errataState, ERRATA_LIMITS } from '../../figures/errata';
import { dataTable, sampleCurves } from '../../figures/function-plot';
import { formatNumber } from '../../figures/format';
import { Figure, descriptionId, type FigureWidth } from './Figure';
import { FunctionPlot } from './FunctionPlot';
import { Controls, Slider, Toggle } from './controls';
import { useFigureState, useHydrated, useSettled, useVisible, useWhenVisible } from './hooks';

export interface SigmoidDerivativeErrataProps {
  readonly width?: FigureWidth | undefined;
  readonly children?: ComponentChildren;
}

export default function SigmoidDerivativeErrata({ width = 'body', children }: SigmoidDerivativeErrataProps) {
  const def = errataState;
  const fig = useFigureState(def);
  const hydrated = useHydrated();
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const s = useWhenVisible(fig.state, visible);
  const spec = useMemo(() => errataSpec(s), [s]);
  // The text alternative and the data table follow the state once a drag settles (they need not run at 60 fps).
  const settled = useSettled(s);
  const settledSpec = useMemo(() => (settled === s ? spec : errataSpec(settled)), [settled, s, spec]);
  const description = useMemo(
    () => errataDescription(settled, settledSpec, { samples: sampleCurves(settledSpec, 601) }),
    [settled, settledSpec],
  );
  const data = useMemo(() => dataTable(settledSpec), [settledSpec]);
  const id = def.key;
  return (
    <Figure
      id={id}
      width={width}
      title="The forum’s sigmoid derivative, checked."
      caption={
        children ??
        'Green: the correct σ′(z). Vermillion (dashed): the forum formula with the intended parentheses, the mirror image. Purple (dotted): the formula as typed, −e⁻ᶻ + e⁻²ᶻ, which leaves the plot for z < 0.'
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
            max={ERRATA_LIMITS.max}
            step={0.5}
            value={(fig.state.d[1] - fig.state.d[0]) / 2}
            display={`${formatNumber(fig.state.d[0])} to ${formatNumber(fig.state.d[1])}`}
            valueText={`z from ${formatNumber(fig.state.d[0])} to ${formatNumber(fig.state.d[1])}`}
            onValue={(w) =>
              fig.update((p) => {
                const c = Math.min(ERRATA_LIMITS.max - w, Math.max(ERRATA_LIMITS.min + w, (p.d[0] + p.d[1]) / 2));
                return { ...p, d: [c - w + 0, c + w + 0] };
              })
            }
          />
          <Toggle
            id={`${id}-sign`}
            label="with parentheses"
            checked={fig.state.sign}
            onValue={(sign) => fig.set((p) => ({ ...p, sign }))}
          />
          <Toggle
            id={`${id}-typed`}
            label="as typed"
            checked={fig.state.typed}
            onValue={(typed) => fig.set((p) => ({ ...p, typed }))}
          />
        </Controls>
        <FunctionPlot
          id={id}
          spec={spec}
          cursor={s.x}
          onCursor={(x) => fig.update((p) => ({ ...p, x }))}
          onDomain={(d) => fig.update((p) => ({ ...p, d }))}
          limits={ERRATA_LIMITS}
          label="The sigmoid’s derivative, correct and as in the forum answer"
          describedBy={descriptionId(id)}
          hydrated={hydrated}
          active={visible}
        />
      </div>
    </Figure>
  );
}
