import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../i18n/ui';
import { articleLang, articlePath, articleSlug, neighbours, readingOrder, translations } from './articles';

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
