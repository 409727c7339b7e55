// @ts-check
/**
 * `npm run bench:figures [-- --throttle 4] [--seconds 3] [--figure act] [--path articles/activation-functions/]`
 *
 * Frame rate of the figures while a slider is dragged or the pointer sweeps over a plot, in headless Chromium at the
 * figures' default size (1280 × 900 viewport). Run `npm run build` first (or set DIST_DIR).
 *
 * For each figure on the page: scroll it into view, wait until it has hydrated, then for `--seconds` dispatch input
 * events on its first range slider — `--events-per-frame` per animation frame (default 4), sweeping the slider back and
 * forth, more than a real drag produces — and count frames with requestAnimationFrame. The same for pointer moves
 * across the plot (hover read-out). The first row ("baseline") counts frames with no input at all.
 *
 * Reported per row: frames per second, the 95th-percentile and worst frame interval, long tasks, and the CPU time per
 * frame of the renderer's main thread (of which script and style + layout) and of the whole renderer process, from
 * the DevTools protocol's Performance metrics (ThreadTime, ProcessTime). The frame rate is wall-clock time and drops
 * when other processes share the CPU; the CPU time per frame does not, so compare it with the 16.7 ms of a 60 fps
 * frame. `--throttle N` slows the CPU N× through the DevTools protocol (4 ≈ a mid-range phone); `--metrics 0` skips
 * the metrics (they cost a little).
 */
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
const eventsPerFrame = Number(opt('events-per-frame', '4'));
const only = opt('figure', '');
const withMetrics = opt('metrics', '1') !== '0';

/**
 * @typedef {{ figure: string; action: string; fps: number; p95: number; worst: number; longTasks: number;
 *   frames: number; cpuMs: number; processMs: number; scriptMs: number; layoutMs: number }} Row
 */
/** @type {Row[]} */
const results = [];

const server = await startStaticServer(DIST, BASE);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  if (withMetrics) await cdp.send('Performance.enable');
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const metrics = async () => {
    if (!withMetrics) return { cpu: Number.NaN, process: Number.NaN, script: Number.NaN, layout: Number.NaN };
    const { metrics: m } = await cdp.send('Performance.getMetrics');
    const get = (/** @type {string} */ n) => m.find((x) => x.name === n)?.value ?? 0;
    return {
      cpu: get('ThreadTime'),
      process: get('ProcessTime'),
      script: get('ScriptDuration'),
      layout: get('LayoutDuration') + get('RecalcStyleDuration'),
    };
  };

  await page.goto(server.url(path));
  const ids = await page.locator('figure.fig').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-figure') ?? ''));
  if (ids.length === 0) throw new Error(`No figure.fig on /${path}`);
  for (const id of ids.filter((i) => only === '' || i === only)) {
    const fig = page.locator(`figure.fig[data-figure="${id}"]`);
    await fig.scrollIntoViewIfNeeded();
    await fig.locator('.fp-plot[role="slider"]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    for (const action of results.length === 0 ? ['baseline', 'slider', 'hover'] : ['slider', 'hover']) {
      const m0 = await metrics();
      const r = await page.evaluate(
        async ({ id, action, seconds, eventsPerFrame }) => {
          const fig = /** @type {HTMLElement} */ (document.querySelector(`figure.fig[data-figure="${id}"]`));
          const slider = /** @type {HTMLInputElement | null} */ (fig.querySelector('input[type=range]'));
          const plot = /** @type {HTMLElement} */ (fig.querySelector('.fp-plot'));
          if (action === 'slider' && !slider) return null;
          let longTasks = 0;
          const po = new PerformanceObserver((l) => (longTasks += l.getEntries().length));
          try {
            po.observe({ type: 'longtask', buffered: false });
          } catch {
            /* not supported */
          }
          const rect = plot.getBoundingClientRect();
          /** @type {number[]} */
          const times = [];
          let k = 0;
          const drive = () => {
            if (action === 'baseline') return;
            for (let e = 0; e < eventsPerFrame; e++, k++) {
              const phase = (k % 240) / 240; // sweep over 240 events, then back
              const u = phase < 0.5 ? phase * 2 : 2 - phase * 2;
              if (action === 'slider' && slider) {
                const lo = Number(slider.min);
                const hi = Number(slider.max);
                const step = Number(slider.step) || 0.01;
                slider.value = String(Math.round((lo + (hi - lo) * u) / step) * step);
                slider.dispatchEvent(new Event('input', { bubbles: true }));
              } else {
                const x = rect.left + 2 + (rect.width - 4) * u;
                plot.dispatchEvent(
                  new PointerEvent('pointermove', {
                    bubbles: true,
                    clientX: x,
                    clientY: rect.top + rect.height / 2,
                    pointerType: 'mouse',
                  }),
                );
              }
            }
          };
          await new Promise((resolve) => {
            const t0 = performance.now();
            /** @param {number} t */
            const frame = (t) => {
              times.push(t);
              if (t - t0 < seconds * 1000) {
                drive();
                requestAnimationFrame(frame);
              } else resolve(undefined);
            };
            requestAnimationFrame(frame);
          });
          po.disconnect();
          const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
          gaps.sort((a, b) => a - b);
          const span = ((times[times.length - 1] ?? 0) - (times[0] ?? 0)) / 1000;
          return {
            frames: gaps.length,
            fps: gaps.length / span,
            p95: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
            worst: gaps[gaps.length - 1] ?? 0,
            longTasks,
          };
        },
        { id, action, seconds, eventsPerFrame },
      );
      const m1 = await metrics();
      if (r) {
        const per = (/** @type {number} */ v) => (v * 1000) / Math.max(1, r.frames);
        results.push({
          figure: id,
          action,
          ...r,
          cpuMs: per(m1.cpu - m0.cpu),
          processMs: per(m1.process - m0.process),
          scriptMs: per(m1.script - m0.script),
          layoutMs: per(m1.layout - m0.layout),
        });
      }
    }
  }
  await page.close();
} finally {
  await browser.close();
  await server.close();
}

console.log(
  `Figure frame rate on /${path}: Chromium headless, 1280×900, ${eventsPerFrame} input events per frame, ${seconds} s each` +
    (throttle > 1 ? `, CPU throttled ${throttle}×` : ''),
);
console.log(
  'figure   action     fps   p95 frame  worst frame  long tasks   CPU/frame: main thread (script, style+layout); renderer',
);
for (const r of results) {
  console.log(
    `${r.figure.padEnd(8)} ${r.action.padEnd(8)} ${r.fps.toFixed(1).padStart(5)}  ${r.p95.toFixed(1).padStart(6)} ms  ` +
      `${r.worst.toFixed(1).padStart(8)} ms  ${String(r.longTasks).padStart(10)}   ` +
      `${r.cpuMs.toFixed(1).padStart(5)} ms (${r.scriptMs.toFixed(1)}, ${r.layoutMs.toFixed(1)}); ${r.processMs.toFixed(1)} ms`,
  );
}
const timed = results.filter((r) => r.action !== 'baseline');
const slowest = Math.min(...timed.map((r) => r.fps));
const maxCpu = Math.max(...timed.map((r) => r.cpuMs));
console.log(
  `slowest: ${slowest.toFixed(1)} fps; most main-thread CPU per frame: ${maxCpu.toFixed(1)} ms ` +
    '(a 60 fps frame has 16.7 ms; fps is wall-clock and drops when other processes share the CPU)',
);
