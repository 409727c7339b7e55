/**
 * Lighthouse on every page of the built site, with its mobile defaults (Moto G Power emulation, slow 4G, 4× CPU
 * slowdown, simulated throttling), the site served locally with gzip like a real host (test/support/static-server.ts, `gzip: true`).
 *
 * Two tests per page:
 * - accessibility, best practices and SEO ≥ 0.98 and CLS = 0, in every run (these do not depend on the host's speed);
 * - performance ≥ 0.95 for the median of three runs at Lighthouse's fixed 4× slowdown (the site's target, 0.98, is
 *   printed beside it), judged by the policy of test/site/lib/lighthouse-policy.ts: a median that misses is a verdict
 *   on the page only when every run's host benchmarked at benchmarkIndex ≥ 1000 (Lighthouse's own "slower CPU than
 *   expected" threshold); otherwise the test is SKIPPED and the table says "not measured" with the index and load
 *   average: the bar is never lowered, and a loaded host never fails a page on its own account.
 * A table per page is printed at the end: the four scores, FCP, LCP, TBT, Speed Index, CLS, host benchmark and load.
 * The planted-defect test shows the gate failing a page with a late layout shift and an image without a text alternative.
 *
 * Slow (≈ 15–40 s per run): one Chromium for the whole file, pages audited one after another.
 * LIGHTHOUSE=0 skips the Lighthouse runs (quick local loops only; CI always runs them).
 */
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lighthouse from 'lighthouse';
import { chromium, type Browser } from 'playwright-core';
import { CHROME_PATH } from '../support/browser';
import { BASE, DIST, sitePages } from '../support/site';
import { startStaticServer, type StaticServer } from '../support/static-server';
import {
  ENFORCED_SCORE,
  QUIET_BENCHMARK_INDEX,
  RUNS,
  TARGET_SCORE,
  medianScore,
  perfVerdict,
  wantsAnotherRun,
  type PerfRun,
  type PerfVerdict,
} from './lib/lighthouse-policy';
import { fileOf, insertInMain, latePushScript, plantedCopy } from './lib/plant';

const MIN_SCORE = 0.98;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
/** The core metrics printed per page (Lighthouse audit ids and a short column name). */
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['speed-index', 'SI'],
] as const;
const pages = sitePages();
const skip = process.env['LIGHTHOUSE'] === '0';
const CORES = availableParallelism();

interface Run extends PerfRun {
  scores: Record<Category, number>;
  /** Core metric values in ms, by audit id. */
  metrics: Record<(typeof METRICS)[number][0], number>;
  cls: number;
  /** 1-minute load average when the run ended. */
  load: number;
  seconds: number;
  /** Scored audits below 1 in a category under MIN_SCORE (and the layout shifts when CLS > 0), for failure messages. */
  failing: string[];
}

interface PageReport {
  page: string;
  runs: Run[];
  perf: PerfVerdict;
}

let browser: Browser;
let port: number;
const servers: StaticServer[] = [];
const reports = new Map<string, Promise<PageReport>>();
const started = Date.now();

/** A free TCP port for Chromium's DevTools endpoint, which Lighthouse connects to. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/** Up to three elements or URLs an audit blames, so a failure names what to fix. */
function where(audit: { details?: unknown } | undefined): string {
  const items = (audit?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  const names = items.slice(0, 3).map((item) => {
    const node = item['node'] as { selector?: string; snippet?: string; explanation?: string } | undefined;
    if (node)
      return `${node.selector ?? ''} ${node.snippet?.slice(0, 100) ?? ''}${node.explanation ? ` (${node.explanation.split('\n')[0]})` : ''}`;
    const ms = ['duration', 'scripting', 'total'].map((k) => item[k]).find((v) => typeof v === 'number') as number | undefined;
    return `${String(item['url'] ?? item['source'] ?? JSON.stringify(item).slice(0, 120))}${ms ? ` ${Math.round(ms)} ms` : ''}`;
  });
  return names.length ? `\n      at ${names.join('\n      at ')}` : '';
}

/** One Lighthouse run of `url` (a page of the server it belongs to). */
async function run(url: string): Promise<Run> {
  const t0 = Date.now();
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? 0])) as Run['scores'];
  const failing: string[] = [];
  for (const c of CATEGORIES) {
    if (scores[c] >= MIN_SCORE) continue;
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 1) {
        // TBT names no element: blame the long tasks and the scripts that ran them instead
        const blame =
          a.id === 'total-blocking-time' ? `${where(lhr.audits['long-tasks'])}${where(lhr.audits['bootup-time'])}` : where(a);
        failing.push(`${c}: ${a.id} = ${a.score}${a.displayValue ? ` (${a.displayValue})` : ''} — ${a.title}${blame}`);
      }
    }
  }
  const cls = lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN;
  if (cls !== 0) failing.push(`CLS = ${cls}${where(lhr.audits['layout-shifts'])}`);
  return {
    score: scores.performance,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    scores,
    metrics: Object.fromEntries(METRICS.map(([id]) => [id, lhr.audits[id]?.numericValue ?? Number.NaN])) as Run['metrics'],
    cls,
    load: loadavg()[0]!,
    seconds: (Date.now() - t0) / 1000,
    failing,
  };
}

