import { describe, expect, it } from 'vitest';
import { Activations } from '../../src/lib/nn/activations.ts';
import {
  checkStateDict,
  checkStateDictSize,
  fromStateDict,
  inspectStateDict,
  MAX_STATE_DICT_BYTES,
  parseStateDictJson,
} from '../../src/lib/nn/from-state-dict.ts';
import { createGru } from '../../src/lib/nn/gru.ts';
import { createLstm } from '../../src/lib/nn/lstm.ts';
import { createRnn } from '../../src/lib/nn/rnn.ts';
import { StateDictError, toStateDict, type StateDict } from '../../src/lib/nn/state-dict.ts';
import { randomBatch, testRng } from './gradcheck-helper.ts';

/** Runs `f`, expecting a StateDictError, and returns it. */
function error(f: () => unknown): StateDictError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StateDictError);
    return e as StateDictError;
  }
  throw new Error('expected a StateDictError');
}

/** A seeded layer's state_dict with every key renamed for layer `l`, direction and prefix (as PyTorch names them). */
function renamed(dict: StateDict, prefix: string, l: number, reverse = false): StateDict {
  const out: StateDict = {};
  for (const [k, v] of Object.entries(dict)) out[`${prefix}${k.replace('_l0', `_l${l}`)}${reverse ? '_reverse' : ''}`] = v;
  return out;
}

const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, k) => Object.is(v, b[k]));

