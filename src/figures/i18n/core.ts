/**
 * Localised figure text. Every figure keeps its words in a typed table keyed by language (`Localised<T>`): `en`
 * defines the shape, and `zh` must give every key of it — a missing or misspelt key fails the type-check, so no
 * figure can show a half-translated face. Templates are functions of **strings** only (numbers arrive formatted), so a
 * test can call each one with placeholders and check that the translation uses every argument.
 *
 * Islands receive the language as a `lang` prop from the MDX (`<CellExplorer client:visible lang="zh" />`, default
 * `en`); Astro figure components read it from the same prop or, when it is omitted, from the page's URL.
 *
 * The Chinese text lives in `zh.ts`, which only Chinese pages load: a Chinese article imports its islands from
 * src/components/zh/ (thin entries that load `zh.ts` first), so English pages do not ship the Chinese strings.
 */
import type { Lang } from '../../i18n/ui.ts';

export type { Lang };

/** A value of type `T` for every language of the site. */
export type Localised<T> = { readonly [L in Lang]: T };

/** A table entry: fixed text, or a template whose arguments are pre-formatted strings. */
export type Text = string | ((...args: string[]) => string);

/** The Chinese tables, by name; filled by `zh.ts` (see {@link localised}). */
const zhTables = new Map<string, unknown>();

/**
 * A localised table whose English text is defined here and whose Chinese text lives in `zh.ts`, so the English pages'
 * bundles never carry it: a Chinese page loads `zh.ts` (its islands through src/components/zh/), which registers
 * every Chinese table. Reading `zh` before that is a programming error and says how to fix it.
 */
export function localised<T>(name: string, tables: { readonly en: T }): Localised<T> {
  return {
    en: tables.en,
    get zh(): T {
      const t = zhTables.get(name);
      if (t === undefined) {
        throw new Error(
          `Figure strings: the Chinese table ${name} is not loaded. Import the island from src/components/zh/ (or import src/figures/i18n/zh.ts).`,
        );
      }
      return t as T;
    },
  };
}

/** Registers the Chinese tables (called once by `zh.ts`). */
export function registerZh(tables: object): void {
  for (const [name, table] of Object.entries(tables)) zhTables.set(name, table);
}

/** The entry of `table` for `lang` (English when `lang` is omitted). */
export function localise<T>(table: Localised<T>, lang: Lang = 'en'): T {
  return table[lang];
}

/** Joins a list the way each language does: "a, b and c" / "a、b 和 c". */
export function joinList(items: readonly string[], lang: Lang = 'en'): string {
  if (items.length <= 1) return items.join('');
  const sep = lang === 'zh' ? '、' : ', ';
  const and = lang === 'zh' ? ' 和 ' : ' and ';
  return `${items.slice(0, -1).join(sep)}${and}${items.at(-1)}`;
}
