/**
 * The prose helpers of the ReLU article's numbers module: a comparison is worded to its evidence ("solved more
 * often" only when the 95 % Wilson intervals separate, "slower" only when the medians' intervals do), and the
 * article's totals never mix the forget-bias-1 arm into the main grid.
 */
import { describe, expect, it } from 'vitest';
import { RESULTS, settingOf } from '../../src/components/experiments/data';
import { T50, ci, compare, compareSpeed, fbCompare, g50, speedOf, values } from '../../src/numbers/relu-experiments';

describe('comparing two success rates', () => {
  it('says "solved more often" when the intervals separate, with the evidence', () => {
    expect(compare({ solved: 10, runs: 10 }, { solved: 2, runs: 10 })).toEqual({
      verdict: 'more',
      text: 'solved more often',
      evidence: '10/10 [72–100 %] vs 2/10 [5–51 %]',
    });
    expect(compare({ solved: 0, runs: 10 }, { solved: 9, runs: 10 }).text).toBe('solved less often');
  });

  it('says "no clear difference at n = …" when they overlap, however different the counts look', () => {
    expect(compare({ solved: 3, runs: 3 }, { solved: 1, runs: 3 }).text).toBe('no clear difference at n = 3');
    expect(compare({ solved: 7, runs: 10 }, { solved: 10, runs: 10 }).text).toBe('no clear difference at n = 10');
    expect(compare({ solved: 10, runs: 20 }, { solved: 1, runs: 10 }).text).toBe('no clear difference at n = 20 and 10');
  });

  it('words it in Chinese too', () => {
    expect(compare({ solved: 10, runs: 10 }, { solved: 2, runs: 10 }, 'zh')).toEqual({
      verdict: 'more',
      text: '解出得更多',
      evidence: '10/10 [72–100%] 对 2/10 [5–51%]',
    });
    expect(compare({ solved: 3, runs: 3 }, { solved: 1, runs: 3 }, 'zh').text).toBe('在 n = 3 时没有明确差异');
  });

  it('gives a group or totals as k/n with the interval', () => {
    expect(ci({ solved: 9, runs: 10 })).toBe('9/10 [59–99 %]');
    const t = T50('std');
    expect(ci(t)).toMatch(new RegExp(`^${t.solved}/${t.runs} \\[\\d+–\\d+ %\\]$`));
  });
});

describe('comparing two groups’ steps to solve', () => {
  const fast = [400, 450, 500, 550, 600, 650, 700, 750, 800, 850];
  it('says "slower" only when the medians’ intervals separate', () => {
    expect(
      speedOf(
        fast.map((s) => s + 1000),
        fast,
      ),
    ).toEqual({
      verdict: 'slower',
      text: 'slower',
      evidence: '1625 (1400–1850) vs 625 (400–850)',
    });
    expect(
      speedOf(
        fast,
        fast.map((s) => s + 100),
      ).text,
    ).toBe('no clear difference at n = 10');
    expect(speedOf(fast.slice(0, 3), fast).text).toBe('too few solved runs to compare speeds');
    expect(speedOf([], fast).evidence).toBe('— vs 625 (400–850)');
  });

  it('reads the solved runs of committed groups', () => {
    const c = compareSpeed(g50('relu', 0.01, 1), g50('std', 0.01, 1));
    expect(['slower', 'faster', 'unclear', 'too-few']).toContain(c.verdict);
    expect(c.evidence).toMatch(/^\d+( \(\d+–\d+\))? vs \d+( \(\d+–\d+\))?$/);
  });
});

describe('the forget-bias arm', () => {
  const hasArm = RESULTS.summaries.some((g) => (g.forgetBias ?? 0) !== 0);

  it('stays out of the main grid’s totals: a variant at T = 50 counts its learning rates × clippings × seeds', () => {
    const s = settingOf('adding-50');
    expect(T50('relu').runs).toBe(s.lrs.length * s.clips.length * RESULTS.grid.seeds.length);
    expect(values.BOTH.every((g) => (g.forgetBias ?? 0) === 0)).toBe(true);
  });

  it('is compared with forget bias 0 when the results hold it, and named as missing when they do not', () => {
    if (hasArm) expect(fbCompare('relu', 0.01, 1).evidence).toMatch(/ vs /);
    else
      expect(() => fbCompare('relu', 0.01, 1)).toThrow(/no results for adding-50 \/ lstm:g=relu,phi=tanh \/ lr=0.01,clip=1,fb=1/);
  });
});
