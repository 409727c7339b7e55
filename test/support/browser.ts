import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium unless CHROME_PATH says otherwise. */
export const CHROME_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

/** Launches headless Chromium with no background networking; fails loudly (never skips) when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROME_PATH}. Browser tests need it: install Debian's package ` +
        `("sudo apt-get install -y chromium") or set CHROME_PATH to a Chromium/Chrome binary.`,
    );
  }
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Everything a page did that a test may want to forbid. */
export interface PageLog {
  readonly console: { type: string; text: string }[];
  readonly pageErrors: string[];
  /** Requests to any origin but the site's own (they are blocked, and recorded here). */
  readonly foreignRequests: string[];
  readonly failedRequests: string[];
  readonly cspViolations: string[];
}

export interface OpenOptions {
  readonly javaScriptEnabled?: boolean;
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { width: number; height: number };
  readonly reducedMotion?: 'reduce' | 'no-preference';
}

/** A fresh context + page that records console output, page errors, CSP violations and every foreign request. */
export async function openPage(
  browser: Browser,
  origin: string,
  options: OpenOptions = {},
): Promise<{ context: BrowserContext; page: Page; log: PageLog }> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  const log: PageLog = { console: [], pageErrors: [], foreignRequests: [], failedRequests: [], cspViolations: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    log.foreignRequests.push(url);
    return route.abort();
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    log.console.push({ type: m.type(), text: m.text() });
    if (/Content.Security.Policy|CSP violation/i.test(m.text())) log.cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  page.on('requestfailed', (r) => {
    if (r.url().startsWith(origin)) log.failedRequests.push(`${r.url()} (${r.failure()?.errorText ?? '?'})`);
  });
  return { context, page, log };
}

/** Console messages that count as problems: errors and warnings. */
export function consoleProblems(log: PageLog): string[] {
  return log.console.filter((m) => m.type === 'error' || m.type === 'warning').map((m) => `${m.type}: ${m.text}`);
}

/**
 * Waits until every island on the page has hydrated (Astro removes the `ssr` attribute). Islands load when visible
 * (`client:visible`), so each pending one is scrolled into view, repeatedly: an island hydrating above may change
 * height and push a later one back out of view. Scrolls back to the top afterwards.
 */
export async function waitForHydration(page: Page, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const pending = await page.locator('astro-island[ssr]').all();
    if (pending.length === 0) break;
    if (Date.now() > deadline) {
      const urls = await page.locator('astro-island[ssr]').evaluateAll((els) => els.map((e) => e.getAttribute('component-url')));
      throw new Error(`islands still not hydrated after ${timeout} ms: ${urls.join(', ')}`);
    }
    for (const island of pending) await island.scrollIntoViewIfNeeded({ timeout: 2_000 }).catch(() => undefined);
    await page.waitForTimeout(250);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
