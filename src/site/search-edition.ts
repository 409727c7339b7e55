/**
 * Each edition has its own search index (Pagefind indexes a page in its own language). A query in the other
 * edition's language finds little or nothing, so the search page offers the other edition's search, with the query.
 */
import type { Lang } from '../i18n/ui';

/** Han characters, kana and CJK punctuation. */
const CJK = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/**
 * The edition whose search suits `query` better than the page's own (`lang`), or undefined: Chinese for a query
 * with Chinese characters on an English page; English for a query in Latin letters without any on a Chinese page.
 */
export function otherEdition(query: string, lang: Lang): Lang | undefined {
  const q = query.trim();
  if (lang === 'en') return CJK.test(q) ? 'zh' : undefined;
  return /[A-Za-z]/.test(q) && !CJK.test(q) ? 'en' : undefined;
}

/** The other edition's search address `href` (a site path) with `query` in its `q` parameter. */
export function searchHref(href: string, query: string): string {
  const [path] = href.split('?');
  return `${path}?q=${encodeURIComponent(query.trim())}`;
}