describe('fromStateDict', () => {
  it('builds the LSTM, GRU or RNN a state_dict describes, with sizes from its shapes, bit for bit', () => {
    for (const [kind, make] of [
      ['lstm', () => createLstm({ inputSize: 3, hiddenSize: 5, rng: testRng(1) })],
      ['gru', () => createGru({ inputSize: 3, hiddenSize: 5, rng: testRng(2) })],
      ['rnn', () => createRnn({ inputSize: 3, hiddenSize: 5, rng: testRng(3) })],
    ] as const) {
      const original = make();
      const dict = JSON.parse(JSON.stringify(toStateDict(original.params))) as unknown;
      const layer = fromStateDict(dict);
      expect([layer.kind, layer.inputSize, layer.hiddenSize]).toEqual([kind, 3, 5]);
      expect(inspectStateDict(dict)).toEqual({
        kind,
        inputSize: 3,
        hiddenSize: 5,
        numLayers: 1,
        bidirectional: false,
        projSize: 0,
        bias: true,
        prefix: '',
        ignored: [],
      });
      const batch = randomBatch(testRng(4), 6, 2, 3);
      expect(sameBits(layer.forward(batch), original.forward(batch))).toBe(true);
    }
  });

  it('returns the type the kind option names, and applies the activations the keys cannot tell', () => {
    const dict = toStateDict(createRnn({ inputSize: 1, hiddenSize: 2, rng: testRng(5) }).params);
    const rnn = fromStateDict(dict, { kind: 'rnn', activation: Activations.relu });
    expect(rnn.activation).toBe(Activations.relu);
    const lstm = fromStateDict(toStateDict(createLstm({ inputSize: 1, hiddenSize: 2 }).params), {
      kind: 'lstm',
      activations: { candidate: Activations.relu },
    });
    expect(lstm.activations.candidate).toBe(Activations.relu);
    expect(lstm.activations.cellOutput).toBe(Activations.tanh);
  });

  it('reads num_layers and bidirectional from the keys, and loads the layer and direction asked for', () => {
    const H = 3;
    const l0 = createLstm({ inputSize: 2, hiddenSize: H, rng: testRng(6) });
    const l0r = createLstm({ inputSize: 2, hiddenSize: H, rng: testRng(7) });
    const l1 = createLstm({ inputSize: 2 * H, hiddenSize: H, rng: testRng(8) });
    const l1r = createLstm({ inputSize: 2 * H, hiddenSize: H, rng: testRng(9) });
    const dict = {
      ...renamed(toStateDict(l0.params), '', 0),
      ...renamed(toStateDict(l0r.params), '', 0, true),
      ...renamed(toStateDict(l1.params), '', 1),
      ...renamed(toStateDict(l1r.params), '', 1, true),
    };
    expect(inspectStateDict(dict)).toMatchObject({
      kind: 'lstm',
      inputSize: 2,
      hiddenSize: H,
      numLayers: 2,
      bidirectional: true,
    });
    const picked = fromStateDict(dict, { layer: 1, direction: 'reverse' });
    expect(picked.inputSize).toBe(2 * H);
    picked.params.forEach((p, k) => expect(sameBits(p.w, l1r.params[k]!.w), p.name).toBe(true));
    expect(error(() => fromStateDict(dict, { layer: 2 }))).toMatchObject({
      code: 'no-such-layer',
      message: 'layer 2 does not exist: this state_dict has num_layers = 2 (layers 0 … 1)',
    });
    const single = toStateDict(l0.params);
    expect(error(() => fromStateDict(single, { direction: 'reverse' })).message).toBe(
      'the reverse direction does not exist: this state_dict is not bidirectional (no key ends in _reverse)',
    );
  });

  it('finds the module inside a whole model’s state_dict, ignores the other keys, and asks which of two', () => {
    const gru = createGru({ inputSize: 2, hiddenSize: 4, rng: testRng(10) });
    const model = { ...renamed(toStateDict(gru.params), 'rnn.', 0), 'fc.weight': [[1, 2, 3, 4]], 'fc.bias': [0] };
    expect(inspectStateDict(model)).toMatchObject({ kind: 'gru', prefix: 'rnn.', ignored: ['fc.weight', 'fc.bias'] });
    fromStateDict(model).params.forEach((p, k) => expect(sameBits(p.w, gru.params[k]!.w)).toBe(true));

    const two = { ...model, ...renamed(toStateDict(gru.params), 'decoder.', 0) };
    const e = error(() => inspectStateDict(two));
    expect(e.code).toBe('ambiguous');
    expect(e.message).toBe(
      'this state_dict holds 2 recurrent modules (rnn.weight_hh_l0, decoder.weight_hh_l0); say which with the prefix option',
    );
    expect(fromStateDict(two, { prefix: 'decoder.' }).kind).toBe('gru');
    expect(error(() => inspectStateDict(two, { prefix: 'enc.' })).code).toBe('no-layer');
  });

  it('reads a module without biases (bias=False) as zero biases', () => {
    const rnn = createRnn({ inputSize: 2, hiddenSize: 2, rng: testRng(11) });
    const { weight_ih_l0, weight_hh_l0 } = toStateDict(rnn.params);
    const dict = { weight_ih_l0: weight_ih_l0!, weight_hh_l0: weight_hh_l0! };
    expect(inspectStateDict(dict).bias).toBe(false);
    const loaded = fromStateDict(dict);
    expect(Array.from(loaded.biasIh.w)).toEqual([0, 0]);
    expect(Array.from(loaded.weightHh.w)).toEqual(Array.from(rnn.weightHh.w));
    expect(error(() => fromStateDict({ ...dict, bias_ih_l0: [0, 0] })).message).toBe(
      'bias_hh_l0: missing key in state_dict (expected shape [2])',
    );
  });

  it('names an LSTM projection (proj_size) as unsupported, with P', () => {
    const H = 4;
    const P = 2;
    const m = (r: number, c: number) => Array.from({ length: r }, () => new Array<number>(c).fill(0));
    const dict = {
      weight_ih_l0: m(4 * H, 3),
      weight_hh_l0: m(4 * H, P),
      bias_ih_l0: new Array<number>(4 * H).fill(0),
      bias_hh_l0: new Array<number>(4 * H).fill(0),
      weight_hr_l0: m(P, H),
    };
    const e = error(() => fromStateDict(dict));
    expect(e.code).toBe('unsupported');
    expect(e.key).toBe('weight_hr_l0');
    expect(e.message).toBe(
      "weight_hr_l0: this is an nn.LSTM with proj_size = 2 (weight_hr_l* [P, H] projects h to P units); the library's LSTM has no projection, so this state_dict cannot be loaded",
    );
  });

  it('names the key and the expected shape of every wrong key or shape', () => {
    const good = () =>
      ({ ...toStateDict(createLstm({ inputSize: 3, hiddenSize: 4, rng: testRng(12) }).params) }) as Record<string, unknown>;
    expect(error(() => fromStateDict({ 'fc.weight': [[1]], 'fc.bias': [0] })).message).toBe(
      'no recurrent layer in this state_dict: expected the keys of a torch.nn.LSTM, GRU or RNN — weight_ih_l0 [G·H, I], weight_hh_l0 [G·H, H], bias_ih_l0 [G·H], bias_hh_l0 [G·H] with G = 4, 3 or 1; found: fc.weight, fc.bias',
    );
    const noIh = good();
    delete noIh['weight_ih_l0'];
    expect(error(() => fromStateDict(noIh))).toMatchObject({
      code: 'missing-key',
      key: 'weight_ih_l0',
      message: 'weight_ih_l0: missing key in state_dict (expected a matrix [16, I])',
    });
    const ih = { ...good(), weight_ih_l0: Array.from({ length: 12 }, () => [0, 0, 0]) };
    expect(error(() => fromStateDict(ih))).toMatchObject({
      code: 'shape',
      expected: [16, 3],
      actual: [12, 3],
      message: 'weight_ih_l0: expected shape [16, I] (G·H rows, as weight_hh_l0 [16, 4]), got [12, 3]',
    });
    const hh = { ...good(), weight_hh_l0: Array.from({ length: 10 }, () => [0, 0, 0, 0]) };
    expect(error(() => fromStateDict(hh)).message).toBe(
      'weight_hh_l0: shape [10, 4] is not [G·H, H] with G = 4 (LSTM), 3 (GRU) or 1 (RNN): 10 rows are not 4, 3 or 1 × 4 columns',
    );
    expect(error(() => fromStateDict({ ...good(), weight_hh_l0: [1, 2] })).message).toBe(
      'weight_hh_l0: expected a matrix [G·H, H], got shape [2]',
    );
    // A prefixed, deeper key keeps its own name in the message.
    const bias = renamed(
      { ...toStateDict(createLstm({ inputSize: 3, hiddenSize: 4 }).params), bias_hh_l0: [1, 2, 3] },
      'lstm.',
      0,
    );
    expect(error(() => fromStateDict(bias))).toMatchObject({
      code: 'shape',
      key: 'lstm.bias_hh_l0',
      message: 'lstm.bias_hh_l0: expected shape [16], got [3]',
    });
  });

  it('refuses a hidden size over the limit and another cell than the one asked for', () => {
    const dict = toStateDict(createGru({ inputSize: 1, hiddenSize: 6 }).params);
    expect(error(() => inspectStateDict(dict, { maxHidden: 4 }))).toMatchObject({
      code: 'too-large',
      detail: { hidden: 6, limit: 4 },
      message: 'weight_hh_l0: hidden size H = 6 (shape [18, 6]) is larger than this reader computes: at most 4',
    });
    expect(error(() => fromStateDict(dict, { kind: 'lstm' })).message).toBe(
      'expected the state_dict of an nn.LSTM (weight_hh_l0 [4H, H]), got an nn.GRU: weight_hh_l0 is [18, 6] = [3·6, 6]',
    );
  });
});

