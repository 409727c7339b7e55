/**
 * Share pages (issue 20): every section (`h2` with an id) of every article, in both editions, has a page at
 * `s/<slug>/<id>/` (`zh/s/…`) with a link preview of its own — its heading in `og:title`, its first sentences in
 * `og:description`, a 1200 × 630 card — that is kept out of the sitemap and the index and sends a browser on to the
 * section, with JavaScript and without. A Chinese card's every character has a glyph in the fonts it is set in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST, sharePages, sitePages } from '../support/site';
import { scanTags } from '../site/lib/html';
import { cmapOf } from '../../src/site/woff-cmap';
import { cardFonts } from '../../src/site/og-image';
import { t } from '../../src/i18n/ui';
import { readResults } from '../../src/site/share-presets';
import { presetRuns } from '../../src/components/experiments/replays';
import { BLOW_UP } from '../../src/components/experiments/presets';
import { hrefOf } from '../../src/components/experiments/state';
import { runKey } from '../../src/experiments/spec';
import { polylineVertices } from '../../src/figures/polyline';

const ARTICLES = sitePages().filter((p) => /^(zh\/)?articles\/[^/]+\/$/.test(p));
const SHARE = new Set(sharePages());

/** The sections of a built article: its `.prose > h2[id]`, with the heading as read (no permalink "#"). */
function sectionsOf(path: string): { id: string; heading: string }[] {
  const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
  const prose = html.slice(html.indexOf('class="prose'));
  return [...prose.matchAll(/<h2 id="([^"]+)">([\s\S]*?)<\/h2>/g)].map((m) => ({
    id: m[1]!,
    heading: m[2]!
      .replace(/<a class="heading-anchor"[\s\S]*?<\/a>/, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&#39;|&#x27;/g, "'")
      .trim(),
  }));
}

/** The head of a built share page: its meta tags by name or property, its canonical link and its refresh target. */
function headOf(sharePath: string) {
  const tags = scanTags(readFileSync(join(DIST, sharePath, 'index.html'), 'utf8'));
  const meta = (key: string) =>
    tags.find((t) => t.name === 'meta' && (t.attrs.get('property') === key || t.attrs.get('name') === key))?.attrs.get('content');
  return {
    meta,
    canonical: tags.find((t) => t.name === 'link' && t.attrs.get('rel') === 'canonical')?.attrs.get('href'),
    refresh: tags.find((t) => t.name === 'meta' && t.attrs.get('http-equiv') === 'refresh')?.attrs.get('content'),
    links: tags.filter((t) => t.name === 'a').map((t) => t.attrs.get('href')),
    scripts: tags.filter((t) => t.name === 'script').length,
  };
}

const ALL = ARTICLES.flatMap((article) => {
  const zh = article.startsWith('zh/') ? 'zh/' : '';
  const slug = /articles\/([^/]+)\/$/.exec(article)![1]!;
  return sectionsOf(article).map((s) => ({ ...s, article, share: `${zh}s/${slug}/${s.id}/`, zh: zh !== '' }));
});

