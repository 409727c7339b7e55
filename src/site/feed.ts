import rss from '@astrojs/rss';
import { getCollection } from 'astro:content';
import { articleLang, articlePath, readingOrder, withBase } from './articles';
import { LANG_TAG, t, type Lang } from '../i18n/ui';

/** The RSS feed of one edition's published articles, newest update first (`/rss.xml`, `/zh/rss.xml`). */
export async function feedOf(lang: Lang, site: URL | undefined): Promise<Response> {
  const articles = readingOrder(
    (await getCollection('articles')).filter((a) => articleLang(a.id) === lang),
    false,
  ).toSorted((a, b) => b.data.updated.getTime() - a.data.updated.getTime());
  const base = import.meta.env.BASE_URL;
  return rss({
    title: t(lang, 'rss.title'),
    description: t(lang, 'rss.description'),
    site: new URL(withBase(base, lang === 'en' ? '' : `${lang}/`), site ?? 'http://localhost').href,
    customData: `<language>${LANG_TAG[lang]}</language>`,
    items: articles.map((a) => ({
      title: a.data.title,
      description: a.data.description,
      pubDate: a.data.published,
      link: withBase(base, articlePath(a.id)),
      categories: a.data.tags,
    })),
  });
}
