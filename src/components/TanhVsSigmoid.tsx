import { useState } from 'preact/hooks';
import { Activations } from '../lib/nn/activations';
import { mapLinear, svgPath, type LinearMap } from '../figures/sample';

const W = 560;
const H = 260;
const PAD = { l: 36, r: 12, t: 12, b: 28 };
const X: LinearMap = { domain: [-5, 5], range: [PAD.l, W - PAD.r] };
const Y: LinearMap = { domain: [-1.1, 1.1], range: [H - PAD.b, PAD.t] };
const sigmoid = Activations.sigmoid;
const tanh = Activations.tanh;
const fmt = (v: number) => v.toFixed(3);

/** tanh and the sigmoid on one axis; a slider moves z and reads out both values and slopes. */
export default function TanhVsSigmoid({ initialZ = 1 }: { initialZ?: number }) {
  const [z, setZ] = useState(initialZ);
  const px = mapLinear(X, z);
  const rows = [
    { a: tanh, colour: 'var(--c1)', name: 'tanh' },
    { a: sigmoid, colour: 'var(--c2)', name: 'σ' },
  ];
  return (
    <figure class="figure" data-figure="tanh-vs-sigmoid">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="tvs-title" style={{ width: '100%', height: 'auto' }}>
        <title id="tvs-title">
          {`tanh(z) rises from −1 to 1 and the sigmoid σ(z) from 0 to 1; at z = ${fmt(z)}, tanh = ${fmt(tanh.f(z))} and σ = ${fmt(sigmoid.f(z))}.`}
        </title>
        {[-1, 0, 1].map((v) => (
          <g key={v}>
            <line x1={PAD.l} x2={W - PAD.r} y1={mapLinear(Y, v)} y2={mapLinear(Y, v)} stroke="var(--grid)" />
            <text x={PAD.l - 6} y={mapLinear(Y, v) + 4} text-anchor="end" font-size="12" fill="var(--axis)">
              {v}
            </text>
          </g>
        ))}
        {[-4, -2, 0, 2, 4].map((v) => (
          <text key={v} x={mapLinear(X, v)} y={H - 8} text-anchor="middle" font-size="12" fill="var(--axis)">
            {v}
          </text>
        ))}
        {rows.map((r) => (
          <path key={r.name} d={svgPath(r.a.f, X, Y)} fill="none" stroke={r.colour} stroke-width="2.5" />
        ))}
        <line x1={px} x2={px} y1={PAD.t} y2={H - PAD.b} stroke="var(--fg-muted)" stroke-dasharray="4 3" />
        {rows.map((r) => (
          <circle key={r.name} cx={px} cy={mapLinear(Y, r.a.f(z))} r="5" fill={r.colour} />
        ))}
      </svg>
      <div class="figure-controls">
        <label>
          z = <output>{fmt(z)}</output>
          <input
            type="range"
            min={-5}
            max={5}
            step={0.01}
            value={z}
            aria-valuetext={`z = ${fmt(z)}`}
            onInput={(e) => setZ(Number((e.currentTarget as HTMLInputElement).value))}
          />
        </label>
        <p aria-live="polite" class="figure-readout">
          tanh({fmt(z)}) = <strong>{fmt(tanh.f(z))}</strong>, slope {fmt(tanh.df(z))} · σ({fmt(z)}) ={' '}
          <strong>{fmt(sigmoid.f(z))}</strong>, slope {fmt(sigmoid.df(z))}
        </p>
      </div>
      <figcaption>
        tanh (blue) and the logistic sigmoid σ (vermillion). Drag the slider: tanh is zero-centred and four times steeper at 0.
      </figcaption>
    </figure>
  );
}
