/**
 * Where the share pages of issue 20 live (site paths, without the deploy base): pure, shared by the article layout
 * (which gives the "Copy link" buttons the share URL of each section), the build that writes the pages and the tests.
 */
import type { Lang } from '../i18n/ui.ts';

const prefix = (lang: Lang) => (lang === 'en' ? '' : `${lang}/`);

/** Site path of the folder of an article's share pages: `s/<slug>/`, `zh/s/<slug>/`. */
export const shareFolder = (lang: Lang, slug: string): string => `${prefix(lang)}s/${slug}/`;

/** Site path of a section's share page: `s/<slug>/<id>/`, `zh/s/<slug>/<id>/`. */
export const sectionSharePath = (lang: Lang, slug: string, id: string): string => `${shareFolder(lang, slug)}${id}/`;

/** Site path of a figure preset's share page: `s/<slug>/<figure-id>/<preset>/`. */
export const presetSharePath = (lang: Lang, slug: string, figure: string, preset: string): string =>
  `${shareFolder(lang, slug)}${figure}/${preset}/`;

/** Site path of the card of a share page: `s/x/y/` → `og/s/x/y.png`. */
export const cardPathOf = (sharePath: string): string => `og/${sharePath.replace(/\/$/, '')}.png`;

/** Site path of an article: `articles/<slug>/`, `zh/articles/<slug>/`. */
export const articlePathOf = (lang: Lang, slug: string): string => `${prefix(lang)}articles/${slug}/`;
