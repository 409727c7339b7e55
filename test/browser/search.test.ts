/**
 * The search pages with results on screen (the site-wide axe run sees them empty): readable in light and dark, and
 * Pagefind's box, dividers and links follow the site's theme.
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
