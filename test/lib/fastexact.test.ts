import { describe, expect, it } from 'vitest';
import { Activations } from '../../src/lib/nn/activations.ts';
import { tanh } from '../../src/lib/nn/elementary.ts';
import {
  biasSigmoidInto,
  biasTanhInto,
  lstmBackwardCell,
  lstmForwardCell,
  sigmoidExact,
  tanhExact,
  tanhInto,
  type LstmCellArrays,
} from '../../src/lib/nn/fastexact.ts';

const reference = Activations.sigmoid.f;

/** The double with the given high and low 32-bit words. */
function fromWords(hi: number, lo: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, hi >>> 0);
  view.setUint32(4, lo >>> 0);
  return view.getFloat64(0);
}

/** Arguments that reach every branch of fdlibm's exp and its boundaries, with both signs and their neighbours. */
function boundaryArguments(): number[] {
  const xs: number[] = [0, -0, 1, -1, 2, 0.5, 20, 36.7, 37, 700, 706.99, 707, 708, 709.78, 745.2, 746, 1e300];
  xs.push(Infinity, -Infinity, NaN, Number.MIN_VALUE, 1e-300, 2 ** -28, 2 ** -29, 2 ** -27);
  // High words where fdlibm changes branch: 2^−28, 0.5·ln2, 1.5·ln2, the overflow filter.
  for (const hw of [0x3e300000, 0x3fd62e42, 0x3fd62e43, 0x3ff0a2b2, 0x40862e42]) {
    for (const lo of [0, 1, 0x7fffffff, 0xfefa39ef, 0xfefa39f0, 0xffffffff]) {
      for (const d of [-1, 0, 1]) xs.push(fromWords(hw + d, lo));
    }
  }
  // Every boundary (k ± ½)·ln2 between two values of k, where (int)(x/ln2 − ½) steps.
  for (let k = 0; k <= 1030; k++) {
    const b = (k + 0.5) * Math.LN2;
    for (let j = -4; j <= 4; j++) xs.push(b * (1 + j * 2 ** -52));
  }
  return xs.flatMap((x) => [x, -x]);
}

/** xorshift32, so that the sample is fixed. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

describe('the bit-exact fast sigmoid', () => {
  it('returns the same bits as the registry sigmoid on every fdlibm boundary', () => {
    const wrong = boundaryArguments().filter((z) => !Object.is(sigmoidExact(z), reference(z)));
    expect(wrong.map((z) => `σ(${z}): ${sigmoidExact(z)} vs ${reference(z)}`)).toEqual([]);
  });

  it('returns the same bits as the registry sigmoid on 400 000 random arguments of every magnitude', () => {
    const rnd = xorshift(20240611);
    const words = new Uint32Array(2);
    const asDouble = new Float64Array(words.buffer);
    let mismatches = 0;
    let first = '';
    for (let n = 0; n < 400_000; n++) {
      let z: number;
      switch (n % 4) {
        case 0:
          z = (rnd() - 0.5) * 12; // typical gate pre-activations
          break;
        case 1:
          z = (rnd() - 0.5) * 80;
          break;
        case 2:
          z = (rnd() - 0.5) * 1500;
          break;
        default:
          words[0] = rnd() * 4294967296;
          words[1] = rnd() * 4294967296;
          z = asDouble[0]!; // any bit pattern, NaNs and subnormals included
      }
      if (rnd() < 0.3) z *= 2 ** -Math.floor(rnd() * 40);
      if (!Object.is(sigmoidExact(z), reference(z))) {
        mismatches++;
        first ||= `σ(${z}): ${sigmoidExact(z)} vs ${reference(z)}`;
      }
    }
    expect(mismatches, first).toBe(0);
  });

  it('adds a bias in place and writes σ of the sums, the same bits as the registry', () => {
    const z = Float64Array.from([-3, -0.2, 0, 0.2, 3, 50]);
    const bias = Float64Array.from([9, 0.5, -0.25, 1e-30, -1, 2, 9]);
    const out = new Float64Array(8);
    biasSigmoidInto(z, 1, bias, 1, 4, out, 2);
    const sums = [-0.2 + 0.5, 0 - 0.25, 0.2 + 1e-30, 3 - 1];
    expect(Array.from(z)).toEqual([-3, ...sums, 50]);
    expect(Array.from(out)).toEqual([0, 0, ...sums.map(reference), 0, 0]);
  });
});

/**
 * Arguments x at which tanh's expm1(±2|x|) changes branch or reduction step, with both signs and their
 * neighbours: every boundary k·ln2 and (k ± ½)·ln2 of 2|x| up to 2|x| = 44, the high words where fdlibm's tests
 * flip (2|x| at ½·ln2 and 1.5·ln2, |x| at 2^−28, 1 and 22), and the special values.
 */
