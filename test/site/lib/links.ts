/**
 * The link gate: every internal reference in the built site resolves to a file, and every `#fragment` to an element id
 * in the page it points to. External links are collected (to be printed), never fetched.
 *
 * "Internal" means same origin as the site. The site is resolved under its deploy base path (`/` or `/why-tanh/`), so a
 * link that forgets the base (`/articles/x/` in a `/why-tanh/` build) is reported as outside the site. Absolute URLs on
 * the canonical origin (canonical links, og:url) are checked as internal too when `siteOrigin` is given.
 *
 * What is checked: `href` of a/area/link (except rel=preconnect/dns-prefetch), `src`/`srcset` of img/source/script/
 * iframe/video/audio/track/embed, `poster`, `data` of object, form `action`, SVG `href`/`xlink:href`, the island
 * `component-url`/`renderer-url` of Astro, `og:url`/`og:image`/`twitter:image` meta content, `url(…)`/`@import` in CSS
 * files, `<loc>`/`<link>` in sitemaps and feeds (on the canonical origin), `Sitemap:` lines of robots.txt and the
 * icons/start URL of a web app manifest.
 *
 * A fragment with "=" is figure state, `#fig-a=f:tanh&fig-b=t:0.5` (src/figures/fragment.ts): it is valid when every
 * segment is `fig-<id>=…` and names the id of a `<figure>` on the target page. The settings themselves are not checked here
 * (each figure parses them and reports problems to the reader).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { figureKeys, segments } from '../../../src/figures/fragment';
import { decodeEntities, figureIds, fragmentTargets, scanTags, type Tag } from './html';

/** A page (or CSS file) of the site and one reference in it that does not resolve. */
export interface BrokenLink {
  /** Site path of the file that holds the reference: `articles/x/`, `404.html`, `_astro/Base.css`. */
  readonly page: string;
  readonly href: string;
  readonly reason: string;
}

export interface LinkReport {
  readonly pages: number;
  /** Internal references checked (pages, assets, fragments included). */
  readonly internal: number;
  /** Of those, references with a `#fragment` that was checked against ids. */
  readonly fragments: number;
  /** External URL → site paths of the pages that link to it. */
  readonly external: ReadonlyMap<string, readonly string[]>;
  readonly broken: readonly BrokenLink[];
}

export interface LinkOptions {
  /** Deploy base path the build was made for: `/` or `/why-tanh/`. */
  readonly base?: string;
  /** The canonical origin (SITE_ORIGIN), whose URLs under `base` are internal. */
  readonly siteOrigin?: string;
}

const LOCAL = 'http://site.invalid';
const IGNORED_SCHEMES = /^(mailto|tel|data|blob|about):/i;

/** Every file under `dir`, as `/`-separated paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** `articles/x/index.html` → `articles/x/`; `404.html` stays. */
export function sitePathOf(file: string): string {
  return file === 'index.html' || file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** The references a tag makes, with the attribute they come from. */
export function referencesOf(tag: Tag): string[] {
  const a = tag.attrs;
  const refs: string[] = [];
  const push = (v: string | undefined) => {
    if (v !== undefined && v.trim() !== '') refs.push(v.trim());
  };
  const srcset = (v: string | undefined) => {
    if (v) for (const part of v.split(',')) push(part.trim().split(/\s+/)[0]);
  };
  switch (tag.name) {
    case 'a':
    case 'area':
      push(a.get('href'));
      break;
    case 'link': {
      const rel = (a.get('rel') ?? '').toLowerCase();
      if (!/\b(preconnect|dns-prefetch)\b/.test(rel)) push(a.get('href'));
      srcset(a.get('imagesrcset'));
      break;
    }
    case 'img':
    case 'source':
      push(a.get('src'));
      srcset(a.get('srcset'));
      break;
    case 'script':
    case 'iframe':
    case 'audio':
    case 'track':
    case 'embed':
      push(a.get('src'));
      break;
    case 'video':
      push(a.get('src'));
      push(a.get('poster'));
      break;
    case 'object':
      push(a.get('data'));
      break;
    case 'form':
      push(a.get('action'));
      break;
    case 'use':
    case 'image':
    case 'feimage':
      push(a.get('href') ?? a.get('xlink:href'));
      break;
    case 'astro-island':
      push(a.get('component-url'));
      push(a.get('renderer-url'));
      break;
    case 'meta': {
      const prop = (a.get('property') ?? a.get('name') ?? '').toLowerCase();
      if (['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image'].includes(prop)) push(a.get('content'));
      break;
    }
  }
  return refs;
}

/** `url(…)` references of a stylesheet (data: URIs and fragments-only left out). */
export function cssReferences(css: string): string[] {
  const refs: string[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
    const v = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (v && !v.startsWith('data:') && !v.startsWith('#')) refs.push(v);
  }
  for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) refs.push(m[1] ?? m[2] ?? '');
  return refs;
}

