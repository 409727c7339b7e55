/**
 * Browser tests of the core article, /articles/why-sigmoid-and-tanh/: the cell explorer (server-rendered, hydration
 * without layout shift, keyboard operation, no NaN/Infinity on screen, URL state), the static figures, the stable
 * section ids forum links rely on, and its links. Run after `astro build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { consoleProblems, launchBrowser, openPage, waitForHydration } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST, sitePages } from '../support/site';

const PATH = 'articles/why-sigmoid-and-tanh/';
/** Section ids that links from forums point to: never change them (add `headingAliases` when renaming). */
const STABLE_IDS = [
  'lstm-equations',
  'cell-explorer',
  'why-sigmoid-gates',
  'why-tanh-candidate',
  'up-and-down',
  'why-tanh-output',
  'gru-no-second-tanh',
  'can-i-use-relu',
  'forum-answers-checked',
  'references',
];

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

const explorer = (page: Page) => page.locator('figure#fig-cell');
const value = (page: Page, id: string) => explorer(page).locator(`[data-testid="val-${id}"]`);

/**
 * Boxes of the explorer and of every element inside it that a reader could see move. Vertical positions are measured
 * from the figure's top: the article blocks above it render lazily (`content-visibility: auto`) and settle while the
 * test scrolls, which moves the figure as a whole on the page (scroll anchoring keeps it still on screen) — no
 * hydration shift; hydration cannot move the figure's top, only its size and what is inside it.
 */
async function explorerBoxes(page: Page): Promise<Record<string, number[]>> {
  return page.evaluate(() => {
    const fig = document.querySelector('figure#fig-cell')!;
    const top = fig.getBoundingClientRect().top;
    const els = [
      fig,
      ...fig.querySelectorAll(
        '.lx-layout, .lx-row, .lx-ctl, input, select, button:not(.fig-copy), .lx-eqs, figcaption, .fig-tools',
      ),
    ];
    const out: Record<string, number[]> = {};
    els.forEach((el, k) => {
      const r = el.getBoundingClientRect();
      const key = `${k}:${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ')[0]}#${el.id}`;
      out[key] = [r.x, r.y - top, r.width, r.height].map((v) => Math.round(v * 10) / 10);
    });
    return out;
  });
}

describe('the core article', () => {
  it('is built, and links to the experiments article only if that page exists', () => {
    const pages = sitePages();
    expect(pages).toContain(PATH);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`loads cleanly (${colorScheme}): no console problem, no page error, no foreign request, no axe violation`, async () => {
      const { context, page, log } = await openPage(browser, server.origin, { colorScheme });
      await page.goto(server.url(PATH));
      await waitForHydration(page);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target})`)).toEqual([]);
      expect(consoleProblems(log)).toEqual([]);
      expect(log.pageErrors).toEqual([]);
      expect(log.foreignRequests).toEqual([]);
      expect(log.cspViolations).toEqual([]);
      expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|undefined/);
      await context.close();
    });
  }

  it('keeps the stable section ids forum links rely on, each with a permalink and a copy-link button', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url(PATH));
    for (const id of STABLE_IDS) {
      const h = page.locator(`.prose #${id}`);
      expect(await h.count(), id).toBe(1);
      expect(await h.evaluate((el) => /^H[2-4]$/.test(el.tagName))).toBe(true);
      expect(await h.locator('a.heading-anchor').getAttribute('href')).toBe(`#${id}`);
    }
    await expect
      .poll(() => page.locator('.prose h2 .copy-link, .prose h2 + .copy-link, .prose .copy-link').count())
      .toBeGreaterThan(0);
    await context.close();
  });

  it('resolves every in-page and cross-article fragment link', async () => {
    const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
    await page.goto(server.url(PATH));
    const hrefs = await page.locator('.prose a[href*="#"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(10);
    const other = new Map<string, Page>();
    for (const href of hrefs) {
      const url = new URL(href, page.url());
      const id = decodeURIComponent(url.hash.slice(1));
      if (id === '') continue;
      let target = page;
      if (url.pathname !== new URL(page.url()).pathname) {
        if (!other.has(url.pathname)) {
          const p = await context.newPage();
          const res = await p.goto(url.href);
          expect(res?.status(), href).toBe(200);
          other.set(url.pathname, p);
        }
        target = other.get(url.pathname)!;
      }
      expect(await target.locator(`[id="${id}"]`).count(), href).toBe(1);
    }
    // The experiments article is linked only if it was built.
    const hasExperiments = sitePages().includes('articles/relu-experiments/');
    expect((await page.locator('a[href*="relu-experiments"]').count()) > 0).toBe(hasExperiments);
    await context.close();
  });

  it('server-renders every figure: the explorer with its values, the static plots as SVG (no JavaScript)', async () => {
    const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
    await page.goto(server.url(PATH));
    expect(await value(page, 'c').textContent()).toMatch(/^−?\d+\.\d{3}$/);
    expect(await explorer(page).locator('input[type=range]').count()).toBe(15);
    for (const id of ['fig-up-down', 'fig-growth']) {
      const fig = page.locator(`figure#${id}`);
      expect(await fig.locator('svg path.fp-curve').count(), id).toBeGreaterThan(2);
      expect(await fig.locator('svg:visible').count(), id).toBeGreaterThan(0);
      expect(await fig.textContent()).not.toMatch(/NaN|Infinity/);
    }
    await context.close();
  });
});

