// @ts-check
/**
 * `npm run bench:figures [-- --seconds 3] [--figure act] [--path articles/activation-functions/] [--throttle 4]
 *   [--input mouse|events] [--trace out.json | --no-trace]`
 *
 * Does a slider drag keep 60 frames per second? For every figure on the page, in headless Chromium at the figures'
 * default size (1280 × 900 viewport): scroll it into view, wait until it has hydrated, then for `--seconds`
 *
 * - **drag**: press the mouse on each range slider's thumb and move it along the track and back, one mouse move
 *   every 16.7 ms (60 Hz, what a pointer device delivers), through the browser's real input pipeline (CDP
 *   `Input.dispatchMouseEvent`, trusted events, rAF-aligned like a real mouse);
 * - **hover**: sweep the mouse across the plot the same way (the cursor read-out).
 *
 * On a busy machine the protocol round trip of each mouse move can take longer than a frame, so fewer moves arrive
 * (see inputs/s). `--input events` instead dispatches one `input` (drag) or `pointermove` (hover) event per
 * animation frame inside the page: every frame then has an update to draw, however loaded the machine is.
 *
 * Measured per row:
 * - frames painted during the action, from `requestAnimationFrame` timestamps: median, p95 and worst frame interval,
 *   dropped frames (an interval of k × 16.7 ms counts k − 1 dropped) and frames per second;
 * - input events the page actually received, per second (so a slow driver cannot flatter the figure);
 * - from a Chromium trace of the same window: the main thread's CPU time per frame (mean — split into script, style
 *   + layout, and paint (pre-paint, paint, layerize, commit, hit tests) — p95 and worst), its wall-clock p95 and
 *   the longest task, i.e. the work each frame costs, which — unlike the frame rate — depends much less on how
 *   busy the other processes of the machine are. Compare it with the 16.7 ms budget of a 60 fps frame.
 *
 * `--throttle N` slows the CPU N× (DevTools protocol; 4 ≈ a mid-range phone). `--trace file` also saves the trace
 * (open it in chrome://tracing or Perfetto). Run `astro build` first (DIST_DIR selects the build). The machine load
 * (1-minute load average) is printed before and after: measure on an idle machine.
 */
import { loadavg, cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { startStaticServer } from '../test/support/static-server.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { DIST, BASE } from '../test/support/site.ts';

const args = process.argv.slice(2);
/** @param {string} name @param {string} fallback */
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? String(args[i + 1]) : fallback;
};
const seconds = Number(opt('seconds', '3'));
const throttle = Number(opt('throttle', '1'));
const path = opt('path', 'articles/activation-functions/');
const only = opt('figure', '');
const traceFile = opt('trace', '');
/** `--no-trace`: frames only, no Chromium trace (recording one costs the browser some CPU; the CPU columns then say so). */
const tracing = !args.includes('--no-trace');
if (!tracing && traceFile) throw new Error('--trace and --no-trace exclude each other');
/** `mouse`: real mouse moves through the DevTools protocol; `events`: one input event per frame dispatched in the page. */
const input = opt('input', 'mouse');
if (input !== 'mouse' && input !== 'events') throw new Error(`--input must be "mouse" or "events", not "${input}"`);
/** Position (0–1) of the k-th move of a sweep: across and back in 3 s at 60 Hz. */
const sweep = (/** @type {number} */ k) => {
  const phase = (k % 180) / 180;
  return phase < 0.5 ? phase * 2 : 2 - phase * 2;
};
const FRAME = 1000 / 60;

/** @param {number[]} xs @param {number} q */
const quantile = (xs, q) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/**
 * Main-thread work per frame from a Chromium trace: the top-level tasks of the page's renderer main thread (the
 * `CrRendererMain` thread with the most frames), grouped by the frame (interval between consecutive
 * `BeginMainThreadFrame`s) they start in.
 * @param {{ traceEvents?: any[] } | any[]} trace
 */
