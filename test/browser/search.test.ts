/**
 * The search pages with results on screen (the site-wide axe run sees them empty): readable in light and dark, and
 * Pagefind's box, dividers and links follow the site's theme. What the index holds (read through Pagefind's own API):
 * headings without their "#" permalinks, table cells apart, formulas as text, no figure controls. And each edition's
 * search page offers the other edition's search, with the query, when the query is in the other edition's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { consoleProblems, launchBrowser, openPage } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST } from '../support/site';

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

/** A query of each edition that finds several articles with section links (sub-results). */
const SEARCHES = [
  { path: 'search/', query: 'gradient' },
  { path: 'zh/search/', query: '梯度' },
] as const;

/** Types `query` into the search box and waits for the results and their section links. */
async function search(page: Page, query: string): Promise<void> {
  const input = page.locator('#search input');
  await input.waitFor({ timeout: 20_000 });
  await input.fill(query);
  await expect.poll(() => page.locator('.pagefind-ui__result').count(), { timeout: 20_000 }).toBeGreaterThan(1);
  await expect.poll(() => page.locator('.pagefind-ui__result-nested').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  // Pagefind fills in excerpts as their fragments arrive: wait until no result is a loading placeholder.
  await expect.poll(() => page.locator('.pagefind-ui__loading').count(), { timeout: 20_000 }).toBe(0);
}

/** WCAG relative luminance of a computed CSS colour (`rgb(…)` / `rgba(…)`). */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number) as [number, number, number];
  const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

