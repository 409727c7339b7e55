import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, DIST, sitePages } from '../support/site';
import { scanTags } from './lib/html';
import { fileOf } from './lib/plant';

/**
 * Article appendices (issue 19): `content/articles/appendix/<slug>.mdx` (Chinese: `content/articles/zh/appendix/`)
 * becomes `/articles/<slug>/appendix/`. Each belongs to an article, links back to it and is linked from it; it is in the
 * sitemap and the search index, not in the article list, the feed or the reading order; the Chinese edition has the
 * same appendices with the same sections.
 */
const CONTENT = join(process.cwd(), 'content/articles');
const pages = sitePages();
const appendices = pages.filter((p) => /^(zh\/)?articles\/[^/]+\/appendix\/$/.test(p));
const html = (page: string) => readFileSync(join(DIST, fileOf(page)), 'utf8');
const tagsOf = (page: string) => scanTags(html(page));
const sources = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => f.replace(/\.mdx$/, ''))
        .sort()
    : [];
const headingIds = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^#{2,4} .*\[#([a-z0-9-]+)\]\s*$/gm)].map((m) => m[1]);

describe('article appendices', () => {
  it('are built, one per appendix file, at /articles/<slug>/appendix/ (and /zh/…)', () => {
    const expected = [
      ...sources(join(CONTENT, 'appendix')).map((s) => `articles/${s}/appendix/`),
      ...sources(join(CONTENT, 'zh/appendix')).map((s) => `zh/articles/${s}/appendix/`),
    ].sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(appendices).toEqual(expected);
  });

  it('each belongs to an article of the same slug and language, links back to it, and the article links to it', () => {
    for (const appendix of appendices) {
      const article = appendix.replace(/appendix\/$/, '');
      expect(pages, `${appendix} has no article`).toContain(article);
      const back = tagsOf(appendix).filter((t) => t.name === 'a' && t.attrs.has('data-appendix-back'));
      expect(
        back.map((t) => t.attrs.get('href')),
        appendix,
      ).toEqual([`${BASE}${article}`]);
      const forward = tagsOf(article).filter((t) => t.name === 'a' && t.attrs.get('href')?.startsWith(`${BASE}${appendix}`));
      expect(forward.length, `${article} never links to ${appendix}`).toBeGreaterThan(0);
    }
  });

  it('have an English original for every Chinese appendix, with the same sections, and one for every translated article that has one', () => {
    for (const slug of sources(join(CONTENT, 'zh/appendix'))) {
      expect(existsSync(join(CONTENT, 'appendix', `${slug}.mdx`)), `zh/appendix/${slug}.mdx has no English original`).toBe(true);
      expect(headingIds(join(CONTENT, 'zh/appendix', `${slug}.mdx`)), slug).toEqual(
        headingIds(join(CONTENT, 'appendix', `${slug}.mdx`)),
      );
    }
    for (const slug of sources(join(CONTENT, 'appendix'))) {
      if (existsSync(join(CONTENT, 'zh', `${slug}.mdx`)))
        expect(
          existsSync(join(CONTENT, 'zh/appendix', `${slug}.mdx`)),
          `zh/${slug}.mdx is translated but its appendix is not`,
        ).toBe(true);
    }
  });

  it('are in the sitemap and the search index, and not in the article list, the feed or the reading order', () => {
    const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
    const rss = readFileSync(join(DIST, 'rss.xml'), 'utf8');
    for (const appendix of appendices) {
      expect(sitemap, appendix).toContain(`${BASE}${appendix}</loc>`);
      expect(rss).not.toContain(`${appendix}<`);
      expect(
        tagsOf(appendix).some((t) => t.attrs.has('data-pagefind-body')),
        `${appendix} is not indexed`,
      ).toBe(true);
    }
    for (const page of pages.filter((p) => /^(zh\/)?(articles\/[^/]+\/)?$/.test(p))) {
      // the home pages list articles; an article's reading-order links lead to articles
      const listed = tagsOf(page).filter((t) => t.name === 'a' && /\/appendix\/$/.test(t.attrs.get('href') ?? ''));
      const inNav = html(page).match(/<nav class="article-nav"[\s\S]*?<\/nav>/)?.[0] ?? '';
      expect(inNav, page).not.toContain('/appendix/');
      if (!page.includes('articles/')) expect(listed, `the home page /${page} lists an appendix`).toEqual([]);
    }
  });
});
