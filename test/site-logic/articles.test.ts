import { describe, expect, it } from 'vitest';
import { articleSlug, neighbours, readingOrder, withBase } from '../../src/site/articles';
import { basePath } from '../../src/site/deploy.mjs';
import { nextTheme, resolveTheme } from '../../src/site/theme';

const art = (id: string, order: number, draft = false) => ({ id, data: { order, draft, title: id } });

describe('readingOrder', () => {
  it('sorts by order and leaves drafts out of the published site', () => {
    const list = [art('c', 3), art('a', 1), art('draft', 2, true)];
    expect(readingOrder(list, false).map((a) => a.id)).toEqual(['a', 'c']);
    expect(readingOrder(list, true).map((a) => a.id)).toEqual(['a', 'draft', 'c']);
  });

  it('breaks ties by title', () => {
    expect(readingOrder([art('b', 1), art('a', 1)], false).map((a) => a.id)).toEqual(['a', 'b']);
  });
});

describe('articleSlug', () => {
  it('is the file name without extension', () => {
    expect(articleSlug('why-tanh.mdx')).toBe('why-tanh');
    expect(articleSlug('why-tanh')).toBe('why-tanh');
  });

  it('rejects a file name that would make a bad URL', () => {
    expect(() => articleSlug('Why Tanh.mdx')).toThrow(/lower-case words/);
  });
});

describe('neighbours', () => {
  it('gives the previous and next article in reading order', () => {
    const list = [art('a', 1), art('b', 2), art('c', 3)];
    expect(neighbours(list, 'b')).toEqual({ prev: list[0], next: list[2] });
    expect(neighbours(list, 'a')).toEqual({ next: list[1] });
    expect(neighbours(list, 'zzz')).toEqual({});
  });
});

describe('withBase and basePath', () => {
  it('joins a base path and a site path with exactly one slash', () => {
    expect(withBase('/', 'articles/x/')).toBe('/articles/x/');
    expect(withBase('/why-tanh/', '/articles/x/')).toBe('/why-tanh/articles/x/');
    expect(withBase('/why-tanh', 'favicon.svg')).toBe('/why-tanh/favicon.svg');
  });

  it('normalises a deploy base path and rejects one that is not a path', () => {
    expect(basePath(undefined)).toBe('/');
    expect(basePath('')).toBe('/');
    expect(basePath('why-tanh')).toBe('/why-tanh/');
    expect(basePath('/why-tanh/')).toBe('/why-tanh/');
    expect(() => basePath('a b')).toThrow(/not a valid URL path/);
  });
});

describe('theme', () => {
  it('prefers a saved choice, then the system preference', () => {
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme(null, true)).toBe('dark');
    expect(resolveTheme('purple', false)).toBe('light');
  });

  it('toggles between the two themes', () => {
    expect(nextTheme('light')).toBe('dark');
    expect(nextTheme('dark')).toBe('light');
  });
});
