/**
 * Every article printed to PDF by the browser, as a reader's "Print" does (hydrated first, so the figures' controls
 * exist), and the PDF's text read back (test/support/pdf-text.ts):
 * - every figure is in the printout, those inside a closed `<details>` too (its title is printed);
 * - no interactive control is: no button, preset, "Copy link" or Run/Cancel text beyond what the article's own text
 *   says, and no control is visible under the print styles;
 * - each figure with controls prints its current settings as one line instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, waitForHydration } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST, sitePages } from '../support/site';
import { pdfText } from '../support/pdf-text';

const ARTICLES = sitePages().filter((p) => /(^|\/)articles\/[^/]+\/$/.test(p));
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

/** Text without white space (the PDF breaks lines where the page does), ligatures spelt out. */
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** What a reader operates, in a figure or beside a heading. */
const CONTROLS = 'main :is(figure button, figure input, figure select, figure textarea, [data-preset], .copy-link)';

describe('printing an article', () => {
  it('covers every article of both editions', () => {
    expect(ARTICLES.length).toBeGreaterThanOrEqual(7);
  });

  for (const path of ARTICLES) {
    it(`/${path}: the PDF has every figure and each one's settings line, and no control`, async () => {
      const { context, page } = await openPage(browser, server.origin);
      try {
        await page.goto(server.url(path));
        await waitForHydration(page);
        await page.locator('article[data-print-ready]').waitFor({ state: 'attached', timeout: 20_000 });
        const figures = await page.locator('main figure.fig').evaluateAll((fs) =>
          fs.map((f) => ({
            id: f.id,
            title: f.querySelector('.fig-title')?.textContent ?? '',
            inClosedDetails: f.closest('details:not([open])') !== null,
            hasControls: f.querySelector('input, select') !== null,
          })),
        );
        expect(figures.length, 'figures on the page').toBeGreaterThan(0);

        const pdf = await page.pdf({ format: 'A4' });
        const text = squash(pdfText(pdf));
        // The texts of the controls, and how often the article says them otherwise: its text without controls, with
        // the settings lines written for the print.
        const controls = await page.evaluate((selector) => {
          const texts = [...document.querySelectorAll(selector)]
            .map((e) => (e.textContent ?? '').replace(/\s+/g, '').normalize('NFKC'))
            .filter((t) => t.length >= 2);
          const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
          main.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));
          main.querySelectorAll(selector.replaceAll('main ', '')).forEach((e) => e.remove());
          return { texts: [...new Set(texts)], rest: (main.textContent ?? '').replace(/\s+/g, '').normalize('NFKC') };
        }, CONTROLS);
        expect(text.length, 'text read from the PDF').toBeGreaterThan(1000);

        const missing = figures.filter((f) => !text.includes(squash(f.title))).map((f) => `${f.id} “${f.title}”`);
        expect(missing, 'figures missing from the printout').toEqual([]);

        const printed = controls.texts
          .filter((t) => count(text, t) > count(controls.rest, t))
          .map((t) => `“${t}” ×${count(text, t)}`);
        expect(printed, 'controls in the printout').toEqual([]);

        // The settings lines were written for the print; each is in the PDF.
        const lines = await page
          .locator('main figure.fig .fig-print-settings')
          .evaluateAll((ps) => ps.map((p) => ({ id: p.closest('figure')!.id, text: p.textContent ?? '' })));
        expect(lines.map((l) => l.id).sort()).toEqual(
          figures
            .filter((f) => f.hasControls)
            .map((f) => f.id)
            .sort(),
        );
        for (const l of lines) expect(text.includes(squash(l.text)), `${l.id}: “${l.text}” in the PDF`).toBe(true);

        // Under the print styles no control is drawn.
        await page.emulateMedia({ media: 'print' });
        const visible = await page
          .locator(CONTROLS)
          .evaluateAll((els) =>
            els.filter((e) => e.checkVisibility()).map((e) => `${e.tagName.toLowerCase()} “${e.textContent?.trim()}”`),
          );
        expect(visible, 'controls visible in print').toEqual([]);
        console.log(
          `/${path}: ${figures.length} figures printed (${figures.filter((f) => f.inClosedDetails).length} from closed details), ` +
            `${lines.length} settings lines, PDF ${Math.round(pdf.length / 1024)} KB`,
        );
      } finally {
        await context.close();
      }
    });
  }

  it('the settings line of the activation explorer says what its controls show, in the page’s language', async () => {
    for (const [path, expected] of [
      [
        'articles/activation-functions/#fig-act=f:relu,d:-2_2,d2:1',
        /^Settings: Activation ReLU · z range ± −2 to 2 · f′ on · f″ on/,
      ],
      ['zh/articles/activation-functions/#fig-act=f:relu', /^设置：.*ReLU.*开/],
    ] as const) {
      const { context, page } = await openPage(browser, server.origin);
      try {
        await page.goto(server.url(path));
        const f = page.locator('figure#fig-act');
        await f.scrollIntoViewIfNeeded();
        await expect.poll(() => f.locator('select').inputValue(), { timeout: 20_000 }).toBe('relu');
        await page.locator('article[data-print-ready]').waitFor({ state: 'attached', timeout: 20_000 });
        await page.pdf();
        expect(await f.locator('.fig-print-settings').textContent()).toMatch(expected);
      } finally {
        await context.close();
      }
    }
  });
});
