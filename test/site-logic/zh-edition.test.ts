/**
 * The Chinese edition against the English articles: same sections (ids), same formulas, same figures, same citations,
 * internal links into /zh/, no line break between two Chinese characters (a browser shows it as a space), and a
 * glossary whose every term is used in the articles and defined in a real section.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, GLOSSARY_ARTICLES, definitionPath } from '../../src/site/glossary';
import { pageLang } from '../../src/i18n/page';

const DIR = join(process.cwd(), 'content/articles');
const zhSlugs = readdirSync(join(DIR, 'zh'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))
  .sort();
const read = (slug: string, lang: 'en' | 'zh') => readFileSync(join(DIR, lang === 'zh' ? 'zh' : '', `${slug}.mdx`), 'utf8');
/** The body after the frontmatter. */
const body = (s: string) => s.replace(/^---\n[\s\S]*?\n---\n/, '');

const headingIds = (s: string) => [...body(s).matchAll(/^#{2,4} .*\[#([a-z0-9-]+)\]\s*$/gm)].map((m) => m[1]);
const displayMath = (s: string) => [...body(s).matchAll(/^\$\$\n([\s\S]*?)\n\$\$$/gm)].map((m) => m[1]);
/** Inline `$…$` math, in any order (template literals and code spans removed first: their `${…}` is not math). */
const inlineMath = (s: string) =>
  [
    ...body(s)
      .replace(/^\$\$\n[\s\S]*?\n\$\$$/gm, '')
      .replace(/`[^`]*`/g, '')
      .replace(/\s*\n\s*/g, ' ')
      .matchAll(/\$([^$]+)\$/g),
  ]
    .map((m) => m[1])
    .sort();
const texProps = (s: string) => [...body(s).matchAll(/<Tex expr=\{([^}]*(?:\}[^}/>]*)*)\}/g)].map((m) => m[1]);
/** Citation keys in order, from `<Cite k="a, b" />` or `[@a; @b]`. */
const citations = (s: string) =>
  [...body(s).matchAll(/<Cite k="([^"]+)"|\[(@[^\]]+)\]/g)].flatMap((m) =>
    m[1] !== undefined ? m[1].split(/[\s,]+/).filter(Boolean) : [...m[2]!.matchAll(/@([\w-]+)/g)].map((k) => k[1]!),
  );
/** Figure components (capitalised JSX tags that are not Cite/Tex/Fragment/links), in order. */
const figures = (s: string) =>
  [...body(s).matchAll(/<([A-Z][A-Za-z]+)\b([^>]*)\/?>/g)]
    .filter(
      (m) =>
        !['Cite', 'Tex', 'Fragment', 'ArticleLink', 'SiteLink', 'AppendixLink', 'Bibliography', 'ArticleStyle'].includes(m[1]!),
    )
    .map((m) => ({ tag: m[1]!, attrs: m[2]! }));

describe('the language of a page', () => {
  it('comes from its path under the deploy base', () => {
    expect(pageLang('/zh/articles/x/', '/')).toBe('zh');
    expect(pageLang('/articles/x/', '/')).toBe('en');
    expect(pageLang('/why-tanh/zh/', '/why-tanh/')).toBe('zh');
    expect(pageLang('/why-tanh/articles/zh-notes/', '/why-tanh')).toBe('en');
  });
});

describe('the Chinese edition', () => {
  it('translates exactly the glossary’s articles, each of which exists in English', () => {
    expect(zhSlugs).toEqual([...GLOSSARY_ARTICLES].sort());
    for (const slug of zhSlugs) expect(existsSync(join(DIR, `${slug}.mdx`)), slug).toBe(true);
  });

  for (const slug of zhSlugs) {
    const en = read(slug, 'en');
    const zh = read(slug, 'zh');

    it(`${slug}: has the English sections, with the same ids in the same order`, () => {
      expect(headingIds(zh)).toEqual(headingIds(en));
    });

    it(`${slug}: keeps every formula identical`, () => {
      expect(displayMath(zh)).toEqual(displayMath(en));
      expect(inlineMath(zh)).toEqual(inlineMath(en));
      expect(texProps(zh)).toEqual(texProps(en));
    });

    it(`${slug}: cites the same works in the same order`, () => {
      expect(citations(zh)).toEqual(citations(en));
    });

    it(`${slug}: shows the same figures, each told to speak Chinese`, () => {
      const f = figures(zh);
      expect(f.map((x) => x.tag)).toEqual(figures(en).map((x) => x.tag));
      for (const x of f) expect(x.attrs, x.tag).toContain('lang="zh"');
    });

    it(`${slug}: links to pages of the site in their Chinese edition`, () => {
      for (const m of body(zh).matchAll(/<SiteLink href="([^"]+)"/g)) expect(m[1]).toMatch(/^\/zh\//);
      expect(body(zh)).not.toMatch(/\]\(\/(?!zh\/)[a-z]/);
    });

    it(`${slug}: never breaks a line between two Chinese characters (browsers would show a space)`, () => {
      const prose = body(zh).replace(/^\$\$\n[\s\S]*?\n\$\$$/gm, '');
      const bad = [...prose.matchAll(/[\p{Script=Han}，。；：、？！）」”]\n[\p{Script=Han}（「“]/gu)].map((m) =>
        JSON.stringify(prose.slice(Math.max(0, m.index - 20), m.index + 20)),
      );
      expect(bad).toEqual([]);
    });
  }
});

describe('the glossary', () => {
  const zhText = new Map(zhSlugs.map((s) => [s, body(read(s, 'zh')).replace(/\*/g, '')]));

  /** The text of one section: from its heading to the next heading of the same or a higher level. */
  const section = (slug: string, id: string): string => {
    const text = zhText.get(slug) ?? '';
    const start = text.search(new RegExp(`^(#{2,4}) .*\\[#${id}\\]\\s*$`, 'm'));
    if (start < 0) return '';
    const level = /^#+/.exec(text.slice(start))![0].length;
    const from = text.indexOf('\n', start) + 1;
    const end = text.slice(from).search(new RegExp(`^#{2,${level}} `, 'm'));
    return end < 0 ? text.slice(start) : text.slice(start, from + end);
  };

  it('has unique anchors and terms', () => {
    for (const key of ['id', 'en', 'zh'] as const) {
      const values = GLOSSARY.map((t) => t[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  for (const term of GLOSSARY) {
    it(`“${term.zh}” (${term.en}) is used in the Chinese articles and defined where the glossary says`, () => {
      const all = [...zhText.values()].join('\n');
      for (const form of [term.zh, ...(term.alsoZh ?? [])]) expect(all, form).toContain(form);
      expect(headingIds(read(term.defined.article, 'en')), 'the English article has the section too').toContain(
        term.defined.section,
      );
      expect(section(term.defined.article, term.defined.section), `section #${term.defined.section}`).toContain(term.zh);
      expect(term.meaning.trim().length).toBeGreaterThan(0);
      expect(definitionPath(term)).toBe(`zh/articles/${term.defined.article}/#${term.defined.section}`);
    });
  }
});
