/**
 * Export and import of parameters as a PyTorch-`state_dict`-shaped JSON object, e.g. for an LSTM
 * `{ weight_ih_l0: number[4H][I], weight_hh_l0: number[4H][H], bias_ih_l0: number[4H], bias_hh_l0: number[4H] }`.
 *
 * In Python, `{k: v.tolist() for k, v in module.state_dict().items()}` dumped with `json.dump` produces exactly this
 * shape, and `module.load_state_dict({k: torch.tensor(v, dtype=torch.float64) for k, v in d.items()})` reads it.
 * Values are float64 both ways (JSON numbers round-trip float64 exactly).
 *
 * @module
 */
import type { Param } from './types.ts';

/** A tensor as nested JSON arrays: a scalar, a vector, or a matrix (rows of equal length). */
export type StateDictValue = number | number[] | number[][];

/** A PyTorch-style state_dict as a plain JSON object keyed by parameter name. */
export type StateDict = Record<string, StateDictValue>;

/** Options of {@link loadStateDict}. */
export interface LoadStateDictOptions {
  /**
   * Like PyTorch's `strict`: reject keys in the dict that match no param (default `true`). Missing keys are always
   * an error.
   */
  readonly strict?: boolean;
}

/**
 * What is wrong with a state_dict (or the file it came in), one code per kind of problem:
 * - `too-big`: the file is larger than the reader accepts; `empty`: it is empty; `binary`: it is a `torch.save`
 *   archive (zip or pickle), not JSON; `not-json`: it does not parse as JSON;
 * - `not-object`: the JSON is not an object keyed by parameter name; `no-layer`: no key of a recurrent layer;
 *   `ambiguous`: keys of several recurrent modules (name one with a prefix);
 * - `missing-key`, `unexpected-key`; `not-a-tensor` (not a number or an array of numbers, ragged, nested too deep);
 *   `shape`; `not-finite` (NaN, ±Infinity, null, a string);
 * - `too-large`: a hidden size over the reader's limit; `unsupported`: a feature the library's cells do not have
 *   (`proj_size`); `wrong-kind`: another cell than the one asked for; `no-such-layer`: a layer or direction the dict
 *   does not have.
 */
export type StateDictErrorCode =
  | 'too-big'
  | 'empty'
  | 'binary'
  | 'not-json'
  | 'not-object'
  | 'no-layer'
  | 'ambiguous'
  | 'missing-key'
  | 'unexpected-key'
  | 'not-a-tensor'
  | 'shape'
  | 'not-finite'
  | 'too-large'
  | 'unsupported'
  | 'wrong-kind'
  | 'no-such-layer';

/** Extra facts of a {@link StateDictError}, for a reader's message in another language (numbers and names only). */
export type StateDictErrorDetail = Readonly<Record<string, string | number>>;

/**
 * A validation failure of {@link loadStateDict} or of `fromStateDict` (from-state-dict.ts), naming the offending key
 * and, for shape errors, both shapes.
 */
export class StateDictError extends Error {
  /** The state_dict key the error is about (empty if it concerns the whole object). */
  readonly key: string;
  /** The expected shape, when the error is a shape mismatch. */
  readonly expected: readonly number[] | undefined;
  /** The shape found in the dict, when it could be determined. */
  readonly actual: readonly number[] | undefined;
  /** What kind of problem it is. */
  readonly code: StateDictErrorCode;
  /** The facts the message states (sizes, limits, positions, the offending value), by name. */
  readonly detail: StateDictErrorDetail;

  /** Creates the error; `message` should already name the key. */
  constructor(
    message: string,
    key: string,
    expected?: readonly number[],
    actual?: readonly number[],
    code: StateDictErrorCode = expected !== undefined && actual !== undefined ? 'shape' : 'not-a-tensor',
    detail: StateDictErrorDetail = {},
  ) {
    super(message);
    this.name = 'StateDictError';
    this.key = key;
    this.expected = expected;
    this.actual = actual;
    this.code = code;
    this.detail = detail;
  }
}

/**
 * Exports `params` as a state_dict-shaped object: 2-D params as arrays of rows, 1-D params as arrays, 0-D params
 * as numbers. Keys keep the params' order. The result is plain data (safe for `JSON.stringify`) and shares no
 * memory with the params.
 */
export function toStateDict(params: readonly Param[]): StateDict {
  const out: StateDict = {};
  for (const p of params) {
    const s = p.shape;
    if (s.length === 0) out[p.name] = p.w[0]!;
    else if (s.length === 1) out[p.name] = Array.from(p.w);
    else if (s.length === 2) {
      const rows: number[][] = [];
      const n = s[1]!;
      for (let r = 0; r < s[0]!; r++) rows.push(Array.from(p.w.subarray(r * n, (r + 1) * n)));
      out[p.name] = rows;
    } else {
      throw new StateDictError(`${p.name}: only 0-, 1- and 2-D params are supported, got shape ${formatShape(s)}`, p.name);
    }
  }
  return out;
}

