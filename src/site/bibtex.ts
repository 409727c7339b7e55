/**
 * content/references.bib → validated {@link Reference}s.
 *
 * Parsing (strings, concatenation, braces, TeX accents → Unicode, "Family, Given and …" names) is done by
 * @retorquere/bibtex-parser, the parser behind Better BibTeX for Zotero. This module adds the site's rules and turns
 * every problem into one line `file:line: key: message`, all of them at once:
 * - the entry types of {@link ENTRY_TYPES} only, each with its required fields ({@link REQUIRED_FIELDS});
 * - only the fields the site prints ({@link KNOWN_FIELDS}): a typo such as `jornal` is an error, not a silent loss;
 * - keys `surnameYEAR` in lower case, unique (BibTeX keys are case-insensitive);
 * - a four-digit year; a DOI without resolver; https URLs; arXiv eprints with `archiveprefix = {arXiv}`;
 * - a way to find the work: a DOI, a URL or an arXiv eprint;
 * - no formatting commands (`\emph`…) and no unknown TeX macros: titles are printed exactly as written.
 */
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { ENTRY_TYPES, type Bibliography, type EntryType, type Name, type Reference } from './bibliography.ts';

/** Required fields per entry type; an inner array means "one of". */
export const REQUIRED_FIELDS: Readonly<Record<EntryType, readonly (string | readonly string[])[]>> = {
  article: ['author', 'title', 'journal', 'year'],
  inproceedings: ['author', 'title', 'booktitle', 'year'],
  incollection: ['author', 'title', 'booktitle', 'publisher', 'year'],
  book: [['author', 'editor'], 'title', 'publisher', 'year'],
  phdthesis: ['author', 'title', 'school', 'year'],
  mastersthesis: ['author', 'title', 'school', 'year'],
  techreport: ['author', 'title', 'institution', 'year'],
  misc: ['title', 'year'],
};

/** Every field the site reads (lower case, as BibTeX compares them). */
export const KNOWN_FIELDS: readonly string[] = [
  'author',
  'editor',
  'title',
  'journal',
  'booktitle',
  'publisher',
  'series',
  'volume',
  'number',
  'pages',
  'school',
  'institution',
  'type',
  'howpublished',
  'year',
  'doi',
  'url',
  'eprint',
  'archiveprefix',
  'primaryclass',
  'note',
];

/** Citation keys: `hochreiter1997`, `sotanhlstm2016`, `smith2020b`. */
export const KEY_PATTERN = /^[a-z]+\d{4}[a-z]?$/;

