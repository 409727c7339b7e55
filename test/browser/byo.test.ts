/**
 * "Use my own weights" in Chromium (issue 23): a state_dict drawn by the library from a fixed seed (H = 4 and H = 256,
 * rounded to float32 and written as Python's json.dump writes it) goes in through the file input of the cell explorer
 * and of the gradient-flow figure; what they show is compared with the library run here, in Node, on the same file —
 * gate values and gradient norms, bit for bit (see `close`). Each bad file shows its own message, naming the key and the shape.
 *
 * The files are written to a temporary directory and handed to the input by path (an in-memory buffer timed out on a
 * loaded machine), and only after the panel's chunk has loaded (`data-byo-ready`).
 *
 * The other way round, the live-run figure's export: the state_dict a short run downloads, loaded by the library here,
 * gives the first-batch loss the page shows.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { hrefOf } from '../../src/components/experiments/state';
import { firstBatchLoss } from '../../src/experiments/first-batch';
import { DEFAULT_SPEC } from '../../src/experiments/grid';
import type { RunSpec } from '../../src/experiments/spec';
import { cellTrace } from '../../src/figures/byo/cell';
import { layerFlow } from '../../src/figures/byo/flow';
import { PROBE } from '../../src/figures/byo/limits';
import { unitAt } from '../../src/figures/byo/view';
import { pyNumber } from '../../src/figures/export/python';
import { runModelFromStateDict } from '../../src/figures/export/run-export';
import { fromStateDict } from '../../src/lib/nn/from-state-dict';
import { consoleProblems, launchBrowser, openPage, type PageLog } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { BASE, DIST } from '../support/site';
import { pythonJson, seededStateDict } from '../support/state-dicts';

let server: StaticServer;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'byo-'));

/** Writes `text` to a file of the temporary directory and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const SMALL = seededStateDict('lstm', 3, 4, 4); // I = 3, H = 4
const LARGE = seededStateDict('lstm', 8, 256, 256); // I = 8, H = 256
const SEED = PROBE.seed;

beforeAll(async () => {
  server = await startStaticServer(DIST, BASE);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The same number, bit for bit: the page computes with the same library and the same operations in the same order
 * as Node, and the library's σ and tanh are its own IEEE arithmetic (src/lib/nn/elementary.ts), not the engine's.
 */
const close = (a: number, b: number) => Object.is(a, b);
/** The same for log10 values (±Infinity as text). */
const closeLog = (a: number | string, b: number) => (typeof a === 'string' ? a === String(b) : Object.is(a, b));

const problems = (log: PageLog) =>
  [...consoleProblems(log), ...log.cspViolations, ...log.pageErrors].filter((m) => !/inline script|blocked inline/i.test(m));

/** Opens the page, presses the figure's "Use my own weights" and waits for the panel's chunk. */
async function openPanel(page: Page, path: string, figure: string): Promise<Locator> {
  await page.goto(server.url(path));
  const f = page.locator(`figure#fig-${figure}`);
  await f.scrollIntoViewIfNeeded();
  const button = f.locator('button.fig-byo:not(.pending)');
  await button.waitFor({ timeout: 120_000 });
  await button.click();
  await f.locator('section.byo[data-byo-ready]').waitFor({ timeout: 120_000 });
  return f;
}

/** Hands `path` to the panel's file input and waits until it has computed or refused it. */
async function load(f: Locator, path: string): Promise<string> {
  await f.locator('input[type="file"][data-import="state-dict"]').setInputFiles(path, { timeout: 120_000 });
  const panel = f.locator('section.byo');
  await expect
    .poll(async () => panel.getAttribute('data-byo-status'), { timeout: 240_000, interval: 250 })
    .toMatch(/^(done|error)$/);
  return (await panel.getAttribute('data-byo-status'))!;
}

