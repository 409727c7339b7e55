import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { consoleProblems, launchBrowser, openPage } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST, sitePages } from '../support/site';

const articles = sitePages().filter((p) => /^articles\/[^/]+\/$/.test(p)); // articles, not their appendices
const zhArticles = sitePages().filter((p) => /^zh\/articles\/[^/]+\/$/.test(p));
/** The card of a home page or article: `og/site.png`, `og/<slug>.png`, `og/zh/site.png`, `og/zh/<slug>.png`. */
const cardOf = (path: string) => {
  const zh = path.startsWith('zh/') ? 'zh/' : '';
  const slug = /articles\/([^/]+)\/$/.exec(path)?.[1] ?? 'site';
  return `og/${zh}${slug}.png`;
};
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(DIST, BASE);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('link previews', () => {
  for (const path of ['', ...articles, ...(zhArticles.length > 0 ? ['zh/', ...zhArticles] : [])]) {
    it(`/${path} has a title, description, canonical URL and Open Graph / Twitter tags with an existing image`, async () => {
      const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
      await page.goto(server.url(path));
      const meta = async (sel: string) => page.locator(sel).first().getAttribute('content');
      const description = await meta('meta[name=description]');
      expect(description?.length).toBeGreaterThan(40);
      expect(await page.locator('link[rel=canonical]').getAttribute('href')).toMatch(new RegExp(`${path}$`));
      expect(await meta('meta[property="og:title"]')).toBeTruthy();
      expect(await meta('meta[property="og:description"]')).toBe(description);
      expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
      const image = new URL((await meta('meta[property="og:image"]'))!);
      const file = join(DIST, image.pathname.slice(BASE.length));
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(1200); // IHDR width
      expect(png.readUInt32BE(20)).toBe(630); // IHDR height
      expect(image.pathname).toBe(`${BASE}${cardOf(path)}`);
      await context.close();
    });
  }
});

describe('feeds and discovery', () => {
  it('publishes an RSS feed listing every article, a sitemap and a web manifest', () => {
    const rss = readFileSync(join(DIST, 'rss.xml'), 'utf8');
    for (const a of articles) expect(rss).toContain(a);
    for (const a of zhArticles) expect(rss).not.toContain(a);
    expect(readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8')).toContain('/articles/');
    expect(JSON.parse(readFileSync(join(DIST, 'site.webmanifest'), 'utf8')).name).toBe('Why tanh?');
  });
});

describe('the Chinese feed', () => {
  it.runIf(zhArticles.length > 0)('lists every Chinese article in /zh/rss.xml, which the Chinese pages advertise', async () => {
    const rss = readFileSync(join(DIST, 'zh', 'rss.xml'), 'utf8');
    for (const a of zhArticles) expect(rss).toContain(a);
    expect(rss.match(/<item>/g)?.length).toBe(zhArticles.length);
    expect(rss).toContain('<language>zh-CN</language>');
    for (const path of ['zh/', ...zhArticles]) {
      const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
      expect(html, path).toMatch(new RegExp(`<link rel="alternate" type="application/rss\\+xml"[^>]*href="${BASE}zh/rss.xml"`));
      expect(html, path).not.toContain(`href="${BASE}rss.xml"`);
    }
  });
});

describe('search', () => {
  it('finds an article by a word in its body, offline, without console problems', async () => {
    const { context, page, log } = await openPage(browser, server.origin);
    await page.goto(server.url('search/'));
    const input = page.locator('#search input');
    await input.waitFor({ timeout: 20_000 });
    await input.fill('zero-centred');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 20_000 });
    expect(await result.getAttribute('href')).toContain('/articles/');
    expect(consoleProblems(log)).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    expect(log.cspViolations).toEqual([]);
    await context.close();
  });
});

describe('section links', () => {
  it('copy the absolute URL of a section’s share page to the clipboard and confirm it', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.goto(server.url(articles[0]!));
    const heading = page.locator('.prose h2[id]').first();
    const id = await heading.getAttribute('id');
    await heading.locator('.copy-link').click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toMatch(/copied/i);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // a section (h2) of an article: its share page, whose link preview names the section (share-pages.test.ts)
    expect(copied).toBe(server.url(`${articles[0]!.replace(/^articles\//, 's/')}${id}/`));
    await context.close();
  });

  it('prints without the site navigation, showing link targets', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url(articles[0]!));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('figure.figure svg').first().isVisible()).toBe(true);
    await context.close();
  });
});
