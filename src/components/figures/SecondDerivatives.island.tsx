/**
 * Island: `<SecondDerivatives client:visible />` — σ″ and tanh″ with their extrema marked, optionally the overlay
 * 8σ″(2z) (identical to tanh″) and the first derivatives. URL: `#fig-d2=d:-6_6,ov:0,d1:0,x:1`.
 * In no particular language: its entries (./SecondDerivatives.tsx, ../zh/SecondDerivatives.tsx) load the words of theirs first.
 */
import type { ComponentChildren } from 'preact';
import {
  D2_LIMITS,
  secondDerivativeDescription,
  secondDerivativeSpec,
  secondDerivativeState,
} from '../../figures/second-derivative';
import { FUNCTION_PLOT, SECOND_DERIVATIVES } from '../../i18n/function-figures';
import { Figure, descriptionId, type FigureWidth } from './Figure';
import { FunctionPlot } from './FunctionPlot';
import { Controls, Toggle } from './controls';
import { useFunctionFigure, ZoomSlider } from './function-figure';
import type { Lang } from '../../i18n/core';

export interface SecondDerivativesProps {
  readonly width?: FigureWidth | undefined;
  readonly children?: ComponentChildren;
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

export default function SecondDerivatives({ width = 'body', children, lang = 'en' }: SecondDerivativesProps) {
  const def = secondDerivativeState;
  const { fig, s, spec, ref, visible, hydrated, shell } = useFunctionFigure(def, lang, {
    spec: secondDerivativeSpec,
    describe: secondDerivativeDescription,
  });
  const k = FUNCTION_PLOT[lang];
  const w = SECOND_DERIVATIVES[lang];
  const id = def.key;
  return (
    <Figure {...shell} width={width} title={w.title} caption={children ?? w.caption}>
      <div ref={ref} class="fig-body">
        <Controls label={k.figureControls}>
          <ZoomSlider id={id} fig={fig} limits={D2_LIMITS} lang={lang} />
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
