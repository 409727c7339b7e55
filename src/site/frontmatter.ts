/**
 * The articles' frontmatter, checked before the build reads them (src/content.config.ts), so that each problem is
 * named at its file, line and field, all problems of all articles at once:
 * bytes that are not UTF-8, a frontmatter block that is missing or never closed, YAML that does not parse (an
 * unclosed quote is named at the line that opens it, not where the parser gave up), and every field the schema
 * rejects (src/site/schema.ts: unknown fields with a "did you mean", missing fields, bad values).
 * Parsed as Astro parses it (`---` fences, js-yaml), so what passes here is what the build reads.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import type { ContentProblem } from '../markdown/content-error.mjs';
import { didYouMean } from './did-you-mean';
import { appendixSchema, articleSchema } from './schema';

/** The schema of a file under the content folder: an appendix (`appendix/x.mdx`, `zh/appendix/x.mdx`) or an article. */
export const schemaOf = (relativePath: string) => (/(^|[\\/])appendix[\\/]/.test(relativePath) ? appendixSchema : articleSchema);

/** Offset of the first byte of `bytes` that does not belong to valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong three-byte forms, UTF-16 surrogates, and code points above U+10FFFF.
    if ((b === 0xe0 && bytes[i + 1]! < 0xa0) || (b === 0xed && bytes[i + 1]! > 0x9f)) return i;
    if ((b === 0xf0 && bytes[i + 1]! < 0x90) || (b === 0xf4 && bytes[i + 1]! > 0x8f)) return i;
    i += n + 1;
  }
  return -1;
}

/** 1-based line and column (in characters) of `offset` in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** The line (1-based, in the file) of a top-level frontmatter field, or of the opening `---` when it is absent. */
function fieldLine(lines: readonly string[], field: PropertyKey | undefined): number {
  const i = typeof field === 'string' ? lines.findIndex((l) => new RegExp(`^${field}\\s*:`).test(l)) : -1;
  return i < 0 ? 1 : i + 2; // lines[0] is the file's line 2
}

/** A line of YAML whose double or single quote is opened and never closed on it, if any (for an unclosed quote). */
function unclosedQuoteLine(lines: readonly string[]): number | undefined {
  const i = lines.findIndex((l) => {
    const value = /^\s*(?:-\s+)?[\w-]+\s*:\s*(["'])(.*)$/.exec(l) ?? /^\s*-\s+(["'])(.*)$/.exec(l);
    if (!value) return false;
    const [, q, rest] = value as unknown as [string, string, string];
    const body = q === '"' ? rest.replace(/\\./g, '') : rest.replace(/''/g, '');
    return !body.includes(q);
  });
  return i < 0 ? undefined : i + 2;
}

/**
 * Every problem of one article's (or appendix's) source, its bytes, as `file:line: cause`.
 * @param schema - {@link articleSchema} (default) or {@link appendixSchema}.
 */
export function checkArticleSource(
  file: string,
  bytes: Uint8Array,
  schema: typeof articleSchema | typeof appendixSchema = articleSchema,
): ContentProblem[] {
  const fields = Object.keys(schema.shape);
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const head = new TextDecoder().decode(bytes.subarray(0, bad));
    const hex = [...bytes.subarray(bad, bad + 2)].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`);
    return [{ file, ...lineColumn(head, head.length), message: `bytes ${hex.join(' ')}… are not UTF-8: save the file as UTF-8` }];
  }
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    if (schema.safeParse({}).success) return []; // an appendix needs none
    return [
      {
        file,
        line: 1,
        message: 'no frontmatter: an article starts with a "---" line, its fields (title, …) and a closing "---"',
      },
    ];
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) {
    return [{ file, line: 1, message: 'the frontmatter opened here is never closed: end it with a line "---"' }];
  }
  const fm = lines.slice(1, close);
  let data: unknown;
  try {
    data = yaml.load(fm.join('\n'));
  } catch (e) {
    const err = e as { reason?: string; mark?: { line: number; column: number }; message: string };
    const reason = err.reason ?? err.message;
    const quote = /within a (double|single) quoted scalar/.test(reason) ? unclosedQuoteLine(fm) : undefined;
    if (quote !== undefined) return [{ file, line: quote, message: `YAML: the quote opened on this line is never closed` }];
    return [{ file, line: (err.mark?.line ?? 0) + 2, column: (err.mark?.column ?? 0) + 1, message: `YAML: ${reason}` }];
  }
  data ??= {}; // an empty frontmatter, as Astro reads it
  if (typeof data !== 'object' || Array.isArray(data)) {
    return [{ file, line: 2, message: 'the frontmatter is not a list of fields ("title: …" on each line)' }];
  }
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.flatMap((issue): ContentProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        line: fieldLine(fm, issue.path.length > 0 ? issue.path[0] : key),
        message:
          issue.path.length > 0
            ? `${issue.path.join('.')}: unknown field \`${key}\``
            : `unknown field \`${key}\`${didYouMean(key, fields, (s) => `\`${s}\``)}; the fields are ${fields.join(', ')}`,
      }));
    }
    const field = issue.path[0];
    const name = issue.path.join('.');
    const missing = field !== undefined && !(String(field) in (data as Record<string, unknown>));
    return [
      {
        file,
        line: fieldLine(fm, field),
        message: missing
          ? `the field \`${name}\` is missing`
          : issue.message.startsWith(`\`${name}\``)
            ? issue.message
            : `${name}: ${issue.message}`,
      },
    ];
  });
}

/** Every problem of every `.mdx` article and appendix under `dir` (recursively). */
export function checkArticles(dir: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.mdx'))
        problems.push(...checkArticleSource(path, readFileSync(path), schemaOf(relative(dir, path))));
    }
  };
  walk(dir);
  return problems;
}
