import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { articleLang, articleSlug, readingOrder, withBase } from '../site/articles';

/** RSS feed of the published articles, newest update first. */
export const GET: APIRoute = async (context) => {
  // The English feed: translations have their own pages (and hreflang links), not entries here.
  const articles = readingOrder(
    (await getCollection('articles')).filter((a) => articleLang(a.id) === 'en'),
    false,
  ).toSorted((a, b) => b.data.updated.getTime() - a.data.updated.getTime());
  return rss({
    title: 'Why tanh?',
    description: 'Why LSTMs use sigmoid gates and tanh — explained, checked by code and simulated in your browser.',
    site: new URL(import.meta.env.BASE_URL, context.site ?? 'http://localhost').href,
    items: articles.map((a) => ({
      title: a.data.title,
      description: a.data.description,
      pubDate: a.data.published,
      link: withBase(import.meta.env.BASE_URL, `articles/${articleSlug(a.id)}/`),
      categories: a.data.tags,
    })),
  });
};
