/**
 * "Cite this article": the BibTeX entry, the plain-text reference and the Google Scholar meta tags
 * (`citation_title`, `citation_author`, `citation_publication_date`) of an article, generated from its frontmatter
 * and its address. Rendered at the end of every article by src/layouts/Article.astro; no JavaScript.
 *
 * Author names: a person written "Given Family" becomes `Family, Given` in BibTeX and in the plain text's first
 * name; anything else (a group such as "Why tanh? contributors", a name in Chinese characters) is a corporate author,
 * braced in BibTeX so that no tool splits it into given and family names.
 *
 * @module
 */
import type { Lang } from '../i18n/ui.ts';

/** What a citation is made of. */
export interface CiteSource {
  /** The article's slug (its file name): part of the BibTeX key. */
  readonly slug: string;
  readonly title: string;
  readonly authors: readonly { readonly name: string }[];
  readonly published: Date;
  readonly updated: Date;
  /** The series (the site's name by default), where the article is published. */
  readonly series: string;
  /** The article's canonical address. */
  readonly url: string;
  readonly lang: Lang;
}

/** `YYYY-MM-DD` of a date (UTC, as the frontmatter writes it). */
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Words of a person's name: capitalised words and lower-case particles (van, de, von, …). */
const PERSON =
  /^(?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:(?:van|von|de|der|den|da|di|du|la|le|del|della|dos|das|ter|ten|bin|al)\s+)*\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** Whether `name` reads as one person's "Given Family" (see the module comment). */
export function isPersonName(name: string): boolean {
  return PERSON.test(name.trim());
}

/** `Family, Given` of a person's name; the family name starts at the first particle or is the last word. */
export function familyFirst(name: string): string {
  const words = name.trim().split(/\s+/);
  const particle = words.findIndex((w, k) => k > 0 && /^\p{Ll}/u.test(w));
  const split = particle > 0 ? particle : words.length - 1;
  return `${words.slice(split).join(' ')}, ${words.slice(0, split).join(' ')}`;
}

/** Escapes BibTeX's special characters in a field value ({, }, \, %, &, #, $, _, ~, ^). */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&#$_~^]/g, (c) => {
    if (c === '\\') return '\\textbackslash{}';
    if (c === '~') return '\\textasciitilde{}';
    if (c === '^') return '\\textasciicircum{}';
    return `\\${c}`;
  });
}

/** One author in BibTeX: `Family, Given`, or a braced corporate name. */
function bibtexAuthor(name: string): string {
  return isPersonName(name) ? escapeBibtex(familyFirst(name)) : `{${escapeBibtex(name.trim())}}`;
}

/** The BibTeX key: the first author's family name (or the site's name), the year and the slug, `whytanh2026why-sigmoid-and-tanh`. */
export function citationKey(source: CiteSource): string {
  const first = source.authors[0]?.name ?? source.series;
  const family = isPersonName(first) ? familyFirst(first).split(',')[0]! : source.series;
  const stem = family
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
  return `${stem || 'article'}${source.published.getUTCFullYear()}${source.slug}${source.lang === 'en' ? '' : `-${source.lang}`}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** The BibTeX `@misc` entry of an article (fields aligned, one per line, title braced to keep its capitals). */
export function bibtex(source: CiteSource): string {
  const fields: [string, string][] = [
    ['author', `{${source.authors.map((a) => bibtexAuthor(a.name)).join(' and ')}}`],
    ['title', `{{${escapeBibtex(source.title)}}}`],
    ['howpublished', `{${escapeBibtex(source.series)}}`],
    ['year', `{${source.published.getUTCFullYear()}}`],
    ['month', MONTHS[source.published.getUTCMonth()]!],
    ['url', `{${source.url}}`],
  ];
  if (isoDay(source.updated) !== isoDay(source.published)) fields.push(['note', `{Updated ${isoDay(source.updated)}}`]);
  const width = Math.max(...fields.map(([k]) => k.length));
  return `@misc{${citationKey(source)},\n${fields.map(([k, v]) => `  ${k.padEnd(width)} = ${v},`).join('\n')}\n}`;
}

/** Authors of the plain text: "A", "A and B", "A, B and C" (English); "A、B、C" (Chinese). The first is family-first. */
function plainAuthors(source: CiteSource): string {
  const names = source.authors.map((a, k) => (k === 0 && isPersonName(a.name) ? familyFirst(a.name) : a.name.trim()));
  if (source.lang === 'zh') return names.join('、');
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The reference as plain text: in English, author, year, “title”, series, the address and the update date (an
 * author-date style); in Chinese, GB/T 7714's form for a web page, `作者. 题名[EB/OL]. 系列, 日期(更新日期). 地址.`
 */
export function plainCitation(source: CiteSource): string {
  const authors = plainAuthors(source);
  const pub = isoDay(source.published);
  const upd = isoDay(source.updated);
  if (source.lang === 'zh') {
    const updated = upd !== pub ? `（更新于 ${upd}）` : '';
    return `${authors}. ${source.title}[EB/OL]. ${source.series}, ${pub}${updated}. ${source.url}.`;
  }
  const end = /[.?!]$/.test(source.title) ? '' : '.';
  const updated = upd !== pub ? ` Updated ${upd}.` : '';
  return `${authors} (${source.published.getUTCFullYear()}). “${source.title}${end}” ${source.series}, ${pub}.${updated} ${source.url}`;
}

/** The Google Scholar meta tags: title, one `citation_author` per author (family-first), `YYYY/MM/DD`. */
export function citationMeta(source: CiteSource): { readonly name: string; readonly content: string }[] {
  return [
    { name: 'citation_title', content: source.title },
    ...source.authors.map((a) => ({
      name: 'citation_author',
      content: isPersonName(a.name) ? familyFirst(a.name) : a.name.trim(),
    })),
    { name: 'citation_publication_date', content: isoDay(source.published).replaceAll('-', '/') },
  ];
}