describe('the cell explorer with the reader’s own LSTM', () => {
  for (const [name, dict, H] of [
    ['H = 4', SMALL, 4],
    ['H = 256', LARGE, 256],
  ] as const) {
    it(`${name}: shows the gates of the unit and step asked for, as the library computes them in Node (to the last bits)`, async () => {
      const { context, page, log } = await openPage(browser, server.origin);
      const f = await openPanel(page, 'articles/why-sigmoid-and-tanh/', 'cell');
      expect(await f.locator('section.byo').innerText()).toContain('Nothing leaves your browser');
      expect(await f.locator('.byo-python').innerText()).toBe(
        'import json, torch\njson.dump({k: v.tolist() for k, v in model.state_dict().items()}, open("lstm.json", "w"))',
      );
      expect(await load(f, file(`cell-${H}.json`, pythonJson(dict)))).toBe('done');
      expect(await f.locator('.byo-loaded').getAttribute('data-byo-hidden')).toBe(String(H));

      const tr = cellTrace(fromStateDict(dict, { kind: 'lstm' }), { T: PROBE.cell.T, seed: SEED });
      const j = H - 1;
      const t = 7;
      await f.locator(`#fig-cell-byo-unit`).fill(String(j));
      await f.locator(`#fig-cell-byo-unit`).press('Enter');
      await f.locator(`#fig-cell-byo-step`).fill(String(t));
      const table = f.locator('table.byo-values');
      await expect.poll(() => table.getAttribute('data-unit')).toBe(String(j));
      await expect.poll(() => table.getAttribute('data-step')).toBe(String(t));
      const u = unitAt(tr, t, j);
      const expected: Record<string, number> = {
        zi: u.z.i,
        i: u.i,
        zf: u.z.f,
        f: u.f,
        zg: u.z.g,
        g: u.g,
        zo: u.z.o,
        o: u.o,
        cprev: u.cPrev,
        c: u.c,
        phic: u.phiC,
        h: u.h,
      };
      const shown = Object.fromEntries(
        await table
          .locator('tr[data-q]')
          .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-q'), Number(r.getAttribute('data-value'))])),
      ) as Record<string, number>;
      expect(Object.keys(shown).sort()).toEqual(Object.keys(expected).sort());
      for (const [q, v] of Object.entries(expected)) expect(close(shown[q]!, v), `${q}: ${shown[q]} vs ${v}`).toBe(true);
      if (H === 4) {
        // The probe's fields: steps beyond the range are clamped, a new seed recomputes, and the sentence follows.
        const steps = f.locator('#fig-cell-byo-T');
        await steps.fill('5000');
        await steps.press('Enter');
        await expect.poll(() => steps.inputValue()).toBe(String(PROBE.cell.maxT));
        const seed = f.locator('#fig-cell-byo-seed');
        await seed.fill('3');
        await seed.press('Enter');
        await expect
          .poll(() => f.locator('.byo-pick + .byo-note').textContent())
          .toBe(`Probe: ${PROBE.cell.maxT} steps of x_t ~ N(0, 1) for every input feature (seed 3), from zero states.`);
      }
      expect(problems(log)).toEqual([]);
      await context.close();
    }, 600_000);
  }
});

describe('the gradient-flow figure with the reader’s own LSTM', () => {
  for (const [name, dict, H] of [
    ['H = 4', SMALL, 4],
    ['H = 256', LARGE, 256],
  ] as const) {
    it(`${name}: plots the gradient norms the library computes in Node (to the last bits)`, async () => {
      const { context, page, log } = await openPage(browser, server.origin);
      const f = await openPanel(page, 'articles/vanishing-gradients/', 'bptt');
      expect(await load(f, file(`flow-${H}.json`, pythonJson(dict)))).toBe('done');
      const r = layerFlow(fromStateDict(dict), { T: PROBE.flow.T, seed: SEED });
      const flow = f.locator('.byo-flow');
      const read = async (attr: string) => JSON.parse((await flow.getAttribute(attr))!) as (number | string)[];
      for (const [attr, want] of [
        ['data-h-log10', r.h.log10],
        ['data-c-log10', r.c!.log10],
      ] as const) {
        const got = await read(attr);
        expect(got.length).toBe(want.length);
        got.forEach((v, k) => expect(closeLog(v, want[k]!), `${attr}[${k}]: ${v} vs ${want[k]}`).toBe(true));
      }
      expect(await flow.locator('path.fp-curve').count()).toBe(3);
      expect(problems(log)).toEqual([]);
      await context.close();
    }, 600_000);
  }
});

