/**
 * The gradient-flow figures of /articles/vanishing-gradients/ in Chromium: server-rendered without JavaScript, a
 * shared link reproduces exactly the same plot, malformed links get a polite notice and defaults, extreme settings
 * show overflow / underflow honestly and never freeze the page, the controls work from the keyboard, axe finds
 * nothing in extreme states (light and dark), and the recomputation time for T ≤ 200 is measured in the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { consoleProblems, launchBrowser, openPage, type PageLog } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST } from '../support/site';

const PATH = 'articles/vanishing-gradients/';
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

const fig = (page: Page, id: 'bptt' | 'cec') => page.locator(`figure#fig-${id}`);

/**
 * Console problems and CSP violations, minus reports about inline scripts: these figures run no inline script (their
 * worker and chunks are files), and the page-wide inline scripts are checked by test/browser/site.test.ts and
 * test/site/csp.test.ts — so a page-wide problem there fails those tests, not this one.
 */
const ownProblems = (log: PageLog) =>
  [...consoleProblems(log), ...log.cspViolations, ...log.pageErrors].filter((m) => !/inline script|blocked inline/i.test(m));

/** Scrolls the figure into view and waits until it has hydrated and shows a finished computation. */
async function ready(page: Page, id: 'bptt' | 'cec', params?: string): Promise<Locator> {
  const f = fig(page, id);
  await f.scrollIntoViewIfNeeded();
  await f.locator('.gf-plot[role="slider"]').waitFor({ timeout: 30_000 });
  const body = f.locator('.gf-body');
  await expect.poll(() => body.getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
  if (params) await expect.poll(() => body.getAttribute('data-params'), { timeout: 60_000 }).toBe(params);
  return f;
}

/** What the plot draws: the `d` of every path, the y tick labels and the read-out. */
async function drawing(f: Locator) {
  return {
    paths: await f
      .locator('svg.fp-svg path.fp-curve')
      .evaluateAll((ps) => ps.map((p) => `${p.getAttribute('data-curve')}:${p.getAttribute('d')}`)),
    ticks: await f.locator('.fp-ticks text').allTextContents(),
    readout: await f.locator('.gf-readout').textContent(),
    table: await f.locator('details.fig-data table').textContent(),
  };
}

async function noBadNumbers(f: Locator) {
  const text = await f.evaluate((el) => (el as HTMLElement).innerText + el.querySelector('svg.fp-svg')!.textContent);
  expect(text).not.toMatch(/NaN|Infinity|undefined/);
}

describe('without JavaScript', () => {
  it('both figures are server-rendered SVG plots with curves, captions and data tables', async () => {
    const { context, page } = await openPage(browser, server.origin, { javaScriptEnabled: false });
    await page.goto(server.url(PATH));
    for (const id of ['bptt', 'cec'] as const) {
      const f = fig(page, id);
      expect(await f.count()).toBe(1);
      // each curve is drawn across the plot (its width in viewBox units; the plot is 568 wide)
      const widths = await f
        .locator('svg.fp-svg path.fp-curve')
        .evaluateAll((ps) => ps.map((p) => (p as SVGPathElement).getBBox().width));
      expect(widths.length).toBeGreaterThanOrEqual(id === 'cec' ? 3 : 2);
      for (const w of widths) expect(w).toBeGreaterThan(500);
      expect((await f.locator('figcaption').textContent())!.length).toBeGreaterThan(200);
      expect(await f.locator('details.fig-data table tbody tr').count()).toBeGreaterThan(15);
      await noBadNumbers(f);
    }
    expect(await page.locator('[data-table="cec"] tbody tr').count()).toBe(4);
    expect(await page.locator('[data-table="clip"] tbody tr').count()).toBe(4);
    await context.close();
  });
});

describe('shared links', () => {
  it('reproduce exactly the same plot: set controls, copy the link, open it in a new page', async () => {
    const { context, page, log } = await openPage(browser, server.origin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.goto(server.url(PATH));
    const f = await ready(page, 'bptt');
    await f.locator('#fig-bptt-cell').selectOption('lstm');
    await f.locator('#fig-bptt-act').selectOption('softsign');
    await f.locator('#fig-bptt-init').selectOption('gauss');
    await f.locator('#fig-bptt-rho').fill('1.35');
    await f.locator('#fig-bptt-t').fill('180');
    await f.locator('#fig-bptt-bf').fill('2.5');
    await f.locator('#fig-bptt-seed').fill('77');
    await f.locator('#fig-bptt-seed').press('Tab');
    const plot = f.locator('.gf-plot');
    await plot.focus();
    for (let i = 0; i < 5; i++) await plot.press('ArrowRight');
    await expect.poll(() => plot.getAttribute('aria-valuenow')).toBe('55');
    await ready(page, 'bptt', 'lstm,softsign,1.35,gauss,2.5,180,77');
    const before = await drawing(f);
    await f.locator('.fig-copy').click();
    await expect.poll(() => page.url()).toContain('#fig-bptt=');
    const url = page.url();
    expect(url).toContain('c:lstm,a:softsign,r:1.35,w:gauss,bf:2.5,t:180,s:77,k:55');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(before.paths.length).toBe(3);

    const other = await openPage(browser, server.origin);
    await other.page.goto(url);
    const g = await ready(other.page, 'bptt', 'lstm,softsign,1.35,gauss,2.5,180,77');
    const after = await drawing(g);
    expect(after).toEqual(before);
    expect(await g.locator('.fig-notice li').count()).toBe(0);
    expect(ownProblems(log)).toEqual([]);
    expect(ownProblems(other.log)).toEqual([]);
    await other.context.close();
    await context.close();
  });

  it('with malformed settings show a polite notice and fall back to defaults (or clamp)', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(`${server.url(PATH)}#fig-bptt=c:cnn,a:tanhh,r:99,t:abc,zz:1`);
    const f = await ready(page, 'bptt', 'rnn,tanh,8,orth,0,200,1');
    const notice = f.locator('.fig-notice[role="status"]');
    expect(await notice.textContent()).toMatch(/partly invalid/);
    const items = await notice.locator('li').allTextContents();
    expect(items.length).toBe(5);
    expect(items.join(' ')).toMatch(/“cnn” is not one of rnn, lstm, gru/);
    expect(items.join(' ')).toMatch(/99 is outside \[0, 8\]; using 8/);
    expect(await f.locator('#fig-bptt-cell').inputValue()).toBe('rnn');
    expect(await f.locator('#fig-bptt-rho').inputValue()).toBe('8');
    await context.close();
  });
});

const EXTREMES = [
  {
    name: 'ReLU, spectral radius 3, T = 1000',
    hash: 'c:rnn,a:relu,r:3,w:orth,bf:0,t:1000,s:1,k:500',
    expect: /forward pass overflowed[\s\S]*overflow/,
  },
  {
    name: 'huge weights (tanh, ρ = 8), T = 1000',
    hash: 'c:rnn,a:tanh,r:8,w:orth,bf:0,t:1000,s:1,k:999',
    expect: /overflow \(≈ [\d.]+ × 10/,
  },
  {
    name: 'σ with tiny weights (ρ = 0.05), T = 1000',
    hash: 'c:rnn,a:sigmoid,r:0.05,w:orth,bf:0,t:1000,s:1,k:999',
    expect: /underflow below 10⁻³⁰⁰/,
  },
  {
    name: 'identity LSTM, ρ = 8, T = 1000',
    hash: 'c:lstm,a:identity,r:8,w:orth,bf:10,t:1000,s:1,k:10',
    expect: /forward pass overflowed/,
  },
] as const;

describe('extreme settings', () => {
  for (const x of EXTREMES) {
    it(`${x.name}: honest words, a drawn plot, no NaN, and a responsive page while computing`, async () => {
      const { context, page, log } = await openPage(browser, server.origin);
      await page.goto(server.url(PATH));
      const f = await ready(page, 'bptt');
      // Watch the main thread: every task longer than 50 ms is reported (a frozen tab would show one of seconds).
      await page.evaluate(() => {
        const w = window as unknown as { longTasks: number[] };
        w.longTasks = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) w.longTasks.push(e.duration);
        }).observe({ type: 'longtask' });
      });
      // Switch by changing the fragment (hashchange): the long sequence is computed off the main thread.
      await page.evaluate((h) => (location.hash = h), `fig-bptt=${x.hash}`);
      const rtts: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = Date.now();
        await page.evaluate(() => document.querySelectorAll('path').length);
        rtts.push(Date.now() - t0);
      }
      rtts.sort((a, b) => a - b);
      expect(rtts[2]!).toBeLessThan(1000);
      const key = x.hash
        .split(',')
        .slice(0, 7)
        .map((kv) => kv.split(':')[1])
        .join(',');
      await ready(page, 'bptt', key);
      const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
      expect(Math.max(0, ...longTasks)).toBeLessThan(1000);
      const text = (await f.innerText()) + (await f.locator('svg.fp-svg').textContent());
      expect(text).toMatch(x.expect);
      await noBadNumbers(f);
      const widths = await f
        .locator('svg.fp-svg path.fp-curve')
        .evaluateAll((ps) => ps.map((p) => (p as SVGPathElement).getBBox().width));
      expect(widths.length).toBeGreaterThanOrEqual(2);
      for (const w of widths) expect(w).toBeGreaterThan(200);
      expect(ownProblems(log)).toEqual([]);
      await context.close();
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`pass axe with the overflow and underflow strips and the notice shown (${colorScheme})`, async () => {
      const { context, page } = await openPage(browser, server.origin, { colorScheme });
      await page.goto(
        `${server.url(PATH)}#fig-bptt=c:rnn,a:relu,r:3,w:orth,bf:0,t:1000,s:1,k:500&fig-cec=c:lstm,a:sigmoid,r:0,w:orth,bf:-5,t:1000,s:1,k:900`,
      );
      await ready(page, 'bptt', 'rnn,relu,3,orth,0,1000,1');
      await ready(page, 'cec', 'lstm,sigmoid,0,orth,-5,1000,1');
      expect(await fig(page, 'cec').locator('.gf-strip').count()).toBeGreaterThan(0);
      const axe = await new AxeBuilder({ page }).include('#fig-bptt').include('#fig-cec').analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target})`)).toEqual([]);
      await context.close();
    });
  }
});

describe('keyboard', () => {
  it('operates the sliders, the selects, the seed and the plot cursor', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url(PATH));
    const f = await ready(page, 'cec');
    const rho = f.locator('#fig-cec-rho');
    await rho.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => rho.inputValue()).toBe('0.55');
    const bf = f.locator('#fig-cec-bf');
    await bf.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => bf.inputValue()).toBe('0.75');
    const cell = f.locator('#fig-cec-cell');
    await cell.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => cell.inputValue()).toBe('gru');
    await expect.poll(() => f.locator('#fig-cec-bf').locator('xpath=..').locator('label').textContent()).toMatch(/Update bias/);
    const seed = f.locator('#fig-cec-seed');
    await seed.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    await ready(page, 'cec', 'gru,tanh,0.55,orth,0.75,200,2');
    const plot = f.locator('.gf-plot');
    await plot.focus();
    await page.keyboard.press('End');
    await expect.poll(() => plot.getAttribute('aria-valuenow')).toBe('199');
    await page.keyboard.press('Home');
    await expect.poll(() => plot.getAttribute('aria-valuenow')).toBe('0');
    expect(await plot.getAttribute('aria-valuetext')).toMatch(/^lag 0 \(step 200\): ‖∂L\/∂h_t‖ = 1/);
    expect(page.url()).not.toContain('#'); // the URL changes only when the reader copies a link
    await context.close();
  });
});

describe('presets', () => {
  it('set the figure from a button (mouse or keyboard) and show which one is active', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url(PATH));
    const f = await ready(page, 'bptt');
    expect(await f.locator('[data-preset="default"]').getAttribute('aria-current')).toBe('true');
    await f.locator('[data-preset="sigmoid"]').click();
    await ready(page, 'bptt', 'rnn,sigmoid,1,orth,0,200,1');
    expect(await f.locator('[data-preset="sigmoid"]').getAttribute('aria-current')).toBe('true');
    expect(await f.locator('[data-preset="default"]').getAttribute('aria-current')).toBeNull();
    expect(await f.locator('#fig-bptt-act').inputValue()).toBe('sigmoid');
    const c = await ready(page, 'cec');
    await c.locator('[data-preset="bf5"]').focus();
    await page.keyboard.press('Enter');
    await ready(page, 'cec', 'lstm,tanh,0.5,orth,5,200,1');
    expect(await c.locator('#fig-cec-bf').inputValue()).toBe('5');
    await c.locator('[data-preset="gru"]').focus();
    await page.keyboard.press('Space');
    await ready(page, 'cec', 'gru,tanh,0.5,orth,2,200,1');
    await context.close();
  });
});

describe('recomputation time', () => {
  it('is measured in the page for T = 200 (each cell), moving ρ as a reader would', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.goto(server.url(PATH));
    const f = await ready(page, 'bptt');
    const report: string[] = [];
    const medians: number[] = [];
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      await f.locator('#fig-bptt-cell').selectOption(cell);
      const times: number[] = [];
      for (let i = 0; i < 12; i++) {
        // 1.05 … 1.6: never the default ρ = 1, whose result is the build-time one (not computed in the page).
        const r = String(Number((1.05 + 0.05 * i).toFixed(2)));
        await f.locator('#fig-bptt-rho').fill(r);
        await ready(page, 'bptt', `${cell},tanh,${r},orth,0,200,1`);
        times.push(Number(await f.locator('.gf-body').getAttribute('data-compute-ms')));
      }
      const warm = times.slice(2).sort((a, b) => a - b);
      const median = warm[Math.floor(warm.length / 2)]!;
      medians.push(median);
      report.push(`${cell}: median ${median.toFixed(1)} ms, min ${warm[0]!.toFixed(1)}, max ${warm.at(-1)!.toFixed(1)}`);
    }
    const load = await import('node:os').then((os) => os.loadavg()[0]!.toFixed(1));
    console.log(`computeFlow in Chromium, T = 200, H = 32 (load average ${load}): ${report.join('; ')}`);
    // One frame is 16.7 ms; the bound here is loose because the test machine is shared.
    for (const m of medians) expect(m).toBeLessThan(50);
    await context.close();
  });
});