describe('section share pages (static)', () => {
  it('exist for every section of every article of both editions', () => {
    expect(ALL.length).toBeGreaterThan(20);
    expect(ALL.some((s) => s.zh)).toBe(true);
    expect(ALL.filter((s) => !SHARE.has(s.share)).map((s) => s.share)).toEqual([]);
  });

  for (const s of ALL) {
    it(`/${s.share}: own preview (heading in og:title, first sentences, a 1200×630 card), noindex, sends on to the section`, () => {
      const head = headOf(s.share);
      const title = head.meta('og:title') ?? '';
      expect(title).toContain(s.heading);
      const description = head.meta('og:description') ?? '';
      expect(description.length).toBeGreaterThan(s.zh ? 5 : 20);
      // no citation marks ([3], [1, 2], [4–6]; a rate's interval such as [91–100 %] is text), permalinks or orphaned punctuation
      expect(description).not.toMatch(/\[\d+(?:\s*[,–]\s*\d+)*\]|#$|\s[.,]/);
      expect(head.meta('twitter:card')).toBe('summary_large_image');
      expect(head.meta('robots')).toBe('noindex');
      const image = new URL(head.meta('og:image')!);
      const file = join(DIST, decodeURIComponent(image.pathname).slice(BASE.length));
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      const target = `${BASE}${s.article}#${s.id}`;
      expect(new URL(head.canonical!).pathname + new URL(head.canonical!).hash).toBe(target);
      expect(head.refresh).toBe(`0; url=${target}`);
      expect(head.links).toContain(target);
      expect(head.scripts).toBe(0);
    });
  }

  it('keeps share pages out of the sitemap', () => {
    const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/articles/');
    expect(sitemap).not.toMatch(/<loc>[^<]*\/s\//);
  });
});

describe('Chinese cards', () => {
  const zh = ALL.filter((s) => s.zh);

  it.runIf(zh.length > 0)('have a glyph for every character they set, in the fonts they are set in', () => {
    const missing: string[] = [];
    for (const s of zh) {
      // The card sets the heading (bold), the article's title (bold) and the tagline (regular): og:title holds the first two.
      const bold = headOf(s.share).meta('og:title') ?? '';
      const regular = t('zh', 'og.tagline');
      for (const [weight, text] of [
        [700, bold],
        [400, regular],
      ] as const) {
        const maps = cardFonts({ 400: weight === 400 ? text : '', 700: weight === 700 ? text : '' })
          .filter((f) => f.weight === weight)
          .map((f) => cmapOf(f.data));
        for (const ch of new Set(text.replace(/\s/g, ''))) {
          if (!maps.some((m) => m.has(ch.codePointAt(0)!)))
            missing.push(`${s.share}: “${ch}” (U+${ch.codePointAt(0)!.toString(16)})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('fails to set a character no font has, and the check finds a character the chosen fonts lack', () => {
    expect(() => cardFonts({ 400: '', 700: '门\u{e000}' })).toThrow(/no font has a glyph for \u{e000}/u);
    const latinOnly = cardFonts({ 400: '', 700: 'gate' })
      .filter((f) => f.weight === 700)
      .map((f) => cmapOf(f.data));
    expect(latinOnly.some((m) => m.has('g'.codePointAt(0)!))).toBe(true);
    expect(latinOnly.some((m) => m.has('门'.codePointAt(0)!))).toBe(false);
  });
});

/** The live figure's presets that have a committed run, and where their share pages are. */
const LIVE = 'articles/relu-experiments/';
const PRESET_PAGES = sitePages().includes(LIVE)
  ? presetRuns(readResults())
      .filter((p) => p.run !== undefined)
      .map(({ preset }) => ({ preset, share: `s/relu-experiments/fig-run/${preset.id}/`, hash: hrefOf(preset.spec) }))
  : [];

describe('figure preset share pages (static)', () => {
  it.runIf(sitePages().includes(LIVE))('exist for every preset of the live figure, the blow-up among them', () => {
    expect(PRESET_PAGES.length).toBeGreaterThanOrEqual(4);
    expect(PRESET_PAGES.map((p) => p.preset.id)).toEqual(expect.arrayContaining(['standard', 'relu-g', 'relu-g-clip', BLOW_UP]));
    expect(PRESET_PAGES.filter((p) => !SHARE.has(p.share)).map((p) => p.share)).toEqual([]);
  });

  for (const p of PRESET_PAGES) {
    it(`/${p.share}: the preset's name in og:title, its plot as a 1200×630 card, sends on to the figure in that state`, () => {
      const head = headOf(p.share);
      expect(head.meta('og:title')).toContain(p.preset.label);
      expect(head.meta('og:description')).toMatch(/(solved|diverged|not solved)[^;]*; the largest \|c\|/);
      const image = new URL(head.meta('og:image')!);
      const png = readFileSync(join(DIST, decodeURIComponent(image.pathname).slice(BASE.length)));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      expect(head.refresh).toBe(`0; url=${BASE}${LIVE}${p.hash}`);
      expect(head.meta('robots')).toBe('noindex');
    });
  }
});

describe('section share pages in a browser', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startStaticServer(DIST, BASE), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`land on the right section, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
      const { context, page } = await openPage(browser, server.origin, {
        javaScriptEnabled,
        viewport: { width: 1280, height: 900 },
      });
      const wrong: string[] = [];
      try {
        for (const s of ALL) {
          await page.goto(server.url(s.share));
          await page.waitForURL((u) => u.pathname === `${BASE}${s.article}`, { timeout: 15_000 });
          await page.waitForLoadState('load');
          const at = await page.evaluate((id) => {
            const h = document.getElementById(id);
            return { hash: decodeURIComponent(location.hash.slice(1)), top: h ? h.getBoundingClientRect().top : NaN };
          }, s.id);
          if (at.hash !== s.id || !(at.top > -10 && at.top < 450)) wrong.push(`${s.share} → #${at.hash}, heading at ${at.top}`);
        }
      } finally {
        await closeQuietly(context);
      }
      expect(wrong).toEqual([]);
    }, 600_000);
  }
});

