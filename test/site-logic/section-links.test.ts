import { describe, expect, it } from 'vitest';
import { resolveFragment, sectionUrl } from '../../src/site/section-links';

const ids = new Set(['new-id', 'other']);
const exists = (id: string) => ids.has(id);

describe('resolveFragment', () => {
  it('leaves a fragment that exists alone', () => {
    expect(resolveFragment('#new-id', exists, { 'new-id': 'other' })).toBeUndefined();
  });

  it('sends a renamed heading’s old id to its new id, following chains', () => {
    expect(resolveFragment('#old-id', exists, { 'old-id': 'new-id' })).toBe('new-id');
    expect(resolveFragment('#older', exists, { older: 'old-id', 'old-id': 'new-id' })).toBe('new-id');
  });

  it('returns the relative link of a section that moved to another page, for the caller to follow', () => {
    expect(resolveFragment('#reproduce', exists, { reproduce: 'appendix/#reproduce' })).toBe('appendix/#reproduce');
    expect(resolveFragment('#older', exists, { older: 'old', old: '../#setup' })).toBe('../#setup');
  });

  it('gives up on unknown ids, alias cycles and malformed escapes', () => {
    expect(resolveFragment('#nope', exists, {})).toBeUndefined();
    expect(resolveFragment('#a', exists, { a: 'b', b: 'a' })).toBeUndefined();
    expect(resolveFragment('#%E0%A4%A', exists, {})).toBeUndefined();
    expect(resolveFragment('', exists, {})).toBeUndefined();
    expect(resolveFragment('#__proto__', exists, {})).toBeUndefined();
  });
});

describe('sectionUrl', () => {
  it('drops the query and the old fragment', () => {
    expect(sectionUrl('https://x.org/a/?q=1#old', 'new')).toBe('https://x.org/a/#new');
  });
});
