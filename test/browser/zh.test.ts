/**
 * Browser tests of the Chinese edition (/zh/…): every zh page loads cleanly (axe in light and dark, no console
 * problem, no foreign request), figures hydrate with Chinese words, the language switcher keeps the reader on the same
 * section in both directions, `lang` and `hreflang` are right, the glossary links resolve and search finds Chinese
 * text in the Chinese index. Run after `astro build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { consoleProblems, launchBrowser, openPage, waitForHydration } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST, pagesUnderTest, sitePages } from '../support/site';
import { GLOSSARY_ARTICLES } from '../../src/site/glossary';

const pages = sitePages();
const zhPages = pages.filter((p) => p.startsWith('zh/'));
const CORE = 'zh/articles/why-sigmoid-and-tanh/';
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

/** Latin words of four letters or more in the visible text of a figure that are not names Chinese textbooks keep. */
const LATIN_OK =
  /^(tanh|sigmoid|hard|leaky|lecun|softsign|softplus|silu|swish|gelu|relu|lstm|adam|float64|pytorch|clipgradnorm|w_hh)$/i;
async function untranslated(page: Page, selector: string): Promise<string[]> {
  const text = await page.locator(selector).evaluateAll((els) => {
    // Formulas, variables, code and the data tables are symbols and numbers, not words.
    const skip = '.katex, var, code, sub, sup, .fig-data table';
    const words: string[] = [];
    for (const el of els) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if (!n.parentElement?.closest(skip)) words.push(n.nodeValue ?? '');
      for (const n of el.querySelectorAll('[aria-label], [aria-valuetext], [title]')) {
        words.push(n.getAttribute('aria-label') ?? '', n.getAttribute('aria-valuetext') ?? '', n.getAttribute('title') ?? '');
      }
    }
    return words.join(' ');
  });
  return [...text.matchAll(/[A-Za-z][A-Za-z_0-9]{3,}/g)].map((m) => m[0]).filter((w) => !LATIN_OK.test(w));
}

describe('the Chinese edition', () => {
  it('is built: a home page, a search page, a glossary and every translated article', () => {
    expect(zhPages).toContain('zh/');
    expect(zhPages).toContain('zh/search/');
    expect(zhPages).toContain('zh/glossary/');
    for (const slug of GLOSSARY_ARTICLES) expect(zhPages).toContain(`zh/articles/${slug}/`);
  });

  for (const path of pagesUnderTest(zhPages)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`/${path} (${colorScheme}) is in Chinese and loads cleanly: no console problem, no foreign request, no axe violation`, async () => {
        const { context, page, log } = await openPage(browser, server.origin, { colorScheme });
        const res = await page.goto(server.url(path), { waitUntil: 'load' });
        expect(res?.status()).toBe(200);
        await waitForHydration(page);
        expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
        expect(await page.locator('h1').count()).toBe(1);
        expect(await page.locator('h1').innerText()).toMatch(/\p{Script=Han}|Why tanh/u);
        const axe = await new AxeBuilder({ page }).analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target})`)).toEqual([]);
        expect(consoleProblems(log)).toEqual([]);
        expect(log.pageErrors).toEqual([]);
        expect(log.foreignRequests).toEqual([]);
        expect(log.failedRequests).toEqual([]);
        expect(log.cspViolations).toEqual([]);
        expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|undefined/);
        await context.close();
      });
    }
  }
});

describe('figures on the Chinese pages', () => {
  for (const slug of GLOSSARY_ARTICLES) {
    it(`hydrate with Chinese words on /zh/articles/${slug}/ (captions, controls, legends, notes)`, async () => {
      const { context, page } = await openPage(browser, server.origin);
      await page.goto(server.url(`zh/articles/${slug}/`));
      await waitForHydration(page);
      const figures = page.locator('figure.figure');
      expect(await figures.count()).toBeGreaterThan(0);
      for (const fig of await figures.all()) {
        // textContent: a figure far down the page is skipped by content-visibility, and has no innerText yet.
        expect(await fig.locator('figcaption').textContent()).toMatch(/\p{Script=Han}/u);
        expect((await fig.locator('.fig-data summary').textContent())?.trim()).toBe('数据');
      }
      expect(await untranslated(page, 'figure.figure')).toEqual([]);
      await context.close();
    });
  }

  it('answers controls in Chinese: a preset of the cell explorer and its notes', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url(CORE));
    const fig = page.locator('figure#fig-cell');
    await fig.scrollIntoViewIfNeeded();
    await waitForHydration(page);
    await fig.locator('[data-preset="writeNegative"]').click();
    await expect.poll(() => fig.locator('[data-preset="writeNegative"]').getAttribute('aria-current')).toBe('true');
    expect(await fig.locator('.lx-preset-text').innerText()).toContain('候选记忆元');
    await fig.locator('#lx-act-cand').selectOption('sigmoid');
    await expect.poll(() => fig.locator('[data-testid="notes"]').innerText()).toContain('永远不为负');
    expect(await fig.locator('#lx-x-r').getAttribute('aria-valuetext')).toMatch(/^输入 x_t = /);
    await context.close();
  });

  it('reads out the gradient figure in Chinese after a preset is pressed', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url('zh/articles/vanishing-gradients/'));
    const fig = page.locator('figure#fig-bptt');
    await fig.scrollIntoViewIfNeeded();
    await waitForHydration(page);
    await fig.locator('[data-preset="sigmoid"]').click();
    await expect.poll(() => fig.locator('[data-status]').getAttribute('data-status')).toBe('ready');
    expect(await fig.locator('.gf-readout').innerText()).toMatch(/^时间差 \d+/);
    expect(await fig.locator('.gf-facts').innerText()).toMatch(/上界每一步的因子/);
    await context.close();
  });
});

describe('switching language', () => {
  it('goes from a Chinese section to the same section in English, and back', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url(`${CORE}#why-tanh-candidate`));
    const toEn = page.locator('[data-lang-switch][hreflang="en"]');
    expect(await toEn.innerText()).toBe('English');
    await toEn.click();
    await page.waitForURL((u) => !u.pathname.includes('/zh/'));
    expect(new URL(page.url()).pathname).toBe(`${BASE}articles/why-sigmoid-and-tanh/`);
    expect(new URL(page.url()).hash).toBe('#why-tanh-candidate');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const toZh = page.locator('[data-lang-switch][hreflang="zh-CN"]');
    expect(await toZh.innerText()).toBe('中文');
    await toZh.click();
    await page.waitForURL((u) => u.pathname.includes('/zh/'));
    expect(new URL(page.url()).pathname).toBe(`${BASE}${CORE}`);
    expect(new URL(page.url()).hash).toBe('#why-tanh-candidate');
    await expect
      .poll(() => page.evaluate(() => document.getElementById('why-tanh-candidate')?.getBoundingClientRect().top ?? -1))
      .toBeLessThan(200);
    await context.close();
  });

  for (const slug of GLOSSARY_ARTICLES) {
    it(`pairs /articles/${slug}/ and /zh/articles/${slug}/ with hreflang links both ways (and x-default)`, async () => {
      const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
      const alternates = async (path: string) => {
        await page.goto(server.url(path));
        return page
          .locator('link[rel="alternate"][hreflang]')
          .evaluateAll((ls) =>
            Object.fromEntries(ls.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname])),
          );
      };
      const expected = {
        en: `${BASE}articles/${slug}/`,
        'zh-CN': `${BASE}zh/articles/${slug}/`,
        'x-default': `${BASE}articles/${slug}/`,
      };
      expect(await alternates(`articles/${slug}/`)).toEqual(expected);
      expect(await alternates(`zh/articles/${slug}/`)).toEqual(expected);
      await context.close();
    });
  }
});

