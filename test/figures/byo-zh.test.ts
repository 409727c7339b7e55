/**
 * "Use my own weights" on the Chinese pages: the detail line of every cause of a bad file is written in Chinese from
 * the error's facts (src/i18n/byo.ts), one message per cause, naming the key and the expected shape; the English
 * pages show the library's own message.
 */
import { describe, expect, it } from 'vitest';
import { BYO, BYO_ERROR_TEXT, zhValue, type ByoErrorFacts } from '../../src/i18n/byo';
import { checkStateDict, fromStateDict, inspectStateDict } from '../../src/lib/nn/from-state-dict';
import { StateDictError, loadStateDict, type StateDictErrorCode } from '../../src/lib/nn/state-dict';
import { createLinear } from '../../src/lib/nn/readout';
import { pythonJson, seededStateDict } from '../support/state-dicts';

const good = seededStateDict('lstm', 2, 3, 5);
const without = (k: string) => Object.fromEntries(Object.entries(good).filter(([key]) => key !== k));

/** The error of `f`, as the worker passes it on. */
function errorOf(f: () => unknown): ByoErrorFacts {
  try {
    f();
  } catch (e) {
    if (e instanceof StateDictError) return e;
    throw e;
  }
  throw new Error('no error');
}
const checked = (text: string, options = {}, bytes = text.length): ByoErrorFacts => {
  const r = checkStateDict({ bytes, text: () => text }, { kind: 'lstm', ...options });
  if (r.ok) throw new Error('no error');
  return r.error;
};

/** One bad file per cause, and what its Chinese line must name. */
const CASES: { code: StateDictErrorCode | 'internal'; error: ByoErrorFacts; names: readonly string[] }[] = [
  { code: 'too-big', error: checked('', {}, 200e6), names: ['200.0 MB', '134.2 MB'] },
  { code: 'empty', error: checked(' '), names: ['JSON'] },
  { code: 'binary', error: checked('PK\u0003\u0004archive'), names: ['torch.save', 'json.dump'] },
  { code: 'not-json', error: checked('{"weight_ih_l0": [[1, 2],\n  [3, 4]]]\n}'), names: ['第 2 行'] },
  { code: 'not-object', error: checked('[1, 2, 3]'), names: ['长度为 3 的数组'] },
  { code: 'no-layer', error: checked(pythonJson({ 'fc.weight': [[1.0]] })), names: ['fc.weight', 'weight_hh_l0 [G·H, H]'] },
  {
    code: 'no-layer',
    error: errorOf(() => inspectStateDict(good, { prefix: 'encoder.' })),
    names: ['encoder.weight_hh_l0', '"encoder."'],
  },
  {
    code: 'ambiguous',
    error: errorOf(() =>
      inspectStateDict(
        Object.fromEntries(
          Object.entries(good).flatMap(([k, v]) => [
            [`a.${k}`, v],
            [`b.${k}`, v],
          ]),
        ),
      ),
    ),
    names: ['a., b.'],
  },
  { code: 'missing-key', error: checked(pythonJson(without('bias_hh_l0'))), names: ['bias_hh_l0', '[12]'] },
  { code: 'missing-key', error: checked(pythonJson(without('weight_ih_l0'))), names: ['weight_ih_l0', '[12, I]'] },
  {
    code: 'unexpected-key',
    error: errorOf(() => loadStateDict(createLinear(2, 1).params, { weight: [[1, 2]], bias: [0], scale: 1 })),
    names: ['scale', 'weight, bias'],
  },
  { code: 'not-a-tensor', error: checked(pythonJson({ ...good, bias_ih_l0: 'zeros' })), names: ['bias_ih_l0'] },
  {
    code: 'shape',
    error: checked(pythonJson({ ...good, weight_ih_l0: Array.from({ length: 8 }, () => [0.5, 0.5]) })),
    names: ['weight_ih_l0', '[12, 2]', '[8, 2]'],
  },
  { code: 'shape', error: checked(pythonJson({ ...good, bias_hh_l0: [0.0] })), names: ['bias_hh_l0', '[12]', '[1]'] },
  { code: 'shape', error: checked(pythonJson({ ...good, weight_hh_l0: [[1.0, 2.0]] })), names: ['weight_hh_l0', '[1, 2]'] },
  {
    code: 'not-finite',
    error: checked(pythonJson({ ...good, bias_ih_l0: [0.0, NaN, ...new Array<number>(10).fill(0.0)] })),
    names: ['bias_ih_l0[1]', 'NaN'],
  },
  { code: 'too-large', error: checked(pythonJson(good), { maxHidden: 2 }), names: ['weight_hh_l0', 'H = 3', '2'] },
  {
    code: 'unsupported',
    error: checked(pythonJson({ ...good, weight_hr_l0: [[1.0, 1.0, 1.0]] })),
    names: ['weight_hr_l0', 'proj_size = 1'],
  },
  {
    code: 'wrong-kind',
    error: checked(pythonJson(seededStateDict('gru', 2, 3, 6))),
    names: ['nn.LSTM', 'nn.GRU', 'weight_hh_l0', '[4H, H]', '[3H, H]'],
  },
  { code: 'no-such-layer', error: errorOf(() => fromStateDict(good, { layer: 2 })), names: ['第 2 层', 'num_layers = 1'] },
  { code: 'no-such-layer', error: errorOf(() => fromStateDict(good, { direction: 'reverse' })), names: ['_reverse'] },
  { code: 'internal', error: { code: 'internal', key: '', message: 'out of memory', detail: {} }, names: ['out of memory'] },
];

describe('the Chinese detail lines of “Use my own weights”', () => {
  it('cover every cause of a bad file', () => {
    const codes = new Set(CASES.map((c) => c.code));
    expect([...codes].sort()).toEqual(Object.keys(BYO.zh.error).sort());
  });

  for (const c of CASES) {
    it(`${c.code}: a Chinese sentence naming ${c.names.join(', ')}`, () => {
      expect(c.error.code).toBe(c.code);
      const zh = BYO_ERROR_TEXT.zh(c.error);
      for (const n of c.names) expect(zh).toContain(n);
      if (c.error.key !== '') expect(zh).toContain(c.error.key);
      if (c.code !== 'internal') {
        expect(zh).toMatch(/[\u4e00-\u9fff]/);
        expect(zh).not.toMatch(/\b(expected|got|missing key|does not|is not|must be|larger than|at most|found)\b/);
      }
      expect(BYO_ERROR_TEXT.en(c.error)).toBe(c.error.message);
    });
  }

  it('writes the library’s descriptions of values in Chinese', () => {
    expect(zhValue('an array of length 12')).toBe('长度为 12 的数组');
    expect(zhValue('the string "abc"')).toBe('字符串 "abc"');
    expect([zhValue('NaN'), zhValue('Infinity'), zhValue('null'), zhValue('object')]).toEqual([
      'NaN',
      'Infinity',
      'null',
      '对象',
    ]);
  });
});
