/**
 * "Weights & PyTorch script" of the gradient figures (src/figures/export/): the exported weights come back bit for
 * bit, and the script is the reviewed golden file. No Python runs here. The golden file was reviewed once: compiled by
 * `python3 -m py_compile`, and run with numpy standing in for torch's tensor operations, it printed
 * L = -0.0021739483084736166 against the site's -0.0021739483084736253 (14 digits; scripts of an RNN, a GRU and an
 * LSTM at other settings agreed to 14–15 digits too); its random numbers (the Python port of src/lib/nn/rng.ts) gave the bits of next, uniform and int, and of
 * 190 of the 200 inputs (the others differ in the last bit: libm's log and cos are not V8's). Regenerate it after a
 * deliberate change with UPDATE_GOLDEN=1 and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowExport } from '../../src/figures/export/gradient-export';
import { PY_RNG, TORCH_ACTIVATION, isTorchModule, pyNumber, torchCovers } from '../../src/figures/export/python';
import { buildScenario, prefixBatch } from '../../src/figures/gradients/compute';
import { cecState, bpttState, flowParams } from '../../src/figures/gradients/state';
import { fromStateDict } from '../../src/lib/nn/from-state-dict';
import { ACTIVATION_KEYS, Activations } from '../../src/lib/nn/activations';

const GOLDEN = join(import.meta.dirname, 'golden');
const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((v, k) => Object.is(v, b[k]));

describe('the gradient figures’ export', () => {
  it('writes weights that read back bit for bit, and the loss the library computes from them', () => {
    for (const p of [
      flowParams(bpttState.defaults),
      flowParams(cecState.defaults),
      { ...flowParams(cecState.defaults), c: 'gru' as const, a: 'relu' as const },
    ]) {
      const e = flowExport('fig-x', p);
      const act = Activations[p.a]; // what the keys cannot tell
      const back = fromStateDict(JSON.parse(JSON.stringify(e.stateDict)), {
        activation: act,
        activations: { candidate: act, cellOutput: act },
      });
      const sc = buildScenario(p);
      sc.layer.params.forEach((q, k) => expect(sameBits(back.params[k]!.w, q.w), q.name).toBe(true));
      const hs = back.forward(prefixBatch(sc, p.t));
      let loss = 0;
      for (let j = 0; j < sc.hidden; j++) loss += sc.v[j]! * hs[(p.t - 1) * sc.hidden + j]!;
      expect(Object.is(loss, e.loss)).toBe(true);
    }
  });

  it('is the reviewed golden script for the LSTM figure’s default settings', () => {
    const e = flowExport('fig-cec', flowParams(cecState.defaults));
    const path = join(GOLDEN, 'cec.py');
    if (process.env['UPDATE_GOLDEN']) writeFileSync(path, e.script);
    expect(e.script).toBe(readFileSync(path, 'utf8'));
    expect(e.script).toContain(`SITE_LOSS = ${pyNumber(e.loss)}`);
    expect(e.script).toContain('model = torch.nn.LSTM(1, 32).double()');
  });

  it('writes a torch expression for every activation, and a module only where PyTorch has that cell', () => {
    expect(torchCovers()).toBe(true);
    expect(Object.keys(TORCH_ACTIVATION).sort()).toEqual([...ACTIVATION_KEYS].sort());
    expect(isTorchModule('rnn', { gate: 'sigmoid', candidate: 'relu', cellOutput: 'relu' })).toBe(true);
    expect(isTorchModule('lstm', { gate: 'sigmoid', candidate: 'relu', cellOutput: 'relu' })).toBe(false);
    const relu = flowExport('fig-bptt', { ...flowParams(bpttState.defaults), c: 'lstm', a: 'relu' }).script;
    expect(relu).not.toContain('torch.nn.LSTM');
    expect(relu).toContain('def candidate(z):\n    return torch.relu(z)');
    expect(PY_RNG).toContain('class Rng:');
    expect([pyNumber(1), pyNumber(-0), pyNumber(0.1), pyNumber(1e21)]).toEqual(['1.0', '-0.0', '0.1', '1e+21']);
  });
});
