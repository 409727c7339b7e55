/**
 * Island: `<SigmoidTanhMorph client:visible />` — a slider t ∈ [0, 1] turns σ(z) into tanh(z) = 2σ(2z) − 1 through
 * g_t(z) = (1 + t)·σ((1 + t)z) − t, with the tangent at 0 showing the slope grow from ¼ to 1. URL: `#fig-morph=t:0.5,x:1`.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { morphDescription, morphParams, morphSlopeAt0, morphSpec, morphState } from '../../figures/morph';
import { dataTable, sampleCurves } from '../../figures/function-plot';
import { formatNumber } from '../../figures/format';
import { Figure, descriptionId, type FigureWidth } from './Figure';
import { FunctionPlot } from './FunctionPlot';
import { Controls, Slider } from './controls';
import { useFigureState, useHydrated, useSettled, useVisible, useWhenVisible } from './hooks';

export interface SigmoidTanhMorphProps {
  readonly width?: FigureWidth | undefined;
  readonly children?: ComponentChildren;
}

export default function SigmoidTanhMorph({ width = 'body', children }: SigmoidTanhMorphProps) {
  const def = morphState;
  const fig = useFigureState(def);
  const hydrated = useHydrated();
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const s = useWhenVisible(fig.state, visible);
  const spec = useMemo(() => morphSpec(s), [s]);
  // The text alternative and the data table follow the state once a drag settles (they need not run at 60 fps).
  const settled = useSettled(s);
  const settledSpec = useMemo(() => (settled === s ? spec : morphSpec(settled)), [settled, s, spec]);
  const description = useMemo(
    () => morphDescription(settled, settledSpec, { samples: sampleCurves(settledSpec, 601) }),
    [settled, settledSpec],
  );
  const data = useMemo(() => dataTable(settledSpec), [settledSpec]);
  const { a, b, c } = morphParams(fig.state.t);
  const id = def.key;
  return (
    <Figure
      id={id}
      width={width}
      title="From σ to tanh."
      caption={
        children ??
        'The blue curve is a(t)·σ(b(t)·z) + c(t) with a = b = 1 + t and c = −t: σ at t = 0, exactly tanh at t = 1. Grey: σ (dashed) and tanh (dotted). Vermillion: its tangent at z = 0.'
      }
      description={description}
      data={data}
      problems={fig.problems}
      status={fig.status}
      onCopyLink={fig.copyLink}
      hydrated={hydrated}
    >
      <div ref={ref} class="fig-body">
        <Controls label="Figure controls">
          <Slider
            id={`${id}-t`}
            label="t (σ → tanh)"
            min={0}
            max={1}
            step={0.01}
            value={fig.state.t}
            display={formatNumber(fig.state.t, 3)}
            valueText={`t = ${formatNumber(fig.state.t, 3)}: a = ${formatNumber(a, 3)}, b = ${formatNumber(b, 3)}, c = ${formatNumber(c, 3)}, slope at 0 = ${formatNumber(morphSlopeAt0(fig.state.t), 4)}`}
            onValue={(t) => fig.update((p) => ({ ...p, t }))}
          />
          <p class="fig-params">
            a = <b>{formatNumber(a, 3)}</b>, b = <b>{formatNumber(b, 3)}</b>, c = <b>{formatNumber(c, 3)}</b>; slope at 0 ={' '}
            <b>{formatNumber(morphSlopeAt0(fig.state.t), 4)}</b>
          </p>
        </Controls>
        <FunctionPlot
          id={id}
          spec={spec}
          cursor={s.x}
          onCursor={(x) => fig.update((p) => ({ ...p, x }))}
          label="The curve between σ and tanh"
          describedBy={descriptionId(id)}
          hydrated={hydrated}
          active={visible}
        />
      </div>
    </Figure>
  );
}
