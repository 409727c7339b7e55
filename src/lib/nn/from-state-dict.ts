/**
 * A recurrent layer from a PyTorch `state_dict` alone: which cell it is, its sizes, its layers and directions are
 * read from the keys and shapes, so a reader's own trained model can be loaded without stating anything by hand.
 *
 * What PyTorch writes (`{k: v.tolist() for k, v in model.state_dict().items()}` dumped with `json.dump`): for
 * layer l of an `nn.LSTM` / `nn.GRU` / `nn.RNN` with G = 4 / 3 / 1 gate blocks, `weight_ih_l{l}` [G·H, I_l],
 * `weight_hh_l{l}` [G·H, H], `bias_ih_l{l}` [G·H], `bias_hh_l{l}` [G·H]; the second direction of a bidirectional
 * module adds the same keys ending in `_reverse`; `bias=False` drops the bias keys; an LSTM with `proj_size` = P
 * adds `weight_hr_l{l}` [P, H] (and its `weight_hh_l{l}` is [4H, P]). I_0 is the input size, I_l = H·directions for
 * l ≥ 1. A module inside a model has its attribute name in front of every key (`lstm.weight_ih_l0`); other modules'
 * keys (`fc.weight`) are ignored.
 *
 * So: H is the column count of `weight_hh`, G = rows / H tells the cell (4 LSTM, 3 GRU, 1 RNN), I = the column
 * count of `weight_ih`. What the keys cannot tell: an `nn.RNN`'s nonlinearity (`tanh` or `relu`; pass
 * `activation`), and whether the model used the cell with other activations (this library can; PyTorch cannot).
 *
 * Every problem is a {@link StateDictError} with a `code` and a message naming the key and the expected shape,
 * e.g. `weight_hh_l0: expected shape [64, 16], got [64, 15]`. {@link checkStateDict} returns them instead of
 * throwing, starting from the file's text and size.
 *
 * @module
 */
import { createGru, type Gru } from './gru.ts';
import { createLstm, type Lstm } from './lstm.ts';
import { createRnn, type Rnn } from './rnn.ts';
import {
  describeValue,
  formatShape,
  loadStateDict,
  StateDictError,
  tensorShape,
  type StateDictErrorCode,
  type StateDictErrorDetail,
} from './state-dict.ts';
import type { ActivationFn, CellKind } from './types.ts';

/** A layer built by {@link fromStateDict}. */
export type StateDictLayer = Lstm | Gru | Rnn;

/** Which direction of a bidirectional module. */
export type Direction = 'forward' | 'reverse';

/** Gate blocks per cell: the G of `weight_hh` [G·H, H]. */
export const GATES_OF: Readonly<Record<CellKind, number>> = Object.freeze({ lstm: 4, gru: 3, rnn: 1 });

/** PyTorch's class of each cell, as messages name it. */
const MODULE_OF: Readonly<Record<CellKind, string>> = Object.freeze({ lstm: 'nn.LSTM', gru: 'nn.GRU', rnn: 'nn.RNN' });

/** What the keys and shapes of a state_dict say about the module that wrote it. */
export interface StateDictLayout {
  /** The cell. */
  readonly kind: CellKind;
  /** Features per input step of layer 0, I. */
  readonly inputSize: number;
  /** Hidden units, H. */
  readonly hiddenSize: number;
  /** PyTorch's `num_layers`. */
  readonly numLayers: number;
  /** PyTorch's `bidirectional`. */
  readonly bidirectional: boolean;
  /** PyTorch's `proj_size` (0: none). */
  readonly projSize: number;
  /** PyTorch's `bias` (false: no bias keys; the biases are then zero). */
  readonly bias: boolean;
  /** What stands in front of every key of the module (`''`, or e.g. `lstm.` for a module inside a model). */
  readonly prefix: string;
  /** Keys of the dict that belong to no recurrent module (e.g. a readout's `fc.weight`), in the dict's order. */
  readonly ignored: readonly string[];
}

