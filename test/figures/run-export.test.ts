/**
 * "Weights & PyTorch script" of the live-run figure (src/figures/export/run-export.ts): the exported state_dict, read
 * back by the library (fromStateDict), gives the run's first-batch loss bit for bit; the JSON carries every double
 * exactly; the script is the reviewed golden file. No Python runs here. The golden files were reviewed once: each
 * compiled with `python3 -m py_compile`, and their random numbers, sub-seeds and task generators (everything above
 * `SEED =`, run without torch) gave the library's first batches bit for bit — x and targets of the adding problem
 * (T = 50, seed 0; T = 200, seed 99999), up and down (T = 37, seed 7) and the copy task (T = 23, seed 12345; T = 200,
 * seed 3). Torch is not installed on the machine that wrote them; run with numpy standing in for the torch operations
 * they use, the scripts of six runs (the LSTM, ReLU-candidate LSTM, GRU, IRNN, identity RNN and sigmoid/softsign LSTM,
 * on all three tasks, after 30 steps) printed the site's first-batch loss to 15–16 significant digits. Regenerate
 * them after a deliberate change with UPDATE_GOLDEN=1 and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstBatchLoss, runWeights } from '../../src/experiments/first-batch';
import { DEFAULT_SPEC } from '../../src/experiments/grid';
import { createExperimentRun } from '../../src/experiments/runner';
import type { RunSpec } from '../../src/experiments/spec';
import { pyNumber } from '../../src/figures/export/python';
import { READOUT_PREFIX, RNN_PREFIX, runExport, runModelFromStateDict, stateDictJson } from '../../src/figures/export/run-export';

const GOLDEN = join(import.meta.dirname, 'golden');
const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((v, k) => Object.is(v, b[k]));

/** A run of `spec` after `steps` updates, and its export. */
function trained(spec: RunSpec, steps: number) {
  const run = createExperimentRun(spec);
  for (let k = 0; k < steps && run.outcome === null; k++) run.step();
  const w = runWeights(spec, run.stepCount, run.trainer.layer, run.trainer.readout.linear);
  return { run, w, e: runExport(w) };
}

const SPECS: readonly RunSpec[] = [
  { ...DEFAULT_SPEC, H: 6 },
  { ...DEFAULT_SPEC, H: 5, candidate: 'relu', output: 'softsign', clip: 1, forgetBias: 1 },
  { ...DEFAULT_SPEC, task: 'updown', T: 20, cell: 'gru', candidate: 'hardtanh', H: 4 },
  { ...DEFAULT_SPEC, task: 'copy', T: 12, cell: 'gru', H: 4, seed: 3 },
  { ...DEFAULT_SPEC, task: 'copy', T: 11, cell: 'rnn', candidate: 'identity', H: 3 },
  { ...DEFAULT_SPEC, task: 'updown', T: 15, cell: 'irnn', H: 7, seed: 11 },
];