/** Thrown when content/references.bib has problems; `problems` holds one `file:line: …` line per problem. */
export class BibliographyError extends Error {
  readonly problems: readonly string[];
  /** A problem for the author of the file: scripts/build.mjs prints the message alone (src/markdown/content-error.mjs). */
  readonly whyTanhContent = true;
  constructor(file: string, problems: readonly string[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the bibliography ${file}:\n` +
        problems.map((p) => `  ${p}`).join('\n'),
    );
    this.name = 'BibliographyError';
    this.problems = problems;
  }
}

/** 1-based line of character `index` in `text`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Entry headers `@type{key,` in file order with their lines (strings, comments and preambles skipped). */
function entryHeaders(source: string): { type: string; key: string; line: number }[] {
  const out: { type: string; key: string; line: number }[] = [];
  for (const m of source.matchAll(/@\s*([A-Za-z]+)\s*[{(]\s*([^\s,{}()"=#%]+)\s*,/g)) {
    const type = m[1]!.toLowerCase();
    if (type === 'string' || type === 'comment' || type === 'preamble') continue;
    out.push({ type, key: m[2]!, line: lineAt(source, m.index) });
  }
  return out;
}

function toName(c: Creator): Name {
  if (c.name !== undefined) return { literal: c.name };
  const family = [c.prefix, c.lastName].filter((s) => s).join(' ');
  return { family, given: c.firstName || undefined, suffix: c.suffix || undefined };
}

/** A field as one string (list fields such as `publisher` are joined), or undefined when absent/empty. */
function text(entry: Entry, field: string): string | undefined {
  const v: unknown = (entry.fields as Record<string, unknown>)[field];
  if (v === undefined) return undefined;
  const s = Array.isArray(v) ? v.map(String).join(', ') : String(v);
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

function names(entry: Entry, field: 'author' | 'editor'): Name[] {
  return (entry.fields[field] ?? []).map(toName);
}

/**
 * Parses and validates a BibTeX source.
 *
 * @param source - the text of the .bib file.
 * @param file - the file's name, used in messages.
 * @returns every entry by key, in file order.
 * @throws BibliographyError listing every problem found, each as `file:line: key: message`.
 */
export function parseBibliography(source: string, file = 'content/references.bib'): Bibliography {
  const problems: string[] = [];
  let library: ReturnType<typeof parse>;
  try {
    library = parse(source, { sentenceCase: false, english: false, caseProtection: false });
  } catch (e) {
    throw new BibliographyError(file, [`${file}: ${e instanceof Error ? e.message : String(e)}`]);
  }
  const headers = entryHeaders(source);
  /** Entries (by header index) with a syntax error: reported once as such, not again for their partial fields. */
  const broken = new Set<number>();
  for (const err of library.errors) {
    const m = /at line (\d+)/.exec(err.error);
    const at = err.input ? source.indexOf(err.input) : -1;
    const line = m ? Number(m[1]) : at >= 0 ? lineAt(source, at) : undefined;
    problems.push(`${file}${line ? `:${line}` : ''}: ${err.error.replace(/\s+/g, ' ')}`);
    if (line !== undefined) {
      const h = headers.findLastIndex((x) => x.line <= line);
      if (h >= 0) broken.add(h);
    }
  }

  const used = new Set<number>();
  const seen = new Map<string, number>();
  const bib = new Map<string, Reference>();

  for (const entry of library.entries) {
    const hi = headers.findIndex((h, i) => !used.has(i) && h.key === entry.key);
    if (hi >= 0) used.add(hi);
    if (broken.has(hi)) continue;
    const line = hi >= 0 ? headers[hi]!.line : 0;
    const where = `${file}:${line}: ${entry.key}`;
    const problem = (msg: string) => problems.push(`${where}: ${msg}`);

    const lower = entry.key.toLowerCase();
    const first = seen.get(lower);
    if (first !== undefined) {
      problem(`duplicate key (first defined at line ${first}; BibTeX keys ignore case)`);
      continue;
    }
    seen.set(lower, line);
    if (!KEY_PATTERN.test(entry.key)) {
      problem('a key is the first author’s surname and the year in lower case, e.g. hochreiter1997 (or hochreiter1997b)');
    }

    const type = entry.type.toLowerCase();
    if (!(ENTRY_TYPES as readonly string[]).includes(type)) {
      problem(`unsupported entry type @${entry.type}; use one of ${ENTRY_TYPES.map((t) => `@${t}`).join(', ')}`);
      continue;
    }
    const fields = Object.keys(entry.fields);
    for (const f of fields) {
      if (!KNOWN_FIELDS.includes(f)) problem(`unknown field "${f}"; the site reads ${KNOWN_FIELDS.join(', ')}`);
    }
    const present = (f: string) => (f === 'author' || f === 'editor' ? names(entry, f).length > 0 : text(entry, f) !== undefined);
    for (const req of REQUIRED_FIELDS[type as EntryType]) {
      const options = typeof req === 'string' ? [req] : req;
      if (!options.some(present)) problem(`@${type} needs ${options.map((o) => `"${o}"`).join(' or ')}`);
    }
    for (const f of fields) {
      const v = text(entry, f);
      if (v !== undefined && /<\/?[a-z]+>/i.test(v)) {
        problem(`field "${f}" uses a formatting command (\\emph, \\textit…): write plain text, it is printed as written`);
      }
    }

    const year = text(entry, 'year');
    if (year !== undefined && !/^\d{4}$/.test(year)) problem(`year must be four digits, got "${year}"`);
    const doi = text(entry, 'doi');
    if (doi !== undefined && !/^10\.\d{4,9}\/\S+$/.test(doi)) {
      problem(
        /^https?:|doi\.org/.test(doi)
          ? `write the DOI without the resolver: "${doi.replace(/^https?:\/\/(dx\.)?doi\.org\//, '')}"`
          : `"${doi}" is not a DOI (10.NNNN/…)`,
      );
    }
    const url = text(entry, 'url');
    if (url !== undefined && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(url)) problem(`url must be an absolute https URL, got "${url}"`);
    const eprint = text(entry, 'eprint');
    const archive = text(entry, 'archiveprefix');
    if (eprint !== undefined) {
      if (archive?.toLowerCase() !== 'arxiv')
        problem('an eprint needs archiveprefix = {arXiv} (the only archive the site links)');
      else if (!/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/.test(eprint)) {
        problem(`"${eprint}" is not an arXiv identifier (e.g. 1211.5063)`);
      }
    } else if (archive !== undefined) {
      problem('archiveprefix without eprint');
    }
    if (doi === undefined && url === undefined && eprint === undefined) {
      problem('give readers a way to the work: a doi, a url or an arXiv eprint');
    }

    bib.set(entry.key, {
      key: entry.key,
      type: type as EntryType,
      authors: names(entry, 'author'),
      editors: names(entry, 'editor'),
      title: text(entry, 'title') ?? '',
      year: Number(year),
      journal: text(entry, 'journal'),
      booktitle: text(entry, 'booktitle'),
      publisher: text(entry, 'publisher'),
      series: text(entry, 'series'),
      volume: text(entry, 'volume'),
      number: text(entry, 'number'),
      pages: text(entry, 'pages'),
      school: text(entry, 'school'),
      institution: text(entry, 'institution'),
      kind: text(entry, 'type'),
      howpublished: text(entry, 'howpublished'),
      doi,
      url,
      arxiv: eprint,
      note: text(entry, 'note'),
      line,
    });
  }
  if (problems.length > 0) throw new BibliographyError(file, problems);
  return bib;
}
