import { describe, expect, it } from 'vitest';
import { Activations } from '../../src/lib/nn/activations.ts';
import { biasSigmoidInto, sigmoidExact } from '../../src/lib/nn/fastexact.ts';

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
