/**
 * Deep links to a figure's state: "Copy link to this figure", then the link opened in a fresh page scrolls to the
 * figure (which is off-screen at load and hydrates only when visible), hydrates it and reproduces its state exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { consoleProblems, launchBrowser, openPage } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST } from '../support/site';

const PATH = 'articles/activation-functions/';
const VIEWPORT = { width: 1280, height: 900 };
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

const fig = (page: Page, id: string) => page.locator(`figure.fig[data-figure="${id}"]`);
const hydrated = (f: Locator) => f.locator('.fp-plot[role="slider"]').waitFor({ timeout: 30_000 });

/** Everything a reader sees of a figure's state: controls, cursor, read-out, legend, curves and their shapes. */
async function snapshot(f: Locator) {
  return f.evaluate((el) => ({
    selects: [...el.querySelectorAll('select')].map((s) => s.value),
    ranges: [...el.querySelectorAll<HTMLInputElement>('input[type=range]')].map((s) => s.value),
    outputs: [...el.querySelectorAll('output')].map((o) => o.textContent),
    checks: [...el.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((c) => c.checked),
    cursor: el.querySelector('.fp-plot')?.getAttribute('aria-valuenow'),
    readout: el.querySelector('.fp-readout')?.textContent,
    legend: el.querySelector('.fp-legend')?.textContent,
    curves: [...el.querySelectorAll('path.fp-curve')].map((p) => p.getAttribute('d')),
    shading: el.querySelectorAll('rect.fp-shade').length,
  }));
}

/** Whether the figure's top edge is inside the viewport (the figure is what the reader sees on arrival). */
async function inViewport(page: Page, f: Locator) {
  const top = await f.evaluate((el) => el.getBoundingClientRect().top);
  const height = await page.evaluate(() => window.innerHeight);
  return top >= -1 && top < height / 2;
}

/**
 * The figure comes into view and stays there: the page above it may still be settling (lazily rendered blocks,
 * fonts), and the page holds the linked figure in place meanwhile; it must end up in view and remain so.
 */
async function settlesInView(page: Page, f: Locator) {
  await expect.poll(() => inViewport(page, f), { timeout: 10_000 }).toBe(true);
  await page.waitForTimeout(500);
  expect(await inViewport(page, f), 'still in view half a second later').toBe(true);
}

/** The figure's top edge in page coordinates, from the server-rendered page (no JavaScript). */
async function topWithoutJs(id: string) {
  const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false, viewport: VIEWPORT });
  await page.goto(server.url(PATH));
  const top = await fig(page, id).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  await context.close();
  return top;
}

