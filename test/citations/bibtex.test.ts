import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BibliographyError, KNOWN_FIELDS, parseBibliography } from '../../src/site/bibtex';
import { referenceLink } from '../../src/site/bibliography';

const FILE = join(process.cwd(), 'content/references.bib');
const SOURCE = readFileSync(FILE, 'utf8');

/** The problems reported for a .bib source (fails the test if it parses cleanly). */
function problemsOf(source: string): readonly string[] {
  try {
    parseBibliography(source, 'test.bib');
  } catch (e) {
    expect(e).toBeInstanceOf(BibliographyError);
    return (e as BibliographyError).problems;
  }
  throw new Error('expected the source to be rejected');
}

const GOOD = `@article{doe2020,
  author  = {Doe, Jane and van der Berg, Piet},
  title   = {A Title},
  journal = {Journal of Tests},
  year    = {2020},
  doi     = {10.1000/xyz123},
}
`;

describe('content/references.bib', () => {
  const bib = parseBibliography(SOURCE);

  it('holds the primary sources the articles rely on', () => {
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
      'bengio1994',
      'hochreiter1991',
    ]) {
      expect(bib.has(k), k).toBe(true);
    }
  });

  it('gives every entry authors, a year, a title and an https DOI, URL or arXiv link', () => {
    for (const [k, r] of bib) {
      expect(r.authors.length, k).toBeGreaterThan(0);
      expect(r.year, k).toBeGreaterThan(1900);
      expect(r.title.length, k).toBeGreaterThan(3);
      expect(referenceLink(r), k).toMatch(/^https:\/\//);
    }
  });

  it('decodes names with particles and keeps Unicode letters', () => {
    const cho = bib.get('cho2014')!;
    expect(cho.authors[1]).toEqual({ family: 'van Merriënboer', given: 'Bart', suffix: undefined });
    expect(bib.get('hochreiter1997')!.authors[1]).toMatchObject({ family: 'Schmidhuber', given: 'Jürgen' });
    expect(bib.get('sotanhlstm2016')!.authors).toEqual([{ literal: 'Stack Overflow contributors' }]);
  });

  it('turns -- into an en dash and drops LaTeX’s case-protecting braces', () => {
    expect(bib.get('hochreiter1997')!.pages).toBe('1735–1780');
    expect(bib.get('greff2017')!.title).toBe('LSTM: A Search Space Odyssey');
  });

  it('records the line of each entry', () => {
    const line = SOURCE.split('\n').findIndex((l) => l.startsWith('@article{gers2000,')) + 1;
    expect(bib.get('gers2000')!.line).toBe(line);
  });
});

describe('parsing a .bib', () => {
  it('accepts a well-formed entry', () => {
    const bib = parseBibliography(GOOD, 'test.bib');
    expect([...bib.keys()]).toEqual(['doe2020']);
    expect(bib.get('doe2020')!.authors[1]).toMatchObject({ family: 'van der Berg', given: 'Piet' });
  });

  it('names the file, line, key and field when a required field is missing', () => {
    const p = problemsOf(GOOD.replace('  journal = {Journal of Tests},\n', ''));
    expect(p).toEqual(['test.bib:1: doe2020: @article needs "journal"']);
  });

  it('rejects a misspelt field instead of dropping it silently', () => {
    const p = problemsOf(GOOD.replace('journal', 'jornal'));
    expect(p.join('\n')).toMatch(/test\.bib:1: doe2020: unknown field "jornal"; the site reads author, editor/);
    expect(p.join('\n')).toContain('@article needs "journal"');
    expect(KNOWN_FIELDS).toContain('journal');
  });

  it('rejects a duplicate key, also in another case', () => {
    const p = problemsOf(GOOD + '\n' + GOOD.replace('doe2020', 'Doe2020'));
    expect(p.some((s) => /test\.bib:9: Doe2020: duplicate key \(first defined at line 1/.test(s))).toBe(true);
  });

  it('reports a syntax error with its line', () => {
    const p = problemsOf(GOOD + '\n@misc{bad2020,\n  title = {Oops}\n  year = {2020}\n}\n');
    expect(p).toEqual([expect.stringMatching(/^test\.bib:11: Token mismatch, expected "}".* at line 11, column 3/)]);
  });

  it('asks for the DOI without its resolver, an https URL and some link at all', () => {
    expect(problemsOf(GOOD.replace('10.1000/xyz123', 'https://doi.org/10.1000/xyz123'))).toEqual([
      'test.bib:1: doe2020: write the DOI without the resolver: "10.1000/xyz123"',
    ]);
    expect(problemsOf(GOOD.replace('doi     = {10.1000/xyz123}', 'url = {http://example.org/paper}'))).toEqual([
      'test.bib:1: doe2020: url must be an absolute https URL, got "http://example.org/paper"',
    ]);
    expect(problemsOf(GOOD.replace('  doi     = {10.1000/xyz123},\n', ''))).toEqual([
      'test.bib:1: doe2020: give readers a way to the work: a doi, a url or an arXiv eprint',
    ]);
  });

  it('checks arXiv eprints', () => {
    const misc = (extra: string) => `@misc{doe2021,\n  title = {T},\n  year = {2021},\n${extra}}\n`;
    expect(() => parseBibliography(misc('  eprint = {2101.00001},\n  archiveprefix = {arXiv},\n'))).not.toThrow();
    expect(problemsOf(misc('  eprint = {2101.00001},\n'))[0]).toMatch(/needs archiveprefix = \{arXiv\}/);
    expect(problemsOf(misc('  eprint = {nope},\n  archiveprefix = {arXiv},\n'))[0]).toMatch(/"nope" is not an arXiv identifier/);
  });

  it('rejects unknown entry types, bad years, bad keys and formatting commands', () => {
    expect(problemsOf(GOOD.replace('@article', '@patent'))[0]).toMatch(/unsupported entry type @patent; use one of @article/);
    expect(problemsOf(GOOD.replace('{2020}', '{2020a}'))).toEqual(['test.bib:1: doe2020: year must be four digits, got "2020a"']);
    expect(problemsOf(GOOD.replace('doe2020', 'Doe_et_al'))[0]).toMatch(
      /Doe_et_al: a key is the first author’s surname and the year/,
    );
    expect(problemsOf(GOOD.replace('A Title', 'A \\emph{Title}'))[0]).toMatch(/field "title" uses a formatting command/);
  });

  it('lists every problem of the file at once', () => {
    const src =
      GOOD.replace('  journal = {Journal of Tests},\n', '') + '\n' + GOOD.replace('doe2020', 'roe2020').replace('{2020}', '{20}');
    const err = (() => {
      try {
        parseBibliography(src, 'test.bib');
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(err?.message).toMatch(
      /^2 problems in the bibliography test\.bib:\n {2}test\.bib:1: doe2020: .*\n {2}test\.bib:8: roe2020: year/,
    );
  });
});