describe('bad files', () => {
  const good = seededStateDict('lstm', 2, 3, 5);
  const cases: {
    name: string;
    text?: string;
    bytes?: number;
    figure: 'cell' | 'bptt';
    code: string;
    lead: RegExp;
    detail: RegExp;
  }[] = [
    {
      name: 'not JSON',
      text: '{"weight_ih_l0": [[1, 2],\n  [3, 4]]]\n}',
      figure: 'cell',
      code: 'not-json',
      lead: /not valid JSON/,
      detail: /^not valid JSON/,
    },
    {
      name: 'a torch.save archive',
      text: 'PK\u0003\u0004archive/data.pkl',
      figure: 'cell',
      code: 'binary',
      lead: /not a JSON file/,
      detail: /torch\.save/,
    },
    {
      name: 'wrong keys (a readout only)',
      text: pythonJson({ 'fc.weight': [[1.0, 2.0]], 'fc.bias': [0.0] }),
      figure: 'bptt',
      code: 'no-layer',
      lead: /No recurrent layer/,
      detail: /expected the keys of a torch\.nn\.LSTM, GRU or RNN .* found: fc\.weight, fc\.bias$/,
    },
    {
      name: 'a missing key',
      text: pythonJson(Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'bias_hh_l0'))),
      figure: 'cell',
      code: 'missing-key',
      lead: /A key is missing/,
      detail: /^bias_hh_l0: missing key in state_dict \(expected shape \[12\]\)$/,
    },
    {
      name: 'a wrong shape',
      text: pythonJson({ ...good, weight_ih_l0: Array.from({ length: 8 }, () => [0.5, 0.5]) }),
      figure: 'cell',
      code: 'shape',
      lead: /wrong shape/,
      detail: /^weight_ih_l0: expected shape \[12, I\] \(G·H rows, as weight_hh_l0 \[12, 3\]\), got \[8, 2\]$/,
    },
    {
      name: 'a NaN weight (as Python writes it)',
      text: pythonJson({ ...good, bias_ih_l0: [0.0, NaN, ...new Array<number>(10).fill(0.0)] }),
      figure: 'bptt',
      code: 'not-finite',
      lead: /not a finite number/,
      detail: /^bias_ih_l0\[1\]: expected a finite number, got NaN$/,
    },
    {
      name: 'an infinite weight',
      text: pythonJson({
        ...good,
        weight_hh_l0: (good['weight_hh_l0'] as number[][]).map((r, k) => (k === 2 ? [Infinity, 0, 0] : r)),
      }),
      figure: 'cell',
      code: 'not-finite',
      lead: /not a finite number/,
      detail: /^weight_hh_l0\[2\]\[0\]: expected a finite number, got Infinity$/,
    },
    {
      name: 'H too large (a vanilla RNN with H = 1025)',
      text: `{"weight_ih_l0": [${new Array(1025).fill('[0]').join(', ')}], "weight_hh_l0": [${new Array(1025).fill(`[${new Array(1025).fill('0').join(',')}]`).join(',')}], "bias_ih_l0": [${new Array(1025).fill('0').join(',')}], "bias_hh_l0": [${new Array(1025).fill('0').join(',')}]}`,
      figure: 'bptt',
      code: 'too-large',
      lead: /too large/,
      detail: /^weight_hh_l0: hidden size H = 1025 \(shape \[1025, 1025\]\) is larger than this reader computes: at most 1024$/,
    },
    {
      name: 'a GRU in the cell explorer',
      text: pythonJson(seededStateDict('gru', 2, 3, 6)),
      figure: 'cell',
      code: 'wrong-kind',
      lead: /shows an LSTM cell/,
      detail: /got an nn\.GRU: weight_hh_l0 is \[9, 3\]/,
    },
    {
      name: 'a 200 MB file',
      bytes: 200e6,
      figure: 'bptt',
      code: 'too-big',
      lead: /too big/,
      detail: /^the file is 200\.0 MB; at most 134\.2 MB is read here/,
    },
  ];

  for (const [figure, path] of [
    ['cell', 'articles/why-sigmoid-and-tanh/'],
    ['bptt', 'articles/vanishing-gradients/'],
  ] as const) {
    it(`${figure === 'cell' ? 'cell explorer' : 'gradient figure'}: each gets its own message, naming the key and the expected shape`, async () => {
      const { context, page, log } = await openPage(browser, server.origin);
      const f = await openPanel(page, path, figure);
      for (const c of cases.filter((x) => x.figure === figure)) {
        let p: string;
        if (c.bytes !== undefined) {
          p = join(dir, 'huge.json');
          writeFileSync(p, '');
          truncateSync(p, c.bytes); // sparse: 200 MB of zeros without writing them
        } else {
          p = file(`${c.code}.json`, c.text!);
        }
        expect(await load(f, p), c.name).toBe('error');
        const alert = f.locator('.byo-error[role="alert"]');
        expect(await alert.getAttribute('data-error'), c.name).toBe(c.code);
        expect(await alert.locator('strong').innerText(), c.name).toMatch(c.lead);
        expect(await alert.locator('[data-error-detail]').innerText(), c.name).toMatch(c.detail);
      }
      // A good file after the bad ones: the problem goes away.
      expect(await load(f, file('good.json', pythonJson(good)))).toBe('done');
      expect(await f.locator('.byo-error').count()).toBe(0);
      expect(problems(log)).toEqual([]);
      await context.close();
    }, 600_000);
  }
});

