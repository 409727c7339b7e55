// @ts-check
/**
 * `npm run check`: the loop to run while writing — lint, format, types, unit tests, a check build (drafts included,
 * written to .tmp/check/dist, never deployed), the link gate on it, and the browser tests of the articles you changed
 * (compared with main, uncommitted files included; an article also counts as changed when a file it imports did).
 * `npm test` runs everything (CI runs it on every pull request).
 *
 * Two lanes run side by side (the machine it is written for has two cores): lint → format → unit tests, and
 * types → build → links → browser tests (`astro check` and `astro build` both write .astro/, so they take turns).
 * Each step's output is shown when it fails; the last lines give each step's time and the total.
 * Runs on any Node (re-runs itself on the pinned one). `--all` runs the browser tests on every article.
 */
import { onPinnedNode, ROOT } from './lib/pinned-node.mjs';

onPinnedNode(import.meta.url);

const { spawn, spawnSync } = await import('node:child_process');
const { existsSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
const { join } = await import('node:path');
const { articleFiles, browserTestsFor, pageOfArticle, touchedArticles } = await import('./lib/changed-articles.mjs');
const { availableParallelism, loadavg } = await import('node:os');

process.chdir(ROOT);
const T0 = Date.now();
const CHECK_DIST = '.tmp/check/dist';
const BUILD = 'build (drafts included)';
const all = process.argv.includes('--all');

/** Seconds since `t`, one decimal. */
const secs = (/** @type {number} */ t) => ((Date.now() - t) / 1000).toFixed(1);

/**
 * @typedef {{ name: string, cmd: string, args: string[], env?: Record<string, string>, when?: () => string | undefined }} Step
 * @typedef {{ name: string, ok: boolean, secs: string, cpu: number, note?: string }} Result
 */

/**
 * Runs one step, its output kept and shown only if it fails. Its CPU time (user + system, of every process it
 * started) is measured by bash's `times`, so a step's cost can be told apart from the machine's load.
 */
function run(/** @type {Step} */ step) {
  return new Promise((done) => {
    const skip = step.when?.();
    if (skip) {
      done({ name: step.name, ok: true, secs: '0.0', cpu: 0, note: skip });
      return;
    }
    const t = Date.now();
    /** @type {Buffer[]} */
    const out = [];
    let times = '';
    const child = spawn('bash', ['-c', '"$@"; s=$?; times >&3; exit $s', step.name, step.cmd, ...step.args], {
      env: { ...process.env, ...step.env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (b) => out.push(b));
    child.stderr?.on('data', (b) => out.push(b));
    child.stdio[3]?.on('data', (b) => (times += String(b)));
    child.on('error', (e) => out.push(Buffer.from(String(e))));
    child.on('close', (code) => {
      // `times` prints the shell's user/system time, then its children's: "0m12.345s 0m1.234s".
      const cpu = (times.trim().split('\n')[1] ?? '')
        .split(/\s+/)
        .map((x) => /^(\d+)m([\d.]+)s$/.exec(x))
        .reduce((sum, m) => sum + (m ? Number(m[1]) * 60 + Number(m[2]) : 0), 0);
      const result = { name: step.name, ok: code === 0, secs: secs(t), cpu };
      console.log(`${result.ok ? '✓' : '✗'} ${step.name} (${result.secs} s, CPU ${cpu.toFixed(1)} s)`);
      if (!result.ok) console.log(`${Buffer.concat(out).toString().trimEnd()}\n✗ ${step.name} failed (above)\n`);
      done(result);
    });
  });
}

/** Runs `steps` one after the other; a step whose `needs` failed is reported as not run. */
async function lane(/** @type {(Step & { needs?: string })[]} */ steps) {
  /** @type {Result[]} */
  const results = [];
  for (const step of steps) {
    if (step.needs && results.find((r) => r.name === step.needs)?.ok === false) {
      results.push({ name: step.name, ok: false, secs: '0.0', cpu: 0, note: `not run: ${step.needs} failed` });
      continue;
    }
    results.push(/** @type {Result} */ (await run(step)));
  }
  return results;
}

const git = (/** @type {string[]} */ args) => spawnSync('git', args, { encoding: 'utf8' });

/** Files changed against main (committed on this branch, staged, unstaged or new), or undefined outside git. */
function changedFiles() {
  const base = ['origin/main', 'main'].map((b) => git(['merge-base', 'HEAD', b])).find((r) => r.status === 0);
  if (!base) return undefined;
  const diff = git(['diff', '--name-only', base.stdout.trim()]).stdout;
  const untracked = git(['ls-files', '--others', '--exclude-standard']).stdout;
  return new Set(`${diff}\n${untracked}`.split('\n').filter(Boolean));
}

const articles = articleFiles('content/articles', (d) => readdirSync(d, { withFileTypes: true }));
const changed = changedFiles();
const pages = all
  ? articles.map(pageOfArticle)
  : changed
    ? touchedArticles(articles, changed, (f) => readFileSync(f, 'utf8')).map(pageOfArticle)
    : [];
const testDir = 'test/browser';
const browserTests = browserTestsFor(
  pages,
  readdirSync(testDir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => ({ file: join(testDir, f), text: readFileSync(join(testDir, f), 'utf8') })),
);

// ------------------------------------------------------------------------------------------------------------------

const node = process.execPath;
const siteEnv = { DIST_DIR: join(ROOT, CHECK_DIST), BASE_PATH: '' };

rmSync(CHECK_DIST, { recursive: true, force: true });
console.log(
  `npm run check: browser tests for ${pages.length === 0 ? 'no changed article' : pages.map((p) => `/${p}`).join(', ')}\n`,
);

const [a, b] = await Promise.all([
  lane([
    { name: 'lint', cmd: node, args: ['scripts/lint.mjs', 'eslint', '--cache'] },
    { name: 'format', cmd: node, args: ['scripts/lint.mjs', 'prettier', '--cache'] },
    { name: 'unit tests', cmd: 'vitest', args: ['run'] },
  ]),
  lane([
    { name: 'types', cmd: 'astro', args: ['check', '--minimumSeverity', 'warning'] },
    { name: BUILD, cmd: node, args: ['scripts/build.mjs', '--check'] },
    {
      name: 'links',
      needs: BUILD,
      cmd: 'vitest',
      args: ['run', '-c', 'vitest.site.config.ts', 'test/site/links.test.ts'],
      env: siteEnv,
      when: () => (existsSync(join(CHECK_DIST, 'index.html')) ? undefined : 'no build'),
    },
    {
      name: 'browser tests',
      needs: BUILD,
      cmd: 'vitest',
      args: ['run', '-c', 'vitest.site.config.ts', ...browserTests],
      env: { ...siteEnv, TEST_PAGES: pages.join(',') },
      when: () => (pages.length === 0 ? 'no article changed' : undefined),
    },
  ]),
]);

const results = [...a, ...b];
const failed = results.filter((r) => !r.ok);
const total = (Date.now() - T0) / 1000;
const time = `${Math.floor(total / 60)} min ${(total % 60).toFixed(0)} s`;
// Other work on the machine slows every step: say how busy it was, and what the steps cost in CPU time — on an otherwise
// idle machine with a core per lane, the wall time is about the busier lane's CPU time.
const cpu = (/** @type {Result[]} */ rs) => rs.reduce((sum, r) => sum + r.cpu, 0);
const load = `load ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
const cost = `CPU ${cpu(results).toFixed(0)} s: ${cpu(a).toFixed(0)} s and ${cpu(b).toFixed(0)} s in the two lanes`;
console.log(
  `\n${results.map((r) => `${r.ok ? '✓' : '✗'} ${r.name}: ${r.note ?? `${r.secs} s (CPU ${r.cpu.toFixed(1)} s)`}`).join('\n')}`,
);
console.log(
  failed.length === 0
    ? `npm run check: all ${results.length} steps passed in ${time} (${total.toFixed(1)} s; ${cost}; ${load}). Before the pull request: npm test.`
    : `npm run check: ${failed.map((r) => r.name).join(', ')} failed; ${time} (${total.toFixed(1)} s; ${cost}; ${load}).`,
);
process.exit(failed.length === 0 ? 0 : 1);
