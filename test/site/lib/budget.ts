/**
 * The article budget (issue 19): how heavy each article and appendix page of the built site is, as a reader's phone
 * receives it — its HTML in bytes (uncompressed, as the parser must read it) and its DOM elements once every island
 * has hydrated (as the browser must lay them out).
 *
 * Budgets: an article ≤ 150 KB of HTML and ≤ 2 500 elements; an appendix ≤ 300 KB of HTML (its elements are printed,
 * not limited). Pages over budget today are listed in a ratchet, `KNOWN_OVER` (test/site/budget.test.ts), with their
 * current figures; the ratchet may only shrink. This module is pure: it classifies pages, judges measurements and
 * formats the table; the test measures (bytes from dist/, elements in headless Chromium).
 */

export const KB = 1024;

export interface Budget {
  readonly articleHtml: number;
  readonly articleElements: number;
  readonly appendixHtml: number;
}

export const BUDGET: Budget = { articleHtml: 150 * KB, articleElements: 2500, appendixHtml: 300 * KB };

export type PageKind = 'article' | 'appendix';
const KIND_ORDER: readonly PageKind[] = ['article', 'appendix'];

/** `articles/x/`, `zh/articles/x/` → article; `…/articles/x/appendix/` → appendix; any other page → undefined. */
export function pageKind(page: string): PageKind | undefined {
  if (/^([a-z]{2}\/)?articles\/[a-z0-9-]+\/$/.test(page)) return 'article';
  if (/^([a-z]{2}\/)?articles\/[a-z0-9-]+\/appendix\/$/.test(page)) return 'appendix';
  return undefined;
}

/**
 * A page's HTML in bytes (UTF-8, uncompressed), not counting the text of its islands' ids. Astro hashes each island's
 * absolute source path into its `uid` (`<astro-island uid="Z1Fc6lo">`, 5 to 7 characters), so the same source builds a
 * few bytes larger or smaller in another checkout (/zh/articles/activation-functions/ was 4 bytes larger built in
 * /tmp than in /work/wt/…), which an exact ratchet would read as growth on CI.
 */
