/**
 * Answer first (issue 20): on every article, in both editions, the block that answers the page's question
 * (`[data-answer]`) is at least partly on the first screen of a phone (375 × 812) and of a laptop (1280 × 900), in
 * the light and the dark theme — before any table of contents, which is collapsed on the phone and stands beside the
 * header on the laptop. The home pages answer the question on their first screen too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST, pagesUnderTest, sitePages } from '../support/site';

const ARTICLES = sitePages().filter((p) => /^(zh\/)?articles\/[^/]+\/$/.test(p));
const HOMES = sitePages().filter((p) => p === '' || /^[a-z]{2}\/$/.test(p));
const SCREENS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
] as const;
const THEMES = ['light', 'dark'] as const;

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startStaticServer(DIST, BASE), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Where the answer block and the contents are on the first screen (CSS pixels from the top of the viewport). */
async function firstScreen(path: string, viewport: { width: number; height: number }, theme: 'light' | 'dark') {
  const { context, page } = await openPage(browser, server.origin, { viewport, colorScheme: theme });
  try {
    await page.goto(server.url(path), { waitUntil: 'load' });
    return await page.evaluate(() => {
      const box = (el: Element | null) => {
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      };
      const answers = document.querySelectorAll('[data-answer]');
      const toc = document.querySelector('nav.toc');
      const last = [...(toc?.querySelectorAll(':scope > details > ol > li > a') ?? [])].at(-1);
      const r = last?.getBoundingClientRect();
      return {
        /** The header's last line (the header's own box stretches to its grid row). */
        byline: box(document.querySelector('.article-header .byline')),
        /** Whether a click at the middle of the last contents entry reaches it (nothing painted over it). */
        lastEntryClickable: r ? document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === last : null,
        answers: answers.length,
        answer: box(answers[0] ?? null),
        tocOpen: toc ? (toc.querySelector('ol a')?.checkVisibility() ?? false) : null,
        toc: box(toc),
        scrollWidth: document.documentElement.scrollWidth,
      };
    });
  } finally {
    await context.close();
  }
}

describe('answer first', () => {
  it('finds the articles and home pages of both editions', () => {
    expect(ARTICLES.some((p) => p.startsWith('zh/'))).toBe(true);
    expect(ARTICLES.some((p) => !p.startsWith('zh/'))).toBe(true);
    expect(HOMES).toEqual(expect.arrayContaining(['', 'zh/']));
  });

  for (const path of pagesUnderTest([...HOMES, ...ARTICLES])) {
    for (const viewport of SCREENS) {
      for (const theme of THEMES) {
        it(`/${path} at ${viewport.width}×${viewport.height} (${theme}) has its answer on the first screen`, async () => {
          const at = await firstScreen(path, viewport, theme);
          expect(at.answers, 'exactly one [data-answer] block').toBe(1);
          expect(at.answer!.top, 'the answer starts above the bottom of the first screen').toBeLessThan(viewport.height);
          expect(at.answer!.bottom).toBeGreaterThan(0);
          if (at.toc) {
            if (viewport.width < 800) {
              expect(at.tocOpen, 'the contents are collapsed on a phone').toBe(false);
              expect(at.toc.top, 'the collapsed contents come before the answer').toBeLessThan(at.answer!.top);
            } else {
              expect(at.tocOpen, 'the contents are open beside the header on a wide screen').toBe(true);
              expect(at.toc.left, 'the contents stand to the right of the answer').toBeGreaterThanOrEqual(at.answer!.right);
              // A contents column taller than the header runs on beside the answer: it must not push it down.
              expect(at.answer!.top - at.byline!.bottom, 'the answer follows the header (two margins)').toBeLessThanOrEqual(56);
              expect(at.lastEntryClickable, 'the last contents entry takes its clicks').toBe(true);
            }
          }
          expect(at.scrollWidth, 'nothing overflows sideways').toBeLessThanOrEqual(viewport.width);
        });
      }
    }
  }
});
