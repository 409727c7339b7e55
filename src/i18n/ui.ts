/**
 * UI strings, one typed dictionary per language. `en` defines the keys; every other language must provide every
 * key (a missing one fails the type-check), so no page can show a half-translated chrome.
 */
import { en, type UiKey } from './en/ui.ts';
import { zh } from './zh/ui.ts';

/** Languages of the site. English is served at the root, the others under `/<lang>/`. */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
/** The default language, served without a prefix. */
export const DEFAULT_LANG: Lang = 'en';
/** BCP 47 tags for `lang` and `hreflang` attributes. */
export const LANG_TAG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };
/** The name of each language in that language, for the switcher. */
export const LANG_NAME: Record<Lang, string> = { en: 'English', zh: '中文' };

export type { UiKey };

const DICTS: Record<Lang, Record<UiKey, string>> = { en, zh };

/** The UI string `key` in `lang`. */
export function t(lang: Lang, key: UiKey): string {
  return DICTS[lang][key];
}

/** Whether `s` names a language of the site. */
export function isLang(s: string | undefined): s is Lang {
  return (LANGS as readonly string[]).includes(s ?? '');
}

/**
 * The language of a site path (without the base): `zh/articles/x/` → `zh`, `articles/x/` → `en`.
 */
export function langOfPath(path: string): Lang {
  const first = path.replace(/^\/+/, '').split('/')[0];
  return isLang(first) && first !== DEFAULT_LANG ? first : DEFAULT_LANG;
}

/**
 * The same page in another language, as a site path without the base: (`articles/x/`, `zh`) → `zh/articles/x/`;
 * (`zh/articles/x/`, `en`) → `articles/x/`.
 */
export function pathInLang(path: string, to: Lang): string {
  const clean = path.replace(/^\/+/, '');
  const from = langOfPath(clean);
  const rest = from === DEFAULT_LANG ? clean : clean.slice(from.length + 1);
  return to === DEFAULT_LANG ? rest : `${to}/${rest}`;
}
