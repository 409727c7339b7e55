/**
 * Link-preview cards (Open Graph images, 1200 × 630 PNG), drawn at build time with satori (layout and text to SVG)
 * and resvg (SVG to PNG): the site's, each article's, each section share page's and each figure preset's.
 *
 * Text is set in IBM Plex Sans; the characters it lacks (Chinese, superscript digits) in the subsets of Noto Sans SC
 * (@fontsource/noto-sans-sc, SIL OFL 1.1) that hold them, and only those ({@link fontFiles}): satori falls back
 * across all the fonts it is given, glyph by glyph. Imports carry their `.ts` extension: the share-page integration loads this module in Node itself.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { Activations } from '../lib/nn/activations.ts';
import { t, type Lang } from '../i18n/ui.ts';
import { cmapOf } from './woff-cmap.ts';

/** Open Graph image size recommended by the major link-preview consumers. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

const require = createRequire(import.meta.url);
const LATIN_DIR = '@fontsource/ibm-plex-sans';
const LATIN = `${LATIN_DIR}/files/ibm-plex-sans-latin`;
const CJK_DIR = '@fontsource/noto-sans-sc';
const read = (path: string) => readFileSync(require.resolve(path));

/** One `@font-face` of a Fontsource stylesheet: its WOFF file and the code points it covers. */
export interface FontSubset {
  readonly file: string;
  readonly ranges: readonly (readonly [number, number])[];
}

/** The subsets of a Fontsource stylesheet (`@font-face` blocks with a WOFF source and a `unicode-range`). */
export function parseSubsets(css: string): FontSubset[] {
  const out: FontSubset[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff)\) format\('woff'\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part) => {
      const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
      const a = parseInt(lo!, 16);
      return [a, hi === undefined ? a : parseInt(hi, 16)] as const;
    });
    out.push({ file, ranges });
  }
  return out;
}

/** The subsets (WOFF files by package path) of a Fontsource family at one weight. */
function subsetsOf(pkg: string, weight: 400 | 700): { file: string; ranges: FontSubset['ranges'] }[] {
  return parseSubsets(readFileSync(require.resolve(`${pkg}/${weight}.css`), 'utf8')).map((s) => ({
    ...s,
    file: `${pkg}/files/${s.file}`,
  }));
}

/**
 * The font files (package paths) of one weight that set `text`: for each character the IBM Plex Sans subset that
 * has a glyph for it, or else the Noto Sans SC subset (by each file's cmap) — each file once — and the characters
 * neither has (which a card would draw as empty boxes: rendering fails on them).
 */
export function fontFiles(text: string, weight: 400 | 700): { latin: string[]; cjk: string[]; missing: string[] } {
  const latinSubsets = subsetsOf(LATIN_DIR, weight);
  const cjkSubsets = subsetsOf(CJK_DIR, weight);
  const latin = new Set<string>([`${LATIN}-${weight}-normal.woff`]);
  const cjk = new Set<string>();
  const missing: string[] = [];
  const cmaps = new Map<string, Map<number, number>>();
  const has = (file: string, cp: number) => {
    if (!cmaps.has(file)) cmaps.set(file, cmapOf(read(file)));
    return cmaps.get(file)!.has(cp);
  };
  // The subset whose range names the character and whose file really has it.
  const find = (list: typeof latinSubsets, cp: number) =>
    list.find((x) => x.ranges.some(([a, b]) => cp >= a && cp <= b) && has(x.file, cp));
  for (const ch of new Set([...text].filter((c) => c.trim() !== ''))) {
    const cp = ch.codePointAt(0)!;
    const l = find(latinSubsets, cp);
    const c = l ? undefined : find(cjkSubsets, cp);
    if (l) latin.add(l.file);
    else if (c) cjk.add(c.file);
    else missing.push(ch);
  }
  return { latin: [...latin], cjk: [...cjk].sort(), missing };
}

type SatoriFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };

/** The texts of one or more cards by weight: what their fonts must cover. */
export interface CardTexts {
  readonly 400: string;
  readonly 700: string;
}

