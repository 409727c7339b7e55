/**
 * Share pages (issue 20): one small page per article section (`s/<slug>/<section-id>/`, Chinese `zh/s/…`) and per
 * figure preset (`s/<slug>/<figure-id>/<preset>/`), each with its own link preview (title, first sentences, a card of
 * its own), which sends a reader on to the place it names at once, with or without JavaScript.
 *
 * This module reads what the built article page says (its sections' headings and first sentences) and writes the
 * share page; src/site/share-build.ts runs it over `dist/` after the build. Pure, and loadable by Node itself
 * (imports carry their extensions).
 */
import { createHash } from 'node:crypto';
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { texToText } from '../integrations/pagefind-html.mjs';
import { LANG_TAG, isLang, t, type Lang } from '../i18n/ui.ts';
import { withBase } from './articles.ts';

/** A section of an article as the built page shows it. */
export interface ArticleSection {
  readonly id: string;
  readonly heading: string;
  /** Its first sentences, plain text (formulas from their TeX, no citation marks); '' when it opens with no text. */
  readonly text: string;
}

/** What a share page needs from a built article page. */
export interface BuiltArticle {
  readonly lang: Lang;
  readonly title: string;
  readonly description: string;
  readonly sections: readonly ArticleSection[];
  /** Ids of the figures on the page (`fig-run`, …). */
  readonly figures: readonly string[];
}

const classes = (e: Element): string[] => {
  const c = e.properties['className'];
  return Array.isArray(c) ? c.map(String) : [];
};
const isElement = (n: RootContent | ElementContent | Root): n is Element => n.type === 'element';

/** Elements whose text is not part of a section's prose (marks, controls, hidden helpers). */
const SKIP_CLASSES = new Set(['cite', 'heading-anchor', 'visually-hidden', 'copy-link', 'katex-html']);

function findAll(node: Root | Element, test: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const c of node.children) {
    if (!isElement(c)) continue;
    if (test(c)) out.push(c);
    findAll(c, test, out);
  }
  return out;
}
const find = (node: Root | Element, test: (e: Element) => boolean): Element | undefined => findAll(node, test)[0];

/** The plain text of an element as a reader reads it: a formula as text from its TeX, no citations or permalinks. */
export function plainText(node: Element | Root): string {
  let out = '';
  const walk = (n: Root | RootContent) => {
    if (n.type === 'text') out += n.value;
    if (n.type !== 'element' && n.type !== 'root') return;
    if (n.type === 'element') {
      const cls = classes(n);
      if (cls.includes('katex')) {
        const annotation = find(n, (e) => e.tagName === 'annotation');
        out += annotation ? texToText(plainText(annotation)) : '';
        return;
      }
      if (cls.some((c) => SKIP_CLASSES.has(c)) || ['script', 'style', 'svg', 'button', 'sup'].includes(n.tagName)) return;
      if (n.tagName === 'br') out += ' ';
    }
    for (const c of n.children) walk(c);
  };
  walk(node);
  return out.replace(/\s+/g, ' ').trim();
}

/** Abbreviations a sentence does not end after. */
const ABBREVIATIONS = /(?:\bet al|\be\.g|\bi\.e|\bcf|\bvs|\bFig|\bEq|\bp|\bpp|\bno)\.$/i;

