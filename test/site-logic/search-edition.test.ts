import { describe, expect, it } from 'vitest';
import { otherEdition, searchHref } from '../../src/site/search-edition';

describe('which edition’s search suits a query', () => {
  it('offers the Chinese edition for Chinese text on the English page, and nothing for English', () => {
    expect(otherEdition('遗忘门', 'en')).toBe('zh');
    expect(otherEdition('LSTM 遗忘门', 'en')).toBe('zh');
    expect(otherEdition('forget gate', 'en')).toBeUndefined();
    expect(otherEdition('  ', 'en')).toBeUndefined();
  });

  it('offers the English edition for a query in Latin letters on the Chinese page, and nothing for Chinese', () => {
    expect(otherEdition('forget gate', 'zh')).toBe('en');
    expect(otherEdition('tanh 梯度', 'zh')).toBeUndefined();
    expect(otherEdition('梯度', 'zh')).toBeUndefined();
    expect(otherEdition('0.25', 'zh')).toBeUndefined();
  });

  it('carries the query to the other page', () => {
    expect(searchHref('/why-tanh/zh/search/', ' 遗忘门 ')).toBe('/why-tanh/zh/search/?q=%E9%81%97%E5%BF%98%E9%97%A8');
    expect(searchHref('/search/?q=old', 'a&b')).toBe('/search/?q=a%26b');
  });
});
