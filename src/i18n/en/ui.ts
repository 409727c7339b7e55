/** English page strings (the chrome: navigation, footer, search, glossary…). English defines the keys. */
export const en = {
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
  'print.settings': 'Settings:',
  'print.on': 'on',
  'print.off': 'off',
  'notFound.title': 'Page not found',
  'notFound.body': 'This address does not match any page. If you followed a link to a section, the article may have moved.',
  'notFound.home': 'Go to the list of articles',
  'search.title': 'Search',
  'search.description':
    'Full-text search over every article of Why tanh?, built into the site: it works offline and sends your query nowhere.',
  'search.intro': 'Search every article. The index is part of the site: your query never leaves your browser.',
  'search.otherLead': 'Searching in Chinese?',
  'search.otherLink': 'Search the Chinese edition (中文)',
  'search.noscript': 'Search needs JavaScript. The list of articles works without it.',
  'glossary.title': 'Glossary',
  'glossary.description':
    'The English and Chinese terms of the articles side by side, each with a one-line meaning and a link to the section that defines it.',
  'glossary.intro': 'The terms of the articles, with the section that defines each one.',
  'glossary.defined': 'Defined in',
  'nav.glossary': 'Glossary',
  'article.inEnglish': ' (in English)',
  'appendix.title': 'Methods and data',
  'appendix.of': 'Appendix to',
  'appendix.description':
    'The methods, proofs, full data tables and reproduction details behind the article, kept here so the article stays short.',
  'appendix.back': 'Back to the article: ',
  'article.appendix': 'Proofs, full data tables and reproduction details:',
  'cite.title': 'Cite this article',
} as const;

/** The keys of the page strings; every language gives every one (src/i18n/ui.ts). */
export type UiKey = keyof typeof en;
