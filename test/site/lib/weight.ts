/**
 * Page weight: what one page of the built site makes the browser download up front, gzip-compressed, by kind.
 *
 * Counted: the page's `<script src>`, `<link rel=modulepreload>`, the island `component-url`/`renderer-url` (Astro loads
 * them when the island hydrates), inline `<script>` text, `<link rel=stylesheet>`, inline `<style>`, and — transitively —
 * the static `import … from "…"` / `export … from "…"` of every JS chunk and the `@import` of every stylesheet.
 * Not counted (and listed separately): dynamic `import("…")` chunks, which load only on demand, and module-worker chunks
 * (files whose name contains "worker", loaded by `new Worker(new URL(…))` off the main thread). Fonts are separate files
 * and never counted as CSS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scanTags } from './html';
import { listFiles, sitePathOf } from './links';

export interface Budget {
  /** JS (gzip bytes) on a page with at least one interactive figure (an Astro island). */
  readonly jsWithFigures: number;
  /** JS (gzip bytes) on a page without figures. */
  readonly jsWithoutFigures: number;
  /** CSS (gzip bytes) on any page. */
  readonly css: number;
}

export const BUDGET: Budget = { jsWithFigures: 40 * 1024, jsWithoutFigures: 2 * 1024, css: 30 * 1024 };

export interface PageWeight {
  readonly page: string;
  readonly figures: number;
  readonly htmlGz: number;
  readonly jsGz: number;
  readonly cssGz: number;
  /** JS files counted (site paths), in the order found. */
  readonly jsFiles: readonly string[];
  readonly cssFiles: readonly string[];
  /** Gzip size of every counted file (and of the inline script/style, as "(inline …)"). */
  readonly fileSizes: readonly { file: string; gz: number }[];
  /** Lazily imported chunks and worker chunks (not counted). */
  readonly lazy: readonly string[];
  readonly workers: readonly string[];
  /** Over-budget messages; empty when the page is within budget. */
  readonly problems: readonly string[];
}

const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;
const isWorker = (path: string) => /worker/i.test(path.split('/').at(-1) ?? '');

