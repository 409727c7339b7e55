/**
 * What the four function-plot islands (ActivationExplorer, SecondDerivatives, SigmoidDerivativeErrata,
 * SigmoidTanhMorph) share: {@link useFunctionFigure}, their state, plot spec, text alternative and data table;
 * {@link FunctionFigureFrame}, the figure around their controls and plot; {@link ZoomSlider}, the slider that sets the
 * half-width of the z range; and {@link StateToggle}, a checkbox bound to a boolean of the state. Each island keeps
 * its own controls and words.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { render, type ComponentChildren, type RefObject } from 'preact';
import { dataTable, sampleCurves, type PlotModel, type PlotSpec } from '../../figures/function-plot';
import { formatNumber } from '../../figures/format';
import { EXPLORER, FUNCTION_PLOT } from '../../i18n/function-figures';
import type { Interval } from '../../figures/scale';
import type { FigureState } from '../../figures/url-state';
import { zoomReadoutWidest, zoomSliderDomain, type ZoomLimits } from '../../figures/zoom';
import { Controls, Slider, Toggle } from './controls';
import { Figure, descriptionId, type FigureProps, type FigureWidth } from './Figure';
import { FunctionPlot, type DomainLimits } from './FunctionPlot';
import { useFigureState, useHydrated, useSettledDerived, useVisible, useWhenVisible, type FigureStateHandle } from './hooks';
import { whenIdle } from './idle';
import type { Lang } from '../../i18n/core';

/** How a function figure turns its state into a plot and into words. */
export interface FunctionFigureDef<S> {
  /** The plot for a state. */
  readonly spec: (state: S, lang: Lang) => PlotSpec;
  /** The text alternative for a state, its spec and the spec's curves sampled at 601 points. */
  readonly describe: (state: S, spec: PlotSpec, samples: Pick<PlotModel, 'samples'>, lang: Lang) => string;
}

/** What {@link useFunctionFigure} returns. */
export interface FunctionFigure<S> {
  /** The figure's URL state (its `state` follows every frame of a drag, also while the figure is hidden). */
  readonly fig: FigureStateHandle<S>;
  /** The state the plot draws: `fig.state` while the figure is on screen, the last one seen there while not. */
  readonly s: S;
  /** The plot of `s`. */
  readonly spec: PlotSpec;
  /** For the figure's body (`<div ref={ref} class="fig-body">`): whether it is on screen is observed on it. */
  readonly ref: RefObject<HTMLDivElement>;
  readonly visible: boolean;
  readonly hydrated: boolean;
  /** The `<Figure>` props every function figure passes the same way; the island adds width, title and caption. */
  readonly shell: Omit<FigureProps, 'width' | 'title' | 'caption' | 'children'>;
}

/**
 * The preamble of a function figure: its URL state (`def`), hydration flag and visibility, the plot spec of the
 * visible state, the text alternative and data table of the settled state (`useSettledDerived`), and once mounted
 * the warm-up for the first drag ({@link warmUpPlot} with {@link renderDetached}).
 * A hook: call it unconditionally, at the same place in every render.
 */
export function useFunctionFigure<S extends object>(def: FigureState<S>, lang: Lang, f: FunctionFigureDef<S>): FunctionFigure<S> {
  const fig = useFigureState(def, lang);
  const hydrated = useHydrated();
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const s = useWhenVisible(fig.state, visible);
  const spec = useMemo(() => f.spec(s, lang), [s, lang]);
  // The text alternative and the data table follow the state once a drag settles (they need not run at 60 fps).
  const [settled, settledSpec] = useSettledDerived(s, spec, (v) => f.spec(v, lang), [lang]);
  const description = useMemo(
    () => f.describe(settled, settledSpec, { samples: sampleCurves(settledSpec, 601) }, lang),
    [settled, settledSpec, lang],
  );
  const data = useMemo(() => dataTable(settledSpec), [settledSpec]);
  const latest = useRef(fig.state);
  latest.current = fig.state;
  useEffect(
    () =>
      warmUpPlot(
        () => f.spec(latest.current, lang),
        (sp) => renderDetached(sp, lang),
      ),
    [lang],
  );
  const shell = {
    id: def.key,
    description,
    data,
    // The CSV holds the samples the text alternative reads (601 points); its module loads on the first download.
    onCsv: () =>
      void import('../../figures/function-csv').then((m) =>
        m.saveFunctionCsv(spec.curves, sampleCurves(spec, 601), spec.xName, lang, def.key),
      ),
    problems: fig.problems,
    status: fig.status,
    onCopyLink: fig.copyLink,
    hydrated,
    lang,
  };
  return { fig, s, spec, ref, visible, hydrated, shell };
}

export interface FunctionFigureFrameProps<S extends { readonly x: number }> {
  /** What {@link useFunctionFigure} returned. */
  readonly figure: FunctionFigure<S>;
  readonly width: FigureWidth;
  readonly title: string;
  readonly caption: ComponentChildren;
  /** The plot's accessible name. */
  readonly plotLabel: string;
  /** Where the z range must stay; when given, the plot also zooms and pans (wheel, drag, keys). */
  readonly limits?: DomainLimits | undefined;
  readonly lang: Lang;
  /** The figure's controls. */
  readonly children: ComponentChildren;
}

