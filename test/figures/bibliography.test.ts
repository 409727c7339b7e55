import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BIBLIOGRAPHY,
  CitationRegistry,
  REF_KEYS,
  citationRegistry,
  formatReference,
  getReference,
  isRefKey,
  referenceLink,
  referenceText,
  shortCitation,
  sourceFileOfPage,
  splitKeys,
} from '../../src/site/bibliography';

describe('the bibliography table', () => {
  it('has the keys the articles rely on', () => {
    for (const k of [
      'hochreiter1997',
      'gers2000',
      'cho2014',
      'pascanu2013',
      'greff2017',
      'jozefowicz2015',
      'lecun1998',
      'glorot2010',
      'le2015',
    ]) {
      expect(isRefKey(k), k).toBe(true);
    }
  });

  it('gives every entry authors, a year, a title and a DOI or URL', () => {
    for (const k of REF_KEYS) {
      const r = BIBLIOGRAPHY[k];
      expect(r.authors.length, k).toBeGreaterThan(0);
      expect(r.year, k).toBeGreaterThan(1900);
      expect(r.title.length, k).toBeGreaterThan(3);
      expect(referenceLink(r), k).toMatch(/^https:\/\//);
      if (r.doi) expect(r.doi, k).toMatch(/^10\.\d{4,}\//);
      expect(k).toMatch(/^[a-z]+\d{4}[a-z]*$/);
    }
  });

  it('formats entries', () => {
    const f = formatReference(BIBLIOGRAPHY.hochreiter1997);
    expect(f.lead).toBe('Sepp Hochreiter and Jürgen Schmidhuber (1997).');
    expect(f.rest).toBe('Neural Computation 9(8), 1735–1780.');
    expect(f.link).toEqual({ href: 'https://doi.org/10.1162/neco.1997.9.8.1735', text: 'doi:10.1162/neco.1997.9.8.1735' });
    expect(shortCitation(BIBLIOGRAPHY.lecun1998)).toBe('LeCun et al. 1998');
    expect(shortCitation(BIBLIOGRAPHY.glorot2010)).toBe('Glorot & Bengio 2010');
    expect(shortCitation(BIBLIOGRAPHY.cho2014)).toBe('Cho et al. 2014');
    expect(referenceText(BIBLIOGRAPHY.le2015)).toContain('arXiv preprint arXiv:1504.00941');
  });

  it('throws on an unknown key, naming the key, the file and a near miss', () => {
    expect(() => getReference('lecun1989', 'content/articles/x.mdx')).toThrow(
      /"lecun1989".*content\/articles\/x\.mdx.*"lecun1998"/s,
    );
  });

  it('maps a page to its article file for error messages', () => {
    expect(sourceFileOfPage('/articles/why-tanh/')).toBe('content/articles/why-tanh.mdx');
    expect(sourceFileOfPage('/why-tanh/articles/a-b/', '/why-tanh/', '/tmp/x/')).toBe('/tmp/x/a-b.mdx');
    expect(sourceFileOfPage('/')).toBe('the page /');
  });

  it('splits key lists', () => {
    expect(splitKeys(' gers2000, cho2014 ;x ')).toEqual(['gers2000', 'cho2014', 'x']);
  });
});

describe('numbering on a page', () => {
  it('numbers by first citation and reuses numbers', () => {
    const r = new CitationRegistry();
    expect(r.cite('lecun1998')).toBe(1);
    expect(r.cite('glorot2010')).toBe(2);
    expect(r.cite('lecun1998')).toBe(1);
    expect(r.entries().map((e) => [e.key, e.n])).toEqual([
      ['lecun1998', 1],
      ['glorot2010', 2],
    ]);
    expect(r.cite('glorot2010')).toBe(2);
    expect(() => r.cite('cho2014')).toThrow(/after the bibliography/);
  });

  it('keeps one registry per page render', () => {
    const a = {};
    const b = {};
    citationRegistry(a).cite('cho2014');
    expect(citationRegistry(a).cite('gers2000')).toBe(2);
    expect(citationRegistry(b).cite('gers2000')).toBe(1);
  });
});

describe('the articles', () => {
  it('cite only known keys', () => {
    const dir = join(process.cwd(), 'content/articles');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.mdx'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/<Cite\s+k=["']([^"']+)["']/g)) {
        for (const k of splitKeys(m[1]!)) expect(isRefKey(k), `${f}: ${k}`).toBe(true);
      }
    }
  });
});
