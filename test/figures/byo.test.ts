import { describe, expect, it } from 'vitest';
import { cellTrace } from '../../src/figures/byo/cell';
import { layerFlow } from '../../src/figures/byo/flow';
import { hiddenLimit, PROBE, probeSeed, probeSteps, wholeNumberIn } from '../../src/figures/byo/limits';
import { probeInput } from '../../src/figures/byo/probe';
import { saturation, unitAt } from '../../src/figures/byo/view';
import { measureFlow } from '../../src/figures/gradients/compute';
import { fromStateDict, parseStateDictJson } from '../../src/lib/nn/from-state-dict';
import { createLstm } from '../../src/lib/nn/lstm';
import { createRng } from '../../src/lib/nn/rng';
import { pyFloat, pythonJson, seededStateDict } from '../support/state-dicts';

describe('the probe of “Use my own weights”', () => {
  it('draws x_t ~ N(0, 1) for every feature from createRng(seed), time-major', () => {
    const x = probeInput(3, 4, 9);
    const rng = createRng(9);
    expect(Array.from(x)).toEqual(Array.from({ length: 12 }, () => rng.normal()));
  });

  it('computes up to H = 1024, or 512 on a device that reports less than 2 GB', () => {
    expect(hiddenLimit()).toBe(1024);
    expect(hiddenLimit(8)).toBe(1024);
    expect(hiddenLimit(1)).toBe(512);
    expect(PROBE.cell.T).toBeLessThanOrEqual(PROBE.cell.maxT);
  });

  it('takes the steps a reader types rounded and clamped to the figure’s range, and nothing from a non-number', () => {
    expect(probeSteps('cell', '37')).toBe(37);
    expect(probeSteps('cell', '2.6')).toBe(3);
    expect(probeSteps('cell', '0')).toBe(PROBE.cell.minT);
    expect(probeSteps('cell', '1e9')).toBe(PROBE.cell.maxT);
    expect(probeSteps('flow', '1')).toBe(PROBE.flow.minT);
    expect(probeSteps('flow', '5000')).toBe(PROBE.flow.maxT);
    for (const bad of ['', '  ', 'abc', 'NaN', 'Infinity', '-Infinity']) expect(probeSteps('flow', bad)).toBeUndefined();
  });

  it('reads a unit number as a whole number clamped to the layer, and nothing from a non-number', () => {
    expect(wholeNumberIn('3.4', 0, 7)).toBe(3);
    expect(wholeNumberIn('-2', 0, 7)).toBe(0);
    expect(wholeNumberIn('99', 0, 7)).toBe(7);
    expect(wholeNumberIn('', 0, 7)).toBeUndefined();
  });

  it('takes a seed that is a whole number ≥ 0 (rounded), and nothing else', () => {
    expect(probeSeed('0')).toBe(0);
    expect(probeSeed('41.6')).toBe(42);
    for (const bad of ['', '-1', 'x', 'Infinity']) expect(probeSeed(bad)).toBeUndefined();
  });
});

describe('the cell explorer’s view of a reader’s LSTM', () => {
  it('reads unit j at step t straight from the library’s trace, c_{t−1} and h_{t−1} included', () => {
    const lstm = fromStateDict(seededStateDict('lstm', 3, 5, 21), { kind: 'lstm' });
    const tr = cellTrace(lstm, { T: 6, seed: 2 });
    const ref = createLstm({ inputSize: 3, hiddenSize: 5, init: 'zeros' });
    ref.params.forEach((p, k) => p.w.set(lstm.params[k]!.w));
    ref.forward({ T: 6, B: 1, I: 3, x: probeInput(3, 6, 2) });
    const r = ref.trace();
    const u = unitAt(tr, 4, 2);
    expect(u.i).toBe(r.i[4 * 5 + 2]);
    expect(u.f).toBe(r.f[4 * 5 + 2]);
    expect(u.g).toBe(r.g[4 * 5 + 2]);
    expect(u.o).toBe(r.o[4 * 5 + 2]);
    expect(u.c).toBe(r.c[4 * 5 + 2]);
    expect(u.h).toBe(r.h[4 * 5 + 2]);
    expect(u.cPrev).toBe(r.c[3 * 5 + 2]);
    expect(u.hPrev).toBe(r.h[3 * 5 + 2]);
    expect(u.z.f).toBe(r.pre[4 * 20 + 5 + 2]);
    expect(u.c).toBe(u.f * u.cPrev + u.i * u.g);
    expect(unitAt(tr, 0, 0).cPrev).toBe(0);
  });

  it('counts the saturated gates of a step', () => {
    const lstm = createLstm({ inputSize: 1, hiddenSize: 4, init: 'zeros' });
    // Units 0 and 1: input gate bias ±8 (σ within 0.01 of 0 or 1); units 2 and 3: 0 (σ = 0.5). Candidate bias 4 on unit 0.
    lstm.biasIh.w.set([8, -8, 0, 0], 0);
    lstm.biasIh.w[8] = 4;
    const tr = cellTrace(lstm, { T: 2, seed: 1 });
    expect(saturation(tr, 1)).toEqual({ i: 0.5, f: 0, o: 0, g: 0.25 });
  });
});

describe('the gradient figure’s view of a reader’s model', () => {
  it('is the figure’s own measurement on the probe, with v = 1/√H, and changes no weight', () => {
    for (const kind of ['lstm', 'gru', 'rnn'] as const) {
      const layer = fromStateDict(seededStateDict(kind, 2, 6, 31));
      const before = layer.params.map((p) => Float64Array.from(p.w));
      const r = layerFlow(layer, { T: 40, seed: 3 });
      layer.params.forEach((p, k) => expect(Array.from(p.w)).toEqual(Array.from(before[k]!)));
      const again = measureFlow(
        { layer, x: probeInput(2, 40, 3), v: new Float64Array(6).fill(1 / Math.sqrt(6)), hidden: 6, inputSize: 2 },
        { c: kind, a: 'tanh', r: 0, w: 'orth', bf: 0, t: 40, s: 3 },
      );
      expect(Array.from(r.h.log10)).toEqual(Array.from(again.h.log10));
      expect(r.params.c).toBe(kind);
      expect(r.c === null).toBe(kind !== 'lstm');
      expect(r.T).toBe(40);
    }
  });
});

describe('the test files', () => {
  it('are written as Python’s json.dump writes them and read back bit for bit', () => {
    expect([0.5, 1e-5, 1.5e-7, 1e16, 123456.0, -0, 3.4028234663852886e38, NaN, -Infinity].map(pyFloat)).toEqual([
      '0.5',
      '1e-05',
      '1.5e-07',
      '1e+16',
      '123456.0',
      '-0.0',
      '3.4028234663852886e+38',
      'NaN',
      '-Infinity',
    ]);
    const dict = seededStateDict('gru', 2, 3, 41);
    const text = pythonJson(dict);
    expect(text.startsWith('{"weight_ih_l0": [[')).toBe(true);
    expect(parseStateDictJson(text)).toEqual(dict);
    for (const v of dict['bias_hh_l0'] as number[]) expect(Math.fround(v)).toBe(v);
  });
});