/**
 * A function figure's markup: the `<Figure>` shell, its body (observed for visibility), the controls and the plot
 * with its cursor at the state's `x`.
 */
export function FunctionFigureFrame<S extends { readonly x: number }>(p: FunctionFigureFrameProps<S>) {
  const { fig, s, spec, ref, visible, hydrated, shell } = p.figure;
  const id = shell.id;
  const onDomain = p.limits ? (d: Interval) => fig.update((q) => ({ ...q, d })) : undefined;
  return (
    <Figure {...shell} width={p.width} title={p.title} caption={p.caption}>
      <div ref={ref} class="fig-body">
        <Controls label={FUNCTION_PLOT[p.lang].figureControls}>{p.children}</Controls>
        <FunctionPlot
          id={id}
          spec={spec}
          cursor={s.x}
          onCursor={(x) => fig.update((q) => ({ ...q, x }))}
          onDomain={onDomain}
          limits={p.limits}
          label={p.plotLabel}
          describedBy={descriptionId(id)}
          hydrated={hydrated}
          active={visible}
          lang={p.lang}
        />
      </div>
    </Figure>
  );
}

/** The keys of `S` whose values are booleans (what a {@link StateToggle} can set). */
type BooleanKey<S> = { [K in keyof S]-?: S[K] extends boolean ? K : never }[keyof S];

export interface StateToggleProps<S, K extends BooleanKey<S>> {
  readonly fig: FigureStateHandle<S>;
  /** The state's field, also the end of the checkbox's id (`${fig id}-${field}`). */
  readonly field: K;
  /** The figure's id (`fig-d2`). */
  readonly id: string;
  readonly label: ComponentChildren;
}

/** A checkbox bound to one boolean field of a figure's state (set at once, not per frame). */
export function StateToggle<S, K extends BooleanKey<S>>({ fig, field, id, label }: StateToggleProps<S, K>) {
  return (
    <Toggle
      id={`${id}-${String(field)}`}
      label={label}
      checked={fig.state[field] as boolean}
      onValue={(v) => fig.set((q) => ({ ...q, [field]: v }))}
    />
  );
}

export interface ZoomSliderProps<S extends { readonly d: Interval }> {
  /** The figure's id (`fig-act`): the slider's is `${id}-zoom`. */
  readonly id: string;
  readonly fig: FigureStateHandle<S>;
  /** Where the z range must stay; the largest half-width is half their width. */
  readonly limits: ZoomLimits;
  readonly lang: Lang;
}

/** The z-range slider: sets the half-width (0.5 to half the limits' width, step 0.5) and keeps the centre ({@link zoomSliderDomain}). */
export function ZoomSlider<S extends { readonly d: Interval }>({ id, fig, limits, lang }: ZoomSliderProps<S>) {
  const k = FUNCTION_PLOT[lang];
  const [lo, hi] = fig.state.d;
  const max = (limits.max - limits.min) / 2;
  return (
    <Slider
      id={`${id}-zoom`}
      label={k.zoomLabel}
      min={0.5}
      max={max}
      step={0.5}
      value={(hi - lo) / 2}
      display={k.rangeDisplay(formatNumber(lo), formatNumber(hi))}
      widest={zoomReadoutWidest(max, k.rangeDisplay)}
      valueText={EXPLORER[lang].zValueText(formatNumber(lo), formatNumber(hi))}
      onValue={(w) => fig.update((p) => ({ ...p, d: zoomSliderDomain(p.d, w, limits) }))}
    />
  );
}

/** How many times {@link warmUpPlot} runs. */
const WARM_RUNS = 4;

/**
 * Warms a function figure up for the reader's first drag: calls `warm(spec())` (the plot of the figure's state when
 * each run happens) {@link WARM_RUNS} times, one idle period each, so that the engine has compiled the code a drag
 * runs every frame before the drag starts; hydration ran it once, interpreted, and the first frames of a drag took
 * two to five times as long as later ones. Returns a function that cancels the runs still to come (for an effect's
 * clean-up).
 */
export function warmUpPlot(spec: () => PlotSpec, warm: (spec: PlotSpec) => void, runs = WARM_RUNS): () => void {
  let cancel = () => {};
  const run = (left: number) => {
    cancel = whenIdle(() => {
      warm(spec());
      if (left > 1) run(left - 1);
    });
  };
  run(runs);
  return () => cancel();
}

/**
 * What a drag's frame does, off screen: renders a {@link FunctionPlot} of `spec` into an element that is not in the
 * document (no style, layout or paint), updates it to the same plot zoomed in by 10 % (new paths, ticks and read-out,
 * as when a slider moves), and unmounts it.
 */
export function renderDetached(spec: PlotSpec, lang: Lang): void {
  const root = document.createElement('div');
  const [lo, hi] = spec.xDomain;
  const plot = (sp: PlotSpec) => (
    <FunctionPlot
      id="warm-up"
      spec={sp}
      cursor={(lo + hi) / 2}
      onCursor={() => {}}
      label=""
      describedBy=""
      hydrated={true}
      lang={lang}
    />
  );
  render(plot(spec), root);
  render(plot({ ...spec, xDomain: [lo + (hi - lo) * 0.05, hi - (hi - lo) * 0.05] }), root);
  render(null, root);
}
