import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { curveOf, quantile, spread, summarize, type ResultsFile } from '../../src/experiments/results';
import { packCommitted, unpackCommitted } from '../../src/components/experiments/committed';
import { buildLossPlot, lossDomain, mergedMarks } from '../../src/components/experiments/curves';
import { duration } from '../../src/components/experiments/data';

const RESULTS = JSON.parse(readFileSync(join(process.cwd(), 'data/experiments/results.json'), 'utf8')) as ResultsFile;

describe('the summaries', () => {
  it('are exactly what the runs give', () => {
    expect(summarize(RESULTS.runs)).toEqual(RESULTS.summaries);
  });

  it('count every run once and are internally consistent', () => {
    let n = 0;
    for (const g of RESULTS.summaries) {
      n += g.runs;
      expect(g.solved + g.diverged + g.budget).toBe(g.runs);
      expect(g.successRate).toBe(g.solved / g.runs);
      expect(g.divergences).toHaveLength(g.diverged);
      if (g.stepsToSolve) {
        expect(g.stepsToSolve.n).toBe(g.solved);
        expect(g.stepsToSolve.max).toBeLessThanOrEqual(g.steps);
      }
    }
    expect(n).toBe(RESULTS.runs.length);
  });

  it('every run’s curve covers the steps it ran, and solved runs met the task’s criterion', () => {
    for (const r of RESULTS.runs) {
      expect(r.curve.length).toBe(Math.ceil(r.outcome.step / 50));
      const t = RESULTS.tasks.find((x) => x.task === r.spec.task && x.T === r.spec.T)!;
      if (r.outcome.status === 'solved') {
        const m = r.outcome.final!.metric;
        if (t.metric.higherIsBetter) expect(m).toBeGreaterThanOrEqual(t.metric.threshold);
        else expect(m).toBeLessThan(t.metric.threshold);
      }
      if (r.outcome.status === 'budget') expect(r.outcome.step).toBe(r.spec.steps);
    }
  });
});

describe('statistics helpers', () => {
  it('quantiles interpolate linearly (NumPy’s default)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(spread([3, 1, 2])).toEqual({ n: 3, median: 2, q1: 1.5, q3: 2.5, min: 1, max: 3 });
    expect(spread([])).toBeNull();
  });

  it('curves are window means, NaN-free, with a shorter last window', () => {
    const l = new Float64Array([1, 3, 5, NaN, Infinity]);
    expect(curveOf(l, 5, 2)).toEqual([2, 5, null]);
    expect(curveOf(l, 3, 2)).toEqual([2, 5]);
  });
});

describe('the live figure’s committed outcomes', () => {
  it('pack and unpack losslessly', () => {
    const map = unpackCommitted(packCommitted(RESULTS.runs));
    expect(map.size).toBe(RESULTS.runs.length);
    const r = RESULTS.runs.at(-1)!;
    expect(map.get(r.key)).toEqual({
      fingerprint: r.fingerprint,
      fingerprintSteps: r.fingerprintSteps,
      status: r.outcome.status,
      step: r.outcome.step,
      headSteps: r.head.length,
      headLast: r.head.at(-1) ?? NaN,
      final: r.outcome.final ? Number(r.outcome.final.loss.toPrecision(4)) : null,
    });
    for (const x of RESULTS.runs) expect(Object.is(map.get(x.key)!.headLast, x.head.at(-1) ?? NaN)).toBe(true);
    expect(unpackCommitted('garbage;;a b').size).toBe(0);
  });
});

describe('the loss plot model', () => {
  it('pins values to the axis, breaks at nulls and marks ends', () => {
    const m = buildLossPlot(
      [
        {
          id: 'a',
          points: [
            [10, 1],
            [15, 0.5],
            [20, null],
            [30, 0.2],
            [40, 1e9],
          ],
          tone: 'c1',
          end: 'diverged',
        },
        {
          id: 'b',
          points: [
            [10, 0.1],
            [20, 0.001],
          ],
          tone: 'c2',
          end: 'solved',
        },
      ],
      [{ id: 'base', value: 1 / 6, label: 'baseline' }],
      { steps: 100, yDomain: [1e-4, 10], width: 300, height: 200 },
    );
    expect(m.paths[0]!.d.match(/M/g)).toHaveLength(2);
    expect(m.paths[0]!.d).not.toMatch(/NaN/);
    expect(m.ends.map((e) => e.kind)).toEqual(['diverged', 'solved']);
    expect(m.ends[0]!.y).toBe(m.frame.y0);
    expect(m.refs).toHaveLength(1);
    expect(m.yTicks.map((t) => t.label)).toContain('10⁻²');
  });

  it('picks a domain around the threshold and baseline', () => {
    expect(lossDomain(0.01, 1 / 6)).toEqual([0.001, 10]);
  });

  it('draws a run that ended in NaN up to the top edge from its last finite point', () => {
    const m = buildLossPlot(
      [
        {
          id: 'a',
          points: [
            [10, 1],
            [20, 2],
            [30, null],
          ],
          tone: 'c1',
          end: 'diverged',
        },
      ],
      [],
      { steps: 100, yDomain: [1e-4, 10], width: 300, height: 200 },
    );
    expect(m.paths[0]!.d.match(/M/g)).toHaveLength(1);
    expect(m.ends[0]!.y).toBe(m.frame.y0);
  });

  it('merges the marks of a small multiple into one path per kind and tone (each curve a subpath)', () => {
    const run = (id: string, tone: 'c1' | 'c2', end: 'solved' | 'diverged' | 'budget', last: number) => ({
      id,
      points: [
        [10, 1],
        [50, last],
      ] as [number, number][],
      tone,
      end,
    });
    const m = buildLossPlot(
      [
        run('a', 'c1', 'solved', 0.001),
        run('b', 'c1', 'budget', 0.5),
        run('c', 'c2', 'diverged', 5),
        run('d', 'c2', 'solved', 0.002),
      ],
      [],
      { steps: 100, yDomain: [1e-4, 10], width: 240, height: 150, decimals: 0, simplify: 0.5 },
    );
    const marks = mergedMarks(m);
    expect(marks.curves.map((c) => [c.tone, c.d.match(/M/g)!.length])).toEqual([
      ['c1', 2],
      ['c2', 2],
    ]);
    expect(marks.dots.map((c) => [c.tone, c.d.match(/M/g)!.length])).toEqual([
      ['c1', 1],
      ['c2', 1],
    ]);
    expect(marks.crosses.map((c) => [c.tone, c.d.match(/M/g)!.length])).toEqual([['c2', 1]]);
  });
});

describe('duration', () => {
  it('writes whole seconds, rounding before it splits off minutes', () => {
    expect(duration(42.4)).toBe('42 s');
    expect(duration(59.6)).toBe('1 min 0 s');
    expect(duration(1141)).toBe('19 min 1 s');
  });
});
