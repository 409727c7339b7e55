/**
 * Island: `<ActivationExplorer client:visible />` — pick an activation from the registry; see f, f′ and optionally
 * f″; zoom the z range; shade where the unit saturates. URL state: `#fig-act=f:tanh,d:-6_6,d1:1,d2:0,sh:0,x:1`.
 * In no particular language: its entries (./ActivationExplorer.tsx, ../zh/ActivationExplorer.tsx) load the words of theirs first.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ACTIVATION_KEYS, isActivationKey, type ActivationKey } from '../../lib/nn/activations';
import { explorerDescription, explorerSpec, explorerState, Z_LIMITS } from '../../figures/explorer';
import { dataTable, sampleCurves } from '../../figures/function-plot';
import { formatNumber } from '../../figures/format';
import { EXPLORER, FUNCTION_PLOT } from '../../figures/i18n/function-figures';
import { ACTIVATION_NAMES } from '../../figures/i18n/activations';
import { Figure, descriptionId, type FigureWidth } from './Figure';
import { FunctionPlot } from './FunctionPlot';
import { Controls, Select, Slider, Toggle } from './controls';
import { useFigureState, useHydrated, useSettledDerived, useVisible, useWhenVisible } from './hooks';
import type { Lang } from '../../figures/i18n/core';

export interface ActivationExplorerProps {
  /** Initial activation (before any URL state). */
  readonly initial?: ActivationKey | undefined;
  readonly width?: FigureWidth | undefined;
  /** Caption text after the title; MDX children replace it. */
  readonly children?: ComponentChildren;
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

const options = (lang: Lang) => ACTIVATION_KEYS.map((k) => ({ value: k, label: ACTIVATION_NAMES[lang][k] }));

export default function ActivationExplorer({ initial, width = 'page', children, lang = 'en' }: ActivationExplorerProps) {
  // MDX props are not type-checked: an unknown activation must fail the build, not render a wrong figure.
  if (initial !== undefined && !isActivationKey(initial)) {
    throw new Error(
      `<ActivationExplorer initial="${String(initial)}">: unknown activation "${String(initial)}"; use one of ${ACTIVATION_KEYS.join(', ')}.`,
    );
  }
  const def = useMemo(
    () => (initial ? { ...explorerState, defaults: { ...explorerState.defaults, f: initial } } : explorerState),
    [initial],
  );
  const fig = useFigureState(def, lang);
  const k = FUNCTION_PLOT[lang];
  const w = EXPLORER[lang];
  const hydrated = useHydrated();
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const s = useWhenVisible(fig.state, visible);
  const spec = useMemo(() => explorerSpec(s, lang), [s, lang]);
  // The text alternative and the data table follow the state once a drag settles (they need not run at 60 fps).
  const [settled, settledSpec] = useSettledDerived(s, spec, (v) => explorerSpec(v, lang), [lang]);
  const description = useMemo(
    () => explorerDescription(settled, settledSpec, { samples: sampleCurves(settledSpec, 601) }, lang),
    [settled, settledSpec, lang],
  );
  const data = useMemo(() => dataTable(settledSpec), [settledSpec]);
  const half = (s.d[1] - s.d[0]) / 2;
  const id = def.key;
  return (
    <Figure
      id={id}
      width={width}
      title={w.title(ACTIVATION_NAMES[lang][s.f])}
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
          <Select
            id={`${id}-f`}
            label={w.activation}
            value={fig.state.f}
            options={options(lang)}
            onValue={(f) => fig.set((p) => ({ ...p, f }))}
          />
          <Slider
            id={`${id}-zoom`}
            label={k.zoomLabel}
            min={0.5}
            max={Z_LIMITS.max}
            step={0.5}
            value={half}
            display={k.rangeDisplay(formatNumber(fig.state.d[0]), formatNumber(fig.state.d[1]))}
            valueText={w.zValueText(formatNumber(fig.state.d[0]), formatNumber(fig.state.d[1]))}
            onValue={(w) =>
              fig.update((p) => {
                const c = Math.min(Z_LIMITS.max - w, Math.max(Z_LIMITS.min + w, (p.d[0] + p.d[1]) / 2));
                return { ...p, d: [c - w + 0, c + w + 0] };
              })
            }
          />
          <Toggle id={`${id}-d1`} label={w.showFirst} checked={fig.state.d1} onValue={(d1) => fig.set((p) => ({ ...p, d1 }))} />
          <Toggle id={`${id}-d2`} label={w.showSecond} checked={fig.state.d2} onValue={(d2) => fig.set((p) => ({ ...p, d2 }))} />
          <Toggle id={`${id}-sh`} label={w.shade} checked={fig.state.sh} onValue={(sh) => fig.set((p) => ({ ...p, sh }))} />
        </Controls>
        <FunctionPlot
          id={id}
          spec={spec}
          cursor={s.x}
          onCursor={(x) => fig.update((p) => ({ ...p, x }))}
          onDomain={(d) => fig.update((p) => ({ ...p, d }))}
          limits={Z_LIMITS}
          label={w.plotLabel(ACTIVATION_NAMES[lang][s.f])}
          describedBy={descriptionId(id)}
          hydrated={hydrated}
          active={visible}
          lang={lang}
        />
      </div>
    </Figure>
  );
}
