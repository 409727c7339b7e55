/**
 * Island: `<SigmoidTanhMorph client:visible />` — a slider t ∈ [0, 1] turns σ(z) into tanh(z) = 2σ(2z) − 1 through
 * g_t(z) = (1 + t)·σ((1 + t)z) − t, with the tangent at 0 showing the slope grow from ¼ to 1. URL: `#fig-morph=t:0.5,x:1`.
 * In no particular language: its entries (./SigmoidTanhMorph.tsx, ../zh/SigmoidTanhMorph.tsx) load the words of theirs first.
 */
import type { ComponentChildren } from 'preact';
import { MORPH_T, morphDescription, morphParams, morphSlopeAt0, morphSpec, morphState } from '../../figures/morph';
import { formatNumber } from '../../figures/format';
import { MORPH } from '../../i18n/function-figures';
import type { FigureWidth } from './Figure';
import { Slider } from './controls';
import { FunctionFigureFrame, useFunctionFigure } from './function-figure';
import type { Lang } from '../../i18n/core';

export interface SigmoidTanhMorphProps {
  readonly width?: FigureWidth | undefined;
  readonly children?: ComponentChildren;
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

export default function SigmoidTanhMorph({ width = 'body', children, lang = 'en' }: SigmoidTanhMorphProps) {
  const def = morphState;
  const figure = useFunctionFigure(def, lang, { spec: morphSpec, describe: morphDescription });
  const { fig } = figure;
  const w = MORPH[lang];
  const { a, b, c } = morphParams(fig.state.t);
  const id = def.key;
  return (
    <FunctionFigureFrame
      figure={figure}
      width={width}
      title={w.title}
      caption={children ?? w.caption}
      plotLabel={w.plotLabel}
      lang={lang}
    >
      <Slider
        id={`${id}-t`}
        label={w.slider}
        min={MORPH_T.min}
        max={MORPH_T.max}
        step={MORPH_T.step}
        value={fig.state.t}
        display={formatNumber(fig.state.t, 3)}
        widest={formatNumber(MORPH_T.step, 3) /* two decimals, as wide as any t (slider.test.ts) */}
        valueText={w.valueText(
          formatNumber(fig.state.t, 3),
          formatNumber(a, 3),
          formatNumber(b, 3),
          formatNumber(c, 3),
          formatNumber(morphSlopeAt0(fig.state.t), 4),
        )}
        onValue={(t) => fig.update((p) => ({ ...p, t }))}
      />
      <p class="fig-params">
        a = <b>{formatNumber(a, 3)}</b>, b = <b>{formatNumber(b, 3)}</b>, c = <b>{formatNumber(c, 3)}</b>
        {lang === 'zh' ? '；' : '; '}
        {w.slopeAt0} = <b>{formatNumber(morphSlopeAt0(fig.state.t), 4)}</b>
      </p>
    </FunctionFigureFrame>
  );
}
