/**
 * Prose and data stay together (issue 18, item 7): every count, rate, median and range the ReLU-experiments pages
 * state comes from the committed results through src/numbers/relu-experiments.ts, so a re-run of the grid cannot
 * leave a sentence behind. The test reads each page of the article (English and Chinese, article and appendix, those
 * that exist) and fails on any number typed into its prose, unless an allowed phrase below covers it: a grid setting
 * (checked against src/experiments/grid.ts), a definition, a citation's figure or year. A number in an
 * `{expression}` is computed and never counted.
 *
 * PENDING holds the hand-typed numbers the article still has and must lose (compute them or drop them); like the
 * budget ratchet it only shrinks: an entry whose phrase is gone fails the test until it is deleted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIPS, LRS, TASK_SETTINGS } from '../../src/experiments/grid';
import { evalGate } from '../../src/experiments/spec';
import { judgeProseNumbers, proseNumbers, type AllowedPhrase } from '../support/prose-numbers';

const PAGES = [
  'content/articles/relu-experiments.mdx',
  'content/articles/appendix/relu-experiments.mdx',
  'content/articles/zh/relu-experiments.mdx',
  'content/articles/zh/appendix/relu-experiments.mdx',
].filter((f) => existsSync(join(process.cwd(), f)));

/** A grid setting of the adding problem at length T. */
const adding = (T: number) => TASK_SETTINGS.find((s) => s.task === 'adding' && s.T === T && !s.forgetBias);

interface Allowed extends AllowedPhrase {
  /** For a setting: whether the code still says so. */
  readonly holds?: () => boolean;
}

const ALLOWED: readonly Allowed[] = [
  // grid settings, each checked against the grid
  { phrase: 'at length 50', why: 'a task length of the grid', holds: () => adding(50) !== undefined },
  {
    phrase: 'at length 100 with clipping',
    why: 'the T = 100 setting',
    holds: () => adding(100)?.clips.every((c) => c > 0) === true,
  },
  { phrase: 'T = 100', why: 'a task length of the grid', holds: () => adding(100) !== undefined },
  { phrase: 'learning rate 0.01', why: 'a learning rate of the grid', holds: () => LRS.includes(0.01) },
  { phrase: 'learning rate 0.003', why: 'a learning rate of the grid', holds: () => LRS.includes(0.003) },
  { phrase: 'none at 0.003', why: 'a learning rate of the grid', holds: () => LRS.includes(0.003) },
  { phrase: 'at 1 or none', why: 'the clipping thresholds', holds: () => CLIPS.join() === '0,1' },
  { phrase: '| none, 1 |', why: 'the clipping thresholds', holds: () => CLIPS.join() === '0,1' },
  { phrase: '| 1 |', why: 'the clipping of the T = 100 setting', holds: () => adding(100)?.clips.join() === '1' },
  { phrase: '(3× the', why: 'the evaluation gate of the MSE tasks', holds: () => evalGate('adding', 1, 0) === 3 },
  { phrase: '0.3× the baseline', why: 'the evaluation gate of the copy task', holds: () => evalGate('copy', 0, 1) === 0.3 },
  // definitions and arithmetic, not results
  { phrase: '95 %', why: 'the confidence level of every interval (src/experiments/stats.ts)' },
  { phrase: 'adding a bias of 1 to the LSTM', why: 'Jozefowicz et al.’s recommendation, quoted' },
  { phrase: 'exactly 0', why: 'what a dead unit outputs, by definition' },
  { phrase: 'Always predicting 1', why: 'the mean of the adding problem’s target' },
  { phrase: '+1 or −1', why: 'the up-and-down task’s steps' },
  { phrase: 'otherwise 0', why: 'the up-and-down task’s steps' },
  { phrase: 'Predicting 0 everywhere', why: 'the up-and-down task’s baseline' },
  { phrase: 'at most 1 per step', why: '|tanh| < 1' },
  // formulas written as text (issue 19: lighter than KaTeX), definitions rather than results
  { phrase: 'clamped to [−1, 1]', why: 'hard tanh, by definition' },
  { phrase: 'softsign *z*/(1 + |*z*|)', why: 'softsign, by definition' },
  { phrase: 'uniformly from [0, 1)', why: 'the adding problem’s values, by definition' },
  { phrase: 'Var(*X*<sub>1</sub> + *X*<sub>2</sub>) = 2 · 1/12', why: 'the variance of a sum of two U[0, 1) values' },
  { phrase: 'uniform in ±1/√*H*', why: 'PyTorch’s default initialisation' },
  { phrase: '𝒩(0, 0.001²)', why: 'the IRNN’s input weights, as Le et al. give them' },
  { phrase: '*c*<sub>0</sub> = 0 and *g*<sub>*t*</sub> ≥ 0, every *c*<sub>*t*</sub> ≥ 0', why: 'the sign argument' },
  { phrase: '|*h*<sub>*t*</sub>| &lt; 1', why: '|tanh| < 1' },
  { phrase: 'units had *h*<sub>*t*</sub> = 0 throughout', why: 'a dead output unit, by definition' },
  { phrase: 'min(1, θ/‖*G*‖)', why: 'clipping’s definition' },
  { phrase: '/(1 − β<sub>2</sub>)', why: 'the horizon of Adam’s second-moment average' },
  // cited figures and years
  { phrase: 'Greff et al. 2017', why: 'a year' },
  { phrase: 'Le et al. 2015', why: 'a year' },
  { phrase: 'Jozefowicz et al. 2015', why: 'a year' },
];

