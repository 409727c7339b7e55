import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { articleLang, articleSlug, readingOrder } from '../../site/articles';
import { renderOgImage } from '../../site/og-image';

/** One link-preview image per article, plus `site` for the home page; rendered at build time. */
export const getStaticPaths = (async () => {
  // One image per slug: translations share the English one (the renderer's font has no CJK glyphs).
  const articles = readingOrder(
    (await getCollection('articles')).filter((a) => articleLang(a.id) === 'en'),
    __WHY_TANH_SHOW_DRAFTS__,
  );
  return [
    {
      params: { slug: 'site' },
      props: { title: 'Sigmoid gates and tanh in LSTMs, explained and simulated', kicker: 'Why tanh?' },
    },
    ...articles.map((a) => ({ params: { slug: articleSlug(a.id) }, props: { title: a.data.title, kicker: 'Why tanh?' } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderOgImage(props as { title: string; kicker: string });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
