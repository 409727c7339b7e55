import { describe, expect, it } from 'vitest';
import { settingsLine } from '../../src/site/print';

describe('the settings line a printed figure shows instead of its controls', () => {
  it('names each setting and its value, in order, after the word for “settings”', () => {
    expect(
      settingsLine(
        [
          { name: 'Activation', value: 'tanh' },
          { name: ' z range ± ', value: '−6 to 6' },
          { name: 'Seed:', value: '7' },
        ],
        { settings: 'Settings:' },
      ),
    ).toBe('Settings: Activation tanh · z range ± −6 to 6 · Seed 7');
  });

  it('needs no space after a full-width colon, and drops empty settings', () => {
    expect(
      settingsLine(
        [
          { name: '种子：', value: '1' },
          { name: '', value: '' },
        ],
        { settings: '设置：' },
      ),
    ).toBe('设置：种子 1');
  });

  it('is empty for a figure without controls', () => {
    expect(settingsLine([], { settings: 'Settings:' })).toBe('');
  });
});
