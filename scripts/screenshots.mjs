// @ts-check
/**
 * `npm run screenshots [-- path-filter]`: serves dist/ on 127.0.0.1 and writes full-page PNGs of every page at 375 px and
 * 1280 px, light and dark, into .tmp/shots/ — for looking at what a reader sees. Run `npm run build` first.
 * SHOT_TILES=1 also cuts each page into 1600-px-tall tiles (name-t01.png …), readable at full size.
 * SHOT_WIDTHS=1280 and SHOT_SCHEMES=dark limit the variants.
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
    for (const width of (process.env.SHOT_WIDTHS ?? '375,1280').split(',').map(Number)) {
      for (const colorScheme of /** @type {('light' | 'dark')[]} */ ((process.env.SHOT_SCHEMES ?? 'light,dark').split(','))) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
        await page.goto(server.url(path));
        await waitForHydration(page).catch(() => undefined);
        const name = `${out}/${(path || 'home').replace(/[/.]+/g, '_').replace(/_$/, '')}-${width}-${colorScheme}.png`;
        await page.screenshot({ path: name, fullPage: true });
        console.log(name);
        if (process.env.SHOT_TILES) {
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          for (let y = 0, k = 1; y < height; y += 1600, k++) {
            const tile = name.replace(/\.png$/, `-t${String(k).padStart(2, '0')}.png`);
            await page.screenshot({ path: tile, fullPage: true, clip: { x: 0, y, width, height: Math.min(1600, height - y) } });
            console.log(tile);
          }
        }
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
