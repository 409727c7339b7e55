/**
 * Numbers a reader types into a figure: what a text field reads (with the reader's digit grouping) and what a
 * number field commits (never its minimum by accident: a cleared field or a number beyond float64 keeps the value
 * the figure had).
 */

/** Strict decimal syntax once separators are normalised: no hex, no "Infinity", no empty string, no spaces. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** Characters locales use to group digits with a space (space, no-break space, narrow no-break space, thin space). */
const SPACES = '\\s\\u00a0\\u202f\\u2009';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A locale's digit-group and decimal separators (`,` and `.` in English); English's if `Intl` cannot tell. */
export function separators(locale?: string): { readonly group: string; readonly decimal: string } {
  try {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    return {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    };
  } catch {
    return { group: ',', decimal: '.' };
  }
}

/**
 * A number typed by a reader whose locale is `locale` (by default the runtime's: in a page, the browser's):
 * - digits grouped as the locale groups them: "1,000" and "12,345.5" in English, "1.000" and "1.000,5" in German,
 *   "1 000" in French (groups of three after a first group of one to three digits not starting with 0);
 * - the locale's decimal separator, and a decimal comma wherever a comma cannot be grouping ("1,5", "0,001");
 * - a true minus sign "−" and an exponent "2e3".
 * Undefined for anything else, and for a number beyond float64 ("1e400").
 */
export function parseTypedNumber(text: string, locale?: string): number | undefined {
  let t = text.trim().replace(/\u2212/g, '-');
  const { group, decimal } = separators(locale);
  const g = /^[\s\u00a0\u202f\u2009]$/.test(group) ? `[${SPACES}]` : escape(group);
  const grouped = new RegExp(`^[-+]?[1-9]\\d{0,2}(?:${g}\\d{3})+(?:${escape(decimal)}\\d*)?(?:e[-+]?\\d+)?$`, 'i');
  if (grouped.test(t)) t = t.replace(new RegExp(g, 'g'), '');
  t = decimal === '.' ? t.replace(',', '.') : t.replace(decimal, '.');
  if (!NUMBER.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v + 0 : undefined;
}

/** Limits of a number field. */
export interface NumberFieldLimits {
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (rounded). */
  readonly integer: boolean;
}

/**
 * The value a number field (`<input type="number">`) commits when the reader leaves it: its text as a number,
 * rounded if whole numbers are wanted and clamped to the limits; undefined, i.e. keep the previous value, when the
 * field is empty (cleared, or a number the browser cannot hold such as "1e400", which it reports as empty).
 */
export function committedNumber(raw: string, { min, max, integer }: NumberFieldLimits): number | undefined {
  if (raw.trim() === '') return undefined;
  const v = Number(raw);
  if (!Number.isFinite(v)) return undefined;
  const r = integer ? Math.round(v) : v;
  return Math.min(max, Math.max(min, r)) + 0;
}
