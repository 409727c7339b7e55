import type { APIRoute, GetStaticPaths } from 'astro';
import { feedOf } from '../../site/feed';
import { extraLangs } from '../../site/content';
import type { Lang } from '../../i18n/ui';

/** RSS feed of each other edition's published articles: `/zh/rss.xml`. */
export const getStaticPaths = (async () => (await extraLangs()).map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => feedOf(params['lang'] as Lang, site);
