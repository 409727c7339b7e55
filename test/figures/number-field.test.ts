import { describe, expect, it } from 'vitest';
import { committedNumber, parseTypedNumber, separators } from '../../src/figures/number-field';

describe('a number typed by a reader', () => {
  it('takes English digit grouping: “1,000” is a thousand (the cell explorer read it as 1)', () => {
    expect(parseTypedNumber('1,000', 'en-US')).toBe(1000);
    expect(parseTypedNumber('12,345.5', 'en-GB')).toBe(12345.5);
    expect(parseTypedNumber('−1,000,000', 'en')).toBe(-1e6);
    expect(parseTypedNumber('1,000', 'zh-CN')).toBe(1000);
  });

  it('takes the grouping and decimal separator of other locales', () => {
    expect(parseTypedNumber('1.000', 'de-DE')).toBe(1000);
    expect(parseTypedNumber('1.000,5', 'de-DE')).toBe(1000.5);
    expect(parseTypedNumber('1,5', 'de-DE')).toBe(1.5);
    expect(parseTypedNumber('1,000', 'de-DE')).toBe(1); // a German reader's “one point zero”
    expect(parseTypedNumber('1 000', 'fr-FR')).toBe(1000); // typed with a plain space; French writes a narrow one
    expect(parseTypedNumber('1\u202f000,25', 'fr-FR')).toBe(1000.25);
  });

  it('keeps a decimal comma wherever a comma cannot be grouping, a true minus and exponents', () => {
    expect(parseTypedNumber('1,5', 'en-US')).toBe(1.5);
    expect(parseTypedNumber('0,001', 'en-US')).toBe(0.001);
    expect(parseTypedNumber('−1.5', 'en-US')).toBe(-1.5);
    expect(parseTypedNumber('2e3', 'en-US')).toBe(2000);
    expect(parseTypedNumber(' .5 ', 'en-US')).toBe(0.5);
  });

  it('rejects junk, malformed grouping and numbers beyond float64', () => {
    for (const bad of ['', 'abc', '1e400', '1e999', '--1', 'NaN', 'Infinity', '1,00,0', '1.000,5', '0x10', '1 000']) {
      expect(parseTypedNumber(bad, 'en-US'), bad).toBeUndefined();
    }
  });

  it('knows the separators of a locale, and English’s for a locale Intl cannot read', () => {
    expect(separators('en-US')).toEqual({ group: ',', decimal: '.' });
    expect(separators('de-DE')).toEqual({ group: '.', decimal: ',' });
    expect(separators('not a locale!')).toEqual({ group: ',', decimal: '.' });
  });
});

describe('what a number field commits', () => {
  const seed = { min: 0, max: 9999, integer: true };
  it('keeps the previous value (undefined) when the field is cleared or holds a number the browser cannot', () => {
    expect(committedNumber('', seed)).toBeUndefined();
    expect(committedNumber('  ', seed)).toBeUndefined();
    expect(committedNumber('Infinity', seed)).toBeUndefined();
  });

  it('rounds whole-number fields and clamps to the limits', () => {
    expect(committedNumber('7.6', seed)).toBe(8);
    expect(committedNumber('-3', seed)).toBe(0);
    expect(committedNumber('1e9', seed)).toBe(9999);
    expect(committedNumber('0.003', { min: 0.0001, max: 0.1, integer: false })).toBe(0.003);
    expect(committedNumber('-0', { min: -1, max: 1, integer: false })).toBe(0);
    expect(Object.is(committedNumber('-0', { min: -1, max: 1, integer: false }), -0)).toBe(false);
  });
});
