/**
 * Island: `<SigmoidTanhMorph client:visible />` — a slider t ∈ [0, 1] turns σ(z) into tanh(z) = 2σ(2z) − 1 through
 * g_t(z) = (1 + t)·σ((1 + t)z) − t, with the tangent at 0 showing the slope grow from ¼ to 1. URL: `#fig-morph=t:0.5,x:1`.
 * In no particular language: its entries (./SigmoidTanhMorph.tsx, ../zh/SigmoidTanhMorph.tsx) load the words of theirs first.
 */
import type { ComponentChildren } from 'preact';
import { morphDescription, morphParams, morphSlopeAt0, morphSpec, morphState } from '../../figures/morph';
import { formatNumber } from '../../figures/format';
import { FUNCTION_PLOT, MORPH } from '../../i18n/function-figures';
import { Figure, descriptionId, type FigureWidth } from './Figure';
import { FunctionPlot } from './FunctionPlot';
import { Controls, Slider } from './controls';
import { useFunctionFigure } from './function-figure';
import type { Lang } from '../../i18n/core';

export interface SigmoidTanhMorphProps {
  readonly width?: FigureWidth | undefined;
  readonly children?: ComponentChildren;
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

export default function SigmoidTanhMorph({ width = 'body', children, lang = 'en' }: SigmoidTanhMorphProps) {
  const def = morphState;
  const { fig, s, spec, ref, visible, hydrated, shell } = useFunctionFigure(def, lang, {
    spec: morphSpec,
    describe: morphDescription,
  });
  const k = FUNCTION_PLOT[lang];
  const w = MORPH[lang];
  const { a, b, c } = morphParams(fig.state.t);
  const id = def.key;
  return (
    <Figure {...shell} width={width} title={w.title} caption={children ?? w.caption}>
      <div ref={ref} class="fig-body">
        <Controls label={k.figureControls}>
          <Slider
            id={`${id}-t`}
            label={w.slider}
            min={0}
            max={1}
            step={0.01}
            value={fig.state.t}
            display={formatNumber(fig.state.t, 3)}
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
        </Controls>
        <FunctionPlot
          id={id}
          spec={spec}
          cursor={s.x}
          onCursor={(x) => fig.update((p) => ({ ...p, x }))}
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
