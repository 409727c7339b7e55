import { describe, expect, it } from 'vitest';
import { buildToc, cleanHeadingText } from '../../src/site/toc';

const h = (depth: number, slug: string, text = slug) => ({ depth, slug, text });

describe('buildToc', () => {
  it('nests h3 under the preceding h2 and skips the h1 and h4 by default', () => {
    const toc = buildToc([h(1, 'title'), h(2, 'a'), h(3, 'a1'), h(4, 'deep'), h(3, 'a2'), h(2, 'b')]);
    expect(toc.map((e) => e.slug)).toEqual(['a', 'b']);
    expect(toc[0]!.children.map((e) => e.slug)).toEqual(['a1', 'a2']);
    expect(toc[1]!.children).toEqual([]);
  });

  it('keeps a heading that jumps a level instead of dropping it', () => {
    const toc = buildToc([h(2, 'a'), h(4, 'deep')], { maxDepth: 4 });
    expect(toc[0]!.children.map((e) => e.slug)).toEqual(['deep']);
  });

  it('puts a leading h3 at the top level', () => {
    expect(buildToc([h(3, 'x'), h(2, 'y')]).map((e) => e.slug)).toEqual(['x', 'y']);
  });

  it('strips the permalink marker from heading text', () => {
    expect(buildToc([h(2, 'a', 'Why tanh #')])[0]!.text).toBe('Why tanh');
    expect(cleanHeadingText('C# and F#')).toBe('C# and F');
    expect(cleanHeadingText('Plain')).toBe('Plain');
  });

  it('has the expected defaults', () => {
    expect(buildToc([])).toEqual([]);
    expect(buildToc([h(2, 'a'), h(3, 'b'), h(4, 'c')]).flatMap((e) => [e.depth, ...e.children.map((c) => c.depth)])).toEqual([
      2, 3,
    ]);
  });
});
