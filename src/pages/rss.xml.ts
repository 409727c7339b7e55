import type { APIRoute } from 'astro';
import { feedOf } from '../site/feed';

/** RSS feed of the published English articles (translations have their own feed: /zh/rss.xml). */
export const GET: APIRoute = (context) => feedOf('en', context.site);
