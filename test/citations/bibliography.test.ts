import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatReference,
  fullName,
  getReference,
  joinNames,
  referenceText,
  shortCitation,
  sourceFileOfPage,
  type Reference,
} from '../../src/site/bibliography';
import { parseBibliography } from '../../src/site/bibtex';

const bib = parseBibliography(readFileSync(join(process.cwd(), 'content/references.bib'), 'utf8'));
const ref = (k: string) => bib.get(k)!;

describe('formatting a reference', () => {
  it('writes a journal article as authors (year). Title. Journal volume(number), pages. doi', () => {
    const f = formatReference(ref('hochreiter1997'));
    expect(f.lead).toBe('Sepp Hochreiter and Jürgen Schmidhuber (1997).');
    expect(f.title).toBe('Long Short-Term Memory');
    expect(f.rest).toBe('Neural Computation 9(8), 1735–1780.');
    expect(f.link).toEqual({ href: 'https://doi.org/10.1162/neco.1997.9.8.1735', text: 'doi:10.1162/neco.1997.9.8.1735' });
  });

  it('writes a book chapter with its editors, publisher and series', () => {
    expect(formatReference(ref('lecun1998')).rest).toBe(
      'In Neural Networks: Tricks of the Trade (Genevieve B. Orr and Klaus-Robert Müller, eds.). Springer, Lecture Notes in Computer Science 1524, pp. 9–50.',
    );
  });

  it('writes proceedings with volume and pages, and names the arXiv version when the link goes elsewhere', () => {
    const f = formatReference(ref('pascanu2013'));
    expect(f.rest).toBe(
      'In Proceedings of the 30th International Conference on Machine Learning (ICML), PMLR 28(3), pp. 1310–1318. arXiv:1211.5063.',
    );
    expect(f.link?.href).toBe('https://proceedings.mlr.press/v28/pascanu13.html');
    expect(formatReference(ref('kingma2015')).rest).not.toContain('arXiv:'); // its link is the arXiv page
  });

  it('writes a preprint, a thesis and a web page', () => {
    expect(referenceText(ref('le2015'))).toBe(
      'Quoc V. Le, Navdeep Jaitly and Geoffrey E. Hinton (2015). A Simple Way to Initialize Recurrent Networks of Rectified Linear Units. arXiv preprint arXiv:1504.00941. arxiv.org/abs/1504.00941',
    );
    expect(formatReference(ref('hochreiter1991')).rest).toMatch(
      /^Diploma thesis, Institut für Informatik, Technische Universität München\. In German/,
    );
    const so = formatReference(ref('sotanhlstm2016'));
    expect(so.lead).toBe('Stack Overflow contributors (2016).');
    expect(so.rest).toBe('Stack Overflow. Widely copied; quoted here only to correct it.');
  });

  it('adds no full stop after a title that ends in its own punctuation', () => {
    expect(formatReference(ref('sotanhlstm2016')).stop).toBe('.');
    const q: Reference = { ...ref('le2015'), title: 'Why tanh?' };
    expect(referenceText(q)).toContain('(2015). Why tanh? arXiv preprint');
  });

  it('shortens to one, two or “et al.” names, and names a group work by where it appeared', () => {
    expect(shortCitation(ref('hochreiter1991'))).toBe('Hochreiter 1991');
    expect(shortCitation(ref('glorot2010'))).toBe('Glorot & Bengio 2010');
    expect(shortCitation(ref('lecun1998'))).toBe('LeCun et al. 1998');
    expect(shortCitation(ref('sotanhlstm2016'))).toBe('Stack Overflow 2016');
  });

  it('writes names given-first, with particles and suffixes', () => {
    expect(fullName({ family: 'van Merriënboer', given: 'Bart' })).toBe('Bart van Merriënboer');
    expect(fullName({ family: 'Doe', given: 'John', suffix: 'Jr.' })).toBe('John Doe, Jr.');
    expect(fullName({ literal: 'The Team' })).toBe('The Team');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('looking up a key', () => {
  it('throws on an unknown key, naming the place, the key, near misses and the .bib file', () => {
    expect(() => getReference(bib, 'lecun1989', 'content/articles/x.mdx:3:5')).toThrow(
      /^content\/articles\/x\.mdx:3:5: unknown citation key "lecun1989"\. Did you mean "lecun1998"\? Add the work to content\/references\.bib\.$/,
    );
    expect(getReference(bib, 'gers2000').year).toBe(2000);
  });

  it('maps a page to its article file for error messages', () => {
    expect(sourceFileOfPage('/articles/why-tanh/')).toBe('content/articles/why-tanh.mdx');
    expect(sourceFileOfPage('/why-tanh/articles/a-b/', '/why-tanh/', '/tmp/x/')).toBe('/tmp/x/a-b.mdx');
    expect(sourceFileOfPage('/')).toBe('the page /');
  });
});
