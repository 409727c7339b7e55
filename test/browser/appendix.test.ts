/**
 * A link to a section that moved to an article's appendix (frontmatter `headingAliases`, e.g.
 * `reproduce: appendix/#reproduce`) still lands on that section: the article page sends the reader on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { consoleProblems, launchBrowser, openPage } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST, sitePages } from '../support/site';

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

describe('a section moved to the appendix', () => {
  const article = 'articles/relu-experiments/';
  it.runIf(sitePages().includes(`${article}appendix/`))(
    'an old link to it (/articles/relu-experiments/#reproduce) lands on the appendix’s section, scrolled into view',
    async () => {
      const { context, page, log } = await openPage(browser, server.origin);
      await page.goto(server.url(`${article}#reproduce`));
      await page.waitForURL(`**/${article}appendix/#reproduce`, { timeout: 30_000 });
      const heading = page.locator('h2#reproduce');
      await expect
        .poll(() => heading.evaluate((h) => Math.round(h.getBoundingClientRect().top)), { timeout: 10_000 })
        .toBeLessThan(200);
      expect(await page.locator('[data-appendix-back]').getAttribute('href')).toBe(`${BASE}${article}`);
      expect(consoleProblems(log)).toEqual([]);
      expect(log.pageErrors).toEqual([]);
      await context.close();
    },
  );
});