/** Sentences of a text: Chinese ones end at 。！？, others at . ! ? before a space (not after "et al." and the like). */
export function sentences(text: string, lang: Lang): string[] {
  if (lang === 'zh') return (text.match(/[^。！？]+[。！？]?/g) ?? []).map((s) => s.trim()).filter(Boolean);
  const out: string[] = [];
  for (const piece of text.split(/(?<=[.!?][”’")]?)\s+(?=\S)/)) {
    const last = out.at(-1);
    if (last !== undefined && ABBREVIATIONS.test(last)) out[out.length - 1] = `${last} ${piece}`;
    else out.push(piece);
  }
  return out;
}

/** The end of a sentence (its final punctuation, maybe inside a closing quote or bracket). */
const ENDS_SENTENCE = /[.!?。！？…][”’")）]?$/;

/** Sizes of a description (characters): what it aims at and what it never exceeds, per language. */
const SIZE: Readonly<Record<Lang, { readonly target: number; readonly max: number }>> = {
  en: { target: 150, max: 260 },
  zh: { target: 70, max: 120 },
};

/**
 * The first sentences of a text, at least one and about the language's target length, never more than its maximum (a
 * longer run of sentences is cut at a word and ends with "…"). A text that stops at a colon or comma (a formula
 * followed) ends with "…" instead.
 */
export function firstSentences(text: string, lang: Lang): string {
  const { target, max } = SIZE[lang];
  const join = (a: string, b: string) => (a === '' ? b : lang === 'zh' ? a + b : `${a} ${b}`);
  const all = sentences(text, lang);
  // A sentence that a formula interrupts (it stops at a colon or comma, or in the middle) is left out after a whole one.
  const whole = (s: string) => ENDS_SENTENCE.test(s);
  let out = '';
  for (const [i, s] of all.entries()) {
    if (i > 0 && i === all.length - 1 && !whole(s)) break;
    if (out.length >= target / 2 && join(out, s).length > max) break;
    out = join(out, s);
    if (out.length >= target) break;
  }
  if ([...out].length > max) {
    const cut = [...out].slice(0, max - 1).join('');
    const at = lang === 'zh' ? cut.length : cut.lastIndexOf(' ');
    out = `${cut.slice(0, at > max / 2 ? at : cut.length)}…`;
  }
  return out.replace(/[\s,;:，；：—–-]+(…?)$/, '…').replace(/……$/, '…');
}

/** Removes the space a dropped citation leaves before punctuation ("the classic LSTM [1]." → "…LSTM."). */
const tidy = (text: string) => text.replace(/\s+([.,;:!?。，；：！？）)])/g, '$1');

/**
 * The text that opens a section: its first paragraphs and list items (also inside a callout), until there is enough
 * for a description; figures and tables are skipped.
 */
function openingText(blocks: readonly Element[], lang: Lang): string {
  let text = '';
  for (const b of blocks) {
    const paragraphs = ['p', 'li'].includes(b.tagName)
      ? [b]
      : b.tagName === 'div' && !classes(b).some((c) => c.startsWith('fig') || c === 'table-scroll')
        ? findAll(b, (e) => e.tagName === 'p' || e.tagName === 'li')
        : b.tagName === 'ul' || b.tagName === 'ol'
          ? findAll(b, (e) => e.tagName === 'li')
          : [];
    for (const p of paragraphs) {
      const more = tidy(plainText(p));
      if (more !== '') text = text === '' ? more : lang === 'zh' ? text + more : `${text} ${more}`;
      // A paragraph that does not end a sentence goes on after a formula: what follows is not its next sentence.
      if (text.length >= SIZE[lang].target || !ENDS_SENTENCE.test(text)) return text;
    }
  }
  return text;
}

/** Reads a built article page: language, title, description, every `h2` with an id and the text that opens it. */
export function readBuiltArticle(html: string): BuiltArticle {
  const tree = fromHtml(html);
  const root = find(tree, (e) => e.tagName === 'html');
  const langTag = String(root?.properties['lang'] ?? 'en');
  const lang = (Object.entries(LANG_TAG).find(([, tag]) => tag === langTag)?.[0] ?? langTag) as Lang;
  if (!isLang(lang)) throw new Error(`share: unknown page language ${langTag}`);
  const h1 = find(tree, (e) => e.tagName === 'h1');
  const meta = find(tree, (e) => e.tagName === 'meta' && e.properties['name'] === 'description');
  const prose = find(tree, (e) => e.tagName === 'div' && classes(e).includes('prose'));
  if (!h1 || !prose) throw new Error('share: not an article page (no h1 or no .prose)');
  const sections: ArticleSection[] = [];
  let current: { id: string; heading: string; blocks: Element[] } | undefined;
  const close = () => {
    if (current) sections.push({ id: current.id, heading: current.heading, text: openingText(current.blocks, lang) });
  };
  for (const child of prose.children) {
    if (!isElement(child)) continue;
    if (child.tagName === 'h2') {
      close();
      const id = child.properties['id'];
      current = typeof id === 'string' ? { id, heading: plainText(child), blocks: [] } : undefined;
    } else current?.blocks.push(child);
  }
  close();
  const figures = findAll(prose, (e) => typeof e.properties['id'] === 'string' && String(e.properties['id']).startsWith('fig-'))
    .filter((e) => e.tagName === 'figure' || classes(e).includes('figure'))
    .map((e) => String(e.properties['id']));
  return {
    lang,
    title: plainText(h1),
    description: String(meta?.properties['content'] ?? ''),
    sections,
    figures,
  };
}

export { articlePathOf, cardPathOf, presetSharePath, sectionSharePath } from './share-paths.ts';

/** One share page. Paths are site paths (no base); `target` may end in a `#fragment`. */
export interface SharePage {
  readonly lang: Lang;
  readonly path: string;
  /** Its link-preview title: the section's heading or the preset's name, and the article's title. */
  readonly title: string;
  readonly description: string;
  readonly card: string;
  readonly cardAlt: string;
  /** Where it sends the reader: the article and the section's or figure state's fragment. */
  readonly target: string;
  readonly linkText: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The share page's only style; its hash is in the page's policy (no other inline style or script is allowed). */
const STYLE =
  'body{font:1.1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}' +
  'p.site{color:GrayText;font-size:.9rem}a{font-weight:600}';

/** The HTML of a share page, for a site at `origin` (scheme and host) under `base`. */
export function sharePageHtml(page: SharePage, base: string, origin: string): string {
  const url = (path: string) => new URL(withBase(base, path), origin).href;
  const target = withBase(base, page.target);
  const styleHash = createHash('sha256').update(STYLE).digest('base64');
  const csp = [
    "default-src 'self'",
    "img-src 'self' data:",
    `style-src 'sha256-${styleHash}'`,
    "script-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  const meta = (attr: 'name' | 'property', key: string, value: string) => `<meta ${attr}="${key}" content="${escape(value)}">`;
  return `<!doctype html>
<html lang="${LANG_TAG[page.lang]}">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url=${escape(target)}">
<title>${escape(page.title)}</title>
${meta('name', 'robots', 'noindex')}
<link rel="canonical" href="${escape(url(page.target))}">
${meta('name', 'description', page.description)}
${meta('property', 'og:site_name', t(page.lang, 'site.name'))}
${meta('property', 'og:type', 'article')}
${meta('property', 'og:title', page.title)}
${meta('property', 'og:description', page.description)}
${meta('property', 'og:url', url(page.path))}
${meta('property', 'og:locale', LANG_TAG[page.lang].replace('-', '_'))}
${meta('property', 'og:image', url(page.card))}
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
${meta('property', 'og:image:alt', page.cardAlt)}
${meta('name', 'twitter:card', 'summary_large_image')}
${meta('name', 'twitter:title', page.title)}
${meta('name', 'twitter:description', page.description)}
${meta('name', 'twitter:image', url(page.card))}
<meta name="color-scheme" content="light dark">
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="site">${escape(t(page.lang, 'site.name'))}</p>
<h1>${escape(page.title)}</h1>
<p>${escape(page.description)}</p>
<p><a href="${escape(target)}">${escape(page.linkText)} →</a></p>
</main>
</body>
</html>
`;
}
