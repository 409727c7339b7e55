import { describe, expect, it } from 'vitest';
import '../../src/i18n/en';
import { csvNumber, parseCsv, toCsv } from '../../src/figures/csv';
import { functionCsv } from '../../src/figures/function-csv';
import { sampleCurves, type PlotSpec } from '../../src/figures/function-plot';
import { flowCsv } from '../../src/figures/gradients/csv';
import { computeFlow } from '../../src/figures/gradients/compute';
import { curvesOf } from '../../src/figures/gradients/plot';
import { cellCsv } from '../../src/figures/lstm/csv';
import { liveCsv } from '../../src/figures/live-csv';
import { computeCell, DEFAULT_STATE } from '../../src/figures/lstm/explorer';
import { Activations } from '../../src/lib/nn/activations';
import { createRng } from '../../src/lib/nn/rng';

/** Bitwise equality (−0 ≠ +0, NaN = NaN). */
const sameBits = (a: number, b: number) => Object.is(a, b);

describe('the CSV writer', () => {
  it('writes numbers that read back as the same doubles, −0, NaN and ±Infinity included', () => {
    const rng = createRng(5);
    const values = [-0, 0, NaN, Infinity, -Infinity, 5e-324, Number.MAX_VALUE, 0.1 + 0.2, 1e21, -1.5e-7];
    for (let k = 0; k < 500; k++) values.push((rng.next() - 0.5) * 10 ** rng.int(40) * 10 ** -rng.int(40));
    const text = toCsv({ columns: ['v (dimensionless)'], rows: values.map((v) => [v]) });
    const back = parseCsv(text)
      .slice(1)
      .map((r) => Number(r[0]));
    expect(back.length).toBe(values.length);
    back.forEach((v, k) => expect(sameBits(v, values[k]!), `${values[k]} read back as ${v}`).toBe(true));
    expect(csvNumber(-0)).toBe('-0');
  });

  it('quotes fields with commas, quotes and line breaks, ends lines with CRLF, and refuses ragged rows', () => {
    const text = toCsv({ columns: ['a, b', 'say "hi"'], rows: [['x\ny', 1]] });
    expect(text).toBe('"a, b","say ""hi"""\r\n"x\ny",1\r\n');
    expect(parseCsv(text)).toEqual([
      ['a, b', 'say "hi"'],
      ['x\ny', '1'],
    ]);
    expect(() => toCsv({ columns: ['a', 'b'], rows: [[1]] })).toThrow('toCsv: row 0 has 1 fields, the header 2');
  });
});

describe('each figure’s CSV', () => {
  it('gradient figure: every lag, the exact log10 of every plotted curve and its flag, with units in the header', () => {
    const r = computeFlow({ c: 'lstm', a: 'tanh', r: 1, w: 'orth', bf: 1, t: 50, s: 1 });
    const t = flowCsv(curvesOf(r), r.T);
    expect(t.columns).toEqual([
      'lag T − t (steps)',
      't (step, 0-based)',
      expect.stringMatching(/^log10 cell path alone .* \(dimensionless\)$/),
      expect.stringMatching(/^flag of cell path alone/),
      'log10 ‖∂L/∂h_t‖ (dimensionless)',
      'flag of ‖∂L/∂h_t‖',
      'log10 ‖∂L/∂c_t‖ (dimensionless)',
      'flag of ‖∂L/∂c_t‖',
    ]);
    const rows = parseCsv(toCsv(t)).slice(1);
    expect(rows.length).toBe(50);
    rows.forEach((row, k) => {
      expect(Number(row[0])).toBe(k);
      expect(Number(row[1])).toBe(49 - k);
      expect(sameBits(Number(row[4]), r.h.log10[k]!)).toBe(true);
      expect(row[5]).toBe(r.h.flags[k]);
      expect(sameBits(Number(row[6]), r.c!.log10[k]!)).toBe(true);
    });
  });

  it('cell explorer: every value the figure draws, at full precision', () => {
    const v = computeCell(DEFAULT_STATE);
    const t = cellCsv(DEFAULT_STATE, v);
    expect(t.columns).toEqual(['quantity', 'value (dimensionless)']);
    const byName = new Map(
      parseCsv(toCsv(t))
        .slice(1)
        .map((r) => [r[0], Number(r[1])]),
    );
    expect(byName.get('c_t')).toBe(v.c);
    expect(byName.get('h_t')).toBe(v.h);
    expect(byName.get('f')).toBe(v.f);
    expect(byName.get('x_t')).toBe(DEFAULT_STATE.x);
    expect(cellCsv(DEFAULT_STATE, v, 'zh').columns).toEqual(['量', '数值（无量纲）']);
  });

  it('function figures: each curve’s samples in long form, leaving out the pen-up at a jump', () => {
    const spec: PlotSpec = {
      xDomain: [-2, 2],
      curves: [
        { id: 'f', label: 'ReLU(z)', fn: Activations.relu.f, colour: 1, breaks: [0] },
        { id: 'df', label: 'ReLU′(z)', short: 'ReLU′', fn: Activations.relu.df, colour: 2, breaks: [0], splitAtBreaks: true },
      ],
    };
    const samples = sampleCurves(spec, 601);
    const t = functionCsv(spec.curves, samples);
    expect(t.columns).toEqual(['curve', 'z (dimensionless)', 'value (dimensionless)']);
    const f = t.rows.filter((r) => r[0] === 'ReLU(z)');
    const df = t.rows.filter((r) => r[0] === 'ReLU′');
    expect(f.length).toBe(samples.get('f')!.xs.length);
    expect(df.length).toBe(samples.get('df')!.xs.length - 1); // the NaN between the two sides of the jump
    for (const r of t.rows) expect(Number.isNaN(r[2])).toBe(false);
    expect(f[0]).toEqual(['ReLU(z)', -2, 0]);
    expect(f.at(-1)).toEqual(['ReLU(z)', 2, 2]);
  });
});

describe('the live-run figure’s CSV', () => {
  it('lists the plotted windowed training loss and the held-out evaluations by step, exactly', () => {
    const t = liveCsv(
      [
        [10, 0.5],
        [20, null],
        [30, 0.125],
      ],
      [[20, 0.25, 0.9]],
      10,
    );
    expect(t.columns[1]).toBe("training loss (task's loss, mean over the last 10 steps)");
    expect(t.rows).toEqual([
      [10, 0.5, '', ''],
      [20, 'NaN', 0.25, 0.9],
      [30, 0.125, '', ''],
    ]);
    expect(parseCsv(toCsv(t))[2]).toEqual(['20', 'NaN', '0.25', '0.9']);
  });
});
