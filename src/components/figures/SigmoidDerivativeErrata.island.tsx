/**
 * Island: `<SigmoidDerivativeErrata client:visible />` — the forum answer's sigmoid derivative (as typed, and with
 * the intended parentheses) against the correct σ′(z) = σ(z)(1 − σ(z)). URL: `#fig-errata=d:-5_5,typed:1,sign:1,x:-1`.
 * In no particular language: its entries (./SigmoidDerivativeErrata.tsx, ../zh/SigmoidDerivativeErrata.tsx) load the words of theirs first.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { errataDescription, errataSpec, errataState, ERRATA_LIMITS } from '../../figures/errata';
import { dataTable, sampleCurves } from '../../figures/function-plot';
import { formatNumber } from '../../figures/format';
import { ERRATA, EXPLORER, FUNCTION_PLOT } from '../../figures/i18n/function-figures';
import { Figure, descriptionId, type FigureWidth } from './Figure';
import { FunctionPlot } from './FunctionPlot';
import { Controls, Slider, Toggle } from './controls';
import { useFigureState, useHydrated, useSettledDerived, useVisible, useWhenVisible } from './hooks';
import type { Lang } from '../../figures/i18n/core';

export interface SigmoidDerivativeErrataProps {
  readonly width?: FigureWidth | undefined;
  readonly children?: ComponentChildren;
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

export default function SigmoidDerivativeErrata({ width = 'body', children, lang = 'en' }: SigmoidDerivativeErrataProps) {
  const def = errataState;
  const fig = useFigureState(def, lang);
  const k = FUNCTION_PLOT[lang];
  const w = ERRATA[lang];
  const hydrated = useHydrated();
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const s = useWhenVisible(fig.state, visible);
  const spec = useMemo(() => errataSpec(s, lang), [s, lang]);
  // The text alternative and the data table follow the state once a drag settles (they need not run at 60 fps).
  const [settled, settledSpec] = useSettledDerived(s, spec, (v) => errataSpec(v, lang), [lang]);
  const description = useMemo(
    () => errataDescription(settled, settledSpec, { samples: sampleCurves(settledSpec, 601) }, lang),
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
            max={ERRATA_LIMITS.max}
            step={0.5}
            value={(fig.state.d[1] - fig.state.d[0]) / 2}
            display={k.rangeDisplay(formatNumber(fig.state.d[0]), formatNumber(fig.state.d[1]))}
            valueText={EXPLORER[lang].zValueText(formatNumber(fig.state.d[0]), formatNumber(fig.state.d[1]))}
            onValue={(w) =>
              fig.update((p) => {
                const c = Math.min(ERRATA_LIMITS.max - w, Math.max(ERRATA_LIMITS.min + w, (p.d[0] + p.d[1]) / 2));
                return { ...p, d: [c - w + 0, c + w + 0] };
              })
            }
          />
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
