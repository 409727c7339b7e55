import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The built site (`npm run build` writes it). DIST_DIR overrides, e.g. for the base-path build. */
export const DIST = process.env['DIST_DIR'] ?? join(process.cwd(), 'dist');
/** The deploy base path the build in DIST was made for. */
export const BASE = process.env['BASE_PATH'] ? `/${process.env['BASE_PATH'].replace(/^\/+|\/+$/g, '')}/` : '/';

/** Whether a site path is a share page (`s/x/y/`, `zh/s/x/y/`): a redirect with a link preview, tested on its own. */
export const isSharePage = (path: string): boolean => /^([a-z]{2}\/)?s\//.test(path);

/**
 * Every HTML page of the built site as a site path: `''` (home), `articles/x/`, `404.html` — without the share pages
 * (`s/…`, {@link sharePages}), which only send a reader on to an article and have tests of their own.
 */
export function sitePages(dist = DIST): string[] {
  return allPages(dist).filter((p) => !isSharePage(p));
}

/** The share pages of the built site: `s/<slug>/<section>/`, `zh/s/<slug>/<section>/`, `s/<slug>/fig-<id>/<preset>/`. */
export function sharePages(dist = DIST): string[] {
  return allPages(dist).filter(isSharePage);
}

function allPages(dist: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) pages.push(relative(dist, full).split(sep).join('/'));
    }
  };
  walk(dist);
  return pages.map((p) => (p.endsWith('index.html') ? p.slice(0, -'index.html'.length) : p)).sort();
}

/**
 * The pages the per-page browser tests visit: every page of the build, or only the site paths listed in TEST_PAGES
 * (comma-separated, e.g. `articles/x/,zh/articles/x/`), which `npm run check` sets to the articles a change touches.
 */
export function pagesUnderTest(pages: readonly string[] = sitePages()): string[] {
  const only = process.env['TEST_PAGES']?.split(',').filter(Boolean);
  return only ? pages.filter((p) => only.includes(p)) : [...pages];
}