/** Copies the link of figure `id` after `change` and returns it, with the figure's state at that moment. */
async function copyLink(id: string, change: (f: Locator, page: Page) => Promise<void>) {
  const { context, page, log } = await openPage(browser, server.origin, { viewport: VIEWPORT });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.goto(server.url(PATH));
  const f = fig(page, id);
  await f.scrollIntoViewIfNeeded();
  await hydrated(f);
  await change(f, page);
  await page.waitForTimeout(400); // the text alternative and data table follow a settled state
  const before = await snapshot(f);
  await f.locator('.fig-copy').click();
  await expect.poll(() => f.locator('.fig-notice').textContent(), { timeout: 20_000 }).toMatch(/Link copied/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(log.pageErrors).toEqual([]);
  await context.close();
  return { link, before };
}

/** Opens `link` in a fresh browser context, as a reader following it would, and waits for the figure to hydrate. */
async function follow(link: string, id: string) {
  const opened = await openPage(browser, server.origin, { viewport: VIEWPORT });
  await opened.page.goto(link);
  const f = fig(opened.page, id);
  await hydrated(f); // nothing scrolls it into view but the page itself
  await opened.page.waitForTimeout(400);
  return { ...opened, f };
}

describe('a copied figure link', () => {
  it('opened in a fresh page scrolls to the explorer, hydrates it and reproduces its state exactly', async () => {
    expect(await topWithoutJs('act'), 'the figure must start below the fold for this test to mean anything').toBeGreaterThan(
      VIEWPORT.height,
    );
    const { link, before } = await copyLink('act', async (f, page) => {
      await f.locator('select').selectOption('elu');
      const zoom = f.locator('input[type=range]');
      await zoom.focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
      await f.locator('input[type=checkbox]').nth(1).check(); // f″
      await f.locator('input[type=checkbox]').nth(2).check(); // shading
      await f.locator('.fp-plot').focus();
      for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowLeft');
    });
    expect(new URL(link).hash).toMatch(/^#fig-act=f:elu,d:-4.5_4.5,d1:1,d2:1,sh:1,x:0.37$/);
    expect(before.selects).toEqual(['elu']);

    const { context, page, f, log } = await follow(link, 'act');
    await settlesInView(page, f);
    expect(await snapshot(f)).toEqual(before);
    expect(await f.locator('.fig-notice').textContent()).toBe('');
    expect(consoleProblems(log)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });

  it('to the last figure of the page scrolls there and reproduces it, leaving the figures above untouched', async () => {
    const { link, before } = await copyLink('d2', async (f, page) => {
      await f.locator('input[type=range]').focus();
      await page.keyboard.press('ArrowLeft');
      await f.locator('input[type=checkbox]').first().check();
      await f.locator('.fp-plot').focus();
      await page.keyboard.press('PageUp');
    });
    expect(new URL(link).hash.startsWith('#fig-d2=')).toBe(true);
    const { context, page, f } = await follow(link, 'd2');
    await settlesInView(page, f);
    expect(await snapshot(f)).toEqual(before);
    // The explorer at the top of the page was not in the link: it is still server-rendered (not hydrated).
    expect(await fig(page, 'act').locator('.fp-plot[role="slider"]').count()).toBe(0);
    await context.close();
  });
});

describe('a figure link with problems', () => {
  it('shows the polite notice and the figure’s defaults for malformed settings, scrolled into view', async () => {
    // Defaults, as rendered for a plain visit.
    const plain = await openPage(browser, server.origin, { viewport: VIEWPORT });
    await plain.page.goto(server.url(PATH));
    const p = fig(plain.page, 'd2');
    await p.scrollIntoViewIfNeeded();
    await hydrated(p);
    await plain.page.waitForTimeout(400);
    const defaults = await snapshot(p);
    await plain.context.close();

    const { context, page, f, log } = await follow(server.url(`${PATH}#fig-d2=d:oops,zz:<b>1</b>,x`), 'd2');
    await settlesInView(page, f);
    const notice = f.locator('.fig-notice');
    await expect.poll(() => notice.textContent(), { timeout: 20_000 }).toMatch(/partly invalid/);
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.locator('li').allTextContents()).toEqual([
      expect.stringContaining('“oops” is not a range'),
      expect.stringContaining('unknown setting “zz”'),
      expect.stringContaining('has no value'),
    ]);
    expect(await notice.locator('b').count()).toBe(0); // quoted as text, never markup
    expect(await snapshot(f)).toEqual(defaults);
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });

  it('naming no figure on the page leaves the page at the top and every figure at its defaults', async () => {
    const { context, page, log } = await openPage(browser, server.origin, { viewport: VIEWPORT });
    await page.goto(server.url(`${PATH}#fig-nope=x:1&fig-=2`));
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });
});

describe('an in-page figure link', () => {
  it('scrolls to the figure and applies the state when the fragment changes', async () => {
    const { context, page, log } = await openPage(browser, server.origin, { viewport: VIEWPORT });
    await page.goto(server.url(PATH));
    await page.evaluate(() => (window.location.hash = '#fig-morph=t:1,x:-2'));
    const f = fig(page, 'morph');
    await hydrated(f);
    await expect.poll(() => f.locator('output').first().textContent(), { timeout: 20_000 }).toBe('1');
    await expect.poll(() => f.locator('.fp-plot').getAttribute('aria-valuenow'), { timeout: 20_000 }).toBe('-2');
    await settlesInView(page, f);
    expect(log.pageErrors).toEqual([]);
    await context.close();
  });
});