/** Options of {@link inspectStateDict} and {@link fromStateDict}. */
export interface StateDictOptions {
  /** The cell the caller expects; another one is a `wrong-kind` error. Default: whichever the shapes say. */
  readonly kind?: CellKind;
  /** Which layer of a multi-layer module (0-based). Default 0. */
  readonly layer?: number;
  /** Which direction of a bidirectional module. Default `forward`. */
  readonly direction?: Direction;
  /** The module's key prefix, when the dict holds several recurrent modules (`encoder.`, `decoder.`). */
  readonly prefix?: string;
  /** Largest hidden size accepted (a `too-large` error beyond it). Default: no limit. */
  readonly maxHidden?: number;
}

/** Options of {@link fromStateDict} beyond {@link StateDictOptions}: the activations the keys cannot tell. */
export interface FromStateDictOptions extends StateDictOptions {
  /** RNN: φ (PyTorch `nonlinearity`: tanh, the default, or relu). */
  readonly activation?: ActivationFn;
  /** LSTM / GRU: activations per role (defaults σ, tanh, tanh as in PyTorch), see `createLstm` / `createGru`. */
  readonly activations?: {
    readonly gate?: ActivationFn;
    readonly candidate?: ActivationFn;
    readonly cellOutput?: ActivationFn;
  };
  /** Initial buffer capacity in time steps (see `createLstm`). */
  readonly maxT?: number;
  /** Initial buffer capacity in batch size. */
  readonly maxB?: number;
}

/** The four keys of one layer and direction, as they appear in the dict. */
export interface LayerKeys {
  readonly weightIh: string;
  readonly weightHh: string;
  readonly biasIh: string;
  readonly biasHh: string;
}

const KEY = /^(.*?)(weight_ih|weight_hh|bias_ih|bias_hh|weight_hr)_l(\d+)(_reverse)?$/;

/** An error with its code and facts (the message names the key). */
function fail(
  code: StateDictErrorCode,
  message: string,
  key = '',
  detail: StateDictErrorDetail = {},
  expected?: readonly number[],
  actual?: readonly number[],
): never {
  throw new StateDictError(message, key, expected, actual, code, detail);
}

/** `a, b, c` of at most `n` names, then "… (k more)". */
function some(names: readonly string[], n = 8): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, n).join(', ');
  return names.length > n ? `${shown} … (${names.length - n} more)` : shown;
}

/** The dict as a record, or a `not-object` error. */
function asRecord(dict: unknown): Record<string, unknown> {
  if (typeof dict !== 'object' || dict === null || Array.isArray(dict)) {
    fail('not-object', `state_dict must be a JSON object keyed by parameter name, got ${describeValue(dict)}`, '', {
      got: describeValue(dict),
    });
  }
  return dict as Record<string, unknown>;
}

/** The 2-D shape of `dict[key]`, or a `missing-key` / `shape` error saying what it should be. */
function matrixShape(record: Record<string, unknown>, key: string, what: string): [number, number] {
  if (!Object.prototype.hasOwnProperty.call(record, key)) {
    fail('missing-key', `${key}: missing key in state_dict (expected a matrix ${what})`, key, { what });
  }
  const shape = tensorShape(key, record[key]);
  if (shape.length !== 2) {
    fail('shape', `${key}: expected a matrix ${what}, got shape ${formatShape(shape)}`, key, { what }, undefined, shape);
  }
  return [shape[0]!, shape[1]!];
}

/** Keys of a state_dict grouped by module prefix: which prefixes hold a recurrent layer. */
function recurrentPrefixes(keys: readonly string[]): string[] {
  const prefixes: string[] = [];
  for (const k of keys) {
    const m = KEY.exec(k);
    if (m && m[2] === 'weight_hh' && !prefixes.includes(m[1]!)) prefixes.push(m[1]!);
  }
  return prefixes;
}

/**
 * Reads the layout of the recurrent module in `dict` from its keys and shapes (see the module comment), checking
 * the matrices of the requested layer and direction but reading no values.
 *
 * @throws {@link StateDictError} — `not-object`, `no-layer`, `ambiguous`, `missing-key`, `shape`, `not-a-tensor`,
 * `unsupported` (proj_size), `wrong-kind`, `no-such-layer`, `too-large`.
 */
