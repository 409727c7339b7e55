import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SITE_ORIGIN } from '../../src/site/deploy.mjs';
import { BASE, DIST, sharePages, sitePages } from '../support/site';
import { fragmentTargets, scanTags } from './lib/html';
import { checkLinks, formatLinkReport, hasBuild } from './lib/links';
import { fileOf, insertInMain, plantedCopy } from './lib/plant';

const cleanup: (() => void)[] = [];
afterAll(() => cleanup.forEach((f) => f()));

/** A tiny site on disk: { 'index.html': '…', … }. */
function fakeSite(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'why-tanh-links-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the HTML scanner', () => {
  it('reads attributes in every quoting style, decodes entities and skips comments and script text', () => {
    const tags = scanTags(
      `<!doctype html><!-- <a href="/commented/"> --><A HREF='/x/?a=1&amp;b=2' data-x=y id=top><p id="a&quot;b">` +
        `<script>const s = '<a href="/in-script/">';</script><img src=/i.png alt><svg><title id="t">x</title></svg>` +
        `<article data-heading-aliases='{"old":"a"}'>`,
    );
    const links = tags.filter((t) => t.name === 'a');
    expect(links.map((t) => t.attrs.get('href'))).toEqual(['/x/?a=1&b=2']);
    expect(tags.find((t) => t.name === 'script')?.text).toContain('in-script');
    expect(tags.find((t) => t.name === 'img')?.attrs.get('alt')).toBe('');
    expect([...fragmentTargets(tags)].sort()).toEqual(['a"b', 'old', 't', 'top']);
  });
});

describe('the link checker', () => {
  it('passes a consistent site and lists external links without fetching them', () => {
    const dir = fakeSite({
      'index.html':
        '<a href="articles/a/#sec">a</a><a href="https://example.org/paper">paper</a><link rel="stylesheet" href="/s.css">',
      'articles/a/index.html':
        '<h2 id="sec">S</h2><a href="../../">home</a><a href="#sec">self</a><a href="#">top</a>' +
        '<figure id="fig-a"></figure><a href="#fig-a=f:tanh,d:-6_6">state</a><a href="#fig-a=f:relu&fig-a=x:1">two</a>',
      's.css': '@font-face{src:url(/f.woff2) format("woff2"),url("data:font/woff2;base64,AA==")}',
      'f.woff2': '',
    });
    const r = checkLinks(dir);
    expect(r.broken).toEqual([]);
    expect(r.pages).toBe(2);
    expect(r.fragments).toBe(4);
    expect([...r.external.keys()]).toEqual(['https://example.org/paper']);
  });

  it('flags a planted broken link, a broken fragment, a missing asset and a link that forgets the base path', () => {
    const dir = fakeSite({
      'index.html':
        '<a href="/why-tanh/articles/missing/">x</a><a href="/why-tanh/articles/a/#nope">y</a><a href="/articles/a/">z</a>',
      'articles/a/index.html':
        '<h2 id="sec">S</h2><link rel="stylesheet" href="../../s.css"><a href="javascript:void 0">j</a>' +
        '<a href="#fig-gone=f:tanh">state of a missing figure</a>',
      's.css': '@font-face{src:url(./gone.woff2)}',
    });
    const r = checkLinks(dir, { base: '/why-tanh/' });
    expect(r.broken.map((b) => `${b.page} ${b.href}`)).toEqual([
      'articles/a/ javascript:void 0',
      'articles/a/ #fig-gone=f:tanh',
      ' /why-tanh/articles/missing/',
      ' /why-tanh/articles/a/#nope',
      ' /articles/a/',
      's.css ./gone.woff2',
    ]);
    expect(r.broken[1]!.reason).toContain('names no figure id "fig-gone"');
    expect(r.broken[3]!.reason).toContain('no element with id "nope"');
    expect(r.broken[4]!.reason).toContain('outside the base path');
  });

  it('flags an id used twice on a page (a link to it would go to the first)', () => {
    const dir = fakeSite({ 'index.html': '<h2 id="a">A</h2><figure id="a"></figure><p id="b"></p>' });
    expect(checkLinks(dir).broken).toEqual([{ page: '', href: '#a', reason: 'the id "a" is on 2 elements of the page' }]);
  });

  it('accepts figure-state fragments naming a figure of the target page and rejects any other', () => {
    const dir = fakeSite({
      'index.html':
        '<a href="articles/a/#fig-act=f:relu,d:-2_2">ok</a><a href="articles/a/#fig-act=f:relu&fig-morph=t:1">two</a>' +
        '<a href="articles/a/#fig-d2=x:1">elsewhere</a><a href="articles/a/#fig-sec=x:1">not a figure</a>' +
        '<a href="articles/a/#fig-act=f:relu&sec">mixed</a><a href="articles/a/#fig-act=f:relu&fig-nope=x:1">one unknown</a>',
      'articles/a/index.html':
        '<h2 id="fig-sec">S</h2><figure class="fig" id="fig-act"></figure><figure class="fig" id="fig-morph"></figure>',
      'articles/b/index.html': '<figure class="fig" id="fig-d2"></figure>',
    });
    const r = checkLinks(dir);
    expect(r.broken.map((b) => `${b.href} — ${b.reason}`)).toEqual([
      'articles/a/#fig-d2=x:1 — figure-state fragment names no figure id "fig-d2" in articles/a/',
      'articles/a/#fig-sec=x:1 — figure-state fragment names "fig-sec" is not a <figure> in articles/a/',
      'articles/a/#fig-act=f:relu&sec — “sec” in a figure-state fragment is not fig-<id>=… (articles/a/)',
      'articles/a/#fig-act=f:relu&fig-nope=x:1 — figure-state fragment names no figure id "fig-nope" in articles/a/',
    ]);
    expect(r.fragments).toBe(6);
  });

  it('checks where heading aliases lead: to an id of the same page, or through a relative link to another page', () => {
    const aliases = { old: 'sec', older: 'old', moved: 'appendix/#m', gone: 'nope', lost: 'appendix/#nope' };
    const dir = fakeSite({
      'articles/a/index.html': `<article data-heading-aliases='${JSON.stringify(aliases)}'><h2 id="sec">S</h2></article><a href="#moved">x</a><a href="#older">y</a>`,
      'articles/a/appendix/index.html': '<h2 id="m">M</h2>',
    });
    const r = checkLinks(dir);
    expect(r.broken.map((b) => `${b.page} ${b.href} — ${b.reason}`)).toEqual([
      'articles/a/ #gone — heading alias "gone" → "nope" names no element id',
      'articles/a/ appendix/#nope — heading alias "lost" → no element with id "nope" in articles/a/appendix/',
    ]);
  });

  it('checks canonical-origin URLs (canonical, og:url, sitemap, robots.txt) as internal', () => {
    const dir = fakeSite({
      'robots.txt': 'User-agent: *\nAllow: /\nSitemap: https://site.example/sitemap-index.xml\n',
      'index.html':
        '<link rel="canonical" href="https://site.example/"><meta property="og:url" content="https://site.example/old/">',
      'sitemap-0.xml':
        '<urlset><url><loc>https://site.example/</loc></url><url><loc>https://site.example/gone/</loc></url></urlset>',
    });
    const r = checkLinks(dir, { siteOrigin: 'https://site.example' });
    expect(r.broken.map((b) => `${b.page} ${b.href}`)).toEqual([
      ' https://site.example/old/',
      'sitemap-0.xml https://site.example/gone/',
      'robots.txt https://site.example/sitemap-index.xml',
    ]);
  });
});

