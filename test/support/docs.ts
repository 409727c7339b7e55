/**
 * The commands and MDX examples README.md and CONTRIBUTING.md show, extracted so that tests run or build each one
 * (test/site-logic/docs.test.ts, test/build/docs.test.ts) and the docs cannot drift from what works.
 */

/** A fenced block of a Markdown document: its language, its text (indentation removed) and where it starts. */
export interface Fenced {
  readonly lang: string;
  readonly text: string;
  /** 1-based line in the document of the block's first line of text. */
  readonly line: number;
  /** Columns of indentation removed from each line (a block inside a list item is indented). */
  readonly indent: number;
}

/** Every fenced block (```lang … ```) of `md`. */
export function fencedBlocks(md: string): Fenced[] {
  const lines = md.split('\n');
  const out: Fenced[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    if (end < 0) break;
    const body = lines.slice(i + 1, end).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)));
    out.push({ lang: open[2]!, text: body.join('\n'), line: i + 2, indent });
    i = end;
  }
  return out;
}

/**
 * The shell commands `md` shows: each line of a ```sh block (comments dropped, `&&` chains split), and each code span
 * that starts with a command (`npm …`, `npx …`, `node …`, optionally after `VAR=value`).
 */
export function docCommands(md: string): string[] {
  const fromBlocks = fencedBlocks(md)
    .filter((b) => b.lang === 'sh')
    .flatMap((b) => b.text.split('\n'))
    .map((l) => l.replace(/\s+#.*$/, '').trim());
  const fromSpans = [...md.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim());
  const command = /^([A-Z_]+=\S+\s+)*(npm|npx|node)\s+\S/; // `node` alone names the package
  return [...new Set([...fromBlocks, ...fromSpans].flatMap((c) => c.split(/\s*&&\s*/)).filter((c) => command.test(c)))];
}
