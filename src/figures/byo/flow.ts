/**
 * The gradient-flow figure's view of a reader's LSTM, GRU or RNN on the probe (./probe.ts): `measureFlow` of
 * src/figures/gradients/compute.ts, as for the figure's own networks.
 *
 * @module
 */
import { ACTIVATION_KEYS, type ActivationKey } from '../../lib/nn/activations.ts';
import { measureFlow, type Scenario } from '../gradients/compute.ts';
import type { FlowResult } from '../gradients/types.ts';
import { probeInput, type ByoLayer, type ProbeSettings } from './probe.ts';

/** The registry key of the activation whose γ the gradient figure reports (RNN: φ; LSTM, GRU: the candidate's). */
function activationKey(layer: ByoLayer): ActivationKey {
  const key = layer.kind === 'rnn' ? layer.activation.key : layer.activations.candidate.key;
  return (ACTIVATION_KEYS as readonly string[]).includes(key) ? (key as ActivationKey) : 'tanh';
}

/**
 * The gradient-flow figure's measurements for a reader's layer on the probe (see the module comment). No weight
 * changes (the clipping read-out only scales gradients), so the same layer can be measured again. `wRadius` is
 * skipped (NaN) above H = 64, where its squarings take seconds.
 */
export function layerFlow(layer: ByoLayer, probe: ProbeSettings): FlowResult {
  const H = layer.hiddenSize;
  const I = layer.inputSize;
  const sc: Scenario = {
    layer,
    x: probeInput(I, probe.T, probe.seed),
    v: new Float64Array(H).fill(1 / Math.sqrt(H)),
    hidden: H,
    inputSize: I,
  };
  for (const p of layer.params) p.dw.fill(0);
  const params = { c: layer.kind, a: activationKey(layer), r: 0, w: 'orth', bf: 0, t: probe.T, s: probe.seed } as const;
  return measureFlow(sc, params, { radius: H <= 64 });
}