describe('parseStateDictJson', () => {
  it('reads Python’s NaN and Infinity words, so that the finite check names the key and index', () => {
    const text = '{"weight_ih_l0": [[0.5, 1]], "weight_hh_l0": [[NaN]], "bias_ih_l0": [0], "bias_hh_l0": [0], "x NaN": 1}';
    expect(() => JSON.parse(text)).toThrow();
    const dict = parseStateDictJson(text) as Record<string, unknown>;
    expect(dict['x NaN']).toBe(1); // a word inside a string is left alone
    expect(error(() => fromStateDict(dict))).toMatchObject({
      code: 'not-finite',
      key: 'weight_hh_l0',
      message: 'weight_hh_l0[0][0]: expected a finite number, got NaN',
    });
    const inf = '{"weight_ih_l0": [[0.5]], "weight_hh_l0": [[1]], "bias_ih_l0": [-Infinity], "bias_hh_l0": [Infinity]}';
    expect(error(() => fromStateDict(parseStateDictJson(inf))).message).toBe(
      'bias_ih_l0[0]: expected a finite number, got -Infinity',
    );
  });

  it('says where a file stops being JSON, and what an empty or binary file is', () => {
    const e = error(() => parseStateDictJson('{"weight_ih_l0": [[1],\n  [2]]],\n}'));
    expect(e.code).toBe('not-json');
    expect(e.message).toMatch(/^not valid JSON \(line 2, column 7\): /);
    expect(error(() => parseStateDictJson('{"a": [1, 2'))).toMatchObject({ code: 'not-json', detail: { line: 1, column: 12 } });
    expect(error(() => parseStateDictJson(' \n')).code).toBe('empty');
    expect(error(() => parseStateDictJson('PK\u0003\u0004archive/data.pkl')).code).toBe('binary');
    expect(error(() => parseStateDictJson('\uFFFD\u0002}q\u0000')).message).toMatch(
      /^this is a binary file \(as torch\.save writes/,
    );
  });
});

describe('checkStateDict', () => {
  it('returns the problem instead of throwing, and refuses a 200 MB file without reading it', () => {
    const big = checkStateDict({
      bytes: 200e6,
      text: () => {
        throw new Error('must not be read');
      },
    });
    expect(big.ok).toBe(false);
    if (!big.ok) {
      expect(big.error.code).toBe('too-big');
      expect(big.error.message).toBe(
        'the file is 200.0 MB; at most 134.2 MB is read here (a state_dict of H = 1024 and I = 1 is about 85 MB)',
      );
    }
    expect(checkStateDictSize(MAX_STATE_DICT_BYTES)).toBeNull();
    const bad = checkStateDict({ bytes: 3, text: () => '[1]' });
    expect(!bad.ok && bad.error.code).toBe('not-object');
  });

  it('returns the layout and the loaded layer of a good file', () => {
    const lstm = createLstm({ inputSize: 2, hiddenSize: 3, rng: testRng(13) });
    const text = JSON.stringify(toStateDict(lstm.params));
    const r = checkStateDict({ bytes: text.length, text: () => text });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.layout).toMatchObject({ kind: 'lstm', inputSize: 2, hiddenSize: 3 });
      r.layer.params.forEach((p, k) => expect(sameBits(p.w, lstm.params[k]!.w)).toBe(true));
    }
    const huge = checkStateDict({ bytes: text.length, text: () => text }, { maxHidden: 2 });
    expect(!huge.ok && huge.error.code).toBe('too-large');
  });
});