/**
 * Checks every reference of every HTML page and CSS file under `dist`. Pure apart from reading `dist`.
 */
export function checkLinks(dist: string, options: LinkOptions = {}): LinkReport {
  const base = normaliseBase(options.base ?? '/');
  const siteOrigin = options.siteOrigin?.replace(/\/+$/, '');
  const files = listFiles(dist);
  const fileSet = new Set(files);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  const cssFiles = files.filter((f) => f.endsWith('.css'));
  const idsCache = new Map<string, { ids: Set<string>; figures: Set<string> }>();
  const tagsOf = (file: string) => scanTags(readFileSync(join(dist, file), 'utf8'));
  const targetsOf = (tags: readonly Tag[]) => ({ ids: fragmentTargets(tags), figures: figureIds(tags) });
  const idsOf = (file: string) => {
    let ids = idsCache.get(file);
    if (!ids) {
      ids = targetsOf(tagsOf(file));
      idsCache.set(file, ids);
    }
    return ids;
  };
  const broken: BrokenLink[] = [];
  const external = new Map<string, string[]>();
  let internal = 0;
  let fragments = 0;

  const check = (file: string, href: string) => {
    const page = sitePathOf(file);
    if (IGNORED_SCHEMES.test(href)) return;
    if (/^javascript:/i.test(href)) {
      broken.push({ page, href, reason: 'javascript: URL (blocked by the CSP; use a button and a script)' });
      return;
    }
    let url: URL;
    try {
      url = new URL(href, `${LOCAL}${base}${file.endsWith('.html') ? page : file}`);
    } catch {
      broken.push({ page, href, reason: 'not a valid URL' });
      return;
    }
    let pathname: string;
    if (url.origin === LOCAL) pathname = url.pathname;
    else if (siteOrigin && `${url.protocol}//${url.host}` === siteOrigin && url.pathname.startsWith(base))
      pathname = url.pathname;
    else {
      if (!/^https?:$/.test(url.protocol)) {
        broken.push({ page, href, reason: `unsupported scheme ${url.protocol}` });
        return;
      }
      const list = external.get(url.href) ?? [];
      if (!list.includes(page)) list.push(page);
      external.set(url.href, list);
      return;
    }
    internal++;
    if (!pathname.startsWith(base)) {
      broken.push({ page, href, reason: `outside the base path ${base} (a link that forgot the base?)` });
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(pathname.slice(base.length));
    } catch {
      broken.push({ page, href, reason: 'malformed percent-encoding' });
      return;
    }
    let target: string | undefined;
    if (rel === '' || rel.endsWith('/')) target = fileSet.has(`${rel}index.html`) ? `${rel}index.html` : undefined;
    else if (fileSet.has(rel)) target = rel;
    else if (fileSet.has(`${rel}/index.html`)) {
      broken.push({ page, href, reason: `missing trailing slash (the site uses trailingSlash: 'always'; use ${rel}/)` });
      return;
    }
    if (!target) {
      broken.push({ page, href, reason: `no such file in the build (${rel || 'index.html'})` });
      return;
    }
    if (url.hash.length > 1) {
      if (!target.endsWith('.html')) return; // fragments of non-HTML resources (SVG sprites, PDFs) are not checked
      fragments++;
      let id: string;
      try {
        id = decodeURIComponent(url.hash.slice(1));
      } catch {
        broken.push({ page, href, reason: 'malformed percent-encoding in the fragment' });
        return;
      }
      const { ids, figures } = idsOf(target);
      const where = sitePathOf(target) || '(home)';
      if (id.includes('=')) {
        // Figure state (src/figures/fragment.ts): `#fig-a=f:tanh&fig-b=t:0.5`; every segment must be a figure's
        // and name the id of a figure on the target page (the figure element's id is its key, `fig-a`).
        for (const segment of segments(id)) {
          const key = figureKeys(segment)[0];
          if (key === undefined) {
            broken.push({ page, href, reason: `“${segment}” in a figure-state fragment is not fig-<id>=… (${where})` });
            break;
          }
          if (!figures.has(key)) {
            const what = ids.has(key) ? `"${key}" is not a <figure>` : `no figure id "${key}"`;
            broken.push({ page, href, reason: `figure-state fragment names ${what} in ${where}` });
            break;
          }
        }
      } else if (!ids.has(id) && id !== 'top') {
        broken.push({ page, href, reason: `no element with id "${id}" in ${where}` });
      }
    }
  };

  for (const file of htmlFiles) {
    const tags = tagsOf(file);
    idsCache.set(file, targetsOf(tags));
    // An id used twice: a link to it, the table of contents or a figure's URL state goes to the first one only.
    const count = new Map<string, number>();
    for (const t of tags) {
      const id = t.attrs.get('id');
      if (id) count.set(id, (count.get(id) ?? 0) + 1);
    }
    for (const [id, n] of count) {
      if (n > 1)
        broken.push({ page: sitePathOf(file), href: `#${id}`, reason: `the id "${id}" is on ${n} elements of the page` });
    }
    for (const tag of tags) for (const href of referencesOf(tag)) check(file, href);
  }
  // Heading aliases (frontmatter `headingAliases`) keep old links working: each must land somewhere. A value with a
  // "#" is a link relative to the page (`appendix/#reproduce`), checked like any href; a plain value is an id of the page.
  for (const file of htmlFiles) {
    for (const tag of tagsOf(file)) {
      const json = tag.attrs.get('data-heading-aliases');
      if (!json) continue;
      const page = sitePathOf(file);
      let aliases: Record<string, string>;
      try {
        aliases = JSON.parse(json) as Record<string, string>;
      } catch {
        broken.push({ page, href: json, reason: 'data-heading-aliases is not valid JSON' });
        continue;
      }
      const realIds = new Set(tagsOf(file).flatMap((t) => (t.attrs.get('id') ? [t.attrs.get('id')!] : [])));
      for (const [old, to] of Object.entries(aliases)) {
        if (to.includes('#')) {
          const before = broken.length;
          check(file, to);
          const found = broken.splice(before);
          broken.push(...found.map((b) => ({ ...b, reason: `heading alias "${old}" → ${b.reason}` })));
          continue;
        }
        let id = to;
        const seen = new Set([old]);
        while (!realIds.has(id) && Object.hasOwn(aliases, id) && !seen.has(id)) {
          seen.add(id);
          id = aliases[id]!;
          if (id.includes('#')) break; // a link, checked as its own entry
        }
        if (!realIds.has(id) && !id.includes('#'))
          broken.push({ page, href: `#${old}`, reason: `heading alias "${old}" → "${to}" names no element id` });
      }
    }
  }
  for (const file of cssFiles) {
    for (const href of cssReferences(readFileSync(join(dist, file), 'utf8'))) check(file, href);
  }
  // Sitemaps and feeds list absolute URLs on the canonical origin; a web app manifest lists icons and the start URL.
  for (const file of files.filter((f) => f.endsWith('.xml'))) {
    const xml = readFileSync(join(dist, file), 'utf8');
    for (const m of xml.matchAll(/<(loc|link)>\s*([^<\s]+)\s*<\/\1>/g)) check(file, decodeEntities(m[2]!));
  }
  for (const file of files.filter((f) => f.endsWith('robots.txt'))) {
    for (const m of readFileSync(join(dist, file), 'utf8').matchAll(/^\s*sitemap:\s*(\S+)/gim)) check(file, m[1]!);
  }
  for (const file of files.filter((f) => f.endsWith('.webmanifest'))) {
    const manifest = JSON.parse(readFileSync(join(dist, file), 'utf8')) as { start_url?: string; icons?: { src?: string }[] };
    if (manifest.start_url) check(file, manifest.start_url);
    for (const icon of manifest.icons ?? []) if (icon.src) check(file, icon.src);
  }
  const seen = new Set<string>();
  const unique = broken.filter((b) => {
    const key = `${b.page}\n${b.href}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return { pages: htmlFiles.length, internal, fragments, external, broken: unique };
}

function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** A short human-readable summary for the test output. */
export function formatLinkReport(r: LinkReport, label = 'links'): string {
  const lines = [
    `${label}: ${r.pages} pages, ${r.internal} internal references checked (${r.fragments} with #fragments), ` +
      `${r.external.size} external URLs (listed, not fetched), ${r.broken.length} broken`,
  ];
  for (const [url, pages] of [...r.external].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  external ${url}  ← ${pages.map((p) => `/${p}`).join(', ')}`);
  }
  for (const b of r.broken) lines.push(`  BROKEN in /${b.page}: ${b.href} — ${b.reason}`);
  return lines.join('\n');
}

/** True when `dist` holds a build (used to fail with a clear message instead of a confusing one). */
export function hasBuild(dist: string): boolean {
  return existsSync(join(dist, 'index.html'));
}