function tanhBoundaryArguments(): number[] {
  const xs: number[] = [0, 1, 0.5, 2, 21.99, 22, 22.01, 30, 700, 1e300, Infinity, NaN];
  xs.push(Number.MIN_VALUE, 2 ** -1022, 2 ** -1022 - Number.MIN_VALUE, 1e-300, 2 ** -28, 2 ** -29, 2 ** -27);
  // High words of |x|: 2^−28, ½·ln2/2, 1.5·ln2/2, 1, 22 (the thresholds for 2|x| move down one binade).
  for (const hw of [0x3e300000, 0x3fc62e42, 0x3fc62e43, 0x3fe0a2b2, 0x3ff00000, 0x40360000]) {
    for (const lo of [0, 1, 0x7fffffff, 0xfefa39ef, 0xfefa39f0, 0xffffffff]) {
      for (const d of [-1, 0, 1]) xs.push(fromWords(hw + d, lo));
    }
  }
  for (let k = 0; k <= 64; k++) {
    for (const b of [k * Math.LN2, (k - 0.5) * Math.LN2, (k + 0.5) * Math.LN2]) {
      for (let j = -4; j <= 4; j++) xs.push((b / 2) * (1 + j * 2 ** -52));
    }
  }
  return xs.flatMap((x) => [x, -x]);
}

describe('the bit-exact fast tanh', () => {
  it('returns the same bits as elementary.ts’s tanh on every boundary of its expm1 and the special values', () => {
    const xs = tanhBoundaryArguments();
    const wrong = xs.filter((x) => !Object.is(tanhExact(x), tanh(x)));
    expect(wrong.map((x) => `tanh(${x}): ${tanhExact(x)} vs ${tanh(x)}`)).toEqual([]);
    const out = new Float64Array(xs.length);
    tanhInto(Float64Array.from(xs), 0, xs.length, out, 0);
    const wrongRow = xs.filter((x, j) => !Object.is(out[j], tanh(x)));
    expect(wrongRow.map((x) => `tanhInto(${x}) vs ${tanh(x)}`)).toEqual([]);
  });

  it('returns the same bits as elementary.ts’s tanh on 1 200 000 random arguments of every magnitude', () => {
    const rnd = xorshift(20261207);
    const words = new Uint32Array(2);
    const asDouble = new Float64Array(words.buffer);
    const n = 1_200_000;
    const xs = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let x: number;
      switch (j % 4) {
        case 0:
          x = (rnd() - 0.5) * 6; // typical pre-activations and cell states
          break;
        case 1:
          x = (rnd() - 0.5) * 50; // up to and past 22
          break;
        case 2:
          x = (rnd() - 0.5) * 2 ** -20;
          break;
        default:
          words[0] = rnd() * 4294967296;
          words[1] = rnd() * 4294967296;
          x = asDouble[0]!; // any bit pattern, NaNs and subnormals included
      }
      if (rnd() < 0.3) x *= 2 ** -Math.floor(rnd() * 40);
      xs[j] = x;
    }
    const out = new Float64Array(n);
    tanhInto(xs, 0, n, out, 0);
    let mismatches = 0;
    let first = '';
    for (let j = 0; j < n; j++) {
      const x = xs[j]!;
      const want = tanh(x);
      if (!Object.is(tanhExact(x), want) || !Object.is(out[j], want)) {
        mismatches++;
        first ||= `tanh(${x}): ${tanhExact(x)} and ${out[j]} vs ${want}`;
      }
    }
    expect(mismatches, first).toBe(0);
  });

  it('adds a bias in place and writes tanh of the sums, the same bits as elementary.ts, and tanhInto works in place', () => {
    const z = Float64Array.from([-3, -0.2, 0, 0.2, 3, 50]);
    const bias = Float64Array.from([9, 0.5, -0.25, 1e-30, -1, 2, 9]);
    const out = new Float64Array(8);
    biasTanhInto(z, 1, bias, 1, 4, out, 2);
    const sums = [-0.2 + 0.5, 0 - 0.25, 0.2 + 1e-30, 3 - 1];
    expect(Array.from(z)).toEqual([-3, ...sums, 50]);
    expect(Array.from(out)).toEqual([0, 0, ...sums.map(tanh), 0, 0]);
    const inPlace = Float64Array.from([-3, 0.1, 25, -1e-310]);
    tanhInto(inPlace, 1, 3, inPlace, 1);
    expect(Array.from(inPlace)).toEqual([-3, tanh(0.1), 1, -1e-310]);
  });
});

