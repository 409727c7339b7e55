/**
 * Planted defects: a throw-away copy of the built site with one file changed, so a gate can be shown to catch
 * exactly that defect. The copy lives in the OS temp dir and is removed by `remove()`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface PlantedSite {
  readonly dir: string;
  /** Replaces a file's text (path relative to the copy) with `edit(old)`; creates the file when it did not exist. */
  edit(path: string, edit: (old: string) => string): void;
  remove(): void;
}

export function plantedCopy(dist: string): PlantedSite {
  const dir = mkdtempSync(join(tmpdir(), 'why-tanh-planted-'));
  cpSync(dist, dir, { recursive: true });
  return {
    dir,
    edit(path, edit) {
      const file = join(dir, path);
      let old = '';
      try {
        old = readFileSync(file, 'utf8');
      } catch {
        mkdirSync(dirname(file), { recursive: true });
      }
      writeFileSync(file, edit(old));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Inserts `snippet` right after the opening `<main …>` tag (or `<body>`), failing loudly when neither exists. */
export function insertInMain(html: string, snippet: string): string {
  const m = /<main\b[^>]*>/i.exec(html) ?? /<body\b[^>]*>/i.exec(html);
  if (!m) throw new Error('planted page has no <main> or <body>');
  return html.slice(0, m.index + m[0].length) + snippet + html.slice(m.index + m[0].length);
}

/** The file inside dist that serves a site path (`articles/x/` → `articles/x/index.html`). */
export function fileOf(sitePath: string): string {
  return sitePath === '' || sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
}

/**
 * A script (to serve from the site's own origin, which the CSP allows) that pushes the page's `<main>` content down by
 * `px` pixels `ms` milliseconds after the first contentful paint: a late layout shift that a reader would see. Timed
 * from the first paint, not from load: a push before the first paint moves nothing a reader saw and rightly counts for
 * nothing, so a gate would look blind when it is not.
 */
export function latePushScript(px: number, ms: number): string {
  return (
    `const push = () => { const d = document.createElement('div'); d.style.height = '${px}px'; document.querySelector('main')?.prepend(d); };\n` +
    `new PerformanceObserver((list, obs) => { if (list.getEntriesByName('first-contentful-paint').length) { obs.disconnect(); setTimeout(push, ${ms}); } }).observe({ type: 'paint', buffered: true });`
  );
}
