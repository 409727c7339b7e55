import { describe, expect, it } from 'vitest';
import { IGNORE_INDEX } from '../../src/lib/nn/loss.ts';
import {
  addingProblem,
  addingProblemHochreiter,
  copyTask,
  HELD_OUT_SEED,
  HELD_OUT_SIZE,
  upDownTask,
  type Task,
} from '../../src/lib/nn/tasks.ts';
import { fakeRng } from './nn-fakes.ts';

/** x(t, b, i) of a time-major batch. */
const at = (x: Float64Array, B: number, I: number, t: number, b: number, i: number) => x[(t * B + b) * I + i]!;

function sameDataFromSameSeed(task: Task, T: number): void {
  const a = task.generator()(fakeRng(5), T, 7);
  const b = task.generator()(fakeRng(5), T, 7);
  const c = task.generator()(fakeRng(6), T, 7);
  expect(Array.from(a.batch.x)).toEqual(Array.from(b.batch.x));
  expect(Array.from(a.target)).toEqual(Array.from(b.target));
  expect(Array.from(a.batch.x)).not.toEqual(Array.from(c.batch.x));
}

describe('held-out set constants', () => {
  it('are 1024 sequences from a fixed seed', () => {
    expect(HELD_OUT_SIZE).toBe(1024);
    expect(Number.isInteger(HELD_OUT_SEED)).toBe(true);
  });
});

describe('addingProblem (Le et al. 2015)', () => {
  const task = addingProblem();

  it('has the expected defaults: 2 inputs, 1 output read at the last step, MSE, solved below 0.01', () => {
    expect(task).toMatchObject({ id: 'adding-le2015', inputSize: 2, outputSize: 1, readout: 'last', loss: 'mse', minLength: 2 });
    expect(task.metric).toEqual({ name: 'MSE', higherIsBetter: false, threshold: 0.01 });
    expect(task.baselineLoss(50)).toBe(1 / 6);
  });

  it('marks exactly one step in each half and targets the sum of the two marked values', () => {
    const T = 11;
    const B = 300;
    const { batch, target, rows } = task.generator()(fakeRng(1), T, B);
    expect(batch).toMatchObject({ T, B, I: 2 });
    expect(rows).toBe(B);
    const half = Math.floor(T / 2);
    const seenFirst = new Set<number>();
    const seenSecond = new Set<number>();
    for (let b = 0; b < B; b++) {
      const marked: number[] = [];
      for (let t = 0; t < T; t++) {
        const v = at(batch.x, B, 2, t, b, 0);
        expect(v >= 0 && v < 1).toBe(true);
        const m = at(batch.x, B, 2, t, b, 1);
        expect(m === 0 || m === 1).toBe(true);
        if (m === 1) marked.push(t);
      }
      expect(marked.length).toBe(2);
      expect(marked[0]).toBeLessThan(half);
      expect(marked[1]).toBeGreaterThanOrEqual(half);
      seenFirst.add(marked[0]!);
      seenSecond.add(marked[1]!);
      expect(target[b]).toBe(at(batch.x, B, 2, marked[0]!, b, 0) + at(batch.x, B, 2, marked[1]!, b, 0));
    }
    expect(seenFirst.size).toBe(half); // every first-half position occurs
    expect(seenSecond.size).toBe(T - half);
  });

  it('has a constant-1 baseline MSE of 1/6 (simulated)', () => {
    const data = task.generator()(fakeRng(2), 20, 40_000);
    const ones = new Float64Array(data.rows).fill(1);
    // SD of the estimate ≈ 0.2/√40000 = 0.001.
    expect(task.evaluate(ones, data).loss).toBeCloseTo(1 / 6, 2);
    expect(task.evaluate(ones, data).solved).toBe(false);
  });

  it('counts a perfect prediction as solved and reports MSE as the metric', () => {
    const data = task.generator()(fakeRng(3), 6, 10);
    const e = task.evaluate(data.target.slice(), data);
    expect(e).toEqual({ loss: 0, metric: 0, solved: true });
  });

  it('writes the MSE gradient for training', () => {
    const data = task.generator()(fakeRng(3), 4, 2);
    const out = Float64Array.of(data.target[0]! + 1, data.target[1]!);
    const grad = new Float64Array(2);
    expect(task.lossAndGrad(out, data, grad)).toBe(0.5);
    expect(Array.from(grad)).toEqual([1, 0]);
  });

  it('is a function of the rng stream and reuses its buffers', () => {
    sameDataFromSameSeed(task, 9);
    const gen = task.generator();
    const first = gen(fakeRng(1), 5, 3);
    const second = gen(fakeRng(2), 5, 3);
    expect(second.batch.x).toBe(first.batch.x);
    expect(gen(fakeRng(1), 6, 3).batch.x).not.toBe(first.batch.x);
  });

  it('rejects sequences shorter than 2 and empty batches', () => {
    expect(() => task.generator()(fakeRng(1), 1, 4)).toThrow(RangeError);
    expect(() => task.generator()(fakeRng(1), 4, 0)).toThrow(RangeError);
  });
});

