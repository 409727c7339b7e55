/**
 * Content-Security-Policy and "nothing leaves the site": static checks of every built page, a browser check of every
 * page, and planted defects (in a copy of the build) proving that the browser harness flags inline script, inline
 * event handlers and requests to other origins.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { consoleProblems, launchBrowser, openPage } from '../support/browser';
import { hydrateAll } from './lib/hydrate';
import { BASE, DIST, sitePages } from '../support/site';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { cspProblems } from './lib/csp';
import { scanTags } from './lib/html';
import { fileOf, insertInMain, plantedCopy, type PlantedSite } from './lib/plant';

const pages = sitePages();
const tagsOf = (dir: string, page: string) => scanTags(readFileSync(join(dir, fileOf(page)), 'utf8'));

describe('the CSP of the built pages (static)', () => {
  it('every page has exactly one meta CSP, no unsafe-inline script, no inline event handler; every inline script is hashed', () => {
    const report = pages.map((p) => ({ page: `/${p}`, problems: cspProblems(tagsOf(DIST, p)) }));
    console.log(`CSP (static): ${pages.length} pages checked, ${report.filter((r) => r.problems.length).length} with problems`);
    expect(report.filter((r) => r.problems.length > 0)).toEqual([]);
  });

  it('flags a planted stylesheet ahead of the CSP <meta> (the search pages had Pagefind’s there)', () => {
    const search = pages.find((p) => p === 'search/')!;
    const html = readFileSync(join(DIST, fileOf(search)), 'utf8');
    const planted = html.replace(/<meta charset="utf-8">/i, '$&<link rel="stylesheet" href="/planted.css">');
    expect(cspProblems(scanTags(planted))).toContain(
      '<link rel="stylesheet" href="/planted.css"> comes before the CSP <meta>, which must come first in <head>',
    );
  });

  it('flags a planted inline onclick handler and an unhashed inline script', () => {
    const article = pages.find((p) => p.startsWith('articles/'))!;
    const html = readFileSync(join(DIST, fileOf(article)), 'utf8');
    const planted = insertInMain(html, `<button type="button" onclick="alert(1)">x</button><script>alert(2)</script>`);
    const before = new Set(cspProblems(scanTags(html)));
    expect(cspProblems(scanTags(planted)).filter((p) => !before.has(p))).toEqual([
      'inline event handler <button onclick="alert(1)">',
      'inline <script> "alert(2)…" is not allowed by a hash in script-src',
    ]);
  });
});

describe('the CSP and origin isolation in the browser', () => {
  let server: StaticServer;
  let plantedServer: StaticServer;
  let browser: Browser;
  let site: PlantedSite;
  const article = pages.find((p) => p.startsWith('articles/'))!;

  beforeAll(async () => {
    site = plantedCopy(DIST);
    const marker = '<p id="planted">planted</p>';
    // 1. inline script and inline handler, under the site's real (meta) CSP
    site.edit('planted-inline/index.html', () =>
      insertInMain(
        readFileSync(join(DIST, fileOf(article)), 'utf8'),
        `${marker}<script>document.title = 'inline script ran'</script>` +
          `<button type="button" id="planted-button" onclick="document.title = 'handler ran'">planted</button>`,
      ),
    );
    // 2. a foreign image under the CSP, and 3. the same page with the CSP removed (the request must still never leave)
    const withImage = insertInMain(
      readFileSync(join(DIST, fileOf(article)), 'utf8'),
      `${marker}<img src="https://example.org/x.png" alt="">`,
    );
    site.edit('planted-foreign/index.html', () => withImage);
    site.edit('planted-foreign-no-csp/index.html', () =>
      withImage.replace(/<meta http-equiv="content-security-policy"[^>]*>/, ''),
    );
    [server, plantedServer, browser] = await Promise.all([
      startStaticServer(DIST, BASE),
      startStaticServer(site.dir, BASE),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await plantedServer?.close();
    site?.remove();
  });

  it('every page carries its meta CSP in the DOM and hydrates without a CSP violation', async () => {
    let violations = 0;
    for (const path of pages) {
      const { context, page, log } = await openPage(browser, server.origin);
      await page.goto(server.url(path), { waitUntil: 'load' });
      await hydrateAll(page);
      expect(await page.locator('meta[http-equiv="content-security-policy"]').count(), path).toBe(1);
      expect(log.cspViolations, path).toEqual([]);
      expect(log.foreignRequests, path).toEqual([]);
      violations += log.cspViolations.length;
      await context.close();
    }
    console.log(`CSP (browser): ${pages.length} pages loaded and hydrated, ${violations} violations`);
  });

  it('flags a planted inline <script> and inline onclick handler as CSP violations (and neither runs)', async () => {
    const { context, page, log } = await openPage(browser, plantedServer.origin);
    await page.goto(plantedServer.url('planted-inline/'), { waitUntil: 'load' });
    await page.locator('#planted-button').click();
    await expect.poll(() => log.cspViolations.length).toBeGreaterThanOrEqual(2);
    expect(await page.title()).not.toMatch(/ran/);
    expect(log.cspViolations.join('\n')).toMatch(/script-src/);
    expect(consoleProblems(log).length).toBeGreaterThanOrEqual(2);
    console.log(
      `planted inline script + onclick → ${log.cspViolations.length} CSP violations flagged:\n  ${log.cspViolations.join('\n  ')}`,
    );
    await context.close();
  });

  it('flags a planted <img src="https://example.org/x.png">: blocked by the CSP, and without a CSP blocked by the harness', async () => {
    const withCsp = await openPage(browser, plantedServer.origin);
    await withCsp.page.goto(plantedServer.url('planted-foreign/'), { waitUntil: 'load' });
    await expect.poll(() => withCsp.log.cspViolations.length).toBeGreaterThan(0);
    expect(withCsp.log.cspViolations.join('\n')).toMatch(/img-src|example\.org/);
    await withCsp.context.close();

    const noCsp = await openPage(browser, plantedServer.origin);
    await noCsp.page.goto(plantedServer.url('planted-foreign-no-csp/'), { waitUntil: 'load' });
    await expect.poll(() => noCsp.log.foreignRequests).toEqual(['https://example.org/x.png']);
    // the route was aborted by the harness: the image failed to load, nothing reached example.org
    expect(
      await noCsp.page.locator('img[src="https://example.org/x.png"]').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBe(0);
    console.log(
      `planted foreign image → with CSP: ${withCsp.log.cspViolations.length} CSP violation(s); ` +
        `without CSP: foreign request recorded and aborted: ${noCsp.log.foreignRequests.join(', ')}`,
    );
    await noCsp.context.close();
  });
});
