/**
 * Figure state in the URL fragment, e.g. `#fig-act=f:tanh,d:-6_6,d2:1`.
 *
 * Each figure declares its state as a record of typed fields ({@link FieldCodec}s: activation keys, clamped
 * numbers, number ranges, booleans, enums) with {@link defineFigureState}, and gets a pure, total pair:
 *
 * - `parse(hash)` → `{ state, problems }`: never throws. Missing fields take their defaults; malformed, unknown or
 *   out-of-range values fall back (or are clamped, or moved to the nearest step) and each is reported as a
 *   plain-text problem for a polite notice in the figure (rendered as text, never as HTML; {@link noticeLines}
 *   groups repeats and caps the list).
 * - `serialize(state)` → `fig-act=f:tanh,d:-6_6,d2:1`, the figure's own segment of the fragment.
 *
 * Several figures share one fragment as `&`-separated segments: `#fig-act=f:relu&fig-morph=t:0.5`.
 * Grammar: segment = `fig-<id>=` field (`,` field)*; field = name `:` value; a range value is `lo_hi`.
 */
import { ACTIVATION_KEYS, isActivationKey, type ActivationKey } from '../lib/nn/activations.ts';
import { segments } from './fragment.ts';

export { figureKeys, mergeSegment, segments } from './fragment.ts';

/** A parsed value, or why it could not be used (the field then takes `fallback`). */
export type Decoded<T> =
  { readonly ok: true; readonly value: T; readonly note?: string | undefined } | { readonly ok: false; readonly problem: string };

/** How one field's value is read from and written to its URL text. */
export interface FieldCodec<T> {
  /** Reads the raw (already percent-decoded) text. `note` reports a repair (e.g. a clamp) that still succeeded. */
  decode(raw: string): Decoded<T>;
  /** Writes a value; `decode(encode(v))` gives back `v` for every valid `v`. */
  encode(value: T): string;
  /** Whether `value` is a valid state value for this field (used by tests and by `normalize`). */
  valid(value: T): boolean;
}

/** One field of a figure's state: its codec, default and a human name for notices. */
export interface Field<T> {
  readonly codec: FieldCodec<T>;
  readonly default: T;
  /** What the field is, for notices: "activation", "z range". */
  readonly label: string;
}

/** The fields of a state type `S`, one per property. */
export type Fields<S> = { readonly [K in keyof S]: Field<S[K]> };

/** Result of parsing a fragment for one figure. */
export interface ParseResult<S> {
  readonly state: S;
  /** Plain-text descriptions of everything that was ignored, replaced by a default or clamped. */
  readonly problems: readonly string[];
  /** Whether the fragment had a segment for this figure at all. */
  readonly present: boolean;
}

/** The typed URL-state codec of one figure. */
export interface FigureState<S> {
  /** Figure id: `act` → segment name `fig-act`. */
  readonly id: string;
  /** Segment name in the fragment, `fig-<id>`, also the figure element's id. */
  readonly key: string;
  readonly defaults: S;
  readonly fields: Fields<S>;
  /** Reads this figure's state from a whole fragment (with or without the leading `#`). Total: never throws. */
  parse(hash: string): ParseResult<S>;
  /** This figure's segment: `fig-act=f:tanh,d:-6_6,d2:1` (every field, in declaration order). */
  serialize(state: S): string;
  /** `#` + {@link serialize}. */
  href(state: S): string;
}

/** A figure id: lower-case letters, digits and dashes. */
const ID = /^[a-z][a-z0-9-]*$/;
/** A field name. */
const NAME = /^[a-z][a-z0-9]*$/;
/** Longest fragment segment we read; anything longer is ignored as malformed (no unbounded work on input). */
export const MAX_SEGMENT_LENGTH = 2000;

/** Shortens user text quoted in a notice. */
function quote(raw: string): string {
  const s = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
  return `“${s}”`;
}

/** Percent-decodes, or returns undefined for a malformed escape (never throws). */
function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** Shortest text that parses back to the same double ("0.1", "-6", "1e-7"); −0 is written "0". */
function numberText(v: number): string {
  return String(v + 0);
}

