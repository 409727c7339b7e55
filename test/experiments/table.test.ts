import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellLines, cellOf, forgetBiasRows, outcomeStrip, runsIn } from '../../src/components/experiments/table';
import '../../src/i18n/zh';
import { summarize, type ResultsFile, type RunRecord } from '../../src/experiments/results';
import { normalizeSpec, settingKey, taskKey, variantKey } from '../../src/experiments/spec';
import { formatNumber } from '../../src/figures/format';
import { budget, diverged, fakeGroup, fakeResults, fakeRun, solved } from './fixtures';

const RESULTS = JSON.parse(readFileSync(join(process.cwd(), 'data/experiments/results.json'), 'utf8')) as ResultsFile;
const MSE = { loss: 'mse' } as const;

/** The one summary of some runs of a single group. */
const summaryOf = (runs: readonly RunRecord[]) => {
  const [g, ...rest] = summarize(runs);
  expect(rest).toEqual([]);
  return g!;
};

describe('a results-table cell', () => {
  // Issue 18: "2 unsolved, MSE 0.00606–0.145" where the unsolved runs ended at 0.1447 and 0.1449 — the range was
  // taken over every run that did not diverge, the solved one included.
  it('gives the held-out loss range of the unsolved runs only, not of the solved ones', () => {
    const runs = fakeGroup({}, [solved(1200, 0.00606), budget(0.144), budget(0.152)]);
    expect(cellLines(summaryOf(runs), runs, MSE)).toEqual(['steps 1200', '2 unsolved, MSE 0.144–0.152']);
  });

  it('gives one unsolved run’s loss alone, whatever the solved runs ended at', () => {
    const runs = fakeGroup({}, [solved(900, 0.00559), solved(1500, 0.008), budget(0.0195)]);
    expect(cellLines(summaryOf(runs), runs, MSE)).toEqual(['steps 1200 (900–1500)', '1 unsolved, MSE 0.0195']);
  });

  it('says so when the runs given are not the group’s (a lookup that lost some)', () => {
    const runs = fakeGroup({}, [solved(900), budget(0.1), budget(0.12)]);
    expect(() => cellLines(summaryOf(runs), runs.slice(0, 2), MSE)).toThrow(
      /2 unsolved runs in the summary, 1 among the runs given/,
    );
  });

  it('lists divergences with their quantities and steps', () => {
    const runs = fakeGroup({}, [diverged(40), diverged(12, 'loss'), solved(2000)]);
    expect(cellLines(summaryOf(runs), runs, MSE)).toEqual(['steps 2000', '2 diverged (state, loss; step 12, 40)']);
  });

  it('on the committed grid, states for every cell exactly the range of the runs that used up their budget', () => {
    const f3 = (v: number) => formatNumber(v, 3);
    let checked = 0;
    for (const g of RESULTS.summaries.filter((s) => s.budget > 0)) {
      const runs = RESULTS.runs.filter((r) => {
        const s = normalizeSpec(r.spec);
        return taskKey(s) === g.taskKey && variantKey(s) === g.variantKey && settingKey(s) === g.settingKey;
      });
      const info = RESULTS.tasks.find((t) => t.key === g.taskKey)!;
      const ends = runs
        .filter((r) => r.outcome.status === 'budget')
        .map((r) => (info.loss === 'mse' ? r.outcome.final!.loss : r.outcome.final!.metric));
      const lo = f3(Math.min(...ends));
      const hi = f3(Math.max(...ends));
      const line = cellLines(g, runs, info).find((l) => / unsolved, /.test(l));
      expect(line, `${g.taskKey} ${g.variantKey} ${g.settingKey}`).toMatch(
        new RegExp(`^${g.budget} unsolved, \\S+ ${lo === hi ? lo : `${lo}–${hi}`}$`),
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('the outcome strip', () => {
  it('has one mark per run in seed order, and a text naming each seed’s outcome and step', () => {
    const runs = fakeGroup({}, [solved(850), budget(0.16), diverged(12), solved(1150)]);
    expect(outcomeStrip([...runs].reverse())).toEqual({
      marks: '●○×●',
      label: 'Seed (step): solved 0 (850), 3 (1150); unsolved 1; diverged 2 (12)',
    });
    expect(outcomeStrip(runs, 'zh').label).toBe('种子（步数）：解出 0（850）、3（1150）；未解出 1；发散 2（12）');
  });

  it('refuses a cancelled run: committed results hold finished runs only', () => {
    const r = fakeRun({ seed: 4 }, solved(100));
    const cancelled = { ...r, outcome: { ...r.outcome, status: 'cancelled' as const } };
    expect(() => outcomeStrip([cancelled])).toThrow(/run adding-50\/.*\/s4\/n3000 was cancelled/);
  });
});

describe('a cell', () => {
  it('gives the rate with its Wilson interval, the strip and the lines, in English and Chinese', () => {
    const runs = fakeGroup({}, [solved(900), solved(1500), budget(0.0195)]);
    const g = summaryOf(runs);
    expect(cellOf(g, runs, MSE)).toMatchObject({
      rate: '2/3 [20–94 %]',
      strip: { marks: '●●○' },
      lines: ['steps 1200 (900–1500)', '1 unsolved, MSE 0.0195'],
    });
    expect(cellOf(g, runs, MSE, 'zh')).toMatchObject({
      rate: '2/3 [20–94%]',
      lines: ['步数 1200（900–1500）', '1 次未解出，MSE 0.0195'],
    });
    expect(cellLines(g, runs, { loss: 'ce' })).toEqual(['steps 1200 (900–1500)', '1 unsolved, accuracy 0.0195']);
  });

  it('gives a median between two steps exactly (1825, not 1830)', () => {
    const runs = fakeGroup({}, [solved(1250), solved(2400)]);
    expect(cellLines(summaryOf(runs), runs, MSE)).toEqual(['steps 1825 (1250–2400)']);
  });

  it('says so when it is given another number of runs than its group has', () => {
    const runs = fakeGroup({}, [solved(900), solved(1000)]);
    expect(() => cellOf(summaryOf(runs), runs.slice(1), MSE)).toThrow(/has 2 runs, 1 given/);
  });
});

describe('the forget-bias arm', () => {
  const arm = (fb: number, clip: number, outcomes: Parameters<typeof fakeGroup>[1]) =>
    fakeGroup({ clip, ...(fb ? { forgetBias: fb } : {}) }, outcomes);
  const ten = (o: Parameters<typeof fakeGroup>[1][number]) => Array.from({ length: 10 }, () => o);
  const runs = [
    ...arm(0, 0, ten(budget(0.16))),
    ...arm(1, 0, ten(solved(800))),
    ...arm(0, 1, [...ten(solved(900)).slice(0, 7), budget(0.1), budget(0.1), diverged(20)]),
    ...arm(1, 1, ten(solved(700))),
  ];
  const results = fakeResults(runs);

  it('keeps forget-bias-1 runs out of the forget-bias-0 group that shares its learning rate and clipping', () => {
    for (const g of results.summaries) {
      expect(runsIn(runs, g)).toHaveLength(10);
      expect(runsIn(runs, g).every((r) => (r.spec.forgetBias ?? 0) === g.forgetBias)).toBe(true);
    }
  });

  it('puts forget bias 0 and 1 side by side and names a difference only when the intervals separate', () => {
    const rows = forgetBiasRows(results, { task: 'adding-50', lr: 0.01, clips: [0, 1], variants: ['lstm:g=relu,phi=tanh'] }, MSE);
    expect(rows.map((r) => [r.clip, r.fb0.rate, r.fb1.rate, r.verdict, r.verdictText])).toEqual([
      [0, '0/10 [0–28 %]', '10/10 [72–100 %]', 'more', 'forget bias 1 solved more often'],
      [1, '7/10 [39–90 %]', '10/10 [72–100 %]', 'unclear', 'no clear difference at n = 10'],
    ]);
    expect(rows[1]!.fb0.strip.marks).toBe('●●●●●●●○○×');
    const zh = forgetBiasRows(
      results,
      { task: 'adding-50', lr: 0.01, clips: [1], variants: ['lstm:g=relu,phi=tanh'] },
      MSE,
      'zh',
    );
    expect(zh[0]!.verdictText).toBe('在 n = 10 时没有明确差异');
  });

  it('names the problem when the results predate the arm', () => {
    const old = fakeResults(runs.filter((r) => r.spec.forgetBias === undefined));
    expect(() =>
      forgetBiasRows(old, { task: 'adding-50', lr: 0.01, clips: [0], variants: ['lstm:g=relu,phi=tanh'] }, MSE),
    ).toThrow(/no forget-bias-1 arm for adding-50 \(data\/experiments\/results.json predates it: run `npm run experiments`\)/);
  });
});
