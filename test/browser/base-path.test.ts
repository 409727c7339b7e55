/**
 * The site deployed under a sub-path (a GitHub Pages project site): builds with BASE_PATH=why-tanh into dist-base/,
 * then runs the link gate and a browser smoke test of every page served under /why-tanh/ — every page loads, hydrates,
 * logs no console problem, and every request it makes stays under the base path and succeeds.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SITE_ORIGIN } from '../../src/site/deploy.mjs';
import { consoleProblems, launchBrowser, openPage } from '../support/browser';
import { hydrateAll } from '../site/lib/hydrate';
import { sitePages } from '../support/site';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { checkLinks, formatLinkReport } from '../site/lib/links';
import { buildEnv } from '../build/lib/env';

const BASE_NAME = 'why-tanh';
const BASE = `/${BASE_NAME}/`;
const OUT = join(process.cwd(), 'dist-base');
let pages: string[] = [];
let server: StaticServer;
let browser: Browser;
let buildSeconds = 0;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const t0 = Date.now();
  const r = spawnSync('astro', ['build', '--outDir', OUT], {
    env: buildEnv({ BASE_PATH: BASE_NAME }), // a deploy's environment, without vitest's BASE_URL=/ (see buildEnv)
    encoding: 'utf8',
    timeout: 170_000,
  });
  buildSeconds = (Date.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`BASE_PATH=${BASE_NAME} astro build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  pages = sitePages(OUT);
  server = await startStaticServer(OUT, BASE);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`the site built for ${BASE}`, () => {
  it('has the same pages as the root build, and no broken link under the base path', () => {
    expect(pages.length).toBeGreaterThan(2);
    expect(pages).toEqual(sitePages());
    const r = checkLinks(OUT, { base: BASE, siteOrigin: SITE_ORIGIN });
    console.log(`${formatLinkReport(r, `link gate (${BASE}, build ${buildSeconds.toFixed(1)} s)`)}`);
    expect(r.broken.map((b) => `/${b.page}: ${b.href} — ${b.reason}`)).toEqual([]);
  });

  it(
    'serves every page under the base path: loads, hydrates, no console problem, every asset resolves',
    { timeout: 300_000 },
    async () => {
      const problems: string[] = [];
      let requests = 0;
      for (const path of pages) {
        const { context, page, log } = await openPage(browser, server.origin);
        const bad: string[] = [];
        page.on('response', (res) => {
          requests++;
          const url = new URL(res.url());
          if (res.status() >= 400) bad.push(`${res.status()} ${res.url()}`);
          if (url.origin === server.origin && !url.pathname.startsWith(BASE)) bad.push(`outside ${BASE}: ${res.url()}`);
        });
        const res = await page.goto(server.url(path), { waitUntil: 'load' });
        expect(res?.status(), path).toBe(200);
        await hydrateAll(page);
        await page.waitForLoadState('networkidle');
        const found = [
          ...bad,
          ...consoleProblems(log),
          ...log.pageErrors,
          ...log.failedRequests,
          ...log.foreignRequests,
          ...log.cspViolations,
        ];
        problems.push(...found.map((p) => `${BASE}${path}: ${p}`));
        await context.close();
      }
      console.log(`base-path smoke: ${pages.length} pages under ${BASE}, ${requests} requests, ${problems.length} problems`);
      expect(problems).toEqual([]);
    },
  );
});
