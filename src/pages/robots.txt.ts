import type { APIRoute } from 'astro';
import { withBase } from '../site/articles';

/** robots.txt: everything may be crawled; the sitemap's absolute URL follows the deploy origin and base path. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(withBase(import.meta.env.BASE_URL, 'sitemap-index.xml'), site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain' } });
};