describe('the live-run figure’s export', () => {
  it('writes weights that the library reads back bit for bit, with the run’s loss on its first batch to the last bit', () => {
    for (const spec of SPECS) {
      const { run, w, e } = trained(spec, 7);
      const back = runModelFromStateDict(spec, JSON.parse(e.json));
      const params = [...run.trainer.layer.params, ...run.trainer.readout.linear.params];
      const loaded = [...back.layer.params, ...back.linear.params];
      expect(loaded.map((p) => p.name)).toEqual(params.map((p) => p.name));
      params.forEach((p, k) => expect(sameBits(loaded[k]!.w, p.w), `${spec.cell} ${p.name}`).toBe(true));
      const loss = firstBatchLoss(spec, back.layer, back.linear);
      expect(Number.isFinite(loss)).toBe(true);
      expect(Object.is(loss, w.loss), `${spec.cell} on ${spec.task}: ${loss} vs ${w.loss}`).toBe(true);
      expect(e.step).toBe(7);
    }
  });

  it('scores the run’s own first training batch: at the initial weights, the loss of its first step', () => {
    for (const spec of SPECS) {
      const run = createExperimentRun(spec);
      const w = runWeights(spec, 0, run.trainer.layer, run.trainer.readout.linear);
      run.step();
      expect(Object.is(w.loss, run.losses[0]), spec.task).toBe(true);
    }
  });

  it('keys the recurrent module rnn.* as PyTorch names its parameters, and the readout readout.weight and readout.bias', () => {
    const { e } = trained({ ...DEFAULT_SPEC, H: 3 }, 1);
    expect(Object.keys(e.stateDict)).toEqual([
      `${RNN_PREFIX}weight_ih_l0`,
      `${RNN_PREFIX}weight_hh_l0`,
      `${RNN_PREFIX}bias_ih_l0`,
      `${RNN_PREFIX}bias_hh_l0`,
      `${READOUT_PREFIX}weight`,
      `${READOUT_PREFIX}bias`,
    ]);
    expect((e.stateDict['rnn.weight_hh_l0'] as number[][]).length).toBe(12);
    expect((e.stateDict['readout.weight'] as number[][])[0]!.length).toBe(3);
  });

  it('writes every double so that it reads back exactly, −0, subnormals and the largest double included', () => {
    const values = [-0, 0, 0.1, -1 / 3, 5e-324, -2.2250738585072014e-308, 1.7976931348623157e308, 1e21, 123456789.125];
    const text = stateDictJson({ a: values, b: [values, values], c: -0 });
    const back = JSON.parse(text) as { a: number[]; b: number[][]; c: number };
    expect(sameBits(back.a, values)).toBe(true);
    expect(back.b.every((r) => sameBits(r, values))).toBe(true);
    expect(Object.is(back.c, -0)).toBe(true);
    expect(text).toContain('-0.0');
    expect(() => stateDictJson({ a: [NaN] })).toThrow(/no JSON form/);
  });

  for (const [file, spec, steps] of [
    ['run-lstm.py', { ...DEFAULT_SPEC }, 20],
    ['run-lstm-relu.py', { ...DEFAULT_SPEC, candidate: 'relu', clip: 1 }, 20],
  ] as const) {
    it(`is the reviewed golden script ${file}`, () => {
      const { e } = trained(spec, steps);
      const path = join(GOLDEN, file);
      if (process.env['UPDATE_GOLDEN']) writeFileSync(path, e.script);
      expect(e.script).toBe(readFileSync(path, 'utf8'));
      expect(e.script).toContain(`SITE_LOSS = ${pyNumber(e.loss)}`);
    });
  }

  it('uses PyTorch’s own module where it has the cell, and a custom cell with gate order i, f, g, o otherwise', () => {
    const std = trained({ ...DEFAULT_SPEC, H: 3 }, 1).e.script;
    expect(std).toContain('self.rnn = torch.nn.LSTM(2, 3)');
    expect(std).not.toContain('class Cell');
    const relu = trained({ ...DEFAULT_SPEC, H: 3, candidate: 'relu' }, 1).e.script;
    expect(relu).toContain('self.rnn = Cell(2, 3)');
    expect(relu).toContain('gate blocks in the order i, f, g, o');
    expect(relu).toContain('def candidate(z):\n    return torch.relu(z)');
    expect(trained({ ...DEFAULT_SPEC, cell: 'irnn', H: 3 }, 1).e.script).toContain('torch.nn.RNN(2, 3, nonlinearity="relu")');
    const copy = trained({ ...DEFAULT_SPEC, task: 'copy', T: 12, cell: 'gru', H: 3 }, 1).e.script;
    expect(copy).toContain('torch.nn.GRU(10, 3)');
    expect(copy).toContain('torch.nn.functional.cross_entropy');
    expect(copy).toContain('def first_batch(rng, T, B):\n    """The copy task');
  });
});