export function inspectStateDict(dict: unknown, options: StateDictOptions = {}): StateDictLayout {
  const record = asRecord(dict);
  const keys = Object.keys(record);
  const prefixes = recurrentPrefixes(keys);
  if (prefixes.length === 0) {
    fail(
      'no-layer',
      'no recurrent layer in this state_dict: expected the keys of a torch.nn.LSTM, GRU or RNN — weight_ih_l0 [G·H, I], ' +
        `weight_hh_l0 [G·H, H], bias_ih_l0 [G·H], bias_hh_l0 [G·H] with G = 4, 3 or 1; found: ${some(keys)}`,
      '',
      { found: some(keys) },
    );
  }
  let prefix: string;
  if (options.prefix !== undefined) {
    if (!prefixes.includes(options.prefix)) {
      fail(
        'no-layer',
        `no recurrent layer with the prefix "${options.prefix}" (weight_hh_l0 found with: ${prefixes.map((p) => `"${p}"`).join(', ')})`,
        `${options.prefix}weight_hh_l0`,
        { prefixes: prefixes.join(', ') },
      );
    }
    prefix = options.prefix;
  } else if (prefixes.length > 1) {
    fail(
      'ambiguous',
      `this state_dict holds ${prefixes.length} recurrent modules (${prefixes.map((p) => `${p}weight_hh_l0`).join(', ')}); ` +
        'say which with the prefix option',
      '',
      { prefixes: prefixes.join(', ') },
    );
  } else {
    prefix = prefixes[0]!;
  }

  // Layers and directions present under the prefix; everything else is ignored.
  let numLayers = 0;
  let bidirectional = false;
  let hasBias = false;
  let hasProj = false;
  const ignored: string[] = [];
  for (const k of keys) {
    const m = KEY.exec(k);
    if (!m || m[1] !== prefix) {
      ignored.push(k);
      continue;
    }
    numLayers = Math.max(numLayers, Number(m[3]) + 1);
    if (m[4]) bidirectional = true;
    if (m[2] === 'bias_ih' || m[2] === 'bias_hh') hasBias = true;
    if (m[2] === 'weight_hr') hasProj = true;
  }

  const layerIndex = options.layer ?? 0;
  const direction = options.direction ?? 'forward';
  if (!Number.isInteger(layerIndex) || layerIndex < 0 || layerIndex >= numLayers) {
    fail(
      'no-such-layer',
      `layer ${layerIndex} does not exist: this state_dict has num_layers = ${numLayers} (layers 0 … ${numLayers - 1})`,
      '',
      { layer: layerIndex, numLayers },
    );
  }
  if (direction === 'reverse' && !bidirectional) {
    fail(
      'no-such-layer',
      'the reverse direction does not exist: this state_dict is not bidirectional (no key ends in _reverse)',
      '',
      {
        layer: layerIndex,
        numLayers,
      },
    );
  }
  const names = layerKeys(prefix, layerIndex, direction);
  const hr = `${prefix}weight_hr_l${layerIndex}${direction === 'reverse' ? '_reverse' : ''}`;
  if (hasProj) {
    const projSize = Object.prototype.hasOwnProperty.call(record, hr) ? tensorShape(hr, record[hr])[0] : undefined;
    fail(
      'unsupported',
      `${hr}: this is an nn.LSTM with proj_size = ${projSize ?? '?'} (weight_hr_l* [P, H] projects h to P units); ` +
        "the library's LSTM has no projection, so this state_dict cannot be loaded",
      hr,
      { projSize: projSize ?? '?' },
    );
  }

  const [hhRows, H] = matrixShape(record, names.weightHh, '[G·H, H]');
  const G = hhRows / H;
  if (G !== 4 && G !== 3 && G !== 1) {
    fail(
      'shape',
      `${names.weightHh}: shape ${formatShape([hhRows, H])} is not [G·H, H] with G = 4 (LSTM), 3 (GRU) or 1 (RNN): ` +
        `${hhRows} rows are not 4, 3 or 1 × ${H} columns`,
      names.weightHh,
      {},
      undefined,
      [hhRows, H],
    );
  }
  const kind: CellKind = G === 4 ? 'lstm' : G === 3 ? 'gru' : 'rnn';
  if (options.kind !== undefined && options.kind !== kind) {
    const want = GATES_OF[options.kind];
    fail(
      'wrong-kind',
      `expected the state_dict of an ${MODULE_OF[options.kind]} (weight_hh_l0 [${want}H, H]), got an ${MODULE_OF[kind]}: ` +
        `${names.weightHh} is ${formatShape([hhRows, H])} = [${G}·${H}, ${H}]`,
      names.weightHh,
      { expectedKind: options.kind, kind },
    );
  }
  if (options.maxHidden !== undefined && H > options.maxHidden) {
    fail(
      'too-large',
      `${names.weightHh}: hidden size H = ${H} (shape ${formatShape([hhRows, H])}) is larger than this reader computes: at most ${options.maxHidden}`,
      names.weightHh,
      { hidden: H, limit: options.maxHidden },
    );
  }
  const [ihRows, I] = matrixShape(record, names.weightIh, `[${G * H}, I]`);
  if (ihRows !== G * H) {
    fail(
      'shape',
      `${names.weightIh}: expected shape [${G * H}, I] (G·H rows, as ${names.weightHh} ${formatShape([hhRows, H])}), got ${formatShape([ihRows, I])}`,
      names.weightIh,
      {},
      [G * H, I],
      [ihRows, I],
    );
  }
  if (hasBias) {
    for (const b of [names.biasIh, names.biasHh]) {
      if (!Object.prototype.hasOwnProperty.call(record, b)) {
        fail('missing-key', `${b}: missing key in state_dict (expected shape [${G * H}])`, b, {}, [G * H]);
      }
    }
  }
  // Layer 0's input size is the module's; a deeper layer's is H·directions, which its weight_ih shows.
  const inputSize = layerIndex === 0 ? I : matrixShape(record, layerKeys(prefix, 0, 'forward').weightIh, `[${G * H}, I]`)[1];
  return { kind, inputSize, hiddenSize: H, numLayers, bidirectional, projSize: 0, bias: hasBias, prefix, ignored };
}

