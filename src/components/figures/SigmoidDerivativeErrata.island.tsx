/**
 * Island: `<SigmoidDerivativeErrata client:visible />` — the forum answer's sigmoid derivative (as typed, and with
 * the intended parentheses) against the correct σ′(z) = σ(z)(1 − σ(z)). URL: `#fig-errata=d:-5_5,typed:1,sign:1,x:-1`.
 * In no particular language: its entries (./SigmoidDerivativeErrata.tsx, ../zh/SigmoidDerivativeErrata.tsx) load the words of theirs first.
 */
import type { ComponentChildren } from 'preact';
import { errataDescription, errataSpec, errataState, ERRATA_LIMITS } from '../../figures/errata';
import { ERRATA, FUNCTION_PLOT } from '../../i18n/function-figures';
import { Figure, descriptionId, type FigureWidth } from './Figure';
import { FunctionPlot } from './FunctionPlot';
import { Controls, Toggle } from './controls';
import { useFunctionFigure, ZoomSlider } from './function-figure';
import type { Lang } from '../../i18n/core';

export interface SigmoidDerivativeErrataProps {
  readonly width?: FigureWidth | undefined;
  readonly children?: ComponentChildren;
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

export default function SigmoidDerivativeErrata({ width = 'body', children, lang = 'en' }: SigmoidDerivativeErrataProps) {
  const def = errataState;
  const { fig, s, spec, ref, visible, hydrated, shell } = useFunctionFigure(def, lang, {
    spec: errataSpec,
    describe: errataDescription,
  });
  const k = FUNCTION_PLOT[lang];
  const w = ERRATA[lang];
  const id = def.key;
  return (
    <Figure {...shell} width={width} title={w.title} caption={children ?? w.caption}>
      <div ref={ref} class="fig-body">
        <Controls label={k.figureControls}>
          <ZoomSlider id={id} fig={fig} limits={ERRATA_LIMITS} lang={lang} />
          <Toggle
            id={`${id}-sign`}
            label={w.withParentheses}
            checked={fig.state.sign}
            onValue={(sign) => fig.set((p) => ({ ...p, sign }))}
          />
          <Toggle
            id={`${id}-typed`}
            label={w.asTyped}
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
