/**
 * Island: `<ActivationExplorer client:visible />` — pick an activation from the registry; see f, f′ and optionally
 * f″; zoom the z range; shade where the unit saturates. URL state: `#fig-act=f:tanh,d:-6_6,d1:1,d2:0,sh:0,x:1`.
 * In no particular language: its entries (./ActivationExplorer.tsx, ../zh/ActivationExplorer.tsx) load the words of theirs first.
 */
import { useMemo } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ACTIVATION_KEYS, isActivationKey, type ActivationKey } from '../../lib/nn/activations';
import { explorerDescription, explorerSpec, explorerState, SATURATION_FRACTION, Z_LIMITS } from '../../figures/explorer';
import { formatNumber } from '../../figures/format';
import { EXPLORER } from '../../i18n/function-figures';
import { ACTIVATION_NAMES } from '../../i18n/activations';
import type { FigureWidth } from './Figure';
import { Select } from './controls';
import { FunctionFigureFrame, StateToggle, useFunctionFigure, ZoomSlider } from './function-figure';
import type { Lang } from '../../i18n/core';

export interface ActivationExplorerProps {
  /** Initial activation (before any URL state). */
  readonly initial?: ActivationKey | undefined;
  readonly width?: FigureWidth | undefined;
  /** Caption text after the title; MDX children replace it. */
  readonly children?: ComponentChildren;
  /** Language of the figure's words (default English). */
  readonly lang?: Lang | undefined;
}

/** The shading's threshold, in % of the largest |f′|. */
const SHADE_PCT = formatNumber(SATURATION_FRACTION * 100);

const options = (lang: Lang) => ACTIVATION_KEYS.map((k) => ({ value: k, label: ACTIVATION_NAMES[lang][k] }));

export default function ActivationExplorer({ initial, width = 'page', children, lang = 'en' }: ActivationExplorerProps) {
  // MDX props are not type-checked: an unknown activation must fail the build, not render a wrong figure (checked
  // on the server only: the browser's bundle leaves it out, the build has already failed).
  if (import.meta.env.SSR && initial !== undefined && !isActivationKey(initial)) {
    throw new Error(
      `<ActivationExplorer initial="${String(initial)}">: unknown activation "${String(initial)}"; use one of ${ACTIVATION_KEYS.join(', ')}.`,
    );
  }
  const def = useMemo(
    () => (initial ? { ...explorerState, defaults: { ...explorerState.defaults, f: initial } } : explorerState),
    [initial],
  );
  const figure = useFunctionFigure(def, lang, { spec: explorerSpec, describe: explorerDescription });
  const { fig, s } = figure;
  const w = EXPLORER[lang];
  const id = def.key;
  return (
    <FunctionFigureFrame
      figure={figure}
      width={width}
      title={w.title(ACTIVATION_NAMES[lang][s.f])}
      caption={children ?? w.caption}
      plotLabel={w.plotLabel(ACTIVATION_NAMES[lang][s.f])}
      limits={Z_LIMITS}
      lang={lang}
    >
      <Select
        id={`${id}-f`}
        label={w.activation}
        value={fig.state.f}
        options={options(lang)}
        onValue={(f) => fig.set((p) => ({ ...p, f }))}
      />
      <ZoomSlider id={id} fig={fig} limits={Z_LIMITS} lang={lang} />
      <StateToggle id={id} fig={fig} field="d1" label={w.showFirst} />
      <StateToggle id={id} fig={fig} field="d2" label={w.showSecond} />
      <StateToggle id={id} fig={fig} field="sh" label={w.shade(SHADE_PCT)} />
    </FunctionFigureFrame>
  );
}