describe('addingProblemHochreiter (Hochreiter & Schmidhuber 1997)', () => {
  const task = addingProblemHochreiter();

  it('has the expected defaults: 2 inputs, last-step readout, MSE loss, solved when every sequence is within 0.04', () => {
    expect(task).toMatchObject({
      id: 'adding-hochreiter1997',
      inputSize: 2,
      outputSize: 1,
      readout: 'last',
      loss: 'mse',
      minLength: 4,
    });
    expect(task.metric).toEqual({ name: 'fraction with |error| < 0.04', higherIsBetter: true, threshold: 1 });
  });

  it('marks one of the first ten steps and one other step of the first half, with −1 at both ends', () => {
    const T = 40;
    const B = 2000;
    const { batch, target } = task.generator()(fakeRng(4), T, B);
    const firstMarks = new Set<number>();
    for (let b = 0; b < B; b++) {
      const marked: number[] = [];
      for (let t = 0; t < T; t++) {
        const v = at(batch.x, B, 2, t, b, 0);
        expect(v >= -1 && v < 1).toBe(true);
        const m = at(batch.x, B, 2, t, b, 1);
        if (m === 1) marked.push(t);
        else if (t === 0 || t === T - 1) expect(m).toBe(-1);
        else expect(m).toBe(0);
      }
      expect(marked.length).toBe(2);
      expect(marked[1]).toBeLessThan(T / 2);
      expect(marked.some((t) => t < 10)).toBe(true);
      for (const t of marked) if (t < 10) firstMarks.add(t);
      if (marked[0] === 0) expect(at(batch.x, B, 2, 0, b, 0)).toBe(0);
      const sum = at(batch.x, B, 2, marked[0]!, b, 0) + at(batch.x, B, 2, marked[1]!, b, 0);
      expect(target[b]).toBe(0.5 + sum / 4.0);
      expect(target[b]! >= 0 && target[b]! <= 1).toBe(true);
    }
    expect(firstMarks.size).toBe(10);
  });

  it('has a predict-0.5 baseline MSE of (2 − p₀)/48 and ≈ 15 % "correct" sequences (simulated)', () => {
    const T = 20;
    const data = task.generator()(fakeRng(5), T, 40_000);
    const half = new Float64Array(data.rows).fill(0.5);
    const e = task.evaluate(half, data);
    const p0 = 1 / 10 + (1 - 1 / 10) / 9;
    expect(task.baselineLoss(T)).toBe((2 - p0) / 48);
    expect(e.loss).toBeCloseTo(task.baselineLoss(T), 3);
    expect(e.metric).toBeGreaterThan(0.13);
    expect(e.metric).toBeLessThan(0.17);
    expect(e.solved).toBe(false);
  });

  it('is solved only when every sequence has absolute error below 0.04', () => {
    const data = task.generator()(fakeRng(6), 8, 4);
    const out = data.target.slice();
    out[0]! += 0.039;
    expect(task.evaluate(out, data)).toMatchObject({ metric: 1, solved: true });
    out[1]! -= 0.041;
    expect(task.evaluate(out, data)).toMatchObject({ metric: 0.75, solved: false });
  });

  it('is a function of the rng stream', () => {
    sameDataFromSameSeed(task, 12);
  });

  it('rejects T < 4', () => {
    expect(() => task.generator()(fakeRng(1), 3, 1)).toThrow(RangeError);
  });
});