/** Static import specifiers of an ES module (the bundler hoists them; minified or not). */
export function staticImports(js: string): string[] {
  const out: string[] = [];
  const stripped = js.replace(/\/\*[\s\S]*?\*\//g, ''); // block comments (license banners) can contain "import"
  for (const m of stripped.matchAll(
    /(?:^|[;\n}\s])(?:import|export)\s*(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s*[\w$]+|\*|\{[^}]*\})?\s*(?:from)?\s*(["'`])([^"'`\n]+)\1/g,
  )) {
    const spec = m[2]!;
    if (/^(\.{1,2})?\//.test(spec)) out.push(spec); // chunks import each other by relative path; anything else is not an import
  }
  return out;
}

/** Dynamic import specifiers with a literal argument, and Vite's preload map entries. */
export function dynamicImports(js: string): string[] {
  const out = [...js.matchAll(/\bimport\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]!);
  const map = /__vite__mapDeps[\s\S]*?\[((?:\s*["'`][^"'`]+["'`]\s*,?)+)\]/.exec(js);
  if (map) for (const m of map[1]!.matchAll(/["'`]([^"'`]+)["'`]/g)) out.push(m[1]!);
  return out;
}

/** Worker chunk references: `new Worker(new URL("…", import.meta.url))` or any string naming a *worker* JS file. */
export function workerReferences(js: string): string[] {
  return [...js.matchAll(/["'`]([^"'`\s]*worker[^"'`\s]*\.m?js)["'`]/gi)].map((m) => m[1]!);
}

/**
 * Weighs every HTML page under `dist` (built for deploy base `base`).
 * Throws when a page references a JS/CSS file the build does not contain (the link gate reports those in detail).
 */
export function weighPages(dist: string, base = '/', budget: Budget = BUDGET): PageWeight[] {
  const b = base === '/' ? '/' : `/${base.replace(/^\/+|\/+$/g, '')}/`;
  const files = listFiles(dist);
  const read = (p: string) => readFileSync(join(dist, p));
  /** Site path (relative to dist) of an URL referenced from `fromPath`, or undefined when it is not on this site. */
  const resolve = (href: string, fromPath: string): string | undefined => {
    const u = new URL(href, `http://site.invalid${b}${fromPath}`);
    if (u.origin !== 'http://site.invalid' || !u.pathname.startsWith(b)) return undefined;
    return decodeURIComponent(u.pathname.slice(b.length));
  };
  const mustExist = (p: string, page: string, href: string) => {
    if (!existsSync(join(dist, p))) throw new Error(`/${page} loads ${href}, which is not in the build`);
  };

  return files
    .filter((f) => f.endsWith('.html'))
    .map((file) => sitePathOf(file))
    .sort()
    .map((page) => {
      const file = page === '' || page.endsWith('/') ? `${page}index.html` : page;
      const html = read(file).toString('utf8');
      const tags = scanTags(html);
      const js = new Set<string>();
      const css = new Set<string>();
      const lazy = new Set<string>();
      const workers = new Set<string>();
      let inlineJs = '';
      let inlineCss = '';
      const addJs = (href: string | undefined, from: string) => {
        if (!href) return;
        const p = resolve(href, from);
        if (p === undefined || js.has(p)) return;
        if (isWorker(p)) {
          workers.add(p);
          return;
        }
        mustExist(p, page, href);
        js.add(p);
        const source = read(p).toString('utf8');
        for (const spec of staticImports(source)) addJs(spec, p);
        for (const spec of dynamicImports(source)) {
          // Vite's preload map lists chunks relative to the base ("_astro/x.js"); import() takes relative paths.
          const d = resolve(spec.startsWith('.') || spec.startsWith('/') ? spec : `${b}${spec}`, p);
          if (d !== undefined && !js.has(d)) lazy.add(d);
        }
        for (const w of workerReferences(source)) {
          const d = resolve(w, p);
          if (d !== undefined) workers.add(d);
        }
      };
      const addCss = (href: string | undefined, from: string) => {
        if (!href) return;
        const p = resolve(href, from);
        if (p === undefined || css.has(p)) return;
        mustExist(p, page, href);
        css.add(p);
        const source = read(p).toString('utf8');
        for (const m of source.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) addCss(m[1], p);
      };
      let figures = 0;
      for (const t of tags) {
        const a = t.attrs;
        if (t.name === 'script') {
          const type = (a.get('type') ?? '').toLowerCase();
          if (a.has('src')) addJs(a.get('src'), file);
          else if (type === '' || type === 'module' || type.includes('javascript')) inlineJs += t.text;
        } else if (t.name === 'link') {
          const rel = (a.get('rel') ?? '').toLowerCase().split(/\s+/);
          if (rel.includes('modulepreload')) addJs(a.get('href'), file);
          if (rel.includes('stylesheet')) addCss(a.get('href'), file);
        } else if (t.name === 'style') {
          inlineCss += t.text;
        } else if (t.name === 'astro-island') {
          figures++;
          addJs(a.get('component-url'), file);
          addJs(a.get('renderer-url'), file);
        }
      }
      for (const p of lazy) if (js.has(p)) lazy.delete(p);
      const fileSizes = [
        ...[...js, ...css].map((file) => ({ file, gz: gz(read(file)) })),
        ...(inlineJs ? [{ file: '(inline scripts)', gz: gz(inlineJs) }] : []),
        ...(inlineCss ? [{ file: '(inline styles)', gz: gz(inlineCss) }] : []),
      ];
      const sum = (pred: (f: string) => boolean) => fileSizes.filter((f) => pred(f.file)).reduce((s, f) => s + f.gz, 0);
      const jsGz = sum((f) => js.has(f) || f === '(inline scripts)');
      const cssGz = sum((f) => css.has(f) || f === '(inline styles)');
      const jsLimit = figures > 0 ? budget.jsWithFigures : budget.jsWithoutFigures;
      const problems: string[] = [];
      if (jsGz > jsLimit) {
        problems.push(
          `/${page}: JS ${kb(jsGz)} KB gzip is over the ${kb(jsLimit)} KB budget for pages ${figures > 0 ? 'with' : 'without'} figures`,
        );
      }
      if (cssGz > budget.css) problems.push(`/${page}: CSS ${kb(cssGz)} KB gzip is over the ${kb(budget.css)} KB budget`);
      return {
        page,
        figures,
        htmlGz: gz(html),
        jsGz,
        cssGz,
        jsFiles: [...js],
        fileSizes,
        cssFiles: [...css],
        lazy: [...lazy],
        workers: [...workers],
        problems,
      };
    });
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The table printed by the gate. */
export function formatWeights(weights: readonly PageWeight[], budget: Budget = BUDGET): string {
  const rows = weights.map((w) => [
    `/${w.page}`,
    String(w.figures),
    kb(w.htmlGz),
    `${kb(w.jsGz)} / ${kb(w.figures > 0 ? budget.jsWithFigures : budget.jsWithoutFigures)}`,
    `${kb(w.cssGz)} / ${kb(budget.css)}`,
    `${w.jsFiles.length} js, ${w.cssFiles.length} css${w.lazy.length ? `, ${w.lazy.length} lazy` : ''}${w.workers.length ? `, ${w.workers.length} worker` : ''}`,
    w.problems.length ? 'OVER' : 'ok',
  ]);
  const head = ['page', 'figures', 'HTML KB', 'JS KB / budget', 'CSS KB / budget', 'files', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  // For a page over budget, what it loads, largest first: where to cut.
  const detail = weights
    .filter((w) => w.problems.length > 0)
    .flatMap((w) => [
      `  ${w.problems.join('; ')}; it loads:`,
      ...w.fileSizes.toSorted((a, b) => b.gz - a.gz).map((f) => `    ${kb(f.gz).padStart(6)} KB  ${f.file}`),
    ]);
  return ['page weight (gzip; workers and lazy chunks not counted):', line(head), ...rows.map(line), ...detail].join('\n');
}