/**
 * Validates `dict` against `params` and, only if everything is valid, copies its values into each `param.w`
 * (all-or-nothing; `dw` is untouched). Accepts the parsed JSON of {@link toStateDict} or of a PyTorch export.
 *
 * @throws {@link StateDictError} if `dict` is not an object, a key is missing (or unexpected with `strict`), a value
 * is not a number / array of numbers / array of equal-length rows, an entry is not a finite number, or a shape
 * differs — the message names the key and the expected and actual shapes, e.g.
 * `weight_hh_l0: expected shape [64, 16], got [64, 15]`.
 */
export function loadStateDict(params: readonly Param[], dict: unknown, options: LoadStateDictOptions = {}): void {
  if (typeof dict !== 'object' || dict === null || Array.isArray(dict)) {
    throw new StateDictError(
      `state_dict must be a JSON object keyed by parameter name, got ${describeValue(dict)}`,
      '',
      undefined,
      undefined,
      'not-object',
      { got: describeValue(dict) },
    );
  }
  const record = dict as Record<string, unknown>;
  const names = new Set(params.map((p) => p.name));
  if (options.strict ?? true) {
    const unexpected = Object.keys(record).filter((k) => !names.has(k));
    if (unexpected.length > 0) {
      const first = unexpected[0]!;
      throw new StateDictError(
        `${first}: unexpected key in state_dict (unexpected: ${unexpected.join(', ')}; expected keys: ${[...names].join(', ')})`,
        first,
        undefined,
        undefined,
        'unexpected-key',
        { expectedKeys: [...names].join(', ') },
      );
    }
  }
  const staged: Array<[Param, Float64Array]> = [];
  for (const p of params) {
    if (!Object.prototype.hasOwnProperty.call(record, p.name)) {
      throw new StateDictError(
        `${p.name}: missing key in state_dict (expected shape ${formatShape(p.shape)})`,
        p.name,
        p.shape,
        undefined,
        'missing-key',
      );
    }
    staged.push([p, flatten(p, record[p.name])]);
  }
  for (const [p, values] of staged) p.w.set(values);
}

/** Checks one value against its param and returns the values in row-major order. */
function flatten(p: Param, value: unknown): Float64Array {
  const key = p.name;
  const actual = tensorShape(key, value);
  const expected = p.shape;
  if (actual.length !== expected.length || actual.some((d, k) => d !== expected[k])) {
    throw new StateDictError(
      `${key}: expected shape ${formatShape(expected)}, got ${formatShape(actual)}`,
      key,
      expected,
      actual,
    );
  }
  const out = new Float64Array(p.w.length);
  if (actual.length === 0) {
    out[0] = finite(key, value, '');
  } else if (actual.length === 1) {
    const a = value as unknown[];
    for (let k = 0; k < a.length; k++) out[k] = finite(key, a[k], `[${k}]`);
  } else {
    const rows = value as unknown[][];
    const n = actual[1]!;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      for (let c = 0; c < n; c++) out[r * n + c] = finite(key, row[c], `[${r}][${c}]`);
    }
  }
  return out;
}

/**
 * The shape of a nested-array value: [] for a number, [n] for an array of non-arrays, [n, m] for an array of
 * arrays that all have length m. Throws for ragged or deeper nesting and for other types.
 */
export function tensorShape(key: string, value: unknown): number[] {
  if (typeof value === 'number') return [];
  if (!Array.isArray(value)) throw new StateDictError(`${key}: expected a number or an array, got ${describeValue(value)}`, key);
  if (value.length === 0 || !Array.isArray(value[0])) {
    const nested = value.findIndex((v) => Array.isArray(v));
    if (nested >= 0) throw new StateDictError(`${key}: ragged array (entry [${nested}] is an array, entry [0] is not)`, key);
    return [value.length];
  }
  const m = (value[0] as unknown[]).length;
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row)) throw new StateDictError(`${key}: ragged array (row [${r}] is not an array)`, key);
    if (row.length !== m) {
      throw new StateDictError(`${key}: ragged array (row [${r}] has length ${row.length}, row [0] has ${m})`, key);
    }
    const deeper = row.findIndex((v) => Array.isArray(v));
    if (deeper >= 0) {
      throw new StateDictError(`${key}: arrays nested deeper than 2 levels at [${r}][${deeper}] are not supported`, key);
    }
  }
  return [value.length, m];
}

/** The entry as a finite number, or a StateDictError naming key and index. */
function finite(key: string, v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new StateDictError(
      `${key}${where}: expected a finite number, got ${describeValue(v)}`,
      key,
      undefined,
      undefined,
      'not-finite',
      {
        where,
        got: describeValue(v),
      },
    );
  }
  return v;
}

/** Formats a shape like PyTorch prints `torch.Size`: `[4, 2]`. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** A short description of a JSON value for error messages. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  if (typeof v === 'number') return String(v);
  if (v === undefined) return 'nothing';
  return typeof v;
}
