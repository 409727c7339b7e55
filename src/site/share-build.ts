/**
 * Writes the share pages and their cards into a built site (run by src/integrations/share-pages.mjs after `astro
 * build`): for every article page of every edition, one page per section (`h2` with an id) and, for a figure with
 * presets, one per preset (src/site/share-presets.ts). Reads the built pages, so a section's heading and first
 * sentences are exactly what the reader sees.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { t, type Lang } from '../i18n/ui.ts';
import { CardRenderer, type Card } from './og-image.ts';
import {
  articlePathOf,
  cardPathOf,
  firstSentences,
  readBuiltArticle,
  sectionSharePath,
  sharePageHtml,
  type BuiltArticle,
  type SharePage,
} from './share.ts';

/** A share page and the card it shows. */
export interface ShareItem {
  readonly page: SharePage;
  readonly card: Card;
}

/** An article page of the built site: its language, slug and file. */
export interface BuiltArticlePage {
  readonly lang: Lang;
  readonly slug: string;
  readonly file: string;
}

/** Every article page (not appendix) of a built site: `articles/<slug>/index.html`, `<lang>/articles/<slug>/index.html`. */
export function builtArticlePages(dist: string): BuiltArticlePage[] {
  const out: BuiltArticlePage[] = [];
  const scan = (lang: Lang, dir: string) => {
    if (!existsSync(dir)) return;
    for (const slug of readdirSync(dir).sort()) {
      const file = join(dir, slug, 'index.html');
      if (existsSync(file)) out.push({ lang, slug, file });
    }
  };
  scan('en', join(dist, 'articles'));
  scan('zh', join(dist, 'zh', 'articles'));
  return out;
}

/** The share page and card of every section of an article. */
export function sectionItems(slug: string, article: BuiltArticle): ShareItem[] {
  const { lang } = article;
  return article.sections.map((s) => {
    const path = sectionSharePath(lang, slug, s.id);
    const title = `${s.heading} · ${article.title}`;
    return {
      page: {
        lang,
        path,
        title,
        description: firstSentences(s.text, lang) || article.description,
        card: cardPathOf(path),
        cardAlt: title,
        target: `${articlePathOf(lang, slug)}#${s.id}`,
        linkText: t(lang, 'share.section'),
      },
      card: { title: s.heading, kicker: article.title, lang },
    };
  });
}

/** Hook for figure presets: the share items of the figures of one built article (none by default). */
export type PresetItems = (slug: string, article: BuiltArticle) => ShareItem[];

/** Writes every share page and card into `dist`; returns how many pages it wrote. */
export async function writeSharePages(
  dist: string,
  base: string,
  origin: string,
  presetItems: PresetItems = () => [],
): Promise<{ pages: number; presets: number }> {
  const items: ShareItem[] = [];
  let presets = 0;
  for (const a of builtArticlePages(dist)) {
    const article = readBuiltArticle(readFileSync(a.file, 'utf8'));
    if (article.lang !== a.lang) throw new Error(`share: ${a.file} is in ${article.lang}, expected ${a.lang}`);
    const extra = presetItems(a.slug, article);
    presets += extra.length;
    items.push(...sectionItems(a.slug, article), ...extra);
  }
  const seen = new Set<string>();
  for (const { page } of items) {
    if (seen.has(page.path)) throw new Error(`share: two share pages at ${page.path}`);
    seen.add(page.path);
  }
  // One renderer per edition: its fonts are parsed once for all of its cards.
  for (const lang of new Set(items.map((i) => i.page.lang))) {
    const mine = items.filter((i) => i.page.lang === lang);
    const renderer = new CardRenderer(mine.map((i) => i.card));
    for (const { page, card } of mine) {
      const png = await renderer.render(card);
      write(join(dist, page.card), png);
      write(join(dist, page.path, 'index.html'), sharePageHtml(page, base, origin));
    }
  }
  return { pages: items.length, presets };
}

function write(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
}