/** The keys of layer `layer`, direction `direction`, under `prefix`. */
export function layerKeys(prefix: string, layer: number, direction: Direction): LayerKeys {
  const s = `_l${layer}${direction === 'reverse' ? '_reverse' : ''}`;
  return {
    weightIh: `${prefix}weight_ih${s}`,
    weightHh: `${prefix}weight_hh${s}`,
    biasIh: `${prefix}bias_ih${s}`,
    biasHh: `${prefix}bias_hh${s}`,
  };
}

/**
 * Builds the layer of `dict` — an LSTM, GRU or vanilla RNN with the sizes its shapes give (see the module comment)
 * — and loads one layer and direction of it (default: layer 0, forward) bit for bit. A deeper layer of a stack
 * becomes a layer whose input size is that layer's (H·directions): feed it the states of the layer below.
 *
 * @example
 * // import json, torch
 * // json.dump({k: v.tolist() for k, v in model.state_dict().items()}, open("lstm.json", "w"))
 * const lstm = fromStateDict(JSON.parse(readFileSync('lstm.json', 'utf8')), { kind: 'lstm' });
 * lstm.forward({ T, B: 1, I: lstm.inputSize, x });
 *
 * @throws {@link StateDictError} — everything {@link inspectStateDict} throws, and `shape`, `not-a-tensor`,
 * `not-finite` for the values of the four tensors.
 */