export function htmlBytes(html: string): number {
  return Buffer.byteLength(html.replace(/(<astro-island\b[^>]*?\suid=")[^"]*"/g, '$1"'), 'utf8');
}

export interface Measurement {
  /** Site path: `articles/x/`. */
  readonly page: string;
  /** Size of the page's HTML, uncompressed ({@link htmlBytes}: island ids not counted). */
  readonly htmlBytes: number;
  /** Elements in the document after hydration (`document.querySelectorAll('*').length`). */
  readonly elements: number;
}

/** A page allowed over budget for now, with the figures it may not exceed (its figures when it was listed). */
export interface KnownOver {
  readonly htmlBytes?: number;
  readonly elements?: number;
}

export type Status = 'ok' | 'known over' | 'OVER';

export interface Row extends Measurement {
  readonly kind: PageKind;
  readonly htmlLimit: number;
  /** undefined: elements are printed, not limited (appendices). */
  readonly elementLimit: number | undefined;
  readonly status: Status;
  /** What fails this page (empty when it passes). */
  readonly problems: readonly string[];
}

export interface Verdict {
  readonly rows: readonly Row[];
  /** Every failure, the page's and the ratchet's (entries for pages that are gone). */
  readonly problems: readonly string[];
}

export const kb = (bytes: number) => (bytes / KB).toFixed(1);
const n = (x: number) => x.toLocaleString('en-US');

/**
 * Judges every article and appendix page of `measured` against the budget and the ratchet `knownOver`:
 * - within budget and not listed: ok;
 * - over budget and not listed: OVER (fails);
 * - over budget, listed, and no larger than listed: known over (passes, printed);
 * - listed but larger than listed: fails ("grew");
 * - listed but now within budget on that figure: fails until its entry (or that figure of it) is removed;
 * - listed but not built: fails (a stale entry).
 * Pages of other kinds (home, search…) are ignored.
 */
export function judge(
  measured: readonly Measurement[],
  knownOver: Readonly<Record<string, KnownOver>> = {},
  budget: Budget = BUDGET,
): Verdict {
  const rows: Row[] = [];
  for (const m of measured) {
    const kind = pageKind(m.page);
    if (!kind) continue;
    const htmlLimit = kind === 'article' ? budget.articleHtml : budget.appendixHtml;
    const elementLimit = kind === 'article' ? budget.articleElements : undefined;
    const known = knownOver[m.page];
    const problems: string[] = [];
    let knownOverUsed = false;
    const figure = (
      what: string,
      value: number,
      limit: number | undefined,
      ceiling: number | undefined,
      show: (x: number) => string,
    ) => {
      if (limit === undefined) {
        if (ceiling !== undefined) problems.push(`/${m.page}: ${what} has no budget on this page; delete it from KNOWN_OVER`);
        return;
      }
      if (value <= limit) {
        if (ceiling !== undefined)
          problems.push(`/${m.page}: ${what} ${show(value)} now fits the budget of ${show(limit)}; delete it from KNOWN_OVER`);
        return;
      }
      if (ceiling === undefined) {
        problems.push(`/${m.page}: ${what} ${show(value)} is over the budget of ${show(limit)}`);
      } else if (value > ceiling) {
        problems.push(
          `/${m.page}: ${what} ${show(value)} grew past its KNOWN_OVER figure ${show(ceiling)} (budget ${show(limit)}); pages over budget may only shrink`,
        );
      } else {
        knownOverUsed = true;
      }
    };
    figure('HTML', m.htmlBytes, htmlLimit, known?.htmlBytes, (x) => `${kb(x)} KB`);
    figure('DOM', m.elements, elementLimit, known?.elements, (x) => `${n(x)} elements`);
    const status: Status = problems.length > 0 ? 'OVER' : knownOverUsed ? 'known over' : 'ok';
    rows.push({ ...m, kind, htmlLimit, elementLimit, status, problems });
  }
  rows.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.page.localeCompare(b.page));
  const built = new Set(measured.map((m) => m.page));
  const stale = Object.keys(knownOver)
    .filter((p) => !built.has(p))
    .map((p) => `/${p} is listed in KNOWN_OVER but is not in the build; delete its entry`);
  return { rows, problems: [...rows.flatMap((r) => r.problems), ...stale] };
}

/** The figures of a row that are over its budget, in words. */
function overFigures(r: Row): string[] {
  const out: string[] = [];
  if (r.htmlBytes > r.htmlLimit) out.push(`HTML ${kb(r.htmlBytes)} KB > ${kb(r.htmlLimit)} KB`);
  if (r.elementLimit !== undefined && r.elements > r.elementLimit)
    out.push(`DOM ${n(r.elements)} > ${n(r.elementLimit)} elements`);
  return out;
}

/** The table the gate prints: one line per page, its figures against its budget, and a closing OVER line per failure. */
export function formatBudget(verdict: Verdict): string {
  const head = ['page', 'kind', 'HTML KB / budget', 'DOM elements / budget', 'status'];
  const rows = verdict.rows.map((r) => [
    `/${r.page}`,
    r.kind,
    `${kb(r.htmlBytes)} / ${kb(r.htmlLimit)}`,
    `${n(r.elements)} / ${r.elementLimit === undefined ? '—' : n(r.elementLimit)}`,
    r.status,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const over = verdict.rows.filter((r) => r.status !== 'ok').length;
  return [
    `article budget (HTML uncompressed; DOM elements after hydration): ${verdict.rows.length} pages, ${over} over budget ` +
      `(${verdict.rows.filter((r) => r.status === 'known over').length} of them known), ${verdict.problems.length} failures`,
    line(head),
    ...rows.map(line),
    ...verdict.rows
      .filter((r) => r.status === 'known over')
      .map((r) => `OVER (known, in KNOWN_OVER; may only shrink) /${r.page}: ${overFigures(r).join(', ')}`),
    ...verdict.problems.map((p) => `OVER ${p}`),
  ].join('\n');
}
