/**
 * The numbers an MDX article types by hand: digits in its prose, after everything that computes or quotes a number
 * is set aside — `{expressions}` (where the numbers modules put their values), math (`$…$`, `$$…$$`), code, imports
 * and exports, JSX/HTML tags with their attributes, citations (`[@key, §4.1]`), heading ids (`[#id]`), link
 * targets, comments and the frontmatter (except its `title` and `description`, which readers see). What is left is
 * text a re-run of the experiments cannot change: a count, rate, median or range there is a sentence that can go
 * stale. Used by test/numbers/relu-experiments-prose.test.ts.
 */

/** One hand-typed number: where it is and the line it is on. */
export interface ProseNumber {
  /** 1-based line and column in the file. */
  readonly line: number;
  readonly column: number;
  readonly text: string;
  /** The whole line, for messages and for matching allowed phrases. */
  readonly lineText: string;
}

/** Replaces `[from, to)` of `chars` by spaces, newlines kept (positions stay where they were). */
function blank(chars: string[], from: number, to: number): void {
  for (let i = from; i < to && i < chars.length; i++) if (chars[i] !== '\n') chars[i] = ' ';
}

/** Blanks every match of `re` (global) in the text as it stands. */
function blankAll(chars: string[], re: RegExp, group?: number): void {
  const s = chars.join('');
  for (const m of s.matchAll(re)) {
    if (group === undefined) blank(chars, m.index, m.index + m[0].length);
    else if (m[group] !== undefined) {
      const at = m.index + m[0].indexOf(m[group]);
      blank(chars, at, at + m[group].length);
    }
  }
}

/** Blanks each balanced `{…}` (outside of quoted strings within it), nested braces included. */
function blankExpressions(chars: string[]): void {
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '{') continue;
    let depth = 0;
    let quote: string | null = null;
    let j = i;
    for (; j < chars.length; j++) {
      const c = chars[j]!;
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = null;
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    blank(chars, i, j + 1);
    i = j;
  }
}

/** The hand-typed numbers of an MDX source, in order. */
export function proseNumbers(mdx: string): ProseNumber[] {
  const chars = [...mdx.replace(/\r\n?/g, '\n')];
  // Frontmatter: blank all but the values of title and description.
  const fm = /^---\n[\s\S]*?\n---\n/.exec(chars.join(''));
  if (fm) {
    let at = 0;
    for (const line of fm[0].split('\n')) {
      const m = /^(title|description):\s*/.exec(line);
      if (m) blank(chars, at, at + m[0].length);
      else blank(chars, at, at + line.length);
      at += line.length + 1;
    }
  }
  blankAll(chars, /^```[\s\S]*?^```/gm); // fenced code
  blankAll(chars, /^(?:import|export)\b[\s\S]*?;[ \t]*$/gm); // ESM statements
  blankAll(chars, /<!--[\s\S]*?-->|\{\/\*[\s\S]*?\*\/\}/g); // comments
  blankAll(chars, /\$\$[\s\S]*?\$\$/g); // display math
  blankAll(chars, /(?<![\\$])\$(?!\$)(?:[^$\n\\]|\\.)+\$/g); // inline math
  blankAll(chars, /`[^`\n]*`/g); // inline code
  blankExpressions(chars);
  blankAll(chars, /<\/?[A-Za-z][^<>]*>/g); // tags and their attributes
  blankAll(chars, /\[@[^\]]*\]|\[#[^\]]*\]/g); // citations, heading ids
  blankAll(chars, /\]\(([^)]*)\)/g, 1); // link targets
  const text = chars.join('');
  const lines = mdx.replace(/\r\n?/g, '\n').split('\n');
  const out: ProseNumber[] = [];
  // A number: digits, with decimals or digit groups; not part of a Latin word (float64, H2, v1) or an id (fig-2).
  for (const m of text.matchAll(/(?<![A-Za-z_\-\d.])\d+(?:[.,]\d+)*(?![A-Za-z_\d])/g)) {
    const before = text.slice(0, m.index);
    const line = before.split('\n').length;
    const column = m.index - before.lastIndexOf('\n');
    out.push({ line, column, text: m[0], lineText: lines[line - 1] ?? '' });
  }
  return out;
}

/** A phrase that may hold a typed number, with the reason it is not a result. */
export interface AllowedPhrase {
  readonly phrase: string;
  readonly why: string;
}

/**
 * The numbers not covered by an allowed phrase on their line (a phrase covers a number when the number lies inside
 * one of its occurrences), and the allowed phrases that cover none (stale entries).
 */
export function judgeProseNumbers(
  found: readonly ProseNumber[],
  allowed: readonly AllowedPhrase[],
): { readonly uncovered: ProseNumber[]; readonly unused: AllowedPhrase[] } {
  const used = new Set<AllowedPhrase>();
  const uncovered = found.filter((n) => {
    const at = n.column - 1;
    const by = allowed.find((a) => {
      for (let i = n.lineText.indexOf(a.phrase); i >= 0; i = n.lineText.indexOf(a.phrase, i + 1))
        if (i <= at && at + n.text.length <= i + a.phrase.length) return true;
      return false;
    });
    if (by) used.add(by);
    return !by;
  });
  return { uncovered, unused: allowed.filter((a) => !used.has(a)) };
}