describe('the search pages with results', () => {
  for (const { path, query } of SEARCHES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`/${path} (${colorScheme}) with results for “${query}” has no axe violation`, async () => {
        const { context, page, log } = await openPage(browser, server.origin, { colorScheme });
        try {
          await page.goto(server.url(path));
          await search(page, query);
          const axe = await new AxeBuilder({ page }).analyze();
          const violations = axe.violations.map(
            (v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target}: ${v.nodes[0]?.failureSummary})`,
          );
          expect(violations).toEqual([]);
          expect(consoleProblems(log)).toEqual([]);
          expect(log.cspViolations).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }

    it(`/${path} in dark mode draws the search box and the dividers dark, like the page`, async () => {
      const { context, page } = await openPage(browser, server.origin, { colorScheme: 'dark' });
      try {
        await page.goto(server.url(path));
        await search(page, query);
        const colours = await page.evaluate(() => {
          const css = (sel: string, prop: string) => getComputedStyle(document.querySelector(sel)!).getPropertyValue(prop);
          return {
            page: css('body', 'background-color'),
            input: css('#search input', 'background-color'),
            inputBorder: css('#search input', 'border-top-color'),
            divider: css('.pagefind-ui__result', 'border-top-color'),
            title: css('.pagefind-ui__result-link', 'color'),
            section: css('.pagefind-ui__result-nested .pagefind-ui__result-link', 'color'),
          };
        });
        const dark = luminance(colours.page);
        expect(dark, colours.page).toBeLessThan(0.05);
        // The box and the dividers: no brighter than the site's own rules in dark mode (#3a3b42, luminance 0.04).
        for (const key of ['input', 'inputBorder', 'divider'] as const) {
          expect(luminance(colours[key]), `${key} ${colours[key]}`).toBeLessThan(0.1);
        }
        // Titles and section links: at least 4.5:1 against the page.
        for (const key of ['title', 'section'] as const) {
          expect((luminance(colours[key]) + 0.05) / (dark + 0.05), `${key} ${colours[key]}`).toBeGreaterThanOrEqual(4.5);
        }
      } finally {
        await context.close();
      }
    });
  }
});

/** What Pagefind indexed for every page that matches `query`: its text, and its sections' titles. */
async function indexed(page: Page, query: string): Promise<{ url: string; content: string; sections: string[] }[]> {
  await page.goto(server.url('search/'));
  // A string, not a function: the test runner would rewrite a dynamic import() in a function's source.
  return page.evaluate(`(async () => {
    const pagefind = await import(${JSON.stringify(`${BASE}pagefind/pagefind.js`)});
    await pagefind.options({ bundlePath: ${JSON.stringify(`${BASE}pagefind/`)} });
    const search = await pagefind.search(${JSON.stringify(query)});
    const pages = await Promise.all(search.results.map((r) => r.data()));
    return pages.map((d) => ({ url: d.url, content: d.content, sections: d.sub_results.map((s) => s.title) }));
  })()`);
}

describe('what the search index holds', () => {
  it('section titles without the headings’ “#” permalinks', async () => {
    const { context, page } = await openPage(browser, server.origin);
    try {
      const pages = await indexed(page, 'adding');
      expect(pages.length).toBeGreaterThan(0);
      const titles = pages.flatMap((p) => p.sections);
      expect(titles).toContain('The adding problem');
      expect(titles.filter((t) => t.endsWith('#'))).toEqual([]);
      for (const p of pages) expect(p.content, p.url).not.toMatch(/\S#(\s|$)/);
    } finally {
      await context.close();
    }
  });

  it('table cells as separate words, and no figure controls', async () => {
    const { context, page } = await openPage(browser, server.origin);
    try {
      const relu = (await indexed(page, 'diverged')).find((p) => p.url.endsWith('/articles/relu-experiments/'))!;
      expect(relu.content).toMatch(/solved\b/);
      expect(relu.content).not.toMatch(/solved\d|solvedsteps/);
      const act = (await indexed(page, 'bounded')).find((p) => p.url.endsWith('/articles/activation-functions/'))!;
      expect(act.content).not.toMatch(/RangeBounded/);
      const grad = (await indexed(page, 'carousel')).find((p) => p.url.endsWith('/articles/vanishing-gradients/'))!;
      expect(grad.content).not.toMatch(/Try:|Copy link/);
    } finally {
      await context.close();
    }
  });

  it('formulas as text: “f(z) = …” rather than the labels of formulas run together', async () => {
    const { context, page } = await openPage(browser, server.origin);
    try {
      // the formula cards live in the activation article's appendix
      const cards = (await indexed(page, 'sigmoid')).find((p) => p.url.endsWith('/articles/activation-functions/appendix/'))!;
      expect(cards.content).not.toMatch(/f\(z\)f′\(z\)/);
      expect(cards.content).toMatch(/σ\(z\) = 1\s*\/\s*\(1 \+ e\^\(−z\)\)/);
    } finally {
      await context.close();
    }
  });
});

describe('searching the other edition', () => {
  for (const [from, query, to, found] of [
    ['search/', '遗忘门', 'zh/search/', '/zh/'],
    ['zh/search/', 'forget gate', 'search/', '/articles/'],
  ] as const) {
    it(`/${from} offers /${to} for “${query}”, which opens with that query’s results`, async () => {
      const { context, page, log } = await openPage(browser, server.origin);
      try {
        await page.goto(server.url(from));
        const input = page.locator('#search input');
        await input.waitFor({ timeout: 20_000 });
        await input.fill(query);
        const offer = page.locator('[data-search-other] a');
        await expect.poll(() => offer.isVisible(), { timeout: 10_000 }).toBe(true);
        const href = new URL((await offer.getAttribute('href'))!, server.origin);
        expect(href.pathname).toBe(`${BASE}${to}`);
        expect(href.searchParams.get('q')).toBe(query);
        await offer.click();
        await expect.poll(() => page.locator('#search input').inputValue(), { timeout: 20_000 }).toBe(query);
        const results = page.locator('.pagefind-ui__result-link');
        await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(0);
        const hrefs = await results.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        for (const h of hrefs) expect(h.startsWith(`${BASE}${found.slice(1)}`), h).toBe(true);
        expect(consoleProblems(log)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('offers nothing for a query in the page’s own language', async () => {
    const { context, page } = await openPage(browser, server.origin);
    try {
      await page.goto(server.url('search/'));
      const input = page.locator('#search input');
      await input.waitFor({ timeout: 20_000 });
      await input.fill('forget gate');
      await expect.poll(() => page.locator('.pagefind-ui__result').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await page.locator('[data-search-other]').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