describe('bad files on the Chinese pages', () => {
  it('get their detail line in Chinese, naming the key and the expected shape', async () => {
    const good = seededStateDict('lstm', 2, 3, 5);
    const { context, page, log } = await openPage(browser, server.origin);
    const f = await openPanel(page, 'zh/articles/why-sigmoid-and-tanh/', 'cell');
    const missing = Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'bias_hh_l0'));
    expect(await load(f, file('zh-missing.json', pythonJson(missing)))).toBe('error');
    const alert = f.locator('.byo-error[role="alert"]');
    expect(await alert.getAttribute('data-error')).toBe('missing-key');
    expect(await alert.locator('[data-error-detail]').innerText()).toBe('bias_hh_l0：state_dict 中缺少这个键（应为形状 [12]）');
    const wide = { ...good, weight_ih_l0: Array.from({ length: 8 }, () => [0.5, 0.5]) };
    expect(await load(f, file('zh-shape.json', pythonJson(wide)))).toBe('error');
    expect(await alert.locator('[data-error-detail]').innerText()).toBe('weight_ih_l0：形状应为 [12, 2]，实际为 [8, 2]');
    expect(problems(log)).toEqual([]);
    await context.close();
  }, 600_000);
});

describe('the live-run figure’s “Weights & PyTorch script”', () => {
  it('after a short run, downloads a state_dict that the library loads, with the first-batch loss the page shows', async () => {
    const spec: RunSpec = { ...DEFAULT_SPEC, T: 20, candidate: 'relu', H: 8, clip: 1, seed: 3, steps: 60 };
    const { context, page, log } = await openPage(browser, server.origin);
    await page.goto(`${server.url('articles/relu-experiments/')}${hrefOf(spec)}`);
    const f = page.locator('figure#fig-run');
    await f.scrollIntoViewIfNeeded();
    const button = f.locator('button.fig-export:not(.pending)');
    await button.waitFor({ timeout: 120_000 });
    // Pressed before any run: the panel trains the configuration first, then offers its weights.
    await button.click();
    const panel = f.locator('section[data-export="run"]');
    await panel.waitFor({ timeout: 120_000 });
    await expect.poll(() => panel.getAttribute('data-export-status'), { timeout: 300_000, interval: 250 }).toBe('ready');
    expect(await f.locator('.xr-body').getAttribute('data-status')).toBe('done');
    expect(await panel.getAttribute('data-export-step')).toBe(String(spec.steps));
    const shown = Number(await panel.getAttribute('data-loss'));
    expect(await panel.locator('[data-export-loss]').innerText()).toBe(String(shown));

    const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('a[data-download="weights"]').click()]);
    expect(download.suggestedFilename()).toBe('model-weights.json');
    const path = join(dir, 'model-weights.json');
    await download.saveAs(path);
    const { layer, linear } = runModelFromStateDict(spec, JSON.parse(readFileSync(path, 'utf8')));
    const loss = firstBatchLoss(spec, layer, linear);
    // The page trained and scored in Chromium with the library's own σ/tanh/exp/log (elementary.ts): the same bits as Node.
    expect(close(loss, shown), `${loss} in Node, ${shown} on the page`).toBe(true);
    console.log(`first-batch loss: ${shown} on the page, ${loss} in Node`);

    const [script] = await Promise.all([page.waitForEvent('download'), panel.locator('a[data-download="script"]').click()]);
    expect(script.suggestedFilename()).toBe('model.py');
    const py = join(dir, 'model.py');
    await script.saveAs(py);
    expect(readFileSync(py, 'utf8')).toContain(`SITE_LOSS = ${pyNumber(shown)}`);
    const axe = await new AxeBuilder({ page }).include('#fig-run').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target})`)).toEqual([]);
    expect(problems(log)).toEqual([]);
    await context.close();
  }, 600_000);
});
