/**
 * Island: `<SigmoidDerivativeErrata client:visible />` — the forum answer's sigmoid derivative (as typed, and with
 * the intended parentheses) against the correct σ′(z) = σ(z)(1 − σ(z)). URL: `#fig-errata=d:-5_5,typed:1,sign:1,x:-1`.
 * In no particular language: its entries (./SigmoidDerivativeErrata.tsx, ../zh/SigmoidDerivativeErrata.tsx) load the words of theirs first.
 */
import type { ComponentChildren } from 'preact';
import { errataDescription, errataSpec, errataState, ERRATA_LIMITS } from '../../figures/errata';
import { ERRATA } from '../../i18n/function-figures';
import type { FigureWidth } from './Figure';
import { FunctionFigureFrame, StateToggle, useFunctionFigure, ZoomSlider } from './function-figure';
import type { Lang } from '../../i18n/core';

export interface SigmoidDerivativeErrataProps {
  readonly width?: FigureWidth | undefined;
  readonly children?: ComponentChildren;
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

export default function SigmoidDerivativeErrata({ width = 'body', children, lang = 'en' }: SigmoidDerivativeErrataProps) {
  const def = errataState;
  const figure = useFunctionFigure(def, lang, { spec: errataSpec, describe: errataDescription });
  const { fig } = figure;
  const w = ERRATA[lang];
  const id = def.key;
  return (
    <FunctionFigureFrame
      figure={figure}
      width={width}
      title={w.title}
      caption={children ?? w.caption}
      plotLabel={w.plotLabel}
      limits={ERRATA_LIMITS}
      lang={lang}
    >
      <ZoomSlider id={id} fig={fig} limits={ERRATA_LIMITS} lang={lang} />
      <StateToggle id={id} fig={fig} field="sign" label={w.withParentheses} />
      <StateToggle id={id} fig={fig} field="typed" label={w.asTyped} />
    </FunctionFigureFrame>
  );
}
