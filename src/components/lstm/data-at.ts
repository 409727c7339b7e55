/**
 * Where the core article's static figures print their full data tables: on the article's appendix (issue 19: the
 * tables were most of the figures' markup), at `#<figure id>-data`, in the page's language.
 */
import type { Lang } from '../../i18n/core';
import { appendixPath, withBase } from '../../site/articles';

/** The slug of the article whose figures these are. */
const SLUG = 'why-sigmoid-and-tanh';

/** The element id of a figure's data table on the appendix: `fig-growth-data`. */
export const dataId = (figureId: string): string => `${figureId}-data`;

/** The link to a figure's data table on the appendix of the page's language. */
export function dataHref(lang: Lang, figureId: string): string {
  const id = lang === 'en' ? SLUG : `${lang}/${SLUG}`;
  return `${withBase(import.meta.env.BASE_URL, appendixPath(id))}#${dataId(figureId)}`;
}
