import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { consoleProblems, launchBrowser, openPage, waitForHydration } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST, pagesUnderTest, sitePages } from '../support/site';

const pages = sitePages();
const articlePages = pages.filter((p) => p.startsWith('articles/'));
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

describe('the built site', () => {
  it('has a home page, a 404 page and at least one article', () => {
    expect(pages).toContain('');
    expect(pages).toContain('404.html');
    expect(articlePages.length).toBeGreaterThan(0);
  });

  for (const path of pagesUnderTest(pages)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`/${path} (${colorScheme}) loads with a title, no console problem, no foreign request and no axe violation`, async () => {
        const { context, page, log } = await openPage(browser, server.origin, { colorScheme });
        const res = await page.goto(server.url(path), { waitUntil: 'load' });
        expect(res?.status()).toBe(path === '404.html' ? 200 : 200);
        await waitForHydration(page);
        expect(await page.title()).toMatch(/Why tanh\?/);
        expect(await page.locator('h1').count()).toBe(1);
        const axe = await new AxeBuilder({ page }).analyze();
        const violations = axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target})`);
        expect(violations).toEqual([]);
        expect(consoleProblems(log)).toEqual([]);
        expect(log.pageErrors).toEqual([]);
        expect(log.foreignRequests).toEqual([]);
        expect(log.failedRequests).toEqual([]);
        expect(log.cspViolations).toEqual([]);
        await context.close();
      });
    }
  }

  it('answers an unknown address with the 404 page and status 404', async () => {
    const { context, page } = await openPage(browser, server.origin);
    const res = await page.goto(server.url('no-such-page/'));
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toContain('Page not found');
    await context.close();
  });
});

describe('an article page', () => {
  const path = articlePages[0]!;

  it('typesets math at build time with MathML and no KaTeX error', async () => {
    const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
    await page.goto(server.url(path));
    expect(await page.locator('.katex').count()).toBeGreaterThan(0);
    expect(await page.locator('.katex math').count()).toBeGreaterThan(0);
    expect(await page.locator('.katex-error').count()).toBe(0);
    const fontSize = await page
      .locator('.katex')
      .first()
      .evaluate((el) => getComputedStyle(el).fontSize);
    expect(fontSize).not.toBe('');
    await context.close();
  });

  it('gives every section heading an id and a permalink that navigates to it', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url(path));
    const headings = page.locator('.prose h2');
    expect(await headings.count()).toBeGreaterThan(0);
    const id = await headings.first().getAttribute('id');
    expect(id).toMatch(/^[a-z0-9-]+$/);
    await page.locator(`.prose h2#${id} a.heading-anchor`).click();
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    await context.close();
  });

  it('lists its sections in a table of contents whose links resolve', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url(path));
    const hrefs = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(await page.locator(href).count(), href).toBe(1);
    await context.close();
  });

  it('server-renders its figure as SVG, visible without JavaScript', async () => {
    const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
    await page.goto(server.url(path));
    const svg = page.locator('figure.figure svg').first();
    await expect.poll(() => svg.isVisible()).toBe(true);
    expect(await svg.locator('path, polyline, line, rect, circle').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('hydrates its figure, which responds to keyboard input', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url(path));
    const figure = page.locator('figure.figure:has(input[type=range])').first();
    await figure.scrollIntoViewIfNeeded();
    await waitForHydration(page);
    const slider = figure.locator('input[type=range]').first();
    const readout = figure.locator('svg').first();
    const before = await readout.innerHTML();
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => readout.innerHTML()).not.toBe(before);
    expect(await figure.textContent()).not.toMatch(/NaN|Infinity/);
    await context.close();
  });
});

describe('the theme toggle', () => {
  it('switches between light and dark and remembers the choice', async () => {
    const { context, page } = await openPage(browser, server.origin, { colorScheme: 'light' });
    await page.goto(server.url(''));
    await waitForHydration(page);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    await page.locator('[data-theme-toggle]').click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    const dark = await bg();
    expect(dark).not.toBe(light);
    await page.reload();
    expect(await bg()).toBe(dark);
    expect(await page.locator('[data-theme-toggle]').getAttribute('aria-label')).toBe('Switch to light theme');
    await context.close();
  });

  it('follows the system preference when the reader has not chosen', async () => {
    const { context, page } = await openPage(browser, server.origin, { colorScheme: 'dark' });
    await page.goto(server.url(''));
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    await context.close();
  });
});