function mainThreadWork(trace) {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const framesOf = (/** @type {any} */ m) =>
    events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'BeginMainThreadFrame').map((e) => Number(e.ts));
  let best;
  let frames = /** @type {number[]} */ ([]);
  for (const m of mains) {
    const f = framesOf(m);
    if (f.length > frames.length) [best, frames] = [m, f];
  }
  if (!best) return undefined;
  const { pid, tid } = best;
  frames.sort((a, b) => a - b);
  const tasks = events
    .filter(
      (e) =>
        e.pid === pid && e.tid === tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
    )
    .map((e) => ({ ts: Number(e.ts), dur: Number(e.dur ?? 0) / 1000, cpu: Number(e.tdur ?? e.dur ?? 0) / 1000 }))
    .sort((a, b) => a.ts - b.ts);
  if (tasks.length === 0) return undefined;
  // Keep only top-level tasks (nested RunTask events are inside another).
  /** @type {{ ts: number; dur: number; cpu: number }[]} */
  const top = [];
  let end = -Infinity;
  for (const t of tasks) {
    if (t.ts >= end) {
      top.push(t);
      end = t.ts + t.dur * 1000;
    }
  }
  /** Wall-clock and thread-CPU milliseconds of main-thread tasks per frame. */
  const wall = /** @type {number[]} */ ([]);
  const cpu = /** @type {number[]} */ ([]);
  let j = 0;
  for (let i = 0; i + 1 < frames.length; i++) {
    let w = 0;
    let c = 0;
    while (j < top.length && top[j].ts < frames[i]) j++;
    for (; j < top.length && top[j].ts < frames[i + 1]; j++) {
      w += top[j].dur;
      c += top[j].cpu;
    }
    wall.push(w);
    cpu.push(c);
  }
  // Where the CPU time goes, per frame: rendering phases by name; script is the rest of the tasks' time.
  const phase = (/** @type {string[]} */ names) =>
    events
      .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && names.includes(e.name) && e.ts >= frames[0])
      .reduce((a, e) => a + Number(e.tdur ?? e.dur ?? 0) / 1000, 0) / Math.max(1, frames.length - 1);
  const cpuMean = cpu.reduce((a, b) => a + b, 0) / Math.max(1, cpu.length);
  const styleLayout = phase(['UpdateLayoutTree', 'Layout']);
  const paint = phase(['PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest']);
  return {
    mainFrames: frames.length,
    cpuMean,
    styleLayout,
    paint,
    script: Math.max(0, cpuMean - styleLayout - paint),
    cpuP95: quantile(cpu, 0.95),
    cpuMax: cpu.length ? Math.max(...cpu) : Number.NaN,
    wallP95: quantile(wall, 0.95),
    longestTask: Math.max(...top.map((t) => t.dur)),
  };
}

/**
 * @typedef {{ figure: string; action: string; frames: number; median: number; p95: number; worst: number;
 *   dropped: number; lateAt: number[]; fps: number; inputsPerSecond: number;
 *   work: ReturnType<typeof mainThreadWork> | null }} Row
 */
/** @type {Row[]} */
const results = [];
const loadBefore = loadavg();

