import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../i18n/ui';
import { appendixPath, articleLang, articlePath, articleSlug, neighbours, readingOrder, translations } from './articles';

/** Published articles (drafts too on the dev server) of one language, in reading order. */
export async function articlesIn(lang: Lang): Promise<CollectionEntry<'articles'>[]> {
  const all = await getCollection('articles');
  return readingOrder(
    all.filter((a) => articleLang(a.id) === lang),
    __WHY_TANH_SHOW_DRAFTS__,
  );
}

/** Languages other than English that have at least one published article (these get `/<lang>/` pages). */
export async function extraLangs(): Promise<Lang[]> {
  return (await articlesIn('zh')).length > 0 ? ['zh'] : [];
}

/** Static paths + props for the article pages of one language. */
export async function articleRoutes(lang: Lang) {
  const ordered = await articlesIn(lang);
  const all = readingOrder(await getCollection('articles'), __WHY_TANH_SHOW_DRAFTS__);
  const langsOf = translations(all.map((a) => a.id));
  return ordered.map((entry) => {
    const { prev, next } = neighbours(ordered, entry.id);
    const link = (a: typeof prev) => (a ? { path: articlePath(a.id), title: a.data.title } : undefined);
    return {
      params: { slug: articleSlug(entry.id), lang },
      props: { entry, lang, prev: link(prev), next: link(next), alternates: langsOf.get(articleSlug(entry.id)) ?? {} },
    };
  });
}

/** Site paths of a page that exists in every language with articles: `search/` → `{ en: 'search/', zh: 'zh/search/' }`. */
export async function sharedAlternates(path: string): Promise<Partial<Record<Lang, string>>> {
  const result: Partial<Record<Lang, string>> = { en: path };
  for (const l of await extraLangs()) result[l] = `${l}/${path}`;
  return result;
}

/**
 * The published appendices of one language: those whose article is published in that language (an appendix of a
 * draft waits with it). An appendix without an article of its slug and language fails the build, naming its file.
 */
export async function appendicesIn(
  lang: Lang,
): Promise<{ entry: CollectionEntry<'appendices'>; article: CollectionEntry<'articles'> }[]> {
  const published = await articlesIn(lang);
  const all = (await getCollection('articles')).filter((a) => articleLang(a.id) === lang);
  return (await getCollection('appendices'))
    .filter((entry) => articleLang(entry.id) === lang)
    .flatMap((entry) => {
      const slug = articleSlug(entry.id);
      const article = published.find((a) => articleSlug(a.id) === slug);
      if (article) return [{ entry, article }];
      if (all.some((a) => articleSlug(a.id) === slug)) return []; // the article is a draft
      throw new Error(
        `${entry.filePath ?? entry.id}: an appendix of "${slug}", but there is no ${lang === 'en' ? '' : `${lang}/`}${slug}.mdx ` +
          'article next to the appendix folder. An appendix belongs to an article of the same file name and language.',
      );
    });
}

/** Static paths + props for the appendix pages of one language (`articles/<slug>/appendix/`). */
export async function appendixRoutes(lang: Lang) {
  const mine = await appendicesIn(lang);
  const langs: Lang[] = ['en', ...(await extraLangs())];
  const everywhere = (await Promise.all(langs.map((l) => appendicesIn(l)))).flat();
  return mine.map(({ entry, article }) => {
    const slug = articleSlug(entry.id);
    const alternates: Partial<Record<Lang, string>> = {};
    for (const other of everywhere.filter((a) => articleSlug(a.entry.id) === slug)) {
      alternates[articleLang(other.entry.id)] = appendixPath(other.entry.id);
    }
    return { params: { slug, lang }, props: { entry, article, lang, alternates } };
  });
}

/** The site path of the published appendix of an article (`articles/x/appendix/`), or undefined when it has none. */
export async function appendixOf(lang: Lang, slug: string): Promise<string | undefined> {
  const found = (await appendicesIn(lang)).find((a) => articleSlug(a.entry.id) === slug);
  return found ? appendixPath(found.entry.id) : undefined;
}
