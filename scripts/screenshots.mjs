// @ts-check
/**
 * `npm run screenshots [-- path-filter]`: serves dist/ on 127.0.0.1 and writes full-page PNGs of every page at 375 px and
 * 1280 px, light and dark, into .tmp/shots/ — for looking at what a reader sees. Run `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { startStaticServer } from '../test/support/static-server.ts';
import { launchBrowser, waitForHydration } from '../test/support/browser.ts';
import { DIST, BASE, sitePages } from '../test/support/site.ts';

const filter = process.argv[2] ?? '';
const out = '.tmp/shots';
mkdirSync(out, { recursive: true });
const server = await startStaticServer(DIST, BASE);
const browser = await launchBrowser();
try {
  for (const path of sitePages().filter((p) => p.includes(filter))) {
    for (const width of [375, 1280]) {
      for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
        await page.goto(server.url(path));
        await waitForHydration(page).catch(() => undefined);
        const name = `${out}/${(path || 'home').replace(/[/.]+/g, '_').replace(/_$/, '')}-${width}-${colorScheme}.png`;
        await page.screenshot({ path: name, fullPage: true });
        console.log(name);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
