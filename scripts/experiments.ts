/**
 * `npm run experiments`: runs the whole experiment grid of src/experiments/grid.ts in Node, on two worker threads
 * (one per core), and writes data/experiments/results.json — the exact configuration, seeds, library version (the
 * package.json version and a SHA-256 of every file under src/lib), run time and machine load, every run's outcome,
 * curve and bit-exact fingerprint, and the per-group summaries the article shows.
 *
 * Run (the pinned Node 24 strips the types itself):
 *
 *   cd /work/main && export PATH=$PWD/node_modules/.bin:$PATH && node scripts/experiments.ts
 *     [--jobs 2] [--out data/experiments/results.json] [--filter adding-50/lstm] [--prefix 12] [--seeds 0,1,2]
 *     [--budget 100]
 *
 * `--filter` keeps the runs whose key contains the text (`a+b`: both texts; keys look like
 * `adding-50/lstm:g=relu,phi=tanh/h16/lr=0.01,clip=1/s0/n3000`), `--prefix N` the first N runs of the grid; a
 * `--budget N` caps every run's step budget at N (for trying the page out quickly). A partial or capped file is marked
 * `"complete": false`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { GRID_H, GRID_SEEDS, TASK_SETTINGS, VARIANTS, gridSpecs, keyOfVariant, variantsOf } from '../src/experiments/grid.ts';
import { PROTOCOL, evalGate, runKey, taskKey, variantLabel, type RunSpec } from '../src/experiments/spec.ts';
import { baselineOnHeldOut, makeTask, runToEnd } from '../src/experiments/runner.ts';
import { recordOf, summarize, type ResultsFile, type RunRecord } from '../src/experiments/results.ts';

interface Job {
  readonly index: number;
  readonly spec: RunSpec;
}

const threadCpuMs = (): number => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};

if (!isMainThread) {
  // Worker thread: run jobs as they come.
  parentPort!.on('message', (job: Job) => {
    const c0 = threadCpuMs();
    const run = runToEnd(job.spec);
    parentPort!.postMessage({ index: job.index, record: recordOf(run, threadCpuMs() - c0) });
  });
} else {
  await main();
}

function arg(name: string): string | undefined {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && k + 1 < process.argv.length ? process.argv[k + 1] : undefined;
}

/** SHA-256 over every file under src/lib (sorted relative paths, each `path\0content\0`). */
function libraryHash(root: string): { sha256: string; files: number } {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const f = join(d, n);
      if (statSync(f).isDirectory()) walk(f);
      else files.push(f);
    }
  };
  const lib = join(root, 'src', 'lib');
  walk(lib);
  files.sort();
  const h = createHash('sha256');
  for (const f of files) {
    h.update(relative(root, f).split(sep).join('/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return { sha256: h.digest('hex'), files: files.length };
}

/** Time left, from the share of the estimated cost done so far: `12 min 30 s`. */
function eta(elapsedSeconds: number, doneCost: number, totalCost: number): string {
  if (doneCost <= 0) return '?';
  const left = Math.max(0, Math.round((elapsedSeconds * (totalCost - doneCost)) / doneCost));
  return left >= 60 ? `${Math.floor(left / 60)} min ${left % 60} s` : `${left} s`;
}

/** Rough relative cost of a run, for scheduling the longest first. */
function cost(s: RunSpec): number {
  const perStep = s.cell === 'lstm' ? 1 : s.cell === 'gru' ? 0.75 : 0.25;
  return perStep * s.T * s.steps;
}

/** JSON with the big arrays one element per line (readable diffs, modest size). */
function stringify(file: ResultsFile): string {
  const { summaries, runs, ...head } = file;
  const lines = (a: readonly unknown[]) => a.map((x) => `    ${JSON.stringify(x)}`).join(',\n');
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${top},\n  "summaries": [\n${lines(summaries)}\n  ],\n  "runs": [\n${lines(runs)}\n  ]\n}\n`;
}

async function main(): Promise<void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const out = arg('out') ?? join(root, 'data', 'experiments', 'results.json');
  const jobsN = Math.max(1, Number(arg('jobs') ?? Math.min(2, cpus().length)));
  const seeds = arg('seeds')?.split(',').map(Number) ?? GRID_SEEDS;
  const filter = arg('filter');
  const prefix = arg('prefix');
  const budget = arg('budget');
  let specs = gridSpecs(TASK_SETTINGS, seeds);
  if (budget) specs = specs.map((s) => ({ ...s, steps: Math.min(s.steps, Number(budget)) }));
  const all = specs.length;
  if (filter) specs = specs.filter((s) => filter.split('+').every((f) => runKey(s).includes(f)));
  if (prefix) specs = specs.slice(0, Number(prefix));
  const complete = specs.length === all && seeds === GRID_SEEDS && !budget;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const lib = libraryHash(root);
  const loadBefore = loadavg().map((v) => Number(v.toFixed(2)));
  console.log(
    `experiments: ${specs.length} of ${all} runs on ${jobsN} worker thread(s); node ${process.version}; load ${loadBefore.join(' ')}; ` +
      `library ${pkg.version} ${lib.sha256.slice(0, 12)}`,
  );

  const t0 = performance.now();
  const records: RunRecord[] = new Array(specs.length);
  const order = specs.map((spec, index) => ({ index, spec })).sort((a, b) => cost(b.spec) - cost(a.spec) || a.index - b.index);
  let next = 0;
  let done = 0;
  let cpuMs = 0;
  const totalCost = order.reduce((a, o) => a + cost(o.spec), 0);
  let doneCost = 0;
  const workers: Worker[] = [];
  await new Promise<void>((resolve, reject) => {
    if (order.length === 0) resolve();
    const feed = (w: Worker) => {
      if (next < order.length) w.postMessage(order[next++]!);
    };
    for (let k = 0; k < Math.min(jobsN, order.length); k++) {
      const w = new Worker(new URL(import.meta.url));
      workers.push(w);
      w.on('message', (m: { index: number; record: RunRecord }) => {
        records[m.index] = m.record;
        cpuMs += m.record.cpuMs;
        done++;
        doneCost += cost(specs[m.index]!);
        const o = m.record.outcome;
        const detail = o.status === 'diverged' ? `${o.quantity} = ${o.valueText}` : `loss ${o.final?.loss.toPrecision(3)}`;
        console.log(
          `[${String(done).padStart(String(order.length).length)}/${order.length}] ${m.record.key}: ${o.status} at ${o.step} (${detail}); ` +
            `${(m.record.cpuMs / 1000).toFixed(1)} s CPU; ${((performance.now() - t0) / 1000).toFixed(0)} s elapsed, ` +
            `ETA ${eta((performance.now() - t0) / 1000, doneCost, totalCost)}`,
        );
        if (done === order.length) resolve();
        else feed(w);
      });
      w.on('error', reject);
      feed(w);
    }
  });
  await Promise.all(workers.map((w) => w.terminate()));
  const wallSeconds = (performance.now() - t0) / 1000;
  const loadAfter = loadavg().map((v) => Number(v.toFixed(2)));

  const taskSettings = TASK_SETTINGS.filter(
    (ts, k) =>
      specs.some((s) => s.task === ts.task && s.T === ts.T) && TASK_SETTINGS.findIndex((o) => taskKey(o) === taskKey(ts)) === k, // one entry per task and length
  );
  const file: ResultsFile = {
    schema: 1,
    generated: new Date().toISOString(),
    library: { version: pkg.version, srcLibSha256: lib.sha256, files: lib.files },
    environment: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      workers: jobsN,
      loadBefore,
      loadAfter,
    },
    wallSeconds: Number(wallSeconds.toFixed(1)),
    cpuSeconds: Number((cpuMs / 1000).toFixed(1)),
    protocol: PROTOCOL,
    grid: {
      H: GRID_H,
      seeds,
      settings: TASK_SETTINGS.map((ts) => ({
        task: ts.task,
        T: ts.T,
        steps: ts.steps,
        lrs: ts.lrs,
        clips: ts.clips,
        ...(ts.forgetBias === undefined ? {} : { forgetBias: ts.forgetBias }),
        variants: variantsOf(ts).map(keyOfVariant),
      })),
      variants: VARIANTS.map((v) => {
        const s = { ...v, task: 'adding', T: 50, H: GRID_H, lr: 0.01, clip: 0, seed: 0, steps: 1 } as const;
        return {
          key: keyOfVariant(v),
          label: variantLabel(s),
          cell: v.cell,
          candidate: v.candidate,
          output: v.output,
          group: v.group,
        };
      }),
      complete,
    },
    tasks: taskSettings.map((ts) => {
      const task = makeTask(ts.task);
      const baseline = baselineOnHeldOut(ts.task, ts.T);
      return {
        key: taskKey(ts),
        task: ts.task,
        T: ts.T,
        title: task.title,
        loss: task.loss,
        metric: task.metric,
        baseline,
        gate: evalGate(ts.task, task.metric.threshold, baseline.expected),
      };
    }),
    summaries: summarize(records),
    runs: records,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, stringify(file));
  console.log(
    `wrote ${relative(process.cwd(), out)}: ${records.length} runs in ${wallSeconds.toFixed(1)} s wall, ${(cpuMs / 1000).toFixed(1)} s CPU; ` +
      `load before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')}`,
  );
}
