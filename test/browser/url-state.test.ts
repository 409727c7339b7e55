/**
 * Hostile and clumsy input to the figures, as a reader (or a link) gives it: a link that repeats a bad setting
 * hundreds of times, values between a figure's grid steps, a number field cleared or given a number beyond float64,
 * and a number written with the reader's digit grouping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
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

/** The figure `id`, scrolled into view and hydrated. */
async function hydrated(page: Page, id: string): Promise<Locator> {
  const f = page.locator(`figure#${id}`);
  await f.scrollIntoViewIfNeeded();
  await page.waitForFunction((el) => !el?.closest('astro-island')?.hasAttribute('ssr'), await f.elementHandle(), {
    timeout: 30_000,
  });
  return f;
}

describe('a figure’s notice about its link', () => {
  it('groups a setting repeated 660 times into one line and keeps the figure its usual height', async () => {
    const { context, page } = await openPage(browser, server.origin);
    try {
      await page.goto(server.url('articles/activation-functions/'));
      const plain = await hydrated(page, 'fig-act');
      const usual = (await plain.boundingBox())!.height;
      await page.goto(server.url(`articles/activation-functions/#fig-act=${Array(660).fill('zz').join(',')}`));
      await page.reload();
      const f = await hydrated(page, 'fig-act');
      const notice = f.locator('.fig-notice');
      await expect.poll(() => notice.locator('li').count()).toBeGreaterThan(0);
      const items = await notice.locator('li').allTextContents();
      expect(items).toHaveLength(1);
      expect(items[0]).toMatch(/“zz”.*660 times/);
      expect((await f.boundingBox())!.height).toBeLessThan(usual + 200);
    } finally {
      await context.close();
    }
  });

  it('lists at most six problems and says how many more there were', async () => {
    const { context, page } = await openPage(browser, server.origin);
    try {
      const junk = Array.from({ length: 40 }, (_, i) => `x${i}:1`).join(',');
      await page.goto(server.url(`articles/activation-functions/#fig-act=${junk}`));
      const f = await hydrated(page, 'fig-act');
      const notice = f.locator('.fig-notice');
      await expect.poll(() => notice.locator('li').count()).toBeGreaterThan(0);
      const items = await notice.locator('li').allTextContents();
      expect(items.length).toBeLessThanOrEqual(6);
      expect(items.at(-1)).toMatch(/35 more/);
    } finally {
      await context.close();
    }
  });

  for (const [hash, figure, says] of [
    ['fig-bptt=s:0.3', 'fig-bptt', /seed.*0\.3.*using 0\b/i],
    ['fig-bptt=r:0.0001', 'fig-bptt', /scale.*0\.0001.*steps of 0\.05.*using 0\b/i],
    ['fig-cec=bf:0.3', 'fig-cec', /bias.*0\.3.*steps of 0\.25.*using 0\.25/i],
  ] as const) {
    it(`reports that #${hash} was moved to the nearest value the figure offers`, async () => {
      const { context, page } = await openPage(browser, server.origin);
      try {
        await page.goto(server.url(`articles/vanishing-gradients/#${hash}`));
        const f = await hydrated(page, figure);
        await expect.poll(() => f.locator('.fig-notice').textContent()).toMatch(says);
      } finally {
        await context.close();
      }
    });
  }
});

describe('number fields', () => {
  /** Types `text` into a number field and commits it (change event), as a reader leaving the field does. */
  async function enter(field: Locator, text: string) {
    await field.fill(text);
    await field.press('Tab');
  }

  for (const [path, figure, field, typed] of [
    ['articles/vanishing-gradients/', 'fig-bptt', '#fig-bptt-seed', '7'],
    ['articles/relu-experiments/', 'fig-run', '#fig-run-lr', '0.003'],
    ['articles/relu-experiments/', 'fig-run', '#fig-run-h', '8'],
  ] as const) {
    it(`${field}: clearing it or typing 1e400 keeps the previous value`, async () => {
      const { context, page } = await openPage(browser, server.origin);
      try {
        await page.goto(server.url(path));
        const f = await hydrated(page, figure);
        const input = f.locator(field);
        await enter(input, typed);
        await expect.poll(() => input.inputValue()).toBe(typed);
        const serialized = async () => {
          await f.locator('.fig-copy').click();
          return decodeURIComponent(new URL(page.url()).hash);
        };
        const before = await serialized();
        for (const bad of ['', '1e400']) {
          await enter(input, bad);
          await expect.poll(() => input.inputValue(), { message: `after “${bad}”` }).toBe(typed);
          expect(await serialized(), `state after “${bad}”`).toBe(before);
        }
      } finally {
        await context.close();
      }
    });
  }

  it('the cell explorer reads “1,000” as a thousand for a reader whose locale groups digits with commas', async () => {
    const { context, page } = await openPage(browser, server.origin);
    try {
      await page.goto(server.url('articles/why-sigmoid-and-tanh/'));
      const f = await hydrated(page, 'fig-cell');
      expect(await page.evaluate(() => navigator.language)).toMatch(/^en/);
      const x = f.locator('#lx-x-t');
      await x.fill('1,000');
      await x.press('Enter');
      await expect.poll(() => x.inputValue()).toBe('1000.00');
      await x.fill('1,5');
      await x.press('Enter');
      await expect.poll(() => x.inputValue()).toBe('1.50');
    } finally {
      await context.close();
    }
  });
});
