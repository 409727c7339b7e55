import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellLines } from '../../src/components/experiments/table';
import { summarize, type ResultsFile, type RunRecord } from '../../src/experiments/results';
import { normalizeSpec, settingKey, taskKey, variantKey } from '../../src/experiments/spec';
import { formatNumber } from '../../src/figures/format';
import { budget, diverged, fakeGroup, solved } from './fixtures';

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
