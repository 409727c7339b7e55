import type { APIRoute, GetStaticPaths } from 'astro';
import { articleSlug } from '../../site/articles';
import { articlesIn, extraLangs } from '../../site/content';
import { renderOgImage, type Card } from '../../site/og-image';
import { t, type Lang } from '../../i18n/ui';

/**
 * The link-preview image of each edition's home page (`og/site.png`, `og/zh/site.png`) and of each article
 * (`og/<slug>.png`, `og/zh/<slug>.png`), rendered at build time; a Chinese card is set in Chinese with its CJK subset.
 * Section and figure-preset cards are drawn with the share pages (src/integrations/share-pages.mjs).
 */
export const getStaticPaths = (async () => {
  const langs: Lang[] = ['en', ...(await extraLangs())];
  const prefix = (lang: Lang) => (lang === 'en' ? '' : `${lang}/`);
  const paths = await Promise.all(
    langs.map(async (lang) => [
      { params: { card: `${prefix(lang)}site` }, props: { title: t(lang, 'og.siteTitle'), lang } satisfies Card },
      ...(await articlesIn(lang)).map((a) => ({
        params: { card: `${prefix(lang)}${articleSlug(a.id)}` },
        props: { title: a.data.title, lang } satisfies Card,
      })),
    ]),
  );
  return paths.flat();
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderOgImage(props as Card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
