import { describe, expect, it } from 'vitest';
import { createGru } from '../../src/lib/nn/gru.ts';
import { createLstm } from '../../src/lib/nn/lstm.ts';
import { createRnn } from '../../src/lib/nn/rnn.ts';
import { loadStateDict, StateDictError, toStateDict } from '../../src/lib/nn/state-dict.ts';
import { randomBatch, testRng } from './gradcheck-helper.ts';

/** Runs `f`, expecting a StateDictError, and returns it. */
function catchError(f: () => void): StateDictError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StateDictError);
    return e as StateDictError;
  }
  throw new Error('expected a StateDictError');
}

describe('toStateDict', () => {
  it('exports PyTorch-shaped nested arrays in state_dict order', () => {
    const lstm = createLstm({ inputSize: 1, hiddenSize: 2, init: 'zeros' });
    lstm.weightIh.w.set([1, 2, 3, 4, 5, 6, 7, 8]);
    lstm.weightHh.w[1] = 9;
    const d = toStateDict(lstm.params);
    expect(Object.keys(d)).toEqual(['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0']);
    expect(d['weight_ih_l0']).toEqual([[1], [2], [3], [4], [5], [6], [7], [8]]);
    expect((d['weight_hh_l0'] as number[][])[0]).toEqual([0, 9]);
    expect((d['weight_hh_l0'] as number[][]).length).toBe(8);
    expect(d['bias_hh_l0']).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('shares no memory with the params', () => {
    const rnn = createRnn({ inputSize: 1, hiddenSize: 1, init: 'zeros' });
    const d = toStateDict(rnn.params);
    (d['bias_ih_l0'] as number[])[0] = 5;
    expect(rnn.biasIh.w[0]).toBe(0);
  });
});

describe('loadStateDict', () => {
  it('round-trips every cell through JSON bit for bit', () => {
    for (const make of [
      (seed: number) => createLstm({ inputSize: 2, hiddenSize: 3, rng: testRng(seed) }),
      (seed: number) => createGru({ inputSize: 2, hiddenSize: 3, rng: testRng(seed) }),
      (seed: number) => createRnn({ inputSize: 2, hiddenSize: 3, rng: testRng(seed) }),
    ]) {
      const a = make(1);
      const b = make(2);
      loadStateDict(b.params, JSON.parse(JSON.stringify(toStateDict(a.params))));
      a.params.forEach((p, k) => expect(Array.from(b.params[k]!.w)).toEqual(Array.from(p.w)));
      const batch = randomBatch(testRng(3), 3, 2, 2);
      expect(Array.from(b.forward(batch))).toEqual(Array.from(a.forward(batch)));
    }
  });

  it('reads a dict as PyTorch dumps it (json.dump of v.tolist())', () => {
    // {k: v.tolist() for k, v in torch.nn.GRU(1, 1).state_dict().items()} with hand-picked values.
    const json = `{"weight_ih_l0": [[0.1], [0.2], [0.3]], "weight_hh_l0": [[-0.4], [0.5], [0.6]],
                   "bias_ih_l0": [0.7, 0.8, 0.9], "bias_hh_l0": [1.0, -1.1, 1.2]}`;
    const gru = createGru({ inputSize: 1, hiddenSize: 1, init: 'zeros' });
    loadStateDict(gru.params, JSON.parse(json));
    expect(Array.from(gru.weightIh.w)).toEqual([0.1, 0.2, 0.3]);
    expect(Array.from(gru.weightHh.w)).toEqual([-0.4, 0.5, 0.6]);
    expect(Array.from(gru.biasIh.w)).toEqual([0.7, 0.8, 0.9]);
    expect(Array.from(gru.biasHh.w)).toEqual([1, -1.1, 1.2]);
  });

  it('names the key and both shapes on a shape mismatch', () => {
    const lstm = createLstm({ inputSize: 1, hiddenSize: 2, init: 'zeros' });
    const d = toStateDict(lstm.params);
    d['weight_hh_l0'] = Array.from({ length: 8 }, () => [0, 0, 0]);
    const e = catchError(() => loadStateDict(lstm.params, d));
    expect(e.message).toBe('weight_hh_l0: expected shape [8, 2], got [8, 3]');
    expect(e.key).toBe('weight_hh_l0');
    expect(e.expected).toEqual([8, 2]);
    expect(e.actual).toEqual([8, 3]);
    d['weight_hh_l0'] = [0, 0];
    expect(catchError(() => loadStateDict(lstm.params, d)).message).toBe('weight_hh_l0: expected shape [8, 2], got [2]');
  });

  it('names the key of a missing, unexpected, ragged or non-numeric entry', () => {
    const rnn = createRnn({ inputSize: 2, hiddenSize: 2, init: 'zeros' });
    const good = (): Record<string, unknown> => ({ ...toStateDict(rnn.params) });

    const missing = good();
    delete missing['bias_hh_l0'];
    expect(catchError(() => loadStateDict(rnn.params, missing)).message).toBe(
      'bias_hh_l0: missing key in state_dict (expected shape [2])',
    );

    const extra = { ...good(), weight_ih_l1: [[0]] };
    const e = catchError(() => loadStateDict(rnn.params, extra));
    expect(e.key).toBe('weight_ih_l1');
    expect(e.message).toMatch(/^weight_ih_l1: unexpected key/);
    expect(() => loadStateDict(rnn.params, extra, { strict: false })).not.toThrow();

    const ragged = { ...good(), weight_hh_l0: [[1, 2], [3]] };
    expect(catchError(() => loadStateDict(rnn.params, ragged)).message).toBe(
      'weight_hh_l0: ragged array (row [1] has length 1, row [0] has 2)',
    );

    // JSON.stringify turns NaN into null.
    const nan = JSON.parse(JSON.stringify({ ...good(), bias_ih_l0: [0, NaN] }));
    expect(catchError(() => loadStateDict(rnn.params, nan)).message).toBe('bias_ih_l0[1]: expected a finite number, got null');
    const text = {
      ...good(),
      weight_ih_l0: [
        [1, '2'],
        [3, 4],
      ],
    };
    expect(catchError(() => loadStateDict(rnn.params, text)).message).toBe(
      'weight_ih_l0[0][1]: expected a finite number, got the string "2"',
    );
    const wrongType = { ...good(), bias_hh_l0: 'zeros' };
    expect(catchError(() => loadStateDict(rnn.params, wrongType)).key).toBe('bias_hh_l0');
    expect(catchError(() => loadStateDict(rnn.params, [1, 2])).message).toMatch(/must be a JSON object/);
    expect(catchError(() => loadStateDict(rnn.params, null)).key).toBe('');
  });

  it('changes nothing when any entry is invalid', () => {
    const rnn = createRnn({ inputSize: 1, hiddenSize: 1, init: 'zeros' });
    const d = { weight_ih_l0: [[5]], weight_hh_l0: [[6]], bias_ih_l0: [7], bias_hh_l0: [[8]] };
    expect(() => loadStateDict(rnn.params, d)).toThrow(StateDictError);
    expect(rnn.params.map((p) => p.w[0])).toEqual([0, 0, 0, 0]);
  });
});