describe('the cell explorer', () => {
  for (const width of [1280, 375]) {
    it(`hydrates without moving anything at ${width} px (boxes before and after hydration are equal)`, async () => {
      const { context, page } = await openPage(browser, server.origin, { viewport: { width, height: 800 } });
      await page.goto(server.url(PATH), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      // The island hydrates when visible; it starts below the fold, so it is still server-rendered here.
      const island = page.locator('astro-island:has(figure#fig-cell)');
      expect(await island.getAttribute('ssr')).not.toBeNull();
      // Off screen, the figure is skipped (`content-visibility: auto`): its box has the estimated height, not its own.
      // Render it for real (CSSOM, which the page's CSP allows) so that "before" is the server-rendered layout.
      await explorer(page).evaluate((fig) => ((fig as HTMLElement).style.contentVisibility = 'visible'));
      const before = await explorerBoxes(page);
      await explorer(page).scrollIntoViewIfNeeded();
      await page.waitForFunction(
        () => !document.querySelector('astro-island:has(figure#fig-cell)')?.hasAttribute('ssr'),
        undefined,
        { timeout: 20_000 },
      );
      await page.waitForTimeout(300); // effects and one animation frame
      const after = await explorerBoxes(page);
      expect(after).toEqual(before);
      await context.close();
    });
  }

  it('works by keyboard: Tab to a slider, arrows change the value, the outputs follow', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url(PATH));
    await explorer(page).scrollIntoViewIfNeeded();
    await waitForHydration(page);
    await page.locator('#lx-act-out').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lx-x-r');
    const c0 = await value(page, 'c').textContent();
    const h0 = await value(page, 'h').textContent();
    const x0 = await page.locator('#lx-x-t').inputValue();
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
    // Presses are coalesced to one commit per animation frame, so the field can show 1.1 (one press committed, two
    // pending) before it shows 1.3: wait for the final value, not for the first change (a lost press still times out).
    await expect
      .poll(async () => Number((await page.locator('#lx-x-t').inputValue()).replace('−', '-')), { timeout: 10_000 })
      .toBeCloseTo(Number(x0) + 0.3, 6);
    await expect.poll(() => value(page, 'c').textContent()).not.toBe(c0);
    expect(await value(page, 'h').textContent()).not.toBe(h0);
    expect(await page.locator('#lx-x-r').getAttribute('aria-valuetext')).toMatch(/input x_t = 1\.30/);
    // A preset by keyboard: Shift+Tab back to the buttons is long; use Enter on a focused preset.
    await page.locator('[data-preset="writeNegative"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-preset="writeNegative"]').getAttribute('aria-current')).toBe('true');
    expect(Number((await value(page, 'c').textContent())!.replace('−', '-'))).toBeLessThan(-0.9);
    // Switch the candidate to a sigmoid with the keyboard: the cell can no longer be written negative.
    await page.locator('#lx-act-cand').selectOption('sigmoid');
    await expect.poll(async () => Number((await value(page, 'c').textContent())!.replace('−', '-'))).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="notes"]').textContent()).toMatch(/never negative/);
    await context.close();
  });

  it('keeps a slider where the reader put it when the figure re-renders for another reason before the next frame', async () => {
    // Slider input is committed once per animation frame. Frames are held here so that another render (the status
    // message of "Copy link") lands between the key press and the commit: it must show the pending value, not set the
    // slider back to the committed one (which made three arrow presses move the slider by two steps), and the copied
    // link must carry it.
    const { context, page } = await openPage(browser, server.origin);
    await page.addInitScript(() => {
      const held: FrameRequestCallback[] = [];
      const raf = window.requestAnimationFrame.bind(window);
      const w = window as unknown as { holdFrames: boolean; releaseFrames: () => void };
      w.holdFrames = false;
      w.releaseFrames = () => {
        w.holdFrames = false;
        for (const cb of held.splice(0)) raf(cb);
      };
      window.requestAnimationFrame = (cb) => (w.holdFrames ? (held.push(cb), 1e9 + held.length) : raf(cb));
    });
    await page.goto(server.url(PATH));
    await explorer(page).scrollIntoViewIfNeeded();
    await waitForHydration(page);
    const slider = page.locator('#lx-x-r');
    const x0 = Number(await slider.inputValue());
    await page.evaluate(() => ((window as unknown as { holdFrames: boolean }).holdFrames = true));
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await explorer(page).locator('.fig-copy').click();
    await expect.poll(() => explorer(page).locator('.fig-status').count()).toBe(1);
    expect(Number(await slider.inputValue())).toBeCloseTo(x0 + 0.1, 9);
    expect(decodeURIComponent(await page.evaluate(() => window.location.hash))).toMatch(
      new RegExp(`x:${(x0 + 0.1).toFixed(1).replace('.', '\\.')}(,|$)`),
    );
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.evaluate(() => (window as unknown as { releaseFrames: () => void }).releaseFrames());
    await expect.poll(() => page.locator('#lx-x-t').inputValue()).toBe((x0 + 0.2).toFixed(2));
    expect(Number(await slider.inputValue())).toBeCloseTo(x0 + 0.2, 9);
    await context.close();
  });

  it('shows "overflow" and "—", never NaN or Infinity, with an identity output and huge weights', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url(PATH));
    await explorer(page).scrollIntoViewIfNeeded();
    await waitForHydration(page);
    await page.locator('#lx-act-cand').selectOption('identity');
    await page.locator('#lx-act-out').selectOption('identity');
    const field = page.locator('#lx-gx-t');
    await field.fill('1e308');
    await field.press('Enter');
    const x = page.locator('#lx-x-t');
    await x.fill('3');
    await x.press('Enter');
    await expect.poll(() => value(page, 'c').textContent()).toMatch(/overflow/);
    const text = await explorer(page).innerText();
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(text).toMatch(/overflowed/);
    // A typo is rejected, not applied.
    await field.fill('12abc');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.press('Escape');
    expect(await explorer(page).innerText()).not.toMatch(/NaN|Infinity/);
    await context.close();
  });

  it('opens in the state a link sets (#fig-cell=…) and reports invalid parts politely', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(`${server.url(PATH)}#fig-cell=ca:relu,c:2,ga:nosuch`);
    await explorer(page).scrollIntoViewIfNeeded();
    await waitForHydration(page);
    await expect.poll(() => page.locator('#lx-act-cand').inputValue()).toBe('relu');
    expect(await page.locator('#lx-c-t').inputValue()).toBe('2.00');
    expect(await page.locator('#lx-act-gate').inputValue()).toBe('sigmoid');
    expect(await explorer(page).locator('.fig-notice').textContent()).toMatch(/nosuch/);
    await context.close();
  });
});
