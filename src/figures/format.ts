/**
 * Number formatting for figures, read-outs, tables and article text. One rule everywhere: a reader never sees
 * "NaN" or "Infinity" — a value that is not a number is "—" and an infinite one is "overflow".
 */

/** The typographic minus sign (U+2212), used instead of the ASCII hyphen in every displayed number. */
export const MINUS = '\u2212';

/** What non-finite values display as. */
export const NOT_A_NUMBER = '—';
export const OVERFLOW = 'overflow';

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};

/** Replaces ASCII hyphen-minus by the typographic minus. */
export function typographicMinus(s: string): string {
  return s.replace(/-/g, MINUS);
}

/** "—" for NaN, "overflow" for ±Infinity, otherwise undefined (the value is finite). */
export function nonFiniteText(v: number): string | undefined {
  if (Number.isNaN(v)) return NOT_A_NUMBER;
  if (!Number.isFinite(v)) return OVERFLOW;
  return undefined;
}

/** Splits a finite non-zero number into mantissa and decimal exponent with `sig` significant digits. */
export function decompose(v: number, sig: number): { mantissa: string; exponent: number } {
  const [m, e] = v.toExponential(Math.max(0, sig - 1)).split('e') as [string, string];
  return { mantissa: trimZeros(m), exponent: Number(e) };
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Plain (positional) notation is used when the value, rounded to its significant digits, lies in [1e-3, 1e6). */
export const PLAIN_MIN_EXPONENT = -3;
export const PLAIN_MAX_EXPONENT = 5;

function checkSig(sig: number): void {
  if (!Number.isInteger(sig) || sig < 1 || sig > 17) {
    throw new RangeError(`significant digits must be an integer from 1 to 17, got ${String(sig)}`);
  }
}

/**
 * The positional digits of a finite non-zero `v` rounded to `sig` significant digits, or undefined when the rounded
 * value falls outside [1e-3, 1e6) and must be written in scientific notation. ASCII minus; zeros kept
 * ("0.4200", "2880", "-0.001000").
 */
function plainDigits(v: number, sig: number): string | undefined {
  const [m, e] = v.toExponential(sig - 1).split('e') as [string, string];
  const exponent = Number(e);
  if (exponent < PLAIN_MIN_EXPONENT || exponent > PLAIN_MAX_EXPONENT) return undefined;
  const rounded = Number(`${m}e${e}`);
  // `rounded` is the double nearest a decimal with exactly these digits, so toFixed reproduces them (never
  // `toPrecision`, which switches to "2.88e+3" once the exponent reaches the number of digits).
  return rounded.toFixed(Math.max(0, sig - 1 - exponent));
}

function superscript(exponent: number): string {
  return [...String(exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/** A power of ten as a label: "10⁻³", "10²", and "1" for 10⁰, "10" for 10¹ (log axes, underflow limits). */
export function powerOfTen(exponent: number): string {
  if (exponent === 0) return '1';
  if (exponent === 1) return '10';
  return `10${superscript(exponent)}`;
}

/**
 * A number for reading. The rule, everywhere on the site:
 *
 * - round to `sig` significant digits;
 * - if the rounded magnitude lies in [0.001, 1 000 000): plain notation, "2880", "0.4200", "−0.25", "123500";
 *   trailing zeros after the decimal point are dropped only when the value is exact ("0.25", "1"), a rounded
 *   value keeps them ("0.4200") so the reader sees its precision;
 * - otherwise scientific notation with a superscript power of ten, "1.235 × 10⁶", "2.5 × 10⁻⁷" (mantissa zeros
 *   dropped);
 * - the typographic minus (U+2212); zero (also −0) is "0"; NaN is "—" and ±Infinity "overflow", never "NaN" or
 *   "Infinity".
 *
 * @param v - any number.
 * @param sig - significant digits, an integer from 1 to 17 (default 4).
 * @throws RangeError if `sig` is not such an integer (a programming error).
 */
export function formatNumber(v: number, sig = 4): string {
  checkSig(sig);
  const bad = nonFiniteText(v);
  if (bad !== undefined) return bad;
  if (v === 0) return '0';
  const plain = plainDigits(v, sig);
  if (plain !== undefined) return typographicMinus(Number(plain) === v ? trimZeros(plain) : plain);
  const { mantissa, exponent } = decompose(v, sig);
  return `${typographicMinus(mantissa)} × 10${superscript(exponent)}`;
}

/** Like {@link formatNumber} but always in scientific notation (for orders of magnitude): "9.1 × 10⁻¹³". */
export function formatScientific(v: number, sig = 2): string {
  const bad = nonFiniteText(v);
  if (bad !== undefined) return bad;
  if (v === 0) return '0';
  const { mantissa, exponent } = decompose(v, sig);
  return `${typographicMinus(mantissa)} × 10${superscript(exponent)}`;
}

/**
 * LaTeX for a number (for KaTeX at build time), with the rule of {@link formatNumber} except that trailing zeros
 * are always dropped: `0.7698`, `2880`, `1.1\cdot10^{12}`, `9.1\cdot10^{-13}`. Non-finite values become
 * `\text{—}` / `\text{overflow}` so no formula ever shows NaN.
 *
 * @param scientific - force scientific notation.
 */
export function texNumber(v: number, sig = 4, scientific = false): string {
  checkSig(sig);
  const bad = nonFiniteText(v);
  if (bad !== undefined) return `\\text{${bad}}`;
  if (v === 0) return '0';
  const plain = scientific ? undefined : plainDigits(v, sig);
  if (plain !== undefined) return trimZeros(plain);
  const { mantissa, exponent } = decompose(v, sig);
  return `${mantissa}\\cdot10^{${exponent}}`;
}

/** A signed number for an interval end: "−∞" / "∞" for infinite ends, {@link formatNumber} otherwise. */
export function formatEnd(v: number, sig = 4): string {
  if (v === Infinity) return '∞';
  if (v === -Infinity) return `${MINUS}∞`;
  return formatNumber(v, sig);
}

/** "z ∈ [−6, 6]" style interval text. */
export function formatInterval(lo: number, hi: number, sig = 4): string {
  return `[${formatEnd(lo, sig)}, ${formatEnd(hi, sig)}]`;
}
