/**
 * Articles' frontmatter checked before the build (src/site/frontmatter.ts): each problem at its file, line and field,
 * with the cause — never `:0:0`, never a line the parser happened to stop at.
 */
import { describe, expect, it } from 'vitest';
import { checkArticleSource, firstInvalidUtf8, schemaOf } from '../../src/site/frontmatter';
import { formatProblem } from '../../src/markdown/content-error.mjs';

const GOOD = [
  '---',
  'title: Scratch article',
  'description: A scratch article written by a test to prove that bad content fails the build loudly.',
  'published: 2026-01-01',
  'updated: 2026-01-01',
  'authors:',
  '  - name: Test',
  'order: 99',
  '---',
  '',
  'Text.',
  '',
].join('\n');

/** The problems of `source` as printed: `a.mdx:line[:column]: cause`. */
const check = (source: string | Uint8Array) =>
  checkArticleSource('a.mdx', typeof source === 'string' ? new TextEncoder().encode(source) : source).map(formatProblem);

describe('an article’s frontmatter', () => {
  it('passes when every field is right', () => {
    expect(check(GOOD)).toEqual([]);
  });

  it('names an unknown field at its line, with the field it resembles (titel, drfat)', () => {
    expect(check(GOOD.replace('title:', 'titel:'))).toEqual([
      'a.mdx:1: the field `title` is missing',
      expect.stringMatching(/^a\.mdx:2: unknown field `titel` \(did you mean `title`\?\); the fields are title, description/),
    ]);
    expect(check(GOOD.replace('order: 99', 'order: 99\ndrfat: true'))).toEqual([
      expect.stringMatching(/^a\.mdx:9: unknown field `drfat` \(did you mean `draft`\?\)/),
    ]);
  });

  it('names a date that is not one (published: yesterday) at its line', () => {
    expect(check(GOOD.replace('published: 2026-01-01', 'published: yesterday'))).toEqual([
      'a.mdx:4: published: "yesterday" is not a date: write YYYY-MM-DD',
    ]);
  });

  it('names a missing field, and an update before the publication', () => {
    expect(check(GOOD.replace('title: Scratch article\n', ''))).toEqual(['a.mdx:1: the field `title` is missing']);
    expect(check(GOOD.replace('updated: 2026-01-01', 'updated: 2025-01-01'))).toEqual([
      'a.mdx:5: `updated` is before `published`',
    ]);
  });

  it('names the line that opens an unclosed quote, not the end of the frontmatter', () => {
    expect(check(GOOD.replace('title: Scratch article', 'title: "Scratch article'))).toEqual([
      'a.mdx:2: YAML: the quote opened on this line is never closed',
    ]);
  });

  it('names other YAML errors at the parser’s line', () => {
    expect(check(GOOD.replace('order: 99', 'order: 99\norder: 98'))).toEqual(['a.mdx:9:1: YAML: duplicated mapping key']);
  });

  it('names a frontmatter that is never closed, or missing', () => {
    expect(check(GOOD.replace('order: 99\n---', 'order: 99\n'))).toEqual([
      'a.mdx:1: the frontmatter opened here is never closed: end it with a line "---"',
    ]);
    expect(check('Text.\n')[0]).toMatch(/^a\.mdx:1: no frontmatter/);
  });

  it('names the line and column of bytes that are not UTF-8', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${GOOD}Text `), 0xff, 0xfe, 0x0a]);
    expect(check(bytes)).toEqual(['a.mdx:12:6: bytes 0xFF 0xFE… are not UTF-8: save the file as UTF-8']);
  });
});

describe('an appendix’s frontmatter', () => {
  it('may be empty, and names an unknown field at its line', () => {
    const appendix = (fm: string) =>
      checkArticleSource('appendix/a.mdx', new TextEncoder().encode(`---\n${fm}---\n\nText.\n`), schemaOf('appendix/a.mdx')).map(
        formatProblem,
      );
    expect(appendix('')).toEqual([]);
    expect(checkArticleSource('appendix/b.mdx', new TextEncoder().encode('## Methods\n'), schemaOf('appendix/b.mdx'))).toEqual(
      [],
    );
    expect(appendix('title: Methods and data\n')).toEqual([]);
    expect(appendix('titel: Methods\n')).toEqual([
      expect.stringMatching(/^appendix\/a\.mdx:2: unknown field `titel` \(did you mean `title`\?\)/),
    ]);
    expect(schemaOf('zh/appendix/a.mdx')).not.toBe(schemaOf('zh/a.mdx'));
  });
});

describe('firstInvalidUtf8', () => {
  it('accepts UTF-8 (CJK, emoji) and finds truncated, overlong and surrogate sequences', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('σ 中文 🙂'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe4, 0xb8]))).toBe(1); // truncated
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x80]))).toBe(1); // a lone continuation byte
  });
});
