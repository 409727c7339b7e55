import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE, DIST, sharePages, sitePages } from '../support/site';
import { fileOf, insertInMain, plantedCopy } from './lib/plant';
import { BUDGET, dynamicImports, formatWeights, staticImports, weighPages } from './lib/weight';

const cleanup: (() => void)[] = [];
afterAll(() => cleanup.forEach((f) => f()));

/** Incompressible JavaScript of about `bytes` bytes (random base64 in a string), so gzip cannot shrink it away. */
const bulkyJs = (bytes: number) => `export const blob = "${randomBytes(Math.ceil((bytes * 3) / 4)).toString('base64')}";\n`;

describe('the import scanner', () => {
  it('finds static imports of minified and formatted chunks, and dynamic ones separately', () => {
    const js =
      `/* import "./banner.js" */import{n as e}from"./hooks.js";import*as m from'./ns.js';import"./side.js";` +
      `export{x}from"./re.js";export*from"../up.js";const w=import("./lazy.js");import.meta.url;export default"not-a-path";\n` +
      `import { a,\n b } from "./multi.js";`;
    expect(staticImports(js)).toEqual(['./hooks.js', './ns.js', './side.js', './re.js', '../up.js', './multi.js']);
    expect(dynamicImports(js)).toEqual(['./lazy.js']);
    expect(
      dynamicImports('const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/a.js","_astro/b.js"])))=>i;'),
    ).toEqual(['_astro/a.js', '_astro/b.js']);
  });
});

/**
 * Figure pages known to be over the 40 KB JS target, each with a ceiling just above its weight, so that any growth
 * still fails; the test prints them as OVER TARGET. (It was empty from the day the Chinese activation-functions page
 * dropped from 41.7 to 37.8 KB, when each edition's entries began to load only their own language's figure words, and
 * is empty again since issue 25's three pages came back under on 2026-12-07: the cell explorer computes its step with
 * lstmStep instead of createLstm, and the bundles carry only d3-interpolate's number interpolators.)
 * Every page is held to the budget; add an entry only with an issue.
 */
const KNOWN_OVER_TARGET_JS: Readonly<Record<string, number>> = {};

