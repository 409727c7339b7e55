/**
 * References: the typed shape of a bibliography entry and how the site writes one.
 *
 * The data lives in one place, content/references.bib; src/site/bibtex.ts parses and validates it into
 * {@link Reference}s. Articles cite with `[@key]` (src/markdown/remark-citations.ts numbers and links the citations
 * and writes the bibliography at build time).
 *
 * Pure types and string helpers: no Astro, no DOM, no file system, so unit tests, the Markdown pipeline (loaded by
 * plain Node with the Astro config: keep relative imports with their `.ts` extension) and components can import it.
 */

/** A person as BibTeX names one: family name with its particle ("van Merriënboer"), given names, suffix. */
export interface PersonName {
  readonly family: string;
  readonly given?: string | undefined;
  readonly suffix?: string | undefined;
}
/** A name written in double braces in BibTeX, printed as is: `{{Stack Overflow contributors}}`. */
export interface LiteralName {
  readonly literal: string;
}
export type Name = PersonName | LiteralName;

/** The BibTeX entry types the site formats. */
export const ENTRY_TYPES = [
  'article',
  'inproceedings',
  'incollection',
  'book',
  'phdthesis',
  'mastersthesis',
  'techreport',
  'misc',
] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** One bibliography entry, as parsed from content/references.bib. */
export interface Reference {
  /** Citation key, e.g. `hochreiter1997`. */
  readonly key: string;
  readonly type: EntryType;
  /** Authors in the order of the work (may be empty only for `misc`). */
  readonly authors: readonly Name[];
  /** Editors of the containing book (`incollection`) or of an edited `book`. */
  readonly editors: readonly Name[];
  /** Title as published. */
  readonly title: string;
  readonly year: number;
  readonly journal?: string | undefined;
  readonly booktitle?: string | undefined;
  readonly publisher?: string | undefined;
  readonly series?: string | undefined;
  readonly volume?: string | undefined;
  readonly number?: string | undefined;
  /** Page range with an en dash, e.g. "1735–1780". */
  readonly pages?: string | undefined;
  readonly school?: string | undefined;
  readonly institution?: string | undefined;
  /** BibTeX `type`: the kind of thesis or report, e.g. "Diploma thesis". */
  readonly kind?: string | undefined;
  /** Where a `misc` work appeared, e.g. "Stack Overflow". */
  readonly howpublished?: string | undefined;
  /** DOI without the resolver, e.g. "10.1162/neco.1997.9.8.1735". */
  readonly doi?: string | undefined;
  /** Canonical https URL (when there is no DOI, or an open copy). */
  readonly url?: string | undefined;
  /** arXiv identifier (BibTeX `eprint` with `archiveprefix = {arXiv}`), e.g. "1211.5063". */
  readonly arxiv?: string | undefined;
  readonly note?: string | undefined;
  /** 1-based line of the entry in the .bib file, for messages. */
  readonly line: number;
}

/** Every entry of the bibliography by key, in file order. */
export type Bibliography = ReadonlyMap<string, Reference>;

/** "Sepp Hochreiter", "Bart van Merriënboer", "Stack Overflow contributors". */
export function fullName(name: Name): string {
  if ('literal' in name) return name.literal;
  const base = name.given ? `${name.given} ${name.family}` : name.family;
  return name.suffix ? `${base}, ${name.suffix}` : base;
}

/** "Hochreiter", "van Merriënboer", "Stack Overflow contributors". */
export function familyName(name: Name): string {
  return 'literal' in name ? name.literal : name.family;
}

/** Joins names as "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * "Hochreiter & Schmidhuber 1997", "LeCun et al. 1998", "Stack Overflow 2016": the short form used in previews and
 * link names. A work by a group (a literal name) is named by where it appeared when that is known.
 */
export function shortCitation(ref: Reference): string {
  const first = ref.authors[0];
  let who: string;
  if (first === undefined || 'literal' in first) {
    who = ref.howpublished ?? (first ? fullName(first) : ref.title);
  } else {
    const names = ref.authors.map(familyName);
    who = names.length === 1 ? names[0]! : names.length === 2 ? `${names[0]} & ${names[1]}` : `${names[0]} et al.`;
  }
  return `${who} ${ref.year}`;
}

/** The resolvable link of an entry: its DOI, else its URL, else its arXiv abstract page. */
export function referenceLink(ref: Reference): string | undefined {
  if (ref.doi) return `https://doi.org/${ref.doi}`;
  if (ref.url) return ref.url;
  if (ref.arxiv) return `https://arxiv.org/abs/${ref.arxiv}`;
  return undefined;
}

/** The parts of a formatted entry, so the renderer can put the title in `<cite>` and the link in an `<a>`. */
export interface FormattedReference {
  /** "Sepp Hochreiter and Jürgen Schmidhuber (1997)." */
  readonly lead: string;
  /** The title. */
  readonly title: string;
  /** What follows the title: "." unless the title ends in its own punctuation ("…in LSTM?"). */
  readonly stop: '' | '.';
  /** "Neural Computation 9(8), 1735–1780." */
  readonly rest: string;
  /** The DOI/URL shown and linked, if any. */
  readonly link?: { readonly href: string; readonly text: string } | undefined;
}