describe('the link gate on the built site', () => {
  it(`finds no broken internal link or #fragment in ${DIST}`, () => {
    expect(hasBuild(DIST), `no build in ${DIST}: run "npm run build" first`).toBe(true);
    const r = checkLinks(DIST, { base: BASE, siteOrigin: SITE_ORIGIN });
    console.log(formatLinkReport(r, 'link gate'));
    expect(r.pages).toBe(sitePages().length + sharePages().length);
    expect(r.internal).toBeGreaterThan(r.pages);
    expect(r.broken.map((b) => `/${b.page}: ${b.href} — ${b.reason}`)).toEqual([]);
  });

  it('fails on a broken link and a broken heading fragment planted in a copy of an article, naming page and href', () => {
    const article = sitePages().find((p) => p.startsWith('articles/'))!;
    const site = plantedCopy(DIST);
    cleanup.push(site.remove);
    site.edit(fileOf(article), (html) =>
      insertInMain(html, `<a href="${BASE}articles/no-such-article/">x</a><a href="${BASE}${article}#no-such-heading">y</a>`),
    );
    const r = checkLinks(site.dir, { base: BASE, siteOrigin: SITE_ORIGIN });
    expect(r.broken.filter((b) => b.page === article)).toEqual([
      { page: article, href: `${BASE}articles/no-such-article/`, reason: expect.stringContaining('no such file') },
      { page: article, href: `${BASE}${article}#no-such-heading`, reason: expect.stringContaining('no element with id') },
    ]);
  });

  it('accepts a copied figure link to a real figure and fails on one to an unknown figure id, planted in a copy', () => {
    // A page with a figure, and that figure's id, read from the build.
    const withFigure = sitePages()
      .filter((p) => p.startsWith('articles/'))
      .map((p) => ({
        page: p,
        id: /<figure\b[^>]*\bid="(fig-[a-z0-9-]+)"/.exec(readFileSync(join(DIST, fileOf(p)), 'utf8'))?.[1],
      }))
      .find((x) => x.id !== undefined);
    expect(withFigure, 'no article with a <figure id="fig-…"> in the build').toBeDefined();
    const { page, id } = withFigure!;
    const site = plantedCopy(DIST);
    cleanup.push(site.remove);
    const good = `${BASE}${page}#${id}=x:1,d:-2_2`;
    const twoFigures = `#${id}=x:1&${id}-not-a-figure=x:2`;
    const unknown = `${BASE}${page}#fig-no-such-figure=f:tanh`;
    site.edit(fileOf(page), (html) =>
      insertInMain(html, `<a href="${good}">good</a><a href="${twoFigures}">two</a><a href="${unknown}">unknown</a>`),
    );
    const r = checkLinks(site.dir, { base: BASE, siteOrigin: SITE_ORIGIN });
    expect(r.broken.filter((b) => b.page === page)).toEqual([
      { page, href: twoFigures, reason: expect.stringContaining(`no figure id "${id}-not-a-figure"`) },
      { page, href: unknown, reason: expect.stringContaining('no figure id "fig-no-such-figure"') },
    ]);
  });
});