describe('figure preset share pages in a browser', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startStaticServer(DIST, BASE), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.runIf(PRESET_PAGES.length > 0)(
    'land on the figure in the preset’s state, which shows its committed run with no click',
    async () => {
      const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
      const wrong: string[] = [];
      try {
        for (const p of PRESET_PAGES) {
          await page.goto(server.url(p.share));
          await page.waitForURL((u) => u.pathname === `${BASE}${LIVE}`, { timeout: 15_000 });
          const body = page.locator('#fig-run .xr-body');
          await page.locator('#fig-run button[data-action="run"]:not([disabled])').waitFor({ timeout: 90_000 });
          const key = await body.getAttribute('data-key');
          const replayed = await page.locator('#fig-run path[data-series="committed"]').count();
          const top = await page.locator('#fig-run').evaluate((f) => f.getBoundingClientRect().top);
          if (key !== runKey(p.preset.spec) || replayed !== 1 || Math.abs(top) > 60)
            wrong.push(`${p.share}: key ${key}, ${replayed} committed curves, figure at ${top}`);
        }
      } finally {
        await closeQuietly(context);
      }
      expect(wrong).toEqual([]);
    },
    600_000,
  );

  it.runIf(PRESET_PAGES.length > 0)(
    'land on the figure without JavaScript (the preset’s link has the state as its id)',
    async () => {
      const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
      const wrong: string[] = [];
      try {
        for (const p of PRESET_PAGES) {
          await page.goto(server.url(p.share));
          await page.waitForURL((u) => u.pathname === `${BASE}${LIVE}`, { timeout: 15_000 });
          await page.waitForLoadState('load');
          const at = await page.evaluate(() => {
            const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
            const r = target?.getBoundingClientRect();
            return { inFigure: target?.closest('#fig-run') !== null, top: r?.top ?? NaN };
          });
          if (!at.inFigure || !(at.top > -2 && at.top < 900)) wrong.push(`${p.share}: ${JSON.stringify(at)}`);
        }
      } finally {
        await closeQuietly(context);
      }
      expect(wrong).toEqual([]);
    },
    600_000,
  );

  it.runIf(PRESET_PAGES.some((p) => p.preset.id === BLOW_UP))(
    'opens the blow-up preset in a fresh browser on the growing |c| curve, crossed where it diverged, with no click',
    async () => {
      const p = PRESET_PAGES.find((x) => x.preset.id === BLOW_UP)!;
      const { context, page } = await openPage(browser, server.origin);
      try {
        await page.goto(server.url(p.share));
        await page.waitForURL((u) => u.pathname === `${BASE}${LIVE}`, { timeout: 15_000 });
        await page.locator('#fig-run button[data-action="run"]:not([disabled])').waitFor({ timeout: 90_000 });
        expect(await page.locator('#fig-run .xr-body').getAttribute('data-status')).toBe('idle');
        const state = page.locator('#fig-run .xr-state path[data-series="committed-state"]');
        const d = (await state.getAttribute('d')) ?? '';
        const ys = polylineVertices(d)
          .flat()
          .map(([, y]) => y);
        expect(ys.length).toBeGreaterThan(3);
        expect(ys.at(-1)!, 'the last |c| is far above the first (smaller y is higher)').toBeLessThan(ys[0]! - 50);
        expect(await page.locator('#fig-run .xr-state .xr-cross').count()).toBe(1);
        expect(await page.locator('#fig-run button[data-action="run"]').textContent()).toMatch(/Run it yourself/);
      } finally {
        await closeQuietly(context);
      }
    },
    180_000,
  );
});

async function closeQuietly(context: BrowserContext): Promise<void> {
  await context.close().catch(() => undefined);
}