/** The fonts for cards whose texts are `text`: the IBM Plex Sans subsets first, then the Noto Sans SC ones they need. */
export function cardFonts(text: CardTexts): SatoriFont[] {
  const fonts: SatoriFont[] = [];
  for (const weight of [400, 700] as const) {
    const { latin, cjk, missing } = fontFiles(text[weight], weight);
    if (missing.length > 0) throw new Error(`og-image: no font has a glyph for ${missing.join(' ')} (in “${text[weight]}”)`);
    // One name per file: satori keeps one font per (name, weight, style), and falls back across all of them.
    latin.forEach((f, i) =>
      fonts.push({ name: i === 0 ? 'IBM Plex Sans' : `IBM Plex Sans ${i}`, data: read(f), weight, style: 'normal' }),
    );
    cjk.forEach((f, i) => fonts.push({ name: `Noto Sans SC ${i}`, data: read(f), weight, style: 'normal' }));
  }
  return fonts;
}

/** The key figure of the site, drawn small: tanh and σ on [−5, 5], as an SVG string. */
export function curvesSvg(width: number, height: number): string {
  const pad = 8;
  const x = (z: number) => pad + ((z + 5) / 10) * (width - 2 * pad);
  const y = (v: number) => pad + ((1.1 - v) / 2.2) * (height - 2 * pad);
  const path = (f: (z: number) => number) => {
    let d = '';
    for (let k = 0; k <= 120; k++) {
      const z = -5 + (10 * k) / 120;
      d += `${k === 0 ? 'M' : 'L'}${x(z).toFixed(1)},${y(f(z)).toFixed(1)}`;
    }
    return d;
  };
  const axis = `M${pad},${y(0)}H${width - pad}M${x(0)},${pad}V${height - pad}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<path d="${axis}" stroke="#8a8a94" stroke-width="2" fill="none"/>` +
    `<path d="${path(Activations.sigmoid.f)}" stroke="#d55e00" stroke-width="7" fill="none" stroke-linecap="round"/>` +
    `<path d="${path(Activations.tanh.f)}" stroke="#0072b2" stroke-width="7" fill="none" stroke-linecap="round"/>` +
    `</svg>`
  );
}

/** A text label drawn over a card's picture (satori draws it with the card's fonts; SVG text would need system fonts). */
export interface PictureLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** Which point of the text sits at (x, y): its start, middle or end on the baseline's line. */
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly size?: number;
  readonly color?: string;
  readonly bold?: boolean;
}

/** The picture on a card's right: an SVG without text, and labels set over it. */
export interface CardPicture {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly labels?: readonly PictureLabel[];
}

/** What a card shows. */
export interface Card {
  /** The large text: the page's, section's or preset's title. */
  readonly title: string;
  /** The line above it (default: the site's name). */
  readonly kicker?: string;
  /** The line below it (default: the site's tagline of formulas and simulations). */
  readonly footer?: string;
  readonly lang?: Lang;
  /** Default: the tanh and σ curves. */
  readonly picture?: CardPicture;
}

const COLORS = { bg: '#fdfdfb', fg: '#1d1d1f', muted: '#55555c', accent: '#0072b2' } as const;

type Node = { type: string; props: Record<string, unknown> & { children?: unknown } };
const h = (type: string, style: Record<string, unknown>, children?: unknown, extra: Record<string, unknown> = {}): Node => ({
  type,
  props: { style, children, ...extra },
});

/** Every text a card sets, by weight (what its fonts must cover). */
export function cardTexts(card: Card): CardTexts {
  const lang = card.lang ?? 'en';
  const labels = card.picture?.labels ?? [];
  return {
    400:
      (card.footer ?? t(lang, 'og.tagline')) +
      labels
        .filter((l) => !l.bold)
        .map((l) => l.text)
        .join(''),
    700:
      (card.kicker ?? t(lang, 'site.name')) +
      card.title +
      labels
        .filter((l) => l.bold)
        .map((l) => l.text)
        .join(''),
  };
}

const dataUri = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