/** Strict decimal number syntax (no hex, no "Infinity", no empty string, no spaces). */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseNumber(raw: string): number | undefined {
  if (!NUMBER.test(raw)) return undefined;
  const v = Number(raw);
  return Number.isFinite(v) ? v + 0 : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Field codecs
// ---------------------------------------------------------------------------------------------------------------

/** `1`/`0` (also accepts `true`/`false`, `on`/`off`, `yes`/`no`). */
export function booleanCodec(): FieldCodec<boolean> {
  return {
    decode(raw) {
      const s = raw.toLowerCase();
      if (s === '1' || s === 'true' || s === 'on' || s === 'yes') return { ok: true, value: true };
      if (s === '0' || s === 'false' || s === 'off' || s === 'no') return { ok: true, value: false };
      return { ok: false, problem: `${quote(raw)} is not 1 or 0` };
    },
    encode: (v) => (v ? '1' : '0'),
    valid: (v) => typeof v === 'boolean',
  };
}

/** One of a fixed list of strings. */
export function enumCodec<T extends string>(values: readonly T[]): FieldCodec<T> {
  const set = new Set<string>(values);
  return {
    decode(raw) {
      if (set.has(raw)) return { ok: true, value: raw as T };
      return { ok: false, problem: `${quote(raw)} is not one of ${values.join(', ')}` };
    },
    encode: (v) => v,
    valid: (v) => set.has(v),
  };
}

/** An activation key of the registry (validated with `isActivationKey`, so `toString` is not one). */
export function activationCodec(allowed: readonly ActivationKey[] = ACTIVATION_KEYS): FieldCodec<ActivationKey> {
  const set = new Set<string>(allowed);
  return {
    decode(raw) {
      const k = raw.toLowerCase();
      if (isActivationKey(k) && set.has(k)) return { ok: true, value: k };
      return { ok: false, problem: `${quote(raw)} is not a known activation (${allowed.join(', ')})` };
    },
    encode: (v) => v,
    valid: (v) => set.has(v),
  };
}

/** Options of a number field. */
export interface NumberOptions {
  readonly min: number;
  readonly max: number;
  /** If set, values are rounded to a multiple of `step` (from `min`) when decoded. */
  readonly step?: number | undefined;
}

function snap(v: number, { min, step }: NumberOptions): number {
  if (step === undefined || step <= 0) return v;
  const k = Math.round((v - min) / step);
  // Round to the step's decimals so 0.1-steps give 0.3, not 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number((min + k * step).toFixed(Math.min(decimals, 15))) + 0;
}

/**
 * A finite number in [min, max], on the grid of `step` if it has one; out-of-range values are clamped and off-grid
 * values moved to the nearest step, each with a note; non-numbers are rejected.
 */
export function numberCodec(opts: NumberOptions): FieldCodec<number> {
  const { min, max, step } = opts;
  return {
    decode(raw) {
      const v = parseNumber(raw);
      if (v === undefined) return { ok: false, problem: `${quote(raw)} is not a number` };
      const c = Math.min(max, Math.max(min, v));
      const s = snap(c, opts);
      const note =
        c !== v
          ? `${numberText(v)} is outside [${min}, ${max}]; using ${numberText(s)}`
          : s !== v
            ? `${numberText(v)} lies between the figure’s steps of ${numberText(step ?? 0)}; using ${numberText(s)}`
            : undefined;
      return { ok: true, value: s, note };
    },
    encode: numberText,
    valid: (v) => Number.isFinite(v) && v >= min && v <= max && snap(v, opts) === v,
  };
}

/** Options of a range field. */
export interface RangeOptions {
  /** Outer bounds both ends must lie in. */
  readonly min: number;
  readonly max: number;
  /** Smallest allowed hi − lo (> 0). */
  readonly minSpan: number;
}

/** An interval `lo_hi` with min ≤ lo, hi ≤ max and hi − lo ≥ minSpan; ends are clamped (with a note). */
export function rangeCodec(opts: RangeOptions): FieldCodec<readonly [number, number]> {
  const { min, max, minSpan } = opts;
  return {
    decode(raw) {
      const parts = raw.split('_');
      const lo0 = parts.length === 2 ? parseNumber(parts[0]!) : undefined;
      const hi0 = parts.length === 2 ? parseNumber(parts[1]!) : undefined;
      if (lo0 === undefined || hi0 === undefined) return { ok: false, problem: `${quote(raw)} is not a range “lo_hi”` };
      let lo = Math.max(min, Math.min(lo0, hi0));
      let hi = Math.min(max, Math.max(lo0, hi0));
      if (hi - lo < minSpan) {
        const mid = Math.min(max - minSpan / 2, Math.max(min + minSpan / 2, (lo + hi) / 2));
        lo = mid - minSpan / 2;
        hi = mid + minSpan / 2;
      }
      lo += 0;
      hi += 0;
      const changed = lo !== lo0 || hi !== hi0;
      const note = changed
        ? `${numberText(lo0)}_${numberText(hi0)} must lie in [${min}, ${max}] with a width of at least ${minSpan}; using ${numberText(lo)}_${numberText(hi)}`
        : undefined;
      return { ok: true, value: [lo, hi] as const, note };
    },
    encode: ([lo, hi]) => `${numberText(lo)}_${numberText(hi)}`,
    valid: (v) =>
      Array.isArray(v) &&
      v.length === 2 &&
      Number.isFinite(v[0]) &&
      Number.isFinite(v[1]) &&
      v[0] >= min &&
      v[1] <= max &&
      v[1] - v[0] >= minSpan,
  };
}

/**
 * Declares a figure's URL state.
 *
 * @param id - figure id (`act` → segment `fig-act`).
 * @param fields - one {@link Field} per state property, in the order they are written.
 * @throws Error at module load if the id, a field name or a default is invalid (a programming error). Checked
 *   everywhere but in the browser's bundle (`import.meta.env.SSR` false): the build, which loads every figure, and the
 *   tests already check what the browser could only repeat.
 */
export function defineFigureState<S extends object>(id: string, fields: Fields<S>): FigureState<S> {
  const key = `fig-${id}`;
  const names = Object.keys(fields) as (keyof S & string)[];
  // `import.meta.env` is Vite's: in plain Node (the share-pages integration) there is none, and the checks run.
  if (import.meta.env?.SSR !== false) {
    if (!ID.test(id)) throw new Error(`Figure id "${id}" must match ${ID}`);
    for (const n of names) {
      if (!NAME.test(n)) throw new Error(`Field name "${n}" of figure "${id}" must match ${NAME}`);
      const f = fields[n];
      if (!f.codec.valid(f.default)) throw new Error(`Default of field "${n}" of figure "${id}" is not valid`);
    }
  }
  const defaults = Object.freeze(Object.fromEntries(names.map((n) => [n, fields[n].default]))) as S;

  function parse(hash: string): ParseResult<S> {
    const problems: string[] = [];
    const state = { ...defaults } as S;
    const mine = segments(hash).filter((s) => s.startsWith(`${key}=`));
    if (mine.length === 0) return { state, problems, present: false };
    if (mine.length > 1) problems.push(`The link sets this figure ${mine.length} times; using the first.`);
    const body = mine[0]!.slice(key.length + 1);
    if (body.length > MAX_SEGMENT_LENGTH) {
      problems.push('The link’s settings for this figure are too long to read; showing the default view.');
      return { state, problems, present: true };
    }
    const decoded = safeDecode(body);
    if (decoded === undefined) {
      problems.push('The link’s settings for this figure are not valid URL text; showing the default view.');
      return { state, problems, present: true };
    }
    const seen = new Set<string>();
    for (const item of decoded.split(',')) {
      if (item === '') continue;
      const colon = item.indexOf(':');
      const name = colon < 0 ? item : item.slice(0, colon);
      const raw = colon < 0 ? '' : item.slice(colon + 1);
      if (!Object.hasOwn(fields, name)) {
        problems.push(`Ignored the unknown setting ${quote(name)}.`);
        continue;
      }
      const n = name as keyof S & string;
      if (seen.has(n)) {
        problems.push(`Ignored a repeated “${n}”.`);
        continue;
      }
      seen.add(n);
      const field = fields[n];
      if (colon < 0) {
        problems.push(`${capitalise(field.label)} (“${n}”) has no value; using the default.`);
        continue;
      }
      const r = field.codec.decode(raw);
      if (r.ok) {
        state[n] = r.value;
        if (r.note) problems.push(`${capitalise(field.label)} (“${n}”): ${r.note}.`);
      } else {
        problems.push(
          `${capitalise(field.label)} (“${n}”): ${r.problem}; using the default ${field.codec.encode(field.default)}.`,
        );
      }
    }
    return { state, problems, present: true };
  }

  function serialize(state: S): string {
    return `${key}=${names.map((n) => `${n}:${fields[n].codec.encode(state[n])}`).join(',')}`;
  }

  return Object.freeze({ id, key, defaults, fields, parse, serialize, href: (s: S) => `#${serialize(s)}` });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Most lines a figure's notice lists; the last one then says how many more problems there were. */
export const MAX_NOTICE_LINES = 6;

/**
 * The lines of a figure's notice for `problems`: each distinct problem once, in first-seen order, with how many
 * times it occurred ("Ignored the unknown setting “zz” (660 times)."), and at most `max` lines, the last saying how
 * many were left out. A link that repeats a bad setting hundreds of times gets a notice of one line.
 */
export function noticeLines(problems: readonly string[], max = MAX_NOTICE_LINES): string[] {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p, (counts.get(p) ?? 0) + 1);
  const lines = [...counts].map(([p, n]) => (n === 1 ? p : `${p.replace(/\.$/, '')} (${n} times).`));
  if (lines.length <= max) return lines;
  const shown = lines.slice(0, Math.max(0, max - 1));
  const more = lines.length - shown.length;
  return [...shown, `…and ${more} more problem${more === 1 ? '' : 's'}.`];
}
