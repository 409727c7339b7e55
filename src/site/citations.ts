/**
 * Citation syntax and numbering, independent of Markdown trees (src/markdown/remark-citations.ts applies them).
 *
 * Syntax (a subset of Pandoc's, numbered style):
 * - `[@hochreiter1997]` → [1]
 * - `[@lecun1998, §4.4]`, `[@pascanu2013, p. 3]` → [2, §4.4]: everything after the first comma is the location;
 * - `[@gers2000; @cho2014]`, `[@lecun1998, §4.4; @glorot2010]` → [3, 4], [2, §4.4; 5].
 *
 * A bracket is a citation when an `@` starts its text or follows a space or `;` — so `[a@b.org]` (an address) stays
 * text. Code and math never reach this module (they are separate Markdown nodes). Text before the `@` ("see @x") and
 * Pandoc's author-suppressing `-@x` have no meaning in a numbered style and are reported as errors.
 */
import type { Lang } from '../i18n/ui.ts';

/** One cited work inside a citation: `@key` with an optional location such as "§4.1" or "p. 3". */
export interface CitationItem {
  readonly key: string;
  readonly locator?: string | undefined;
}

/** A citation found in a text: where it starts and ends (`[` … `]`) and what it cites. */
export interface CitationMatch {
  readonly start: number;
  readonly end: number;
  readonly items: readonly CitationItem[];
}

/** A malformed citation: where in the text, and what is wrong. */
export interface CitationProblem {
  readonly index: number;
  readonly message: string;
}

/** Pandoc's key syntax: letters, digits and `_`, with single inner punctuation (`:.#$%&+?<>~/-`). */
const KEY = String.raw`[\p{L}\p{N}_]+(?:[:.#$%&+?<>~/-][\p{L}\p{N}_]+)*`;
const ITEM = new RegExp(String.raw`^(-?)@(${KEY})(?:\s*,\s*(.*))?$`, 'su');
const MARKER = new RegExp(String.raw`(?:^|[\s;])-?@[\p{L}\p{N}_]`, 'u');
const UNCLOSED = new RegExp(String.raw`\[(?:[^\]]*?[\s;])?-?@[\p{L}\p{N}_]`, 'u');

/**
 * Finds the citations in a run of text.
 *
 * @returns the well-formed citations in order, and a problem for each bracket that looks like a citation but is not
 *   one (text before `@`, `-@`, an empty location, a bracket left open).
 */
export function findCitations(text: string): { matches: CitationMatch[]; problems: CitationProblem[] } {
  const matches: CitationMatch[] = [];
  const problems: CitationProblem[] = [];
  let last = 0;
  for (const m of text.matchAll(/\[([^[\]]*)\]/g)) {
    const body = m[1]!;
    const start = m.index;
    if (!MARKER.test(body)) continue;
    checkUnclosed(text.slice(last, start), last, problems);
    last = start + m[0].length;
    const items: CitationItem[] = [];
    let ok = true;
    for (const raw of body.split(';')) {
      const part = raw.trim();
      const im = ITEM.exec(part);
      if (!im) {
        ok = false;
        const at = part.indexOf('@');
        problems.push({
          index: start,
          message:
            at > 0
              ? `text before "${part.slice(at).split(/[\s,]/)[0]}" in [${body}]: a numbered citation has no prefix, write the words outside the brackets`
              : part === ''
                ? `empty item in [${body}]: separate works with one ";"`
                : `"${part}" in [${body}] is not a citation: write @key, optionally followed by ", location"`,
        });
        continue;
      }
      const [, minus, key, locator] = im;
      if (minus) {
        ok = false;
        problems.push({
          index: start,
          message: `"-@${key}" (author suppression) has no meaning in a numbered citation: write @${key}`,
        });
        continue;
      }
      if (locator !== undefined && locator.trim() === '') {
        ok = false;
        problems.push({ index: start, message: `empty location after "@${key}," in [${body}]` });
        continue;
      }
      items.push({ key: key!, locator: locator?.replace(/\s+/g, ' ').trim() });
    }
    if (ok) matches.push({ start, end: start + m[0].length, items });
  }
  checkUnclosed(text.slice(last), last, problems);
  return { matches, problems };
}

/** A `[@key` without its `]` in the same run of text: formatting or a link inside the brackets split it. */
function checkUnclosed(text: string, offset: number, problems: CitationProblem[]): void {
  const m = UNCLOSED.exec(text);
  if (m && !/\]/.test(text.slice(m.index))) {
    problems.push({
      index: offset + m.index,
      message: `unclosed citation "${text.slice(m.index, m.index + 40).split('\n')[0]}…": keep a citation on plain text (no emphasis, links or code inside the brackets)`,
    });
  }
}

/** The letters of back-links: a, b, …, z, aa, ab, … */
export function backlinkLetter(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/**
 * The citations of one page, numbered in order of first citation ([1] is the first work cited), remembering every
 * place a work is cited so its bibliography entry can link back to each.
 */
export class CitationIndex {
  readonly #works = new Map<string, { n: number; ids: string[] }>();

  /** Records a citation of `key`; returns its number and the element id of this occurrence (`cite-key-2`). */
  cite(key: string): { n: number; id: string } {
    let w = this.#works.get(key);
    if (!w) {
      w = { n: this.#works.size + 1, ids: [] };
      this.#works.set(key, w);
    }
    const id = `cite-${key}-${w.ids.length + 1}`;
    w.ids.push(id);
    return { n: w.n, id };
  }

  /** Number of distinct works cited. */
  get size(): number {
    return this.#works.size;
  }

  /** The cited works in number order, each with the ids of the places that cite it. */
  entries(): { key: string; n: number; citations: readonly string[] }[] {
    return [...this.#works].map(([key, w]) => ({ key, n: w.n, citations: [...w.ids] }));
  }
}

/** The words of citations and bibliographies, per language (`Record<Lang, …>`: a new language must add its own). */
export interface CitationLabels {
  /** Heading and landmark name of the bibliography. */
  readonly references: string;
  /** Hidden text before a citation's number, so a screen reader says "Reference 3". */
  readonly reference: string;
  /** Name of the only back-link of an entry cited once. */
  readonly back: string;
  /** Hidden text before each back-link letter when an entry is cited more than once ("Back to citation b"). */
  readonly backTo: string;
}

export const CITATION_LABELS: Readonly<Record<Lang, CitationLabels>> = {
  en: { references: 'References', reference: 'Reference ', back: 'Back to the citation', backTo: 'Back to citation ' },
  zh: { references: '参考文献', reference: '参考文献 ', back: '返回正文中的引用', backTo: '返回正文中的引用 ' },
};

/**
 * The language of an article file: a file in a folder named after a language (`content/articles/zh/x.mdx`) is in
 * that language, every other file in English (the same rule as `articleLang` in src/site/articles.ts).
 */
export function langOfFile(path: string | undefined): Lang {
  const parts = (path ?? '').split(/[\\/]/);
  const dir = parts.at(-2);
  return dir !== undefined && dir !== 'en' && Object.hasOwn(CITATION_LABELS, dir) ? (dir as Lang) : 'en';
}