function pictureNode(p: CardPicture): Node {
  const labels = (p.labels ?? []).map((l) => {
    const size = l.size ?? 20;
    const width = 400;
    const left = l.anchor === 'end' ? l.x - width : l.anchor === 'middle' ? l.x - width / 2 : l.x;
    const justify = l.anchor === 'end' ? 'flex-end' : l.anchor === 'middle' ? 'center' : 'flex-start';
    return h(
      'div',
      {
        position: 'absolute',
        left,
        top: l.y - size,
        width,
        height: size * 1.3,
        display: 'flex',
        justifyContent: justify,
        fontSize: size,
        fontWeight: l.bold ? 700 : 400,
        color: l.color ?? COLORS.muted,
      },
      l.text,
    );
  });
  return h('div', { position: 'relative', width: p.width, height: p.height, display: 'flex', flexShrink: 0 }, [
    h('img', { position: 'absolute', left: 0, top: 0, width: p.width, height: p.height }, undefined, {
      src: dataUri(p.svg),
      width: p.width,
      height: p.height,
    }),
    ...labels,
  ]);
}

/**
 * Draws cards. Its fonts cover the texts it was made for (satori parses them once, on the first card): make one for a
 * batch of cards, or let {@link renderOgImage} make one per card.
 */
export class CardRenderer {
  readonly #fonts: SatoriFont[];
  readonly #covered: { readonly 400: Set<string>; readonly 700: Set<string> };

  constructor(cards: Iterable<Card>) {
    let w400 = '';
    let w700 = '';
    for (const c of cards) {
      const text = cardTexts(c);
      w400 += text[400];
      w700 += text[700];
    }
    this.#fonts = cardFonts({ 400: w400, 700: w700 });
    this.#covered = { 400: new Set(w400), 700: new Set(w700) };
  }

  /** The card as PNG bytes; throws when a character of it is not covered by the fonts. */
  async render(card: Card): Promise<Uint8Array> {
    const text = cardTexts(card);
    const outside = ([400, 700] as const).flatMap((w) =>
      [...text[w]].filter((ch) => ch.trim() !== '' && !this.#covered[w].has(ch)),
    );
    if (outside.length > 0) throw new Error(`og-image: this renderer has no font for ${[...new Set(outside)].join(' ')}`);
    const lang = card.lang ?? 'en';
    const picture = card.picture ?? { svg: curvesSvg(420, 300), width: 420, height: 300 };
    const textWidth = OG_WIDTH - 2 * 64 - picture.width - 36;
    const long = [...card.title].length > (lang === 'zh' ? 16 : 50);
    const tree = h(
      'div',
      {
        width: OG_WIDTH,
        height: OG_HEIGHT,
        display: 'flex',
        flexDirection: 'row',
        alignItems: 'center',
        background: COLORS.bg,
        padding: '64px',
        fontFamily: 'IBM Plex Sans',
        borderTop: `18px solid ${COLORS.accent}`,
      },
      [
        h('div', { display: 'flex', flexDirection: 'column', width: textWidth, marginRight: 36 }, [
          h(
            'div',
            { fontSize: 30, color: COLORS.accent, fontWeight: 700, marginBottom: 24, lineHeight: 1.25 },
            card.kicker ?? t(lang, 'site.name'),
          ),
          h(
            'div',
            {
              fontSize: textWidth < 520 ? (long ? 44 : 52) : long ? 58 : 68,
              fontWeight: 700,
              color: COLORS.fg,
              lineHeight: 1.15,
            },
            card.title,
          ),
          h('div', { fontSize: 26, color: COLORS.muted, marginTop: 28, lineHeight: 1.3 }, card.footer ?? t(lang, 'og.tagline')),
        ]),
        pictureNode(picture),
      ],
    );
    const svg = await satori(tree as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts: this.#fonts });
    return new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH } }).render().asPng();
  }
}

/** Renders one link-preview card to PNG bytes. */
export function renderOgImage(card: Card): Promise<Uint8Array> {
  return new CardRenderer([card]).render(card);
}
