/**
 * Nothing is wider than a phone's screen: every page at 320 and 375 px, with every figure hydrated in its default
 * state and then in each of its presets (`[data-preset]`). And the text of the plots drawn at build time is not
 * scaled down below 12 px there.
 *
 * Two checks, because one alone misses real defects:
 * - the page does not scroll sideways (`scrollWidth ≤ clientWidth` of the document);
 * - no element sticks out of the screen. Article blocks are `content-visibility: auto`, whose paint containment clips
 *   whatever overflows them instead of widening the page: a "Copy link" button or a select cut off at the screen's
 *   edge leaves `scrollWidth` unchanged. So every element's box is compared with the screen, with that containment
 *   lifted. Content of a horizontal scroll container (a wide table in `.table-scroll`) is the container's business,
 *   and the container's own box is checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, waitForHydration } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST, sitePages } from '../support/site';

const pages = sitePages();
const WIDTHS = [320, 375] as const;
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

/**
 * What sticks out of the screen, in `root` (the document by default): one line per outermost offending element, and
 * the document's width if it scrolls sideways.
 */
async function overflow(page: Page, root?: Locator): Promise<string[]> {
  const handle = root ? await root.elementHandle() : null;
  return page.evaluate((scope) => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push(`the page is ${doc.scrollWidth} px wide (screen ${doc.clientWidth} px)`);
    // Lift content-visibility (and with it paint containment), so that a block's overflow is laid out and measured.
    for (const el of document.querySelectorAll<HTMLElement>('*')) {
      if (getComputedStyle(el).contentVisibility !== 'visible') el.style.contentVisibility = 'visible';
    }
    const width = doc.clientWidth;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
    const path = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
      return parts.join(' > ');
    };
    const scrolls = (el: Element) => {
      const s = getComputedStyle(el);
      return ['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX);
    };
    const hidden = (el: Element) => {
      const s = getComputedStyle(el);
      return s.clip === 'rect(0px, 0px, 0px, 0px)' || s.visibility === 'hidden' || s.position === 'fixed';
    };
    const offending = new Set<Element>();
    const start = (scope as Element | null) ?? document.body;
    const walk = (el: Element) => {
      if (el.closest('details:not([open]) > :not(summary)')) return; // collapsed: not on screen
      if (hidden(el)) return;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && (r.right > width + 0.5 || r.left < -0.5)) {
        offending.add(el);
        let p = el.parentElement;
        while (p && !offending.has(p)) p = p.parentElement;
        if (!p) problems.push(`${path(el)}: ${Math.round(r.left)}–${Math.round(r.right)} px`);
      }
      if (scrolls(el) && el !== document.body && el !== doc) return; // its content scrolls (or is cut off on purpose)
      for (const child of el.children) walk(child);
    };
    walk(start);
    for (const el of document.querySelectorAll<HTMLElement>('*')) el.style.removeProperty('content-visibility');
    return problems.slice(0, 12);
  }, handle);
}

/** Clicks every preset of every figure in turn and reports what overflows after each (the figure and the page). */
async function presetProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const figures = await page.locator('figure:has([data-preset])').all();
  for (const figure of figures) {
    const id = (await figure.getAttribute('id')) ?? 'figure';
    const presets = await figure.locator('[data-preset]').all();
    for (const preset of presets) {
      const key = await preset.getAttribute('data-preset');
      await preset.scrollIntoViewIfNeeded();
      await preset.click();
      // the figure re-renders on the next frame(s); a derived result may settle a little later
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.waitForTimeout(150);
      for (const p of await overflow(page, figure)) problems.push(`${id}, preset ${key}: ${p}`);
    }
  }
  return problems;
}

describe('pages on narrow phones', () => {
  for (const path of pages) {
    it(`/${path}: nothing is wider than the screen at ${WIDTHS.join(' and ')} px, figures in their default state and each preset`, async () => {
      const problems: string[] = [];
      for (const width of WIDTHS) {
        const { context, page } = await openPage(browser, server.origin, { viewport: { width, height: 800 } });
        try {
          await page.goto(server.url(path), { waitUntil: 'load' });
          await waitForHydration(page);
          for (const p of await overflow(page)) problems.push(`${width} px, default state: ${p}`);
          for (const p of await presetProblems(page)) problems.push(`${width} px: ${p}`);
        } finally {
          await context.close();
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }

  it('the check catches a select wider than the screen inside a clipped article block', async () => {
    const { context, page } = await openPage(browser, server.origin, { viewport: { width: 320, height: 800 } });
    try {
      await page.goto(server.url('articles/vanishing-gradients/'), { waitUntil: 'load' });
      expect(await overflow(page)).toEqual([]);
      await page.evaluate(() => {
        const p = document.querySelector('.prose > p')!;
        const s = document.createElement('select');
        s.id = 'planted';
        s.style.width = '360px';
        p.append(s);
      });
      const problems = await overflow(page);
      expect(problems.join('\n')).toMatch(/select#planted/);
    } finally {
      await context.close();
    }
  });
});

/**
 * The pages with the ReLU article's small training-loss plots (`.xr-multiples`), and how many such figures each has:
 * all five are on its appendix (the article links to them).
 */
const LOSS_GRIDS = [{ path: 'articles/relu-experiments/appendix/', figures: 5 }] as const;

describe('plots on narrow phones', () => {
  for (const width of WIDTHS) {
    it(`the ReLU article’s small training-loss plots, on its appendix, draw their labels at 12 px or more (${width} px)`, async () => {
      for (const { path, figures } of LOSS_GRIDS) {
        const { context, page } = await openPage(browser, server.origin, { viewport: { width, height: 800 } });
        try {
          await page.goto(server.url(path));
          // some of the grids are in closed <details>: open them, as a reader would
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
          const sizes = await page.locator('.xr-multiples').evaluateAll((grids) =>
            grids.map((f) => {
              f.scrollIntoView();
              const px = [...f.querySelectorAll<SVGTextElement>('.xr-panel svg text')].map(
                (t) => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0),
              );
              return { id: f.id, texts: px.length, smallest: Math.min(...px) };
            }),
          );
          expect(sizes.length, `/${path}: figures with small training-loss plots`).toBeGreaterThanOrEqual(figures);
          for (const s of sizes) {
            expect(s.texts, `/${path}#${s.id}`).toBeGreaterThan(0);
            expect(s.smallest, `/${path}#${s.id}: smallest label ${s.smallest.toFixed(1)} px`).toBeGreaterThanOrEqual(12);
          }
        } finally {
          await context.close();
        }
      }
    });
  }
});
