import { describe, expect, it } from 'vitest';
import {
  bibtex,
  citationKey,
  citationMeta,
  escapeBibtex,
  familyFirst,
  isPersonName,
  plainCitation,
  type CiteSource,
} from '../../src/site/cite.ts';

const article: CiteSource = {
  slug: 'why-sigmoid-and-tanh',
  title: 'Why sigmoid gates and tanh in an LSTM?',
  authors: [{ name: 'Why tanh? contributors' }],
  published: new Date('2026-11-26'),
  updated: new Date('2026-11-26'),
  series: 'Why tanh?',
  url: 'https://why-tanh.example.org/articles/why-sigmoid-and-tanh/',
  lang: 'en',
};

describe('author names', () => {
  it('read "Given Family" as a person, and a group or a name in Chinese characters as corporate', () => {
    expect(isPersonName('Ada Lovelace')).toBe(true);
    expect(isPersonName('Jürgen Schmidhuber')).toBe(true);
    expect(isPersonName('Ludwig van Beethoven')).toBe(true);
    expect(isPersonName('Why tanh? contributors')).toBe(false);
    expect(isPersonName('Why tanh? 贡献者')).toBe(false);
    expect(isPersonName('Cher')).toBe(false);
    expect(familyFirst('Ada Lovelace')).toBe('Lovelace, Ada');
    expect(familyFirst('Ludwig van Beethoven')).toBe('van Beethoven, Ludwig');
    expect(familyFirst('John Ronald Reuel Tolkien')).toBe('Tolkien, John Ronald Reuel');
  });
});

describe('the BibTeX entry', () => {
  it('is an @misc entry with the article’s key, a braced corporate author and a braced title', () => {
    expect(bibtex(article)).toBe(
      [
        '@misc{whytanh2026why-sigmoid-and-tanh,',
        '  author       = {{Why tanh? contributors}},',
        '  title        = {{Why sigmoid gates and tanh in an LSTM?}},',
        '  howpublished = {Why tanh?},',
        '  year         = {2026},',
        '  month        = nov,',
        '  url          = {https://why-tanh.example.org/articles/why-sigmoid-and-tanh/},',
        '}',
      ].join('\n'),
    );
  });

  it('writes people family-first joined by "and", escapes TeX’s special characters and notes an update', () => {
    const two = {
      ...article,
      title: 'Gates & 100% of #tanh_s',
      authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }],
      updated: new Date('2027-01-05'),
    };
    const entry = bibtex(two);
    expect(entry).toContain('  author       = {Lovelace, Ada and Turing, Alan},\n');
    expect(entry).toContain('  title        = {{Gates \\& 100\\% of \\#tanh\\_s}},\n');
    expect(entry).toContain('  note         = {Updated 2027-01-05},\n');
    expect(citationKey(two)).toBe('lovelace2026why-sigmoid-and-tanh');
    expect(escapeBibtex('a\\b~c^d{e}')).toBe('a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}d\\{e\\}');
  });

  it('keys the Chinese edition apart from the English one', () => {
    expect(citationKey({ ...article, lang: 'zh' })).toBe('whytanh2026why-sigmoid-and-tanh-zh');
  });
});

describe('the plain-text reference', () => {
  it('reads author (year). “title” series, date. address — in English', () => {
    expect(plainCitation(article)).toBe(
      'Why tanh? contributors (2026). “Why sigmoid gates and tanh in an LSTM?” Why tanh?, 2026-11-26. https://why-tanh.example.org/articles/why-sigmoid-and-tanh/',
    );
    expect(
      plainCitation({ ...article, title: 'Gradients', authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }] }),
    ).toMatch(/^Lovelace, Ada and Alan Turing \(2026\)\. “Gradients\.” /);
  });

  it('follows GB/T 7714 for a web page in Chinese, with the update date', () => {
    const zh = {
      ...article,
      lang: 'zh' as const,
      title: 'LSTM 的门控为什么用 sigmoid？',
      authors: [{ name: 'Why tanh? 贡献者' }],
      updated: new Date('2026-12-01'),
      url: 'https://why-tanh.example.org/zh/articles/why-sigmoid-and-tanh/',
    };
    expect(plainCitation(zh)).toBe(
      'Why tanh? 贡献者. LSTM 的门控为什么用 sigmoid？[EB/OL]. Why tanh?, 2026-11-26（更新于 2026-12-01）. https://why-tanh.example.org/zh/articles/why-sigmoid-and-tanh/.',
    );
  });
});

describe('the Google Scholar meta tags', () => {
  it('give the title, one citation_author per author and the date as YYYY/MM/DD', () => {
    expect(citationMeta({ ...article, authors: [{ name: 'Ada Lovelace' }, { name: 'Why tanh? contributors' }] })).toEqual([
      { name: 'citation_title', content: 'Why sigmoid gates and tanh in an LSTM?' },
      { name: 'citation_author', content: 'Lovelace, Ada' },
      { name: 'citation_author', content: 'Why tanh? contributors' },
      { name: 'citation_publication_date', content: '2026/11/26' },
    ]);
  });
});
