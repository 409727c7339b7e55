/**
 * Island: `<SecondDerivatives client:visible />` — σ″ and tanh″ with their extrema marked, optionally the overlay
 * 8σ″(2z) (identical to tanh″) and the first derivatives. URL: `#fig-d2=d:-6_6,ov:0,d1:0,x:1`.
 * In no particular language: its entries (./SecondDerivatives.tsx, ../zh/SecondDerivatives.tsx) load the words of theirs first.
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
import { EXPLORER, FUNCTION_PLOT, SECOND_DERIVATIVES } from '../../figures/i18n/function-figures';
import { Figure, descriptionId, type FigureWidth } from './Figure';
import { FunctionPlot } from './FunctionPlot';
import { Controls, Slider, Toggle } from './controls';
import { useFigureState, useHydrated, useSettledDerived, useVisible, useWhenVisible } from './hooks';
import type { Lang } from '../../figures/i18n/core';

export interface SecondDerivativesProps {
  readonly width?: FigureWidth | undefined;
  readonly children?: ComponentChildren;
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

export default function SecondDerivatives({ width = 'body', children, lang = 'en' }: SecondDerivativesProps) {
  const def = secondDerivativeState;
  const fig = useFigureState(def, lang);
  const k = FUNCTION_PLOT[lang];
  const w = SECOND_DERIVATIVES[lang];
  const hydrated = useHydrated();
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const s = useWhenVisible(fig.state, visible);
  const spec = useMemo(() => secondDerivativeSpec(s), [s]);
  // The text alternative and the data table follow the state once a drag settles (they need not run at 60 fps).
  const [settled, settledSpec] = useSettledDerived(s, spec, secondDerivativeSpec, []);
  const description = useMemo(
    () => secondDerivativeDescription(settled, settledSpec, { samples: sampleCurves(settledSpec, 601) }, lang),
    [settled, settledSpec, lang],
  );
  const data = useMemo(() => dataTable(settledSpec), [settledSpec]);
  const id = def.key;
  return (
    <Figure
      id={id}
      width={width}
      title={w.title}
      caption={children ?? w.caption}
      description={description}
      data={data}
      problems={fig.problems}
      status={fig.status}
      onCopyLink={fig.copyLink}
      hydrated={hydrated}
      lang={lang}
    >
      <div ref={ref} class="fig-body">
        <Controls label={k.figureControls}>
          <Slider
            id={`${id}-zoom`}
            label={k.zoomLabel}
            min={0.5}
            max={D2_LIMITS.max}
            step={0.5}
            value={(fig.state.d[1] - fig.state.d[0]) / 2}
            display={k.rangeDisplay(formatNumber(fig.state.d[0]), formatNumber(fig.state.d[1]))}
            valueText={EXPLORER[lang].zValueText(formatNumber(fig.state.d[0]), formatNumber(fig.state.d[1]))}
            onValue={(w) =>
              fig.update((p) => {
                const c = Math.min(D2_LIMITS.max - w, Math.max(D2_LIMITS.min + w, (p.d[0] + p.d[1]) / 2));
                return { ...p, d: [c - w + 0, c + w + 0] };
              })
            }
          />
          <Toggle id={`${id}-ov`} label="8σ″(2z)" checked={fig.state.ov} onValue={(ov) => fig.set((p) => ({ ...p, ov }))} />
          <Toggle
            id={`${id}-d1`}
            label={w.firstDerivatives}
            checked={fig.state.d1}
            onValue={(d1) => fig.set((p) => ({ ...p, d1 }))}
          />
        </Controls>
        <FunctionPlot
          id={id}
          spec={spec}
          cursor={s.x}
          onCursor={(x) => fig.update((p) => ({ ...p, x }))}
          onDomain={(d) => fig.update((p) => ({ ...p, d }))}
          limits={D2_LIMITS}
          label={w.plotLabel}
          describedBy={descriptionId(id)}
          hydrated={hydrated}
          active={visible}
          lang={lang}
        />
      </div>
    </Figure>
  );
}
