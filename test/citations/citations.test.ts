import { describe, expect, it } from 'vitest';
import { CITATION_LABELS, CitationIndex, backlinkLetter, findCitations, langOfFile } from '../../src/site/citations';

const items = (text: string) => findCitations(text).matches.map((m) => m.items);

describe('finding citations in text', () => {
  it('reads one key, a key with a location, and several keys', () => {
    expect(items('As shown [@hochreiter1997].')).toEqual([[{ key: 'hochreiter1997', locator: undefined }]]);
    expect(items('[@lecun1998, §4.4] and [@pascanu2013, p. 3]')).toEqual([
      [{ key: 'lecun1998', locator: '§4.4' }],
      [{ key: 'pascanu2013', locator: 'p. 3' }],
    ]);
    expect(items('[@gers2000; @cho2014, Eq. 7]')).toEqual([
      [
        { key: 'gers2000', locator: undefined },
        { key: 'cho2014', locator: 'Eq. 7' },
      ],
    ]);
  });

  it('gives the offsets of each citation', () => {
    const [m] = findCitations('ab [@x2000] cd').matches;
    expect([m!.start, m!.end]).toEqual([3, 11]);
  });

  it('leaves e-mail addresses, handles inside words and plain brackets alone', () => {
    for (const t of ['write to a@b.org', '[mail a@b.org]', '[1, 2]', 'x[i]@y', '[see section 3]']) {
      expect(findCitations(t), t).toEqual({ matches: [], problems: [] });
    }
  });

  it('reports text before the key, author suppression, empty items and a bracket left open', () => {
    const msg = (t: string) => findCitations(t).problems.map((p) => p.message);
    expect(msg('[see @gers2000]')[0]).toMatch(/text before "@gers2000".*write the words outside the brackets/);
    expect(msg('[-@gers2000]')[0]).toMatch(/author suppression/);
    expect(msg('[@a2000;; @b2000]')[0]).toMatch(/empty item/);
    expect(msg('[@a2000, ]')[0]).toMatch(/empty location/);
    expect(msg('as shown [@gers2000, ')[0]).toMatch(/unclosed citation "\[@gers2000, …"/);
    expect(findCitations('[see @gers2000]').problems[0]!.index).toBe(0);
  });
});

describe('numbering the citations of a page', () => {
  it('numbers works by first citation and gives each occurrence its own id', () => {
    const index = new CitationIndex();
    expect(index.cite('lecun1998')).toEqual({ n: 1, id: 'cite-lecun1998-1' });
    expect(index.cite('glorot2010')).toEqual({ n: 2, id: 'cite-glorot2010-1' });
    expect(index.cite('lecun1998')).toEqual({ n: 1, id: 'cite-lecun1998-2' });
    expect(index.size).toBe(2);
    expect(index.entries()).toEqual([
      { key: 'lecun1998', n: 1, citations: ['cite-lecun1998-1', 'cite-lecun1998-2'] },
      { key: 'glorot2010', n: 2, citations: ['cite-glorot2010-1'] },
    ]);
  });

  it('letters back-links a … z, then aa, ab', () => {
    expect([0, 1, 25, 26, 27].map(backlinkLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab']);
  });
});

describe('the language of an article file', () => {
  it('is the folder’s language under content/articles/<lang>/, English otherwise', () => {
    expect(langOfFile('/r/content/articles/zh/why.mdx')).toBe('zh');
    expect(langOfFile('/r/content/articles/why.mdx')).toBe('en');
    expect(langOfFile(undefined)).toBe('en');
    expect(CITATION_LABELS.zh.references).toBe('参考文献');
  });
});
