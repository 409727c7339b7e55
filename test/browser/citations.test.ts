/**
 * Browser tests of citations (`[@key]`, src/markdown/remark-citations.ts) on the built site: a citation links to its
 * bibliography entry and the entry links back, the preview of the full reference shows on keyboard focus and on hover
 * (also without JavaScript), Escape dismisses it, it stays on screen on a phone, and the page passes axe with a preview
 * open. Run after `astro build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { consoleProblems, launchBrowser, openPage } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST, pagesUnderTest, sitePages } from '../support/site';

const PATH = 'articles/why-sigmoid-and-tanh/';
const ARTICLES = sitePages().filter((p) => /^(zh\/)?articles\/[^/]+\/$/.test(p));

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

/** Whether `selector`'s element lies inside the viewport. */
const inViewport = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
  }, selector);

describe('citations', () => {
  it('number every citation like its bibliography entry, on every article', async () => {
    const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
    for (const path of pagesUnderTest(ARTICLES)) {
      await page.goto(server.url(path));
      const refs = await page.locator('.cite-ref').evaluateAll((links) =>
        links.map((a) => {
          const li = document.getElementById(a.getAttribute('href')!.slice(1));
          return { n: a.textContent!.replace(/\D/g, ''), entry: li?.querySelector('.bib-num')?.textContent ?? 'missing' };
        }),
      );
      for (const r of refs) expect(r.entry, path).toBe(`[${r.n}]`);
    }
    await context.close();
  });

  it('link to their bibliography entry, and the entry’s back-link returns to the citation', async () => {
    const { context, page, log } = await openPage(browser, server.origin);
    await page.goto(server.url(PATH));
    const cite = page.locator('.cite-ref').nth(2);
    const citeId = (await cite.getAttribute('id'))!;
    const href = (await cite.getAttribute('href'))!;
    expect(href).toMatch(/^#ref-[a-z]+\d{4}[a-z]?$/);

    await cite.click();
    await page.waitForURL((u) => u.hash === href);
    expect(await page.locator(`li${href}`).evaluate((li) => li.matches(':target'))).toBe(true);
    expect(await inViewport(page, href)).toBe(true);
    expect(await inViewport(page, `#${citeId}`)).toBe(false);

    const back = page.locator(`${href} a.bib-back[href="#${citeId}"]`);
    expect(await back.count()).toBe(1);
    await back.click();
    await page.waitForURL((u) => u.hash === `#${citeId}`);
    expect(await inViewport(page, `#${citeId}`)).toBe(true);
    expect(await page.locator(`#${citeId}`).evaluate((a) => a.matches(':target'))).toBe(true);
    expect(consoleProblems(log)).toEqual([]);
    expect(log.cspViolations).toEqual([]);
    await context.close();
  });

  it('list a back-link per citation, lettered, for a work cited several times', async () => {
    const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
    await page.goto(server.url(PATH));
    const key = 'hochreiter1997';
    const cites = await page.locator(`.cite-ref[data-cite="${key}"]`).evaluateAll((as) => as.map((a) => a.id));
    expect(cites.length).toBeGreaterThan(1);
    const backs = page.locator(`#ref-${key} a.bib-back`);
    expect(await backs.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(cites.map((id) => `#${id}`));
    // Off screen, the bibliography is skipped (`content-visibility: auto`) and has no rendered text: go there first.
    await page.locator(`#ref-${key}`).scrollIntoViewIfNeeded();
    await expect.poll(() => backs.first().evaluate((a) => a.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
    expect(await backs.first().innerText()).toMatch(/a$/);
    expect(await backs.first().textContent()).toBe('Back to citation a');
    await context.close();
  });

  it('show the full reference on keyboard focus, describe the link with it, and hide it on Escape', async () => {
    const { context, page, log } = await openPage(browser, server.origin);
    await page.goto(server.url(PATH));
    await page.waitForSelector('html[data-citations="on"]', { state: 'attached', timeout: 60_000 }); // loaded when idle
    const cite = page.locator('.cite-ref').first();
    const preview = page.locator(`#${await cite.getAttribute('aria-describedby')}`);
    expect(await preview.getAttribute('role')).toBe('tooltip');
    expect(await preview.isVisible()).toBe(false);

    // Keyboard focus: Tab from the element just before the citation.
    await cite.evaluate((a) => {
      const prev = document.createElement('button');
      prev.textContent = 'before';
      a.closest('p')!.prepend(prev);
      prev.focus();
    });
    for (let i = 0; i < 20 && !(await cite.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await cite.evaluate((a) => a === document.activeElement)).toBe(true);
    await preview.waitFor({ state: 'visible' });
    const key = (await cite.getAttribute('data-cite'))!;
    const entry = await page.locator(`#ref-${key} cite`).innerText();
    expect(await preview.innerText()).toContain(entry);

    const axe = await new AxeBuilder({ page }).include('.prose').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target})`)).toEqual([]);

    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
    expect(await cite.evaluate((a) => a === document.activeElement)).toBe(true);
    expect(consoleProblems(log)).toEqual([]);
    expect(log.cspViolations).toEqual([]);
    await context.close();
  });

  it('show the preview on hover, keep it while the pointer moves onto it, and keep it on a phone screen', async () => {
    const { context, page } = await openPage(browser, server.origin, { viewport: { width: 375, height: 740 } });
    await page.goto(server.url(PATH));
    await page.waitForSelector('html[data-citations="on"]', { state: 'attached', timeout: 60_000 }); // loaded when idle
    for (const i of [0, 3]) {
      const item = page.locator('.cite-item').nth(i);
      const preview = item.locator('.cite-preview');
      await item.locator('.cite-ref').scrollIntoViewIfNeeded();
      await item.locator('.cite-ref').hover();
      await preview.waitFor({ state: 'visible' });
      const box = (await preview.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      // Straight down from the number into the preview, then across it: it stays open (WCAG 1.4.13, hoverable).
      const link = (await item.locator('.cite-ref').boundingBox())!;
      await page.mouse.move(link.x + link.width / 2, box.y + 5, { steps: 5 });
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      expect(await preview.isVisible()).toBe(true);
      await page.mouse.move(1, 1);
      await preview.waitFor({ state: 'hidden' });
    }
    await context.close();
  });

  it('show the preview on focus without JavaScript (CSS only)', async () => {
    const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
    await page.goto(server.url(PATH));
    const cite = page.locator('.cite-ref').first();
    await page.keyboard.press('Tab'); // keyboard modality, so :focus-visible applies to the focus() below
    await cite.focus();
    await page.locator(`#${await cite.getAttribute('aria-describedby')}`).waitFor({ state: 'visible' });
    await context.close();
  });
});
