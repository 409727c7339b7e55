/**
 * Every page on a phone, the way Lighthouse's mobile run sees it (412 × 823 CSS px, device pixel ratio 1.75, touch,
 * CPU 4× slower) and on a narrower phone (360 px):
 * - no touch target is too small or covered (axe's `target-size`, WCAG 2.2 SC 2.5.8), with the page as it is right
 *   after load (unscrolled, islands not yet hydrated: that is when Lighthouse audits);
 * - nothing the reader has already seen moves while the page loads (no `layout-shift` entry at all), with KaTeX's web
 *   fonts held back so that they arrive after the first paint — the slow-network case that Lighthouse's local run
 *   meets only by chance. A page that preloads KaTeX's fonts (every page with KaTeX HTML) is loaded with its fonts on
 *   time instead (preloading is a head start, not a guarantee: the glossary, whose math is all on its first screen,
 *   typesets it as MathML, which needs no web font), and must use every font it preloads.
 * The Lighthouse gate (test/site/lighthouse.test.ts) checks CLS too, but by racing a local server; this file makes the
 * race deterministic and runs in a fraction of the time. The planted-defect tests show both checks failing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST, pagesUnderTest, sitePages } from '../support/site';
import { fileOf, insertInMain, latePushScript, plantedCopy } from '../site/lib/plant';

const pages = sitePages();
const PHONES = [
  { width: 412, height: 823 }, // Lighthouse's mobile emulation (Moto G Power)
  { width: 360, height: 740 },
] as const;
/** How late web fonts arrive in the layout-shift check: well after the first paint of a locally served page. */
const FONT_DELAY_MS = 400;
const isFont = (pathname: string) => /\.(woff2?|ttf)$/.test(pathname);

let browser: Browser;
let prompt: StaticServer;
let lateFonts: StaticServer;

beforeAll(async () => {
  browser = await launchBrowser();
  prompt = await startStaticServer(DIST, BASE);
  lateFonts = await startStaticServer(DIST, BASE, { delay: (p) => (isFont(p) ? FONT_DELAY_MS : 0) });
});
afterAll(async () => {
  await browser?.close();
  await prompt?.close();
  await lateFonts?.close();
});

/** A phone-sized page recording every layout shift from the start; with `slowCpu`, the CPU 4× slower like Lighthouse's. */
async function phone(
  viewport: { width: number; height: number },
  slowCpu = true,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  await context.addInitScript(() => {
    const w = window as unknown as { shifts: string[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & {
        value: number;
        sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      })[]) {
        const moved = e.sources.map((s) => {
          const el = s.node instanceof Element ? s.node : s.node?.parentElement;
          const name = el
            ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`
            : '?';
          const [a, b] = [s.previousRect, s.currentRect];
          return `${name} (${Math.round(a.x)},${Math.round(a.y)} ${Math.round(a.width)}×${Math.round(a.height)} → ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)})`;
        });
        w.shifts.push(`${Math.round(e.startTime)} ms, score ${e.value.toFixed(5)}: ${moved.join('; ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  if (slowCpu) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page };
}

/** Layout shifts of `url` from navigation until well after its fonts have arrived. */
async function shiftsOf(url: string, viewport: { width: number; height: number }): Promise<string[]> {
  const { context, page } = await phone(viewport);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(1000);
    return await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts);
  } finally {
    await context.close();
  }
}

/** axe `target-size` problems of `url` right after load, one line per target. */
async function targetProblems(url: string, viewport: { width: number; height: number }): Promise<string[]> {
  const { context, page } = await phone(viewport, false); // geometry does not depend on the CPU's speed
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    const result = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`),
    );
  } finally {
    await context.close();
  }
}

/** The fonts a built page preloads (`<link rel="preload" as="font">`), as URL paths. */
function preloadedFonts(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*\brel="preload"[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\bas="font"/.test(tag))
    .map((tag) => /\bhref="([^"]+)"/.exec(tag)?.[1] ?? '');
}

describe('every page on a phone', () => {
  for (const path of pagesUnderTest(pages)) {
    const html = readFileSync(join(DIST, fileOf(path)), 'utf8');
    const preloads = preloadedFonts(html);

    it(`/${path}: no touch target too small or covered at ${PHONES.map((p) => p.width).join(' and ')} px`, async () => {
      for (const viewport of PHONES) {
        expect(await targetProblems(prompt.url(path), viewport), `${viewport.width} px`).toEqual([]);
      }
    });

    it(
      preloads.length
        ? `/${path}: nothing moves while it loads (it preloads ${preloads.length} font(s), and uses them)`
        : `/${path}: nothing moves while it loads, even with web fonts ${FONT_DELAY_MS} ms late`,
      async () => {
        const server = preloads.length ? prompt : lateFonts;
        expect(await shiftsOf(server.url(path), PHONES[0]), 'layout shifts').toEqual([]);
        if (preloads.length) {
          // A preloaded font the page never uses costs bandwidth and earns a console warning.
          const { context, page } = await phone(PHONES[0]);
          await page.goto(prompt.url(path), { waitUntil: 'load' });
          await page.evaluate(() => document.fonts.ready);
          const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family));
          await context.close();
          expect(loaded.length, 'fonts loaded').toBeGreaterThanOrEqual(preloads.length);
          for (const href of preloads) {
            const family = /KaTeX_[A-Za-z]+/.exec(href)?.[0] ?? href;
            expect(loaded, `${href} is preloaded but its family is never used`).toContain(family);
          }
        }
      },
    );
  }
});

describe('the phone layout checks', () => {
  it('fail a planted page whose content moves after its first paint and whose button is covered by a link', async () => {
    const path = pages.includes('404.html') ? '404.html' : pages[0]!;
    const planted = plantedCopy(DIST);
    try {
      planted.edit('planted-shift.js', () => latePushScript(120, 300));
      planted.edit(fileOf(path), (html) =>
        insertInMain(
          html,
          `<script type="module" src="${BASE}planted-shift.js"></script>` +
            '<div class="planted"><button type="button">Planted</button><a class="planted-cover" href="#main">covering link</a></div>',
        ),
      );
      // The covering link is another touch target, as in the real case this check first caught; it is styled by a
      // stylesheet of the site's own origin (an inline style would need a CSP hash).
      planted.edit(
        'planted.css',
        () => '.planted{position:relative}.planted-cover{position:absolute;inset:0 0 auto 0;height:70%;background:#fff}',
      );
      planted.edit(fileOf(path), (html) => html.replace('</head>', `<link rel="stylesheet" href="${BASE}planted.css"></head>`));
      const server = await startStaticServer(planted.dir, BASE);
      try {
        const shifts = await shiftsOf(server.url(path), PHONES[0]);
        expect(shifts.length, 'the planted push is caught').toBeGreaterThan(0);
        console.log(`planted layout shift caught: ${shifts[0]}`);
        const problems = await targetProblems(server.url(path), PHONES[0]);
        expect(problems.join('\n')).toMatch(/button.*(obscured|insufficient)/is);
        console.log(`planted covered button caught: ${problems[0]}`);
      } finally {
        await server.close();
      }
    } finally {
      planted.remove();
    }
  });
});
