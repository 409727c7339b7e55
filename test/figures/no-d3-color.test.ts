import { describe, expect, it } from 'vitest';
import { color, rgb } from '../../src/figures/no-d3-color';

describe('the d3-color stand-in of the site bundles', () => {
  it('fails loudly, naming the alias, if a scale is ever given colours', () => {
    expect(() => color()).toThrow(/d3-color is not in the site bundles.*astro\.config\.mjs/);
    expect(() => rgb()).toThrow(/scales here map numbers to numbers/);
  });
});