export function fromStateDict(dict: unknown, options: FromStateDictOptions & { readonly kind: 'lstm' }): Lstm;
export function fromStateDict(dict: unknown, options: FromStateDictOptions & { readonly kind: 'gru' }): Gru;
export function fromStateDict(dict: unknown, options: FromStateDictOptions & { readonly kind: 'rnn' }): Rnn;
export function fromStateDict(dict: unknown, options?: FromStateDictOptions): StateDictLayer;
export function fromStateDict(dict: unknown, options: FromStateDictOptions = {}): StateDictLayer {
  const layout = inspectStateDict(dict, options);
  const record = dict as Record<string, unknown>;
  const layerIndex = options.layer ?? 0;
  const keys = layerKeys(layout.prefix, layerIndex, options.direction ?? 'forward');
  const inputSize = tensorShape(keys.weightIh, record[keys.weightIh])[1]!;
  const H = layout.hiddenSize;
  const common = {
    inputSize,
    hiddenSize: H,
    init: 'zeros' as const,
    ...(options.maxT !== undefined ? { maxT: options.maxT } : {}),
    ...(options.maxB !== undefined ? { maxB: options.maxB } : {}),
  };
  const acts = options.activations ?? {};
  const layer: StateDictLayer =
    layout.kind === 'lstm'
      ? createLstm({ ...common, activations: pick(acts, ['gate', 'candidate', 'cellOutput']) })
      : layout.kind === 'gru'
        ? createGru({ ...common, activations: pick(acts, ['gate', 'candidate']) })
        : createRnn({ ...common, ...(options.activation ? { activation: options.activation } : {}) });
  const GH = GATES_OF[layout.kind] * H;
  const zeros = (): number[] => new Array<number>(GH).fill(0);
  const source: Record<string, string> = {
    weight_ih_l0: keys.weightIh,
    weight_hh_l0: keys.weightHh,
    bias_ih_l0: keys.biasIh,
    bias_hh_l0: keys.biasHh,
  };
  const sub = {
    weight_ih_l0: record[keys.weightIh],
    weight_hh_l0: record[keys.weightHh],
    bias_ih_l0: layout.bias ? record[keys.biasIh] : zeros(),
    bias_hh_l0: layout.bias ? record[keys.biasHh] : zeros(),
  };
  try {
    loadStateDict(layer.params, sub);
  } catch (e) {
    if (!(e instanceof StateDictError)) throw e;
    // The library's param names are those of layer 0; the reader's file has its own (prefix, layer, direction).
    const key = source[e.key] ?? e.key;
    throw new StateDictError(e.message.replace(e.key, key), key, e.expected, e.actual, e.code, e.detail);
  }
  return layer;
}

/** The activations of `roles` that `acts` sets (so that the others keep their defaults). */
function pick<R extends string>(
  acts: Partial<Record<string, ActivationFn>>,
  roles: readonly R[],
): Partial<Record<R, ActivationFn>> {
  const out: Partial<Record<R, ActivationFn>> = {};
  for (const r of roles) if (acts[r] !== undefined) out[r] = acts[r];
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// From a file: size, text, JSON
// ---------------------------------------------------------------------------------------------------------------

/** Limits of {@link checkStateDict}. */
export interface StateDictLimits {
  /** Largest file accepted, in bytes. Default {@link MAX_STATE_DICT_BYTES}. */
  readonly maxBytes?: number;
  /** Largest hidden size accepted. Default {@link MAX_STATE_DICT_HIDDEN}. */
  readonly maxHidden?: number;
}

/**
 * Default largest file: 128 MiB. A state_dict of H = 1024 and I = 1 written by `json.dump` of float32 values is
 * about 85 MB (4·1024·1025 + 8·1024 numbers of some 20 characters each).
 */
export const MAX_STATE_DICT_BYTES = 128 * 1024 * 1024;

/** Default largest hidden size. */
export const MAX_STATE_DICT_HIDDEN = 1024;

/** Megabytes (10^6 bytes) with one decimal, as file sizes are usually shown. */
const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

/** A `too-big` error for a file of `bytes` bytes over `maxBytes`, or nothing. Check this before reading the file. */
export function checkStateDictSize(bytes: number, maxBytes: number = MAX_STATE_DICT_BYTES): StateDictError | null {
  if (bytes <= maxBytes) return null;
  return new StateDictError(
    `the file is ${mb(bytes)} MB; at most ${mb(maxBytes)} MB is read here (a state_dict of H = ${MAX_STATE_DICT_HIDDEN} and I = 1 is about 85 MB)`,
    '',
    undefined,
    undefined,
    'too-big',
    { bytes, limit: maxBytes },
  );
}

/**
 * Parses the text of a state_dict file. Python's `json.dump` writes a NaN or infinite weight as the bare words
 * `NaN`, `Infinity`, `-Infinity`, which JSON does not allow: such a file is read with those values (and the finite
 * check of {@link fromStateDict} then names the key and index of the first one), not refused as "not JSON".
 *
 * @throws {@link StateDictError} — `empty`, `binary` (e.g. a `torch.save` archive; a pickle's first byte 0x80 reads
 * as U+FFFD in a text decoder), `not-json` (with line and column).
 */
export function parseStateDictJson(text: string): unknown {
  if (text.trim() === '') fail('empty', 'the file is empty: expected a JSON object of the state_dict');
  const c0 = text.charCodeAt(0);
  if (text.startsWith('PK\u0003\u0004') || c0 === 0x80 || c0 === 0xfffd || c0 === 0) {
    fail(
      'binary',
      'this is a binary file (as torch.save writes: a zip or pickle archive), not JSON: write the state_dict as JSON with ' +
        'json.dump({k: v.tolist() for k, v in model.state_dict().items()}, open("lstm.json", "w"))',
    );
  }
  try {
    return JSON.parse(text);
  } catch (first) {
    const lenient = withNonFiniteWords(text);
    if (lenient !== null) {
      try {
        return JSON.parse(lenient, reviveNonFinite);
      } catch {
        // Not JSON for another reason too: report the first error, on the original text.
      }
    }
    const { line, column } = errorPosition(text, String((first as Error).message));
    const where = line > 0 ? ` (line ${line}, column ${column})` : '';
    fail('not-json', `not valid JSON${where}: ${(first as Error).message}`, '', { line, column });
  }
}

/** The markers that stand for Python's non-finite words while JSON.parse reads the text. */
const MARKERS: Readonly<Record<string, number>> = Object.freeze({
  '\u0000NaN': NaN,
  '\u0000Infinity': Infinity,
  '\u0000-Infinity': -Infinity,
});

function reviveNonFinite(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.charCodeAt(0) === 0 && value in MARKERS ? MARKERS[value] : value;
}

/**
 * The text with every bare `NaN`, `Infinity`, `-Infinity` outside strings replaced by a marker string (see
 * {@link MARKERS}), or null if it has none.
 */
function withNonFiniteWords(text: string): string | null {
  const parts: string[] = [];
  let from = 0;
  let inString = false;
  let found = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text.charCodeAt(k);
    if (inString) {
      if (ch === 92)
        k++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
      continue;
    }
    if (ch === 34) {
      inString = true;
      continue;
    }
    let word = '';
    if (ch === 78 && text.startsWith('NaN', k)) word = 'NaN';
    else if (ch === 73 && text.startsWith('Infinity', k)) word = 'Infinity';
    else if (ch === 45 && text.startsWith('-Infinity', k)) word = '-Infinity';
    if (word === '') continue;
    parts.push(text.slice(from, k), JSON.stringify(`\u0000${word}`));
    k += word.length - 1;
    from = k + 1;
    found = true;
  }
  if (!found) return null;
  parts.push(text.slice(from));
  return parts.join('');
}

