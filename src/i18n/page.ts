import { langOfPath, type Lang } from './ui';

/**
 * The language of the page at `pathname` (as `Astro.url.pathname`) under the deploy base `base`: `/zh/articles/x/`
 * → `zh`. Astro components use it when the MDX does not pass a `lang` prop, so a citation or a table on a Chinese
 * page speaks Chinese without any markup change.
 */
export function pageLang(pathname: string, base: string): Lang {
  const b = base.endsWith('/') ? base : `${base}/`;
  const path = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/, '');
  return langOfPath(path);
}