const server = await startStaticServer(DIST, BASE);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(server.url(path));
  const ids = await page.locator('figure.fig').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-figure') ?? ''));
  if (ids.length === 0) throw new Error(`No figure.fig on /${path}`);

  for (const id of ids.filter((i) => only === '' || i === only)) {
    const fig = page.locator(`figure.fig[data-figure="${id}"]`);
    await fig.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (sel) => !document.querySelector(sel)?.closest('astro-island')?.hasAttribute('ssr'),
      `figure.fig[data-figure="${id}"]`,
      {
        timeout: 30_000,
      },
    );
    await page.waitForTimeout(500);
    const sliders = await fig.locator('input[type=range]').all();
    const plot = fig.locator('.fp-plot').first();
    /** @type {{ action: string; target: import('playwright-core').Locator; kind: 'drag' | 'hover' }[]} */
    const actions = sliders.map((s, i) => ({ action: sliders.length > 1 ? `drag ${i + 1}` : 'drag', target: s, kind: 'drag' }));
    if ((await plot.count()) > 0) actions.push({ action: 'hover', target: plot, kind: 'hover' });

    for (const a of actions) {
      await a.target.scrollIntoViewIfNeeded();
      const box = await a.target.boundingBox();
      if (!box) continue;
      const y = box.y + box.height / 2;
      const x0 = box.x + Math.min(8, box.width * 0.05);
      const x1 = box.x + box.width - Math.min(8, box.width * 0.05);
      // Start recording frames and inputs in the page.
      await a.target.evaluate((el, kind) => {
        const type = kind === 'drag' ? 'input' : 'pointermove';
        /** @type {{ times: number[]; inputs: number; on: boolean; stop: () => void }} */
        const b = { times: [], inputs: 0, on: true, stop: () => el.removeEventListener(type, count) };
        /** @type {any} */ (window).__bench = b;
        const count = () => b.inputs++;
        el.addEventListener(type, count);
        const frame = (/** @type {number} */ t) => {
          if (!b.on) return;
          b.times.push(t);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }, a.kind);
      if (a.kind === 'drag') {
        // Grab the thumb where it is now.
        const u = await a.target.evaluate((el) => {
          const s = /** @type {HTMLInputElement} */ (el);
          return (Number(s.value) - Number(s.min)) / (Number(s.max) - Number(s.min) || 1);
        });
        await page.mouse.move(x0 + (x1 - x0) * u, y);
        if (input === 'mouse') await page.mouse.down();
      } else await page.mouse.move(x0, y);
      if (tracing)
        await browser.startTracing(page, {
          categories: [
            'toplevel',
            'disabled-by-default-devtools.timeline',
            'disabled-by-default-devtools.timeline.frame',
            'devtools.timeline',
          ],
        });
      // Count frames and inputs from here on only.
      await page.evaluate(() => {
        const w = /** @type {any} */ (window);
        w.__bench.times = [];
        w.__bench.inputs = 0;
      });
      const n = Math.round((seconds * 1000) / FRAME);
      if (input === 'mouse') {
        const t0 = performance.now();
        for (let k = 0; k < n; k++) {
          await page.mouse.move(x0 + (x1 - x0) * sweep(k), y);
          await sleep(t0 + (k + 1) * FRAME - performance.now());
        }
      } else {
        // One input event per animation frame, dispatched in the page: the same sweep, paced by the page itself.
        await a.target.evaluate(
          (el, { kind, n, x0, x1, y }) =>
            new Promise((resolve) => {
              const s = /** @type {HTMLInputElement} */ (el);
              let k = 0;
              const step = () => {
                const phase = (k % 180) / 180; // as `sweep`
                const u = phase < 0.5 ? phase * 2 : 2 - phase * 2;
                if (kind === 'drag') {
                  const lo = Number(s.min);
                  const hi = Number(s.max);
                  const st = Number(s.step) || 1e-3;
                  s.value = String(lo + Math.round(((hi - lo) * u) / st) * st);
                  s.dispatchEvent(new Event('input', { bubbles: true }));
                } else {
                  const clientX = x0 + (x1 - x0) * u;
                  el.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX, clientY: y, pointerType: 'mouse' }));
                }
                if (++k < n) requestAnimationFrame(step);
                else resolve(undefined);
              };
              requestAnimationFrame(step);
            }),
          { kind: a.kind, n, x0, x1, y },
        );
      }
      const r = await page.evaluate(() => {
        const w = /** @type {any} */ (window);
        w.__bench.on = false;
        w.__bench.stop();
        return {
          times: /** @type {number[]} */ (w.__bench.times),
          inputs: /** @type {number} */ (w.__bench.inputs),
        };
      });
      const trace = tracing ? await browser.stopTracing() : null;
      if (a.kind === 'drag' && input === 'mouse') await page.mouse.up();
      const times = r.times;
      const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
      const span = ((times[times.length - 1] ?? 0) - (times[0] ?? 0)) / 1000;
      const dropped = gaps.reduce((d, g) => d + Math.max(0, Math.round(g / FRAME) - 1), 0);
      // When each late frame came, in ms from the first frame (a drag's first frames run colder code than the rest).
      const lateAt = gaps.flatMap((g, i) => (Math.round(g / FRAME) > 1 ? [(times[i] ?? 0) - (times[0] ?? 0)] : []));
      if (traceFile && trace) writeFileSync(traceFile.replace(/(\.json)?$/, `-${id}-${a.action.replace(' ', '')}.json`), trace);
      const work = trace ? mainThreadWork(JSON.parse(trace.toString('utf8'))) : null;
      results.push({
        figure: id,
        action: a.action,
        frames: gaps.length,
        median: quantile(gaps, 0.5),
        p95: quantile(gaps, 0.95),
        worst: gaps.length ? Math.max(...gaps) : Number.NaN,
        dropped,
        lateAt,
        fps: gaps.length / span,
        inputsPerSecond: r.inputs / span,
        work,
      });
      await page.waitForTimeout(300);
    }
  }
  await page.close();
} finally {
  await browser.close();
  await server.close();
}

