/**
 * Old section links must keep working (issue 19, item 5): the ids a reader may have linked to on the site as it was
 * before the articles were shortened — headings, figures, tables, sections, bibliography entries, glossary terms — are
 * kept in test/site/known-ids.json (written once by scripts/known-ids.ts), and each one must still resolve on the
 * built site: as an element id of the same page, or through the page's `headingAliases` (frontmatter, rendered as
 * `data-heading-aliases`) to an id of the same page or to a place on another page (`"appendix/#reproduce"`).
 *
 * Not kept: ids of form controls and islands' internals, text-level elements (`span`, `strong`, `p`, `a` — the
 * citation anchors `cite-<key>-<n>` are renumbered whenever a citation moves and are reached from the bibliography's
 * back-links, which the link gate checks), and Astro's numbered island ids.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { scanTags, type Tag } from './html.ts';

/** Elements whose id a reader can land on: headings and block-level structure. */
const LINKABLE = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'main',
  'article',
  'section',
  'aside',
  'nav',
  'header',
  'footer',
  'figure',
  'figcaption',
  'table',
  'caption',
  'tr',
  'th',
  'td',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'div',
  'details',
  'blockquote',
  'pre',
]);

/** The linkable ids of one page, in document order, each with its element's tag name. */
export function linkableIds(tags: readonly Tag[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags) {
    const id = t.attrs.get('id');
    if (id && LINKABLE.has(t.name) && !(id in out)) out[id] = t.name;
  }
  return out;
}

/** Site path → its linkable ids (id → tag name), for every HTML page under `dist`. */
export function collectIds(dist: string): Record<string, Record<string, string>> {
  const pages: Record<string, Record<string, string>> = {};
  // Plain Node runs this module (scripts/known-ids.ts): no imports that need the bundler's extension resolution.
  const files = (readdirSync(dist, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.html'))
    .sort();
  for (const file of files) {
    const page = file === 'index.html' || file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
    pages[page] = linkableIds(scanTags(readFileSync(join(dist, file), 'utf8')));
  }
  return pages;
}

/** What a page offers to an incoming `#fragment`: its element ids and its heading aliases (old id → id or relative URL). */
export interface PageTargets {
  readonly ids: ReadonlySet<string>;
  readonly aliases: Readonly<Record<string, string>>;
}

/** Every element id of a page (all of them, not only the linkable ones) and its `data-heading-aliases`. */
export function pageTargets(html: string): PageTargets {
  const ids = new Set<string>();
  let aliases: Record<string, string> = {};
  for (const t of scanTags(html)) {
    const id = t.attrs.get('id');
    if (id) ids.add(id);
    const json = t.attrs.get('data-heading-aliases');
    if (json) aliases = { ...aliases, ...(JSON.parse(json) as Record<string, string>) };
  }
  return { ids, aliases };
}

/**
 * Where an incoming link `page#id` lands: `{ page, id }` of the element it reaches (following aliases, across pages),
 * or a reason why it lands nowhere. `targetsOf(page)` returns undefined for a page that is not built. `base` is the
 * deploy base path of the build (aliases that are relative URLs are resolved like the browser does).
 */
export function resolveId(
  page: string,
  id: string,
  targetsOf: (page: string) => PageTargets | undefined,
  base = '/',
): { page: string; id: string } | { reason: string } {
  const seen = new Set<string>();
  let here = page;
  let want = id;
  for (;;) {
    const key = `${here}#${want}`;
    if (seen.has(key)) return { reason: `aliases loop at /${key}` };
    seen.add(key);
    const targets = targetsOf(here);
    if (!targets) return { reason: `page /${here} is not in the build` };
    if (targets.ids.has(want)) return { page: here, id: want };
    if (!Object.hasOwn(targets.aliases, want)) return { reason: `no element with id "${want}" and no heading alias on /${here}` };
    const to = targets.aliases[want]!;
    if (!to.includes('#')) {
      want = to;
      continue;
    }
    const url = new URL(to, `http://site.invalid${base}${here}`);
    if (url.origin !== 'http://site.invalid' || !url.pathname.startsWith(base))
      return { reason: `alias of "${want}" on /${here} leaves the site: ${to}` };
    here = decodeURIComponent(url.pathname.slice(base.length));
    want = decodeURIComponent(url.hash.slice(1));
  }
}