describe('the LSTM step’s element-wise passes', () => {
  // T = 2 steps, B = 3 rows, H = 3 units, I = 2 inputs, filled from a fixed xorshift stream.
  const T = 2,
    B = 3,
    H = 3,
    I = 2,
    K = I + H,
    BH = B * H;
  function arrays(seed: number): LstmCellArrays {
    const next = xorshift(seed);
    const f = (n: number, scale = 1) => Float64Array.from({ length: n }, () => (next() * 2 - 1) * scale);
    const sums = new Float64Array(2);
    return {
      z: f(T * B * 4 * H, 6),
      bias: f(4 * H),
      gi: f(T * BH),
      gf: f(T * BH),
      gg: f(T * BH),
      go: f(T * BH),
      cs: f((T + 1) * BH),
      phi: f(T * BH),
      hs: f(T * BH),
      xh: f((T + 1) * B * K),
      dhs: f(T * BH),
      dxh: f(B * K),
      dcN: f(BH),
      dz: f(T * B * 4 * H),
      dh: f(BH),
      dc: f(BH),
      sums,
    };
  }

  it('runs a forward step as the cell equations with the registry’s σ and elementary.ts’s tanh, bit for bit', () => {
    const a = arrays(5);
    const before = arrays(5);
    lstmForwardCell(a, 1, B, H, I, false, true);
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < H; j++) {
        const zr = (B + b) * 4 * H,
          k = BH + b * H + j;
        const [zi, zf, zg, zo] = [0, 1, 2, 3].map((q) => before.z[zr + q * H + j]! + before.bias[q * H + j]!);
        const c = reference(zf!) * before.cs[k]! + reference(zi!) * tanh(zg!);
        expect([a.z[zr + j], a.gi[k], a.gf[k], a.gg[k], a.go[k]]).toEqual([
          zi,
          ...[zi, zf].map(reference),
          tanh(zg!),
          reference(zo!),
        ]);
        expect([a.cs[k + BH], a.phi[k], a.hs[k]]).toEqual([c, tanh(c), reference(zo!) * tanh(c)]);
      }
    }
    // Without `feed` the fused rows stay as they were; with it, h_t lands in row t + 1's h columns.
    expect(a.xh).toEqual(before.xh);
    lstmForwardCell(a, 0, B, H, I, true, false);
    expect(Array.from(a.xh.subarray(B * K + I, B * K + K))).toEqual(Array.from(a.hs.subarray(0, H)));
  });

  it('runs a backward step as the cell equations in reverse, with sums of squares in the order of the entries', () => {
    const a = arrays(6);
    const before = arrays(6);
    lstmBackwardCell(a, 1, B, H, I);
    let sumH = 0,
      sumC = 0;
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < H; j++) {
        const k = BH + b * H + j,
          s = b * H + j,
          zr = (B + b) * 4 * H;
        const [i, f, g, o, p] = [before.gi, before.gf, before.gg, before.go, before.phi].map((v) => v[k]!) as number[];
        const dh = before.dhs[k]! + before.dxh[b * K + I + j]!;
        const dc = before.dcN[s]! + dh * o! * (1 - p! * p!);
        expect([a.dh[s], a.dc[s], a.dcN[s]]).toEqual([dh, dc, dc * f!]);
        expect([0, 1, 2, 3].map((q) => a.dz[zr + q * H + j])).toEqual([
          dc * g! * (i! * (1 - i!)),
          dc * before.cs[k]! * (f! * (1 - f!)),
          dc * i! * (1 - g! * g!),
          dh * p! * (o! * (1 - o!)),
        ]);
        sumH += dh * dh;
        sumC += dc * dc;
      }
    }
    expect(Array.from(a.sums)).toEqual([sumH, sumC]);
  });
});