/** Runs `url` RUNS times and judges the median. */
async function audit(page: string, server: StaticServer): Promise<PageReport> {
  const runs: Run[] = [];
  do runs.push(await run(server.url(page)));
  while (wantsAnotherRun(runs));
  return { page, runs, perf: perfVerdict(runs, ENFORCED_SCORE) };
}

/** The report of a site page, audited once however many tests ask for it. */
function reportOf(page: string): Promise<PageReport> {
  let r = reports.get(page);
  if (!r) reports.set(page, (r = audit(page, servers[0]!)));
  return r;
}

const host = (runs: readonly Run[]) =>
  `benchmarkIndex ${runs.map((r) => r.benchmarkIndex).join('/')}, load average ${runs.map((r) => r.load.toFixed(1)).join('/')} on ${CORES} cores`;

beforeAll(async () => {
  if (skip) return;
  port = await freePort();
  servers.push(await startStaticServer(DIST, BASE, { gzip: true })); // gzip, like any real host
  if (!existsSync(CHROME_PATH))
    throw new Error(`Chromium was not found at ${CHROME_PATH} (install "chromium" or set CHROME_PATH).`);
  // The harness's flags (see test/support/browser.ts) plus a DevTools port for Lighthouse.
  browser = await chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--remote-debugging-port=${port}`,
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  const done = (await Promise.allSettled([...reports.values()]))
    .filter((r): r is PromiseFulfilledResult<PageReport> => r.status === 'fulfilled')
    .map((r) => r.value);
  if (done.length === 0) return;
  const fmt = (n: number) => n.toFixed(2);
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const rows = done.map(({ page, runs, perf }) => {
    // the metrics of the median run
    const r = runs.find((x) => x.score === perf.median) ?? runs[0]!;
    const verdict = {
      pass: perf.median >= TARGET_SCORE ? 'ok' : `ok (below the ${TARGET_SCORE} target)`,
      fail: `BELOW ${ENFORCED_SCORE}`,
      'not-measured': 'NOT MEASURED (host loaded)',
    }[perf.kind];
    return [
      `/${page}`,
      ...CATEGORIES.map((c) => fmt(c === 'performance' ? perf.median : Math.min(...runs.map((x) => x.scores[c])))),
      runs.map((x) => fmt(x.score)).join('/'),
      ...METRICS.map(([id]) => (id === 'total-blocking-time' ? `${Math.round(r.metrics[id])} ms` : sec(r.metrics[id]))),
      String(Number(Math.max(...runs.map((x) => x.cls)).toFixed(3))),
      runs.map((x) => x.benchmarkIndex).join('/'),
      runs.map((x) => x.load.toFixed(1)).join('/'),
      verdict,
    ];
  });
  const head = [
    'page',
    'perf',
    'a11y',
    'best-pr',
    'seo',
    'perf/run',
    ...METRICS.map(([, n]) => n),
    'CLS',
    'bench/run',
    'load/run',
    'performance',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  const loaded = done.filter((d) => d.perf.kind === 'not-measured').length;
  console.log(
    [
      `Lighthouse (mobile, 4× CPU, slow 4G; every score ≥ ${MIN_SCORE}, CLS 0): ${done.length} pages in ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
        `performance is the median of ${RUNS} runs (enforced ≥ ${ENFORCED_SCORE}, target ${TARGET_SCORE}), a verdict on a miss only when every run's host benchmarked ≥ ${QUIET_BENCHMARK_INDEX}; metrics of the median run`,
      line(head),
      ...rows.map(line),
      ...(loaded
        ? [
            `PERFORMANCE NOT ENFORCED on ${loaded} page(s): every run was on a loaded host (benchmarkIndex < ${QUIET_BENCHMARK_INDEX}). Re-run on a quiet machine.`,
          ]
        : []),
    ].join('\n'),
  );
});