const f1 = (/** @type {number} */ v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
console.log(
  `Figure frame times on /${path}: Chromium headless, 1280×900, ` +
    (input === 'mouse' ? 'real mouse drags/hovers at 60 Hz' : 'one input event per frame, dispatched in the page') +
    `, ${seconds} s each` +
    (throttle > 1 ? `, CPU throttled ${throttle}×` : '') +
    `\nload average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}; after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (${cpus().length} CPUs)`,
);
console.log(
  'figure   action   frames  median   p95  worst  dropped   fps  inputs/s | main-thread CPU per frame: mean (script, style+layout, paint)   p95  worst | wall p95  longest task',
);
for (const r of results) {
  const w = r.work;
  console.log(
    `${r.figure.padEnd(8)} ${r.action.padEnd(8)} ${String(r.frames).padStart(6)} ${f1(r.median).padStart(6)} ${f1(r.p95).padStart(5)} ` +
      `${f1(r.worst).padStart(6)} ${String(r.dropped).padStart(8)} ${f1(r.fps).padStart(5)} ${f1(r.inputsPerSecond).padStart(9)} | ` +
      (w
        ? `${f1(w.cpuMean).padStart(30)} ${`(${f1(w.script)}, ${f1(w.styleLayout)}, ${f1(w.paint)})`.padStart(24)} ${f1(w.cpuP95).padStart(5)} ${f1(w.cpuMax).padStart(6)} | ${f1(w.wallP95).padStart(8)} ${f1(w.longestTask).padStart(13)}`
        : '(no trace)'),
  );
}
const late = results.filter((r) => r.lateAt.length > 0);
if (late.length > 0)
  console.log(
    `late frames (ms after the first frame): ${late.map((r) => `${r.figure} ${r.action} ${r.lateAt.map((t) => t.toFixed(0)).join(', ')}`).join('; ')}`,
  );
const slowest = results.reduce((m, r) => (r.fps < m.fps ? r : m), results[0] ?? { fps: Number.NaN, figure: '', action: '' });
const maxCpu = Math.max(...results.map((r) => r.work?.cpuP95 ?? 0));
console.log(
  `slowest: ${f1(slowest.fps)} fps (${slowest.figure} ${slowest.action}); dropped frames in all: ${results.reduce((d, r) => d + r.dropped, 0)}; ` +
    (tracing
      ? `worst p95 main-thread CPU per frame: ${f1(maxCpu)} ms of the 16.7 ms a 60 fps frame allows (all times in ms; ` +
        'frame times and fps are wall-clock and suffer when other processes share the CPU, CPU per frame does not)'
      : 'main-thread CPU not measured (--no-trace); all times in ms, wall-clock'),
);
