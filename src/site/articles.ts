/** The fields of an article entry this module needs (a subset of Astro's CollectionEntry). */
export interface ArticleLike {
  readonly id: string;
  readonly data: { readonly order: number; readonly draft: boolean; readonly title: string };
}

/**
 * Articles a reader should see, in reading order (`order`, then title). Drafts are kept only when `includeDrafts`
 * (the dev server), so a draft never ships in the published site.
 */
export function readingOrder<T extends ArticleLike>(articles: readonly T[], includeDrafts: boolean): T[] {
  return articles
    .filter((a) => includeDrafts || !a.data.draft)
    .toSorted((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}

/** The stable URL slug of an article: its file name without extension (`content/articles/why-tanh.mdx` → `why-tanh`). */
export function articleSlug(id: string): string {
  const slug =
    id
      .replace(/\.mdx?$/, '')
      .split('/')
      .at(-1) ?? id;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    throw new Error(`Article file name "${id}" must be lower-case words joined by "-" (it becomes the URL).`);
  }
  return slug;
}

/** Previous and next article in reading order, for the links at the end of an article. */
export function neighbours<T extends ArticleLike>(ordered: readonly T[], id: string): { prev?: T; next?: T } {
  const i = ordered.findIndex((a) => a.id === id);
  if (i < 0) return {};
  const result: { prev?: T; next?: T } = {};
  const prev = ordered[i - 1];
  const next = ordered[i + 1];
  if (prev) result.prev = prev;
  if (next) result.next = next;
  return result;
}

/** Joins the deploy base path and a site path: (`/why-tanh/`, `articles/x/`) → `/why-tanh/articles/x/`. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, '')}`;
}

/** Languages an article can be written in; mirrors `Lang` in src/i18n/ui.ts (English at the top level). */
export type ArticleLang = 'en' | 'zh';

/** The language of an article from its id: files under `content/articles/zh/` are Chinese, the rest English. */
export function articleLang(id: string): ArticleLang {
  return id.startsWith('zh/') ? 'zh' : 'en';
}

/** The site path of an article page (without the base): `articles/x/` or `zh/articles/x/`. */
export function articlePath(id: string): string {
  const lang = articleLang(id);
  return `${lang === 'en' ? '' : `${lang}/`}articles/${articleSlug(id)}/`;
}

/** The site path of an article's appendix page, from the article's or the appendix's id: `articles/x/appendix/`. */
export function appendixPath(id: string): string {
  return `${articlePath(id)}appendix/`;
}

/** For each article slug, the languages it exists in, as site paths: `{ 'why-tanh': { en: 'articles/why-tanh/', … } }`. */
export function translations(ids: readonly string[]): Map<string, Partial<Record<ArticleLang, string>>> {
  const map = new Map<string, Partial<Record<ArticleLang, string>>>();
  for (const id of ids) {
    const slug = articleSlug(id);
    map.set(slug, { ...map.get(slug), [articleLang(id)]: articlePath(id) });
  }
  return map;
}