describe('copyTask', () => {
  it('has the expected defaults: K = 8 symbols, L = 10, one-hot inputs, every-step cross-entropy, 99 % recall accuracy', () => {
    const task = copyTask();
    expect(task).toMatchObject({
      id: 'copy',
      inputSize: 10,
      outputSize: 9,
      readout: 'every',
      loss: 'cross-entropy',
      minLength: 21,
    });
    expect(task.metric).toEqual({ name: 'recall accuracy', higherIsBetter: true, threshold: 0.99 });
  });

  it('shows L symbols, blanks, a go marker, then expects the symbols back in the last L steps', () => {
    const K = 3;
    const L = 2;
    const T = 7;
    const B = 50;
    const I = K + 2;
    const { batch, target, rows } = copyTask({ symbols: K, length: L }).generator()(fakeRng(7), T, B);
    expect(rows).toBe(T * B);
    for (let b = 0; b < B; b++) {
      for (let t = 0; t < T; t++) {
        const onehot = Array.from({ length: I }, (_, i) => at(batch.x, B, I, t, b, i));
        expect(onehot.reduce((s, v) => s + v, 0)).toBe(1);
        const ch = onehot.indexOf(1);
        if (t < L) expect(ch >= 1 && ch <= K).toBe(true);
        else if (t === T - L - 1) expect(ch).toBe(K + 1);
        else expect(ch).toBe(0);
        const y = target[t * B + b]!;
        if (t < T - L) expect(y).toBe(0);
        else expect(y >= 1 && y <= K).toBe(true);
      }
      for (let j = 0; j < L; j++) {
        const s = target[(T - L + j) * B + b]!;
        expect(at(batch.x, B, I, j, b, s)).toBe(1);
      }
    }
  });

  it('has the baseline cross-entropy L·ln K / T (blank for sure, then uniform over symbols)', () => {
    const K = 8;
    const L = 10;
    const T = 50;
    const task = copyTask();
    const data = task.generator()(fakeRng(8), T, 4);
    const C = K + 1;
    const logits = new Float64Array(data.rows * C);
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < 4; b++) {
        const o = (t * 4 + b) * C;
        if (t < T - L)
          logits.fill(-Infinity, o + 1, o + C); // blank with probability 1
        else logits[o] = -Infinity; // uniform over the K symbols
      }
    }
    const e = task.evaluate(logits, data);
    expect(task.baselineLoss(T)).toBe((L * Math.log(K)) / T);
    expect(e.loss).toBeCloseTo(task.baselineLoss(T), 14);
    expect(e.solved).toBe(false);
  });

  it('scores recall accuracy by argmax over the last L steps only', () => {
    const task = copyTask({ symbols: 4, length: 2 });
    const T = 6;
    const B = 5;
    const data = task.generator()(fakeRng(9), T, B);
    const C = 5;
    const logits = new Float64Array(data.rows * C);
    for (let r = 0; r < data.rows; r++) logits[r * C + data.target[r]!] = 1;
    expect(task.evaluate(logits, data)).toMatchObject({ metric: 1, solved: true });
    logits.fill(0, 0, B * C); // wrong blank predictions at t = 0 do not count
    expect(task.evaluate(logits, data).metric).toBe(1);
    const r = (T - 1) * B; // one recall step wrong
    logits.fill(0, r * C, r * C + C);
    logits[r * C + ((data.target[r]! % 4) + 1)] = 1;
    expect(task.evaluate(logits, data)).toMatchObject({ metric: 0.9, solved: false });
  });

  it('never uses the ignore index: every step is scored by the loss', () => {
    const data = copyTask().generator()(fakeRng(10), 21, 3);
    expect(Array.from(data.target).includes(IGNORE_INDEX)).toBe(false);
  });

  it('is a function of the rng stream, and rejects T < 2L + 1 and bad options', () => {
    sameDataFromSameSeed(copyTask(), 25);
    expect(() => copyTask().generator()(fakeRng(1), 20, 1)).toThrow(RangeError);
    expect(() => copyTask({ symbols: 0 })).toThrow(RangeError);
  });
});

describe('upDownTask', () => {
  it('has the expected defaults: one ±1/0 input, a target at every step, MSE, solved below 0.01, q = 0.5', () => {
    const task = upDownTask();
    expect(task).toMatchObject({ id: 'up-down', inputSize: 1, outputSize: 1, readout: 'every', loss: 'mse', minLength: 1 });
    expect(task.metric).toEqual({ name: 'MSE', higherIsBetter: false, threshold: 0.01 });
    expect(task.baselineLoss(10)).toBe((0.5 * 11) / 20);
  });

  it('targets the running sum of the inputs divided by √T', () => {
    const T = 16;
    const B = 40;
    const { batch, target, rows } = upDownTask().generator()(fakeRng(11), T, B);
    expect(rows).toBe(T * B);
    let ups = 0;
    let downs = 0;
    for (let b = 0; b < B; b++) {
      let s = 0;
      for (let t = 0; t < T; t++) {
        const u = batch.x[t * B + b]!;
        expect([-1, 0, 1]).toContain(u);
        if (u === 1) ups++;
        if (u === -1) downs++;
        s += u;
        expect(target[t * B + b]).toBe(s / Math.sqrt(T));
      }
    }
    // q/2 = 0.25 each of T·B = 640 steps: 160 ± 11.
    expect(ups).toBeGreaterThan(110);
    expect(ups).toBeLessThan(210);
    expect(downs).toBeGreaterThan(110);
    expect(downs).toBeLessThan(210);
  });

  it('has a predict-0 baseline MSE of q(T + 1)/(2T) (simulated)', () => {
    const T = 30;
    const task = upDownTask({ moveProbability: 0.3 });
    const data = task.generator()(fakeRng(12), T, 20_000);
    const e = task.evaluate(new Float64Array(data.rows), data);
    expect(task.baselineLoss(T)).toBeCloseTo((0.3 * 31) / 60, 15);
    expect(e.loss).toBeCloseTo(task.baselineLoss(T), 2);
  });

  it('is a function of the rng stream, and rejects a move probability outside (0, 1]', () => {
    sameDataFromSameSeed(upDownTask(), 8);
    expect(() => upDownTask({ moveProbability: 0 })).toThrow(RangeError);
    expect(() => upDownTask({ moveProbability: 1.5 })).toThrow(RangeError);
  });
});
