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
import { SECOND_DERIVATIVES } from '../../i18n/function-figures';
import type { FigureWidth } from './Figure';
import { FunctionFigureFrame, StateToggle, useFunctionFigure, ZoomSlider } from './function-figure';
import type { Lang } from '../../i18n/core';

export interface SecondDerivativesProps {
  readonly width?: FigureWidth | undefined;
  readonly children?: ComponentChildren;
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

export default function SecondDerivatives({ width = 'body', children, lang = 'en' }: SecondDerivativesProps) {
  const def = secondDerivativeState;
  const figure = useFunctionFigure(def, lang, { spec: secondDerivativeSpec, describe: secondDerivativeDescription });
  const { fig } = figure;
  const w = SECOND_DERIVATIVES[lang];
  const id = def.key;
  return (
    <FunctionFigureFrame
      figure={figure}
      width={width}
      title={w.title}
      caption={children ?? w.caption}
      plotLabel={w.plotLabel}
      limits={D2_LIMITS}
      lang={lang}
    >
      <ZoomSlider id={id} fig={fig} limits={D2_LIMITS} lang={lang} />
      <StateToggle id={id} fig={fig} field="ov" label="8σ″(2z)" />
      <StateToggle id={id} fig={fig} field="d1" label={w.firstDerivatives} />
    </FunctionFigureFrame>
  );
}
