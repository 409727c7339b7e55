/**
 * Localised figure text. Every figure keeps its words in a typed table keyed by language (`Localised<T>`): an
 * interface defines the shape, and every language must give every key of it — a missing or misspelt key fails the
 * type-check, so no figure can show a half-translated face. Templates are functions of **strings** only (numbers
 * arrive formatted), so a test can call each one with placeholders and check that the translation uses every argument.
 *
 * Islands receive the language as a `lang` prop from the MDX (`<CellExplorer client:visible lang="zh" />`, default
 * `en`); Astro figure components read it from the same prop or, when it is omitted, from the page's URL.
 *
 * A page's bundles carry only its own language's words where that pays. The Chinese text lives in `zh/*.ts`, which
 * only Chinese pages load: a Chinese article imports its islands from src/components/zh/ (thin entries that load
 * their `zh/*.ts` first). The English text of the function figures (./function-figures.ts) lives in
 * `en/function-figures.ts`, which only their English entries load (src/components/figures/ActivationExplorer.tsx …,
 * in front of the language-neutral `*.island.tsx`). Every other table gives its English inline to {@link localised}:
 * the figure kit's shell and the activation names, which every island shares, the English-only LiveRun included (on
 * their own, these few words would cost an English page with one figure a chunk of their own, more than they weigh),
 * the LSTM and gradient figures, whose presets read their English when they load, and the build-time table words.
 * The server and the tests load every language (`en.ts`, `zh.ts`, or ./index.ts).
 */
import type { Lang } from './ui.ts';

export type { Lang };

/** A value of type `T` for every language of the site. */
export type Localised<T> = { readonly [L in Lang]: T };

/** A table entry: fixed text, or a template whose arguments are pre-formatted strings. */
export type Text = string | ((...args: string[]) => string);

/** The tables registered by {@link register}, by language and name (`zhKIT`). */
const registry = new Map<string, unknown>();

/** The registered table `name` of `lang`; reading it before its module has loaded is an error that says what to do. */
function registered(lang: Lang, name: string): unknown {
  const t = registry.get(lang + name);
  if (t === undefined) {
    throw new Error(
      `Figure strings: ${lang} table ${name} not loaded; import the island's ${lang} entry or src/i18n/${lang}.ts.`,
    );
  }
  return t;
}

/**
 * A localised table named `name`, read when a language is asked for, so that a page's bundles carry only the
 * languages it loads. Its text comes from the language's modules (`en/*.ts`, `zh/*.ts`, which call {@link register});
 * `tables.en` gives the English inline instead.
 */
export function localised<T>(name: string, tables?: { readonly en: T }): Localised<T> {
  return {
    get en() {
      return tables ? tables.en : (registered('en', name) as T);
    },
    get zh() {
      return registered('zh', name) as T;
    },
  };
}

/** Registers a language's tables, by name (called once by each of `en/*.ts` and `zh/*.ts`). */
export function register(lang: Lang, tables: object): void {
  for (const [name, table] of Object.entries(tables)) registry.set(lang + name, table);
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
