/**
 * PyTorch-like state_dict files for the tests of "Use my own weights": a layer drawn by the library from a fixed seed,
 * its values rounded to float32 (what a float32 `torch.nn.LSTM`'s `v.tolist()` gives), written as Python's `json.dump`
 * writes it (`", "` and `": "` separators, floats as Python's `repr`: `0.5`, `1e-05`, `NaN`).
 */
import { createGru } from '../../src/lib/nn/gru.ts';
import { createLstm } from '../../src/lib/nn/lstm.ts';
import { createRnn } from '../../src/lib/nn/rnn.ts';
import { createRng } from '../../src/lib/nn/rng.ts';
import { toStateDict, type StateDict, type StateDictValue } from '../../src/lib/nn/state-dict.ts';
import type { CellKind } from '../../src/lib/nn/types.ts';

/** A seeded layer's state_dict with every value rounded to float32. */
export function seededStateDict(kind: CellKind, inputSize: number, hiddenSize: number, seed: number): StateDict {
  const rng = createRng(seed);
  const o = { inputSize, hiddenSize, rng };
  const layer = kind === 'lstm' ? createLstm(o) : kind === 'gru' ? createGru(o) : createRnn(o);
  const round = (v: StateDictValue): StateDictValue =>
    typeof v === 'number' ? Math.fround(v) : (v as (number | number[])[]).map((x) => round(x) as number & number[]);
  return Object.fromEntries(Object.entries(toStateDict(layer.params)).map(([k, v]) => [k, round(v)]));
}

/** A float as Python's `repr` writes it (shortest round-trip digits; exponent form below 1e-4 and from 1e16). */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expText] = x.toExponential().split('e') as [string, string];
  const e = Number(expText);
  if (e < -4 || e >= 16) {
    return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const fixed = String(x); // JavaScript writes 1e-6 ≤ |x| < 1e21 without an exponent, so every x here
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}

/** The JSON text `json.dump(d, f)` writes for a dict of nested lists of floats. */
export function pythonJson(dict: Readonly<Record<string, unknown>>): string {
  const value = (v: unknown): string => {
    if (typeof v === 'number') return pyFloat(v);
    if (Array.isArray(v)) return `[${v.map(value).join(', ')}]`;
    return JSON.stringify(v);
  };
  return `{${Object.entries(dict)
    .map(([k, v]) => `${JSON.stringify(k)}: ${value(v)}`)
    .join(', ')}}`;
}