/** Hand-typed result numbers still in the prose: compute them in src/numbers/relu-experiments.ts or drop them. */
const PENDING: readonly AllowedPhrase[] = [];

describe('the hand-typed numbers of an MDX page', () => {
  const page = [
    '---',
    'title: Ten runs of 3 kinds',
    'description: A page.',
    'order: 4',
    '---',
    "import { of } from '../x';",
    'export const { A } = values;',
    '',
    'It solved {of(T50(2))} runs at $T = 50$ in `npm run x -- 7` [@le2015, §4.1] ([see](/a/#fig-2)).',
    '## Heading [#h-3]',
    '<LossGrid lr={0.01} id="fig-4" />',
    '{claim(a < 5, "b")} The ReLU cell needed 2700 steps, float64 and H2 aside.',
  ].join('\n');

  it('finds numbers in the prose, the title and the description, with their line and column', () => {
    expect(proseNumbers(page).map((n) => `${n.line}:${n.column} ${n.text}`)).toEqual(['2:20 3', '12:42 2700']);
  });

  it('leaves out expressions, math, code, imports, tags, citations, ids and link targets', () => {
    expect(proseNumbers(page.split('\n').slice(5, 11).join('\n'))).toEqual([]);
  });

  it('lets an allowed phrase cover only the numbers inside it, and reports phrases that cover none', () => {
    const found = proseNumbers('needed 2700 steps, then 2700 more');
    const v = judgeProseNumbers(found, [
      { phrase: 'needed 2700 steps', why: 'x' },
      { phrase: 'never there', why: 'y' },
    ]);
    expect(v.uncovered.map((n) => n.column)).toEqual([25]);
    expect(v.unused.map((a) => a.phrase)).toEqual(['never there']);
  });
});

describe.each(PAGES)('%s', (file) => {
  const found = proseNumbers(readFileSync(join(process.cwd(), file), 'utf8'));

  it('types no result number into its prose: each comes from the numbers module through an {expression}', () => {
    const { uncovered } = judgeProseNumbers(found, [...ALLOWED, ...PENDING]);
    expect(
      uncovered.map((n) => `${file}:${n.line}:${n.column}: "${n.text}" in “${n.lineText.trim()}”`),
      'write the number as an {expression} from src/numbers/relu-experiments.ts, or allow its phrase in this test with the reason',
    ).toEqual([]);
  });
});

describe('the allowed phrases and the pending list', () => {
  const found = PAGES.flatMap((f) => proseNumbers(readFileSync(join(process.cwd(), f), 'utf8')));

  it('still say what the grid says (each setting checked against src/experiments/grid.ts and spec.ts)', () => {
    for (const a of ALLOWED) if (a.holds) expect(a.holds(), `${a.phrase}: ${a.why}`).toBe(true);
  });

  it('only shrink: every allowed phrase and every pending number still occurs (delete the ones that do not)', () => {
    expect(PAGES.length).toBeGreaterThan(0);
    const { unused } = judgeProseNumbers(found, [...ALLOWED, ...PENDING]);
    expect(unused.map((a) => a.phrase)).toEqual([]);
    if (PENDING.length > 0)
      console.log(`hand-typed result numbers still pending:\n${PENDING.map((p) => `  “${p.phrase}”: ${p.why}`).join('\n')}`);
  });
});
