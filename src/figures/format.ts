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

/**
 * A number for reading: `sig` significant digits, trailing zeros dropped, the typographic minus, and scientific
 * notation with a superscript exponent ("1.1 × 10¹²") outside [1e-3, 1e5). Zero is "0" (also −0).
 *
 * @param v - any number; NaN → "—", ±Infinity → "overflow".
 * @param sig - significant digits (1–15), default 4.
 */
export function formatNumber(v: number, sig = 4): string {
  const bad = nonFiniteText(v);
  if (bad !== undefined) return bad;
  if (v === 0) return '0';
  const a = Math.abs(v);
  const { mantissa, exponent } = decompose(v, sig);
  if (a >= 1e-3 && a < 1e5 && exponent >= -3 && exponent < 5) {
    const p = v.toPrecision(sig);
    // Trailing zeros are dropped only when the number is exact ("0.25"); a rounded value keeps them ("0.4200").
    return typographicMinus(Number(p) === v ? trimZeros(p) : p);
  }
  return `${typographicMinus(mantissa)} × 10${[...String(exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/** Like {@link formatNumber} but always in scientific notation (for orders of magnitude): "9.1 × 10⁻¹³". */
export function formatScientific(v: number, sig = 2): string {
  const bad = nonFiniteText(v);
  if (bad !== undefined) return bad;
  if (v === 0) return '0';
  const { mantissa, exponent } = decompose(v, sig);
  return `${typographicMinus(mantissa)} × 10${[...String(exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/**
 * LaTeX for a number (for KaTeX at build time): `0.7698`, `1.1\cdot10^{12}`, `9.1\cdot10^{-13}`.
 * Non-finite values become `\text{—}` / `\text{overflow}` so no formula ever shows NaN.
 *
 * @param scientific - force scientific notation.
 */
export function texNumber(v: number, sig = 4, scientific = false): string {
  const bad = nonFiniteText(v);
  if (bad !== undefined) return `\\text{${bad}}`;
  if (v === 0) return '0';
  const { mantissa, exponent } = decompose(v, sig);
  const a = Math.abs(v);
  if (!scientific && a >= 1e-3 && a < 1e5 && exponent >= -3 && exponent < 5) {
    return trimZeros(v.toPrecision(sig)).replace(/e.*$/, '');
  }
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
