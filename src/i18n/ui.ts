/**
 * UI strings, one typed dictionary per language. `en` defines the keys; every other language must provide every
 * key (a missing one fails the type-check), so no page can show a half-translated chrome.
 */

/** Languages of the site. English is served at the root, the others under `/<lang>/`. */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
/** The default language, served without a prefix. */
export const DEFAULT_LANG: Lang = 'en';
/** BCP 47 tags for `lang` and `hreflang` attributes. */
export const LANG_TAG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };
/** The name of each language in that language, for the switcher. */
export const LANG_NAME: Record<Lang, string> = { en: 'English', zh: '中文' };

const en = {
  'site.name': 'Why tanh?',
  'site.tagline': 'Sigmoid gates and tanh in LSTMs, explained and simulated',
  'site.description':
    'Why does an LSTM use sigmoid for its gates and tanh for its candidate and output — and what happens if you swap them for ReLU, hard tanh or nothing at all? Answered with formulas checked by code and simulations you can re-run.',
  'site.footer':
    'Why tanh? — an interactive field guide to the activation functions of recurrent networks. Every formula is checked by code; every simulation runs in your browser.',
  'nav.skip': 'Skip to content',
  'nav.site': 'Site',
  'nav.articles': 'Articles',
  'nav.search': 'Search',
  'nav.language': 'Language',
  'theme.toLight': 'Switch to light theme',
  'theme.toDark': 'Switch to dark theme',
  'home.intro':
    'An LSTM squashes its gates with a sigmoid and its candidate and output with tanh. Why those two — and what breaks if you put ReLU, hard tanh or the identity in their place? This guide answers properly: every formula is checked by code, every claim comes with a simulation you can re-run in your browser or a citation you can look up.',
  'home.articles': 'Articles, in reading order',
  'home.none': 'No articles are published yet.',
  'article.by': 'By',
  'article.published': 'Published',
  'article.updated': 'Last updated',
  'article.contents': 'Contents',
  'article.readingOrder': 'Reading order',
  'article.edit': 'Found a mistake or want to improve this page?',
  'article.editLink': 'Edit',
  'article.contribute': '— contributions are welcome (see CONTRIBUTING.md).',
  'section.copy': 'Copy link',
  'section.copied': 'Link copied to the clipboard.',
  'notFound.title': 'Page not found',
  'notFound.body': 'This address does not match any page. If you followed a link to a section, the article may have moved.',
  'notFound.home': 'Go to the list of articles',
  'search.title': 'Search',
  'search.description':
    'Full-text search over every article of Why tanh?, built into the site: it works offline and sends your query nowhere.',
  'search.intro': 'Search every article. The index is part of the site: your query never leaves your browser.',
  'search.noscript': 'Search needs JavaScript. The list of articles works without it.',
  'glossary.title': 'Glossary',
  'glossary.description':
    'The English and Chinese terms of the articles side by side, each with a one-line meaning and a link to the section that defines it.',
  'glossary.intro': 'The terms of the articles, with the section that defines each one.',
  'glossary.defined': 'Defined in',
  'nav.glossary': 'Glossary',
  'article.inEnglish': ' (in English)',
} as const;

export type UiKey = keyof typeof en;

const zh: Record<UiKey, string> = {
  'site.name': 'Why tanh?',
  'site.tagline': 'LSTM 为什么用 sigmoid 门控和 tanh：讲解与模拟',
  'site.description':
    'LSTM 为什么用 sigmoid 做门控、用 tanh 做候选值和输出？换成 ReLU、hard tanh 或干脆不用激活函数又会怎样？本站用经过代码验证的公式和可以在浏览器中重新运行的模拟来回答。',
  'site.footer': 'Why tanh? —— 循环神经网络激活函数的交互式指南。每个公式都经过代码验证，每个模拟都在你的浏览器中运行。',
  'nav.skip': '跳到正文',
  'nav.site': '站点',
  'nav.articles': '文章',
  'nav.search': '搜索',
  'nav.language': '语言',
  'theme.toLight': '切换到浅色主题',
  'theme.toDark': '切换到深色主题',
  'home.intro':
    'LSTM 用 sigmoid 压缩门控，用 tanh 压缩候选记忆元和输出。为什么偏偏是这两个函数？如果换成 ReLU、hard tanh 或恒等函数，会出什么问题？本指南认真回答：每个公式都由代码检验，每个结论都附有可以在浏览器中重新运行的模拟，或可以查证的文献。',
  'home.articles': '文章（按阅读顺序）',
  'home.none': '目前还没有发布的文章。',
  'article.by': '作者',
  'article.published': '发布于',
  'article.updated': '最后更新',
  'article.contents': '目录',
  'article.readingOrder': '阅读顺序',
  'article.edit': '发现错误，或想改进这一页？',
  'article.editLink': '编辑',
  'article.contribute': '—— 欢迎贡献（见 CONTRIBUTING.md）。',
  'section.copy': '复制链接',
  'section.copied': '链接已复制到剪贴板。',
  'notFound.title': '页面不存在',
  'notFound.body': '这个地址没有对应的页面。如果你是通过某个章节的链接来到这里的，文章可能已经移动。',
  'notFound.home': '查看文章列表',
  'search.title': '搜索',
  'search.description': '对 Why tanh? 全部文章进行全文搜索。索引内置于网站中：离线可用，你的查询不会发送到任何地方。',
  'search.intro': '搜索全部文章。索引是网站的一部分：你的查询不会离开你的浏览器。',
  'search.noscript': '搜索需要 JavaScript。文章列表无需 JavaScript 即可使用。',
  'glossary.title': '术语表',
  'glossary.description': '本站文章中英文术语对照：每个术语附一句话释义，并链接到定义它的章节。',
  'glossary.intro': '本站文章使用的术语，中英文对照。每个术语都链接到定义它的章节；译名参照《动手学深度学习》中文版。',
  'glossary.defined': '定义所在章节',
  'nav.glossary': '术语表',
  'article.inEnglish': '（英文）',
};

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