/** " 9(8)", " 28", "" */
function volumeNumber(ref: Reference): string {
  if (!ref.volume) return ref.number ? ` (${ref.number})` : '';
  return ` ${ref.volume}${ref.number ? `(${ref.number})` : ''}`;
}

/** Where the work appeared, by entry type, ending with a full stop. */
function container(ref: Reference): string {
  const pp = ref.pages ? `, pp. ${ref.pages}` : '';
  switch (ref.type) {
    case 'article':
      return `${ref.journal ?? ''}${volumeNumber(ref)}${ref.pages ? `, ${ref.pages}` : ''}.`;
    case 'inproceedings':
      return `In ${ref.booktitle ?? ''}${volumeNumber(ref)}${pp}.`;
    case 'incollection': {
      const eds = ref.editors.length > 0 ? ` (${joinNames(ref.editors.map(fullName))}, eds.)` : '';
      const series = ref.series ? `, ${ref.series}${ref.volume ? ` ${ref.volume}` : ''}` : '';
      return `In ${ref.booktitle ?? ''}${eds}. ${ref.publisher ?? ''}${series}${pp}.`;
    }
    case 'book': {
      const series = ref.series ? `, ${ref.series}${ref.volume ? ` ${ref.volume}` : ''}` : '';
      return `${ref.publisher ?? ''}${series}.`;
    }
    case 'phdthesis':
      return `${ref.kind ?? 'PhD thesis'}, ${ref.school ?? ''}.`;
    case 'mastersthesis':
      return `${ref.kind ?? 'Master’s thesis'}, ${ref.school ?? ''}.`;
    case 'techreport':
      return `${ref.kind ?? 'Technical report'}${ref.number ? ` ${ref.number}` : ''}, ${ref.institution ?? ''}.`;
    case 'misc':
      if (ref.howpublished) return `${ref.howpublished}.`;
      return ref.arxiv ? `arXiv preprint arXiv:${ref.arxiv}.` : '';
  }
}

/** Formats an entry as its parts (see {@link FormattedReference}). */
export function formatReference(ref: Reference): FormattedReference {
  const authors = joinNames(ref.authors.map(fullName));
  const lead = authors ? `${authors} (${ref.year}).` : `(${ref.year}).`;
  let rest = container(ref);
  // Name the arXiv version too when the link goes elsewhere (a DOI, a proceedings page).
  const linkElsewhere =
    ref.doi !== undefined || (ref.url !== undefined && ref.arxiv !== undefined && !ref.url.includes(ref.arxiv));
  if (ref.arxiv && linkElsewhere && !rest.includes(`arXiv:${ref.arxiv}`)) rest += ` arXiv:${ref.arxiv}.`;
  if (ref.note) rest += ` ${ref.note}`;
  rest = rest.trim();
  const href = referenceLink(ref);
  const link = href ? { href, text: ref.doi ? `doi:${ref.doi}` : href.replace(/^https?:\/\//, '') } : undefined;
  return { lead, title: ref.title, stop: /[.?!]$/.test(ref.title) ? '' : '.', rest, link };
}

/** The whole entry as plain text (for tests, feeds and previews). */
export function referenceText(ref: Reference): string {
  const f = formatReference(ref);
  return [f.lead, `${f.title}${f.stop}`, f.rest, f.link?.text].filter((s) => s).join(' ');
}

/** The element id of an entry in a page's bibliography: `ref-hochreiter1997`. */
export function refId(key: string): string {
  return `ref-${key}`;
}

/** The element id of the `occurrence`-th (1-based) citation of `key` on a page: `cite-hochreiter1997-2`. */
export function citeId(key: string, occurrence: number): string {
  return `cite-${key}-${occurrence}`;
}

/** Keys of `bib` that look like `key` (same first three letters, or same name with another year), for "did you mean". */
export function nearKeys(bib: Bibliography, key: string): string[] {
  const stem = (k: string) => k.replace(/\d+[a-z]*$/, '');
  const k0 = key.toLowerCase();
  return [...bib.keys()].filter((k) => k === k0 || (k.slice(0, 3) === k0.slice(0, 3) && k0.length >= 3) || stem(k) === stem(k0));
}

/**
 * The entry for `key`.
 *
 * @param where - where the citation was written (`file:line:column`), named in the error.
 * @throws Error naming the unknown key, `where`, the closest known keys and the file to add entries to.
 */
export function getReference(bib: Bibliography, key: string, where = 'an article'): Reference {
  const ref = bib.get(key);
  if (ref) return ref;
  const near = nearKeys(bib, key);
  const hint = near.length > 0 ? ` Did you mean ${near.map((k) => `"${k}"`).join(' or ')}?` : '';
  throw new Error(`${where}: unknown citation key "${key}".${hint} Add the work to content/references.bib.`);
}

/**
 * The article file a page was built from, for error messages: `/articles/why-tanh/` → `content/articles/why-tanh.mdx`
 * (honours `WHY_TANH_CONTENT_DIR`, like src/content.config.ts). Falls back to the page path.
 */
export function sourceFileOfPage(pathname: string, base = '/', contentDir = 'content/articles'): string {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const m = /^\/?articles\/([a-z0-9-]+)\/?$/.exec(rest);
  return m ? `${contentDir.replace(/\/+$/, '')}/${m[1]}.mdx` : `the page ${pathname}`;
}