describe('the page-weight budget', () => {
  it(`keeps every page within budget (JS ≤ ${BUDGET.jsWithFigures / 1024} KB with figures except the ${Object.keys(KNOWN_OVER_TARGET_JS).length} pages listed as over target, each under its own ceiling; ≤ ${BUDGET.jsWithoutFigures / 1024} KB without figures; CSS ≤ ${BUDGET.css / 1024} KB; gzip)`, () => {
    const weights = weighPages(DIST, BASE);
    console.log(formatWeights(weights));
    expect(weights.map((w) => w.page)).toEqual([...sitePages(), ...sharePages()].sort());
    // the figure pages really count the island's code (component + renderer + their imports), not just the page's own script
    for (const w of weights.filter((x) => x.figures > 0)) expect(w.jsFiles.length).toBeGreaterThanOrEqual(3);
    const problems = weights.flatMap((w) => {
      const ceiling = KNOWN_OVER_TARGET_JS[w.page];
      if (ceiling === undefined) return w.problems;
      const rest = w.problems.filter((p) => !/: JS .* over the .* budget for pages with figures$/.test(p));
      if (w.jsGz > ceiling)
        return [
          ...rest,
          `/${w.page}: JS ${(w.jsGz / 1024).toFixed(1)} KB gzip is over its known-over-target ceiling of ${(ceiling / 1024).toFixed(1)} KB`,
        ];
      if (w.jsGz > BUDGET.jsWithFigures)
        console.log(
          `OVER TARGET (known): /${w.page} JS ${(w.jsGz / 1024).toFixed(1)} KB gzip > ${BUDGET.jsWithFigures / 1024} KB`,
        );
      return rest;
    });
    expect(problems).toEqual([]);
  });

  it('lists only pages that exist and are still over the target', () => {
    const weights = new Map(weighPages(DIST, BASE).map((w) => [w.page, w]));
    for (const page of Object.keys(KNOWN_OVER_TARGET_JS)) {
      expect(weights.has(page), page).toBe(true);
      expect(weights.get(page)!.jsGz, `${page} now fits the budget: delete it from KNOWN_OVER_TARGET_JS`).toBeGreaterThan(
        BUDGET.jsWithFigures,
      );
    }
  });

  it('ships no colour parser and no generic interpolator: d3-interpolate is replaced by its number interpolators (every scale maps numbers to numbers)', () => {
    const chunks = readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.js'));
    const withColours = chunks.filter((f) => readFileSync(join(DIST, '_astro', f), 'utf8').includes('aliceblue'));
    expect(withColours, 'chunks containing d3-color’s table of named colours').toEqual([]);
    // d3-interpolate's string interpolator finds the numbers in a string with this regular expression
    const withStrings = chunks.filter((f) =>
      readFileSync(join(DIST, '_astro', f), 'utf8').includes(String.raw`(?:\d+\.?\d*|\.?\d+)(?:[eE][-+]?\d+)?/g`),
    );
    expect(withStrings, 'chunks containing d3-interpolate’s generic (string) interpolation').toEqual([]);
  });

  it('ships KaTeX’s fonts as WOFF2 only, all 20 of them (src/integrations/katex-woff2.mjs)', () => {
    const files = readdirSync(join(DIST, '_astro'));
    expect(files.filter((f) => /^KaTeX_.*\.(woff|ttf)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /^KaTeX_.*\.woff2$/.test(f))).toHaveLength(20);
  });

  it('fails on a planted oversized page, counting JS reached through static imports', () => {
    const article = sitePages().find((p) => p.startsWith('articles/'))!;
    const site = plantedCopy(DIST);
    cleanup.push(site.remove);
    // article: a module that statically imports a 50 KB chunk, plus a worker chunk that must NOT count
    site.edit(
      '_astro/planted-entry.js',
      () =>
        `import{blob as b}from"./planted-heavy.js";new Worker(new URL("./planted.worker.js",import.meta.url),{type:"module"});console.log(b);`,
    );
    site.edit('_astro/planted-heavy.js', () => bulkyJs(50 * 1024));
    site.edit('_astro/planted.worker.js', () => bulkyJs(200 * 1024));
    site.edit(fileOf(article), (html) =>
      html.replace('</head>', `<script type="module" src="${BASE}_astro/planted-entry.js"></script></head>`),
    );
    // home page (no figures): 3 KB of inline script is over its 2 KB budget; 40 KB of CSS over the CSS budget
    site.edit(
      '_astro/planted.css',
      () => `.x{background:url("data:image/png;base64,${randomBytes(30 * 1024).toString('base64')}")}`,
    );
    site.edit('index.html', (html) =>
      insertInMain(
        html,
        `<script>window.x="${randomBytes(3 * 1024).toString('base64')}"</script><link rel="stylesheet" href="${BASE}_astro/planted.css">`,
      ),
    );
    const weights = weighPages(site.dir, BASE);
    console.log(formatWeights(weights));
    const byPage = new Map(weights.map((w) => [w.page, w]));
    expect(byPage.get(article)!.problems).toEqual([
      expect.stringMatching(/^\/articles\/.*: JS .* KB gzip is over the 40\.0 KB budget for pages with figures$/),
    ]);
    expect(byPage.get(article)!.jsFiles).toContain('_astro/planted-heavy.js');
    expect(byPage.get(article)!.workers).toEqual(['_astro/planted.worker.js']);
    expect(byPage.get('')!.problems).toEqual([
      expect.stringContaining('over the 2.0 KB budget for pages without figures'),
      expect.stringContaining('CSS'),
    ]);
  });
});