describe('links between articles', () => {
  it('go to the Chinese article when there is one, else to the English original marked “（英文）”', async () => {
    const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
    await page.goto(server.url(CORE));
    const links = await page.locator('.prose a[data-article-link], .prose .article-link a').evaluateAll((as) =>
      as.map((a) => ({
        href: new URL((a as HTMLAnchorElement).href).pathname,
        hreflang: a.getAttribute('hreflang'),
        after: a.nextSibling?.textContent ?? '',
      })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      const slug = /articles\/([a-z0-9-]+)\//.exec(l.href)![1]!;
      if (pages.includes(`zh/articles/${slug}/`)) {
        expect(l.href, slug).toBe(`${BASE}zh/articles/${slug}/`);
        expect(l.hreflang).toBeNull();
      } else {
        expect(l.href, slug).toBe(`${BASE}articles/${slug}/`);
        expect(l.hreflang).toBe('en');
        expect(l.after).toContain('（英文）');
      }
    }
    await context.close();
  });
});

describe('the glossary', () => {
  it('links every term to a section of a Chinese article that exists', async () => {
    const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
    await page.goto(server.url('zh/glossary/'));
    const hrefs = await page.locator('.glossary-defined a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(10);
    const target = await context.newPage();
    for (const href of hrefs) {
      const url = new URL(href, page.url());
      expect(url.pathname).toMatch(new RegExp(`^${BASE}zh/articles/`));
      await target.goto(url.href);
      expect(await target.locator(`[id="${url.hash.slice(1)}"]`).count(), href).toBe(1);
    }
    await context.close();
  });

  it('is linked from the Chinese home page and footer', async () => {
    const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
    await page.goto(server.url('zh/'));
    expect(await page.locator(`main a[href="${BASE}zh/glossary/"]`).count()).toBe(1);
    expect(await page.locator(`footer a[href="${BASE}zh/glossary/"]`).count()).toBe(1);
    await context.close();
  });
});

describe('search in Chinese', () => {
  it('finds a Chinese term on the Chinese search page, in Chinese articles only', async () => {
    const { context, page, log } = await openPage(browser, server.origin);
    await page.goto(server.url('zh/search/'));
    const input = page.locator('#search input');
    await input.waitFor({ timeout: 20_000 });
    await input.fill('遗忘门');
    const results = page.locator('.pagefind-ui__result-link');
    await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toContain('/zh/');
    expect(consoleProblems(log)).toEqual([]);
    await context.close();
  });
});
