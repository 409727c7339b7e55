import type { Page } from 'playwright-core';

/**
 * Hydrates every `client:visible` island: scrolls each not-yet-hydrated island into view, repeatedly, until none is
 * left. (A single pass can miss one: an island hydrating above may change height and push a later one back out of
 * view before its IntersectionObserver fires.) Scrolls back to the top afterwards.
 */
export async function hydrateAll(page: Page, timeout = 30_000): Promise<void> {
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