/** Line and column (1-based) of a JSON.parse error, from the engine's message; 0, 0 when it gives none. */
function errorPosition(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  let offset = pos ? Number(pos[1]) : /end of (JSON )?(input|data)/i.test(message) ? text.length : -1;
  if (offset < 0) return { line: 0, column: 0 };
  offset = Math.min(offset, text.length);
  let line = 1;
  let start = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: offset - start + 1 };
}

/** What {@link checkStateDict} found: the layout and the loaded layer, or the first problem. */
export type StateDictCheck =
  | { readonly ok: true; readonly layout: StateDictLayout; readonly layer: StateDictLayer }
  | { readonly ok: false; readonly error: StateDictError };

/**
 * Checks a state_dict file from its size (in bytes, checked first: a file over the limit is never parsed) and its
 * text, with the same checks as {@link fromStateDict} for one layer and direction, values included. Never throws
 * for a bad file: every problem comes back as a {@link StateDictError} with a specific message — too big, empty, a
 * `torch.save` archive, not JSON (line and column), not an object, no recurrent keys, a missing key, a wrong shape
 * (the key and the expected shape), a NaN or infinite value (key and index), H over the limit, a projection.
 */
export function checkStateDict(
  file: { readonly bytes: number; readonly text: () => string },
  options: FromStateDictOptions & StateDictLimits = {},
): StateDictCheck {
  try {
    const tooBig = checkStateDictSize(file.bytes, options.maxBytes ?? MAX_STATE_DICT_BYTES);
    if (tooBig) return { ok: false, error: tooBig };
    const dict = parseStateDictJson(file.text());
    const layout = inspectStateDict(dict, { ...options, maxHidden: options.maxHidden ?? MAX_STATE_DICT_HIDDEN });
    return { ok: true, layout, layer: fromStateDict(dict, options) };
  } catch (e) {
    if (e instanceof StateDictError) return { ok: false, error: e };
    throw e;
  }
}