describe.skipIf(skip)('Lighthouse (mobile)', () => {
  for (const page of pages) {
    it(
      `/${page}: accessibility, best practices and SEO ≥ ${MIN_SCORE} and CLS = 0, in every run`,
      { timeout: 600_000 },
      async () => {
        const { runs } = await reportOf(page);
        for (const [i, r] of runs.entries()) {
          const problems = r.failing.filter((f) => !f.startsWith('performance:'));
          expect(problems, `/${page}, run ${i + 1} of ${runs.length}`).toEqual([]);
        }
      },
    );

    it(
      `/${page}: performance ≥ ${ENFORCED_SCORE} for the median of ${RUNS} runs (skipped when it misses and a run's host benchmarked < ${QUIET_BENCHMARK_INDEX})`,
      { timeout: 600_000 },
      async (ctx) => {
        const { runs, perf } = await reportOf(page);
        if (perf.kind === 'not-measured') {
          const note = `performance not measured: median ${perf.median} of ${runs.length} runs, some on a loaded host (${host(runs)})`;
          console.warn(`/${page}: ${note}`);
          ctx.skip(note);
        }
        const blame = runs.find((r) => r.score === perf.median)?.failing.filter((f) => f.startsWith('performance:')) ?? [];
        expect(perf.median, `/${page} performance (${host(runs)})\n  ${blame.join('\n  ')}`).toBeGreaterThanOrEqual(
          ENFORCED_SCORE,
        );
      },
    );
  }

  it(
    'fails a planted page whose content shifts after load and whose image has no text alternative',
    { timeout: 300_000 },
    async () => {
      const page = pages.includes('404.html') ? '404.html' : pages[0]!;
      const planted = plantedCopy(DIST);
      try {
        // Pushes the page down half a second after its first contentful paint (see latePushScript).
        planted.edit('planted-shift.js', () => latePushScript(300, 500));
        planted.edit(fileOf(page), (html) =>
          insertInMain(
            html,
            `<script type="module" src="${BASE}planted-shift.js"></script><img src="${BASE}favicon.svg" width="32" height="32">`,
          ),
        );
        const server = await startStaticServer(planted.dir, BASE, { gzip: true });
        servers.push(server);
        const r = await run(server.url(page));
        expect(r.failing.join('\n')).toMatch(/^accessibility: image-alt = 0/m);
        expect(r.cls, r.failing.join('\n')).toBeGreaterThan(0);
      } finally {
        planted.remove();
      }
    },
  );
});

describe('the Lighthouse performance policy', () => {
  const quiet = (score: number) => ({ score, benchmarkIndex: QUIET_BENCHMARK_INDEX + 500 });
  const loaded = (score: number) => ({ score, benchmarkIndex: QUIET_BENCHMARK_INDEX - 500 });

  it('passes a page whose median reaches the threshold, on a loaded host too', () => {
    expect(perfVerdict([loaded(0.7), loaded(0.99), loaded(0.96)], 0.95)).toEqual({ kind: 'pass', median: 0.96 });
    expect(perfVerdict([quiet(0.95), quiet(0.5), quiet(1)], 0.95).kind).toBe('pass');
  });

  it('fails a page whose median misses on a quiet host, however good its best run', () => {
    expect(perfVerdict([quiet(0.9), quiet(0.99), quiet(0.93)], 0.95)).toEqual({ kind: 'fail', median: 0.93 });
  });

  it('concludes nothing when the median misses and a run was on a loaded host', () => {
    expect(perfVerdict([quiet(0.6), loaded(0.8), quiet(0.7)], 0.95)).toEqual({ kind: 'not-measured', median: 0.7 });
  });

  it(`runs every page ${RUNS} times`, () => {
    expect(wantsAnotherRun([quiet(1)])).toBe(true);
    expect(wantsAnotherRun([quiet(1), quiet(1)])).toBe(true);
    expect(wantsAnotherRun([quiet(1), quiet(1), quiet(1)])).toBe(false);
  });

  it('takes the middle score as the median (the lower middle one for an even count)', () => {
    expect(medianScore([quiet(0.9), quiet(0.8), quiet(1)])).toBe(0.9);
    expect(medianScore([quiet(0.9), quiet(0.8)])).toBe(0.8);
  });

  it('refuses to judge without a run', () => {
    expect(() => perfVerdict([], 0.95)).toThrow(/at least one Lighthouse run/);
  });
});
