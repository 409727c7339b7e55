import { describe, expect, it } from 'vitest';
import {
  constant,
  glorotUniform,
  identity,
  orthogonal,
  pytorchDefault,
  scaleToSpectralRadius,
  spectralNorm,
  spectralRadius,
  uniform,
  zeros,
} from '../../src/lib/nn/init.ts';
import { fakeRng, makeParam } from './nn-fakes.ts';

const maxAbs = (a: ArrayLike<number>) => Math.max(...Array.from(a, Math.abs));

/** Max |(M Mᵀ or Mᵀ M) − I| for an r×c block starting at `off` (rows orthonormal if r ≤ c, else columns). */
function orthoError(w: Float64Array, off: number, r: number, c: number): number {
  const rowsOrtho = r <= c;
  const n = rowsOrtho ? r : c;
  let err = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      const m = rowsOrtho ? c : r;
      for (let k = 0; k < m; k++) {
        s += rowsOrtho ? w[off + i * c + k]! * w[off + j * c + k]! : w[off + k * c + i]! * w[off + k * c + j]!;
      }
      err = Math.max(err, Math.abs(s - (i === j ? 1 : 0)));
    }
  }
  return err;
}

describe('pytorchDefault', () => {
  it('draws every entry from U(−1/√H, 1/√H)', () => {
    const p = makeParam('weight_hh_l0', [4 * 25, 25]);
    pytorchDefault(p, 25, fakeRng(1));
    expect(maxAbs(p.w)).toBeLessThanOrEqual(0.2);
    expect(maxAbs(p.w)).toBeGreaterThan(0.199);
    const mean = p.w.reduce((s, v) => s + v, 0) / p.w.length;
    const variance = p.w.reduce((s, v) => s + v * v, 0) / p.w.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(variance).toBeCloseTo(0.04 / 3, 3); // Var U(−a, a) = a²/3
  });

  it('is a function of the rng stream only', () => {
    const a = makeParam('w', [10]);
    const b = makeParam('w', [10]);
    const c = makeParam('w', [10]);
    pytorchDefault(a, 4, fakeRng(7));
    pytorchDefault(b, 4, fakeRng(7));
    pytorchDefault(c, 4, fakeRng(8));
    expect(Array.from(a.w)).toEqual(Array.from(b.w));
    expect(Array.from(a.w)).not.toEqual(Array.from(c.w));
  });

  it('rejects a non-positive hidden size', () => {
    expect(() => pytorchDefault(makeParam('w', [2]), 0, fakeRng(1))).toThrow(RangeError);
  });
});

describe('uniform, constant and zeros', () => {
  it('fill a param as named', () => {
    const p = makeParam('w', [2, 3]);
    uniform(p, 2, 3, fakeRng(1));
    expect(Array.from(p.w).every((v) => v >= 2 && v < 3)).toBe(true);
    constant(p, 1.5);
    expect(Array.from(p.w)).toEqual([1.5, 1.5, 1.5, 1.5, 1.5, 1.5]);
    zeros(p);
    expect(Array.from(p.w)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('glorotUniform', () => {
  it('has the expected defaults: one block, gain 1, bound √(6/(fan_in + fan_out)) as torch.nn.init.xavier_uniform_', () => {
    const p = makeParam('weight', [30, 70]);
    glorotUniform(p, fakeRng(2));
    expect(maxAbs(p.w)).toBeLessThanOrEqual(Math.sqrt(6 / 100));
    expect(maxAbs(p.w)).toBeGreaterThan(0.99 * Math.sqrt(6 / 100));
  });

  it('uses fan_out = H, not G·H, per gate block', () => {
    const H = 20;
    const n = 12;
    const p = makeParam('weight_ih_l0', [4 * H, n]);
    glorotUniform(p, fakeRng(3), { blocks: 4 });
    const perBlock = Math.sqrt(6 / (n + H));
    expect(maxAbs(p.w)).toBeLessThanOrEqual(perBlock);
    expect(maxAbs(p.w)).toBeGreaterThan(Math.sqrt(6 / (n + 4 * H))); // exceeds the whole-tensor bound
  });

  it('scales the bound by the gain', () => {
    const p = makeParam('w', [40, 40]);
    glorotUniform(p, fakeRng(4), { gain: 2 });
    expect(maxAbs(p.w)).toBeGreaterThan(Math.sqrt(6 / 80));
    expect(maxAbs(p.w)).toBeLessThanOrEqual(2 * Math.sqrt(6 / 80));
  });

  it('rejects a block count that does not divide the rows', () => {
    expect(() => glorotUniform(makeParam('w', [10, 3]), fakeRng(1), { blocks: 4 })).toThrow(RangeError);
  });
});

describe('orthogonal', () => {
  it('has the expected defaults: one block, gain 1, an orthogonal square matrix', () => {
    const p = makeParam('weight_hh_l0', [16, 16]);
    orthogonal(p, fakeRng(5));
    expect(orthoError(p.w, 0, 16, 16)).toBeLessThan(1e-13);
  });

  it('makes each gate block of a [4H, H] weight orthogonal on its own', () => {
    const H = 8;
    const p = makeParam('weight_hh_l0', [4 * H, H]);
    orthogonal(p, fakeRng(6), { blocks: 4 });
    for (let g = 0; g < 4; g++) expect(orthoError(p.w, g * H * H, H, H)).toBeLessThan(1e-13);
    // The blocks are independent draws, not copies.
    expect(Array.from(p.w.subarray(0, H * H))).not.toEqual(Array.from(p.w.subarray(H * H, 2 * H * H)));
  });

  it('gives orthonormal rows for a wide block and orthonormal columns for a tall one', () => {
    const wide = makeParam('w', [3, 7]);
    orthogonal(wide, fakeRng(7));
    expect(orthoError(wide.w, 0, 3, 7)).toBeLessThan(1e-13);
    const tall = makeParam('w', [7, 3]);
    orthogonal(tall, fakeRng(8));
    expect(orthoError(tall.w, 0, 7, 3)).toBeLessThan(1e-13);
  });

  it('multiplies by the gain, so every singular value equals it', () => {
    const p = makeParam('w', [10, 10]);
    orthogonal(p, fakeRng(9), { gain: 0.5 });
    expect(spectralNorm(p)).toBeCloseTo(0.5, 10);
    expect(spectralRadius(p)).toBeCloseTo(0.5, 8);
  });
});

describe('identity', () => {
  it('has the expected defaults: scale 1, one block', () => {
    const p = makeParam('weight_hh_l0', [3, 3], () => 7);
    identity(p);
    expect(Array.from(p.w)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('puts the scale on the diagonal of each gate block', () => {
    const p = makeParam('weight_hh_l0', [4, 2]);
    identity(p, 0.5, 2);
    expect(Array.from(p.w)).toEqual([0.5, 0, 0, 0.5, 0.5, 0, 0, 0.5]);
  });
});

describe('spectralNorm', () => {
  it('is the largest singular value', () => {
    const d = makeParam('w', [3, 3]);
    d.w.set([3, 0, 0, 0, -5, 0, 0, 0, 1]);
    expect(spectralNorm(d)).toBeCloseTo(5, 12);
    // 2×2 [[1, 1], [0, 1]]: σ_max = (1 + √5)/2.
    const s = makeParam('w', [2, 2]);
    s.w.set([1, 1, 0, 1]);
    expect(spectralNorm(s)).toBeCloseTo((1 + Math.sqrt(5)) / 2, 12);
  });

  it('is 0 for a zero matrix and rejects non-square blocks', () => {
    expect(spectralNorm(makeParam('w', [4, 4]))).toBe(0);
    expect(() => spectralNorm(makeParam('w', [4, 3]))).toThrow(RangeError);
  });
});

describe('spectralRadius', () => {
  it('is the largest |eigenvalue| even for a complex-conjugate dominant pair (rotation)', () => {
    const th = 0.3;
    const p = makeParam('w', [3, 3]);
    // 0.7·R(θ) ⊕ [0.5]: eigenvalues 0.7e^{±iθ}, 0.5. Plain power iteration would oscillate here.
    p.w.set([0.7 * Math.cos(th), -0.7 * Math.sin(th), 0, 0.7 * Math.sin(th), 0.7 * Math.cos(th), 0, 0, 0, 0.5]);
    expect(spectralRadius(p)).toBeCloseTo(0.7, 12);
  });

  it('ignores large off-diagonal entries of a triangular (non-normal) matrix', () => {
    const p = makeParam('w', [3, 3]);
    p.w.set([0.5, 3, -2, 0, -0.9, 4, 0, 0, 0.3]);
    expect(spectralRadius(p)).toBeCloseTo(0.9, 9);
    expect(spectralNorm(p)).toBeGreaterThan(4);
  });

  it('finds a complex root pair of a companion matrix', () => {
    // Companion matrix of (z − 0.8)(z² + 0.81) = z³ − 0.8z² + 0.81z − 0.648: roots 0.8, ±0.9i.
    const p = makeParam('w', [3, 3]);
    p.w.set([0.8, -0.81, 0.648, 1, 0, 0, 0, 1, 0]);
    expect(spectralRadius(p)).toBeCloseTo(0.9, 9);
  });

  it('is 0 for a nilpotent matrix', () => {
    const p = makeParam('w', [3, 3]);
    p.w.set([0, 1, 2, 0, 0, 3, 0, 0, 0]);
    expect(spectralRadius(p)).toBe(0);
  });

  it('agrees with power iteration on a positive (Perron–Frobenius) matrix', () => {
    const n = 20;
    const rng = fakeRng(10);
    const p = makeParam('w', [n, n], () => rng.next());
    // Perron root by power iteration: converges since the dominant eigenvalue is real, simple and positive.
    let v = new Float64Array(n).fill(1);
    let lambda = 0;
    for (let it = 0; it < 500; it++) {
      const u = new Float64Array(n);
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) u[r]! += p.w[r * n + c]! * v[c]!;
      lambda = Math.hypot(...u) / Math.hypot(...v);
      v = u.map((x) => x / Math.hypot(...u));
    }
    expect(spectralRadius(p)).toBeCloseTo(lambda, 10);
  });

  it('measures one square block of a stacked weight', () => {
    const p = makeParam('weight_hh_l0', [4, 2]);
    p.w.set([2, 0, 0, 2, 0.5, 0, 0, 0.25]);
    expect(spectralRadius(p, { blocks: 2, block: 0 })).toBeCloseTo(2, 11);
    expect(spectralRadius(p, { blocks: 2, block: 1 })).toBeCloseTo(0.5, 11);
    expect(() => spectralRadius(p, { blocks: 2, block: 2 })).toThrow(RangeError);
  });
});

describe('scaleToSpectralRadius', () => {
  it('has the expected defaults: rescales the whole matrix to the requested spectral radius', () => {
    const n = 24;
    const rng = fakeRng(11);
    const p = makeParam('weight_hh_l0', [n, n], () => rng.normal());
    const before = Array.from(p.w);
    scaleToSpectralRadius(p, 1.1);
    expect(spectralRadius(p)).toBeCloseTo(1.1, 8);
    // Only the scale changes.
    const k = p.w[0]! / before[0]!;
    for (let e = 0; e < n * n; e++) expect(p.w[e]).toBeCloseTo(k * before[e]!, 12);
  });

  it('can target the spectral norm instead', () => {
    const rng = fakeRng(12);
    const p = makeParam('w', [12, 12], () => rng.normal());
    scaleToSpectralRadius(p, 0.9, { measure: 'norm' });
    expect(spectralNorm(p)).toBeCloseTo(0.9, 8);
    expect(spectralRadius(p)).toBeLessThanOrEqual(0.9 + 1e-9);
  });

  it('rescales each gate block independently and leaves zero blocks alone', () => {
    const H = 6;
    const rng = fakeRng(13);
    const p = makeParam('weight_hh_l0', [4 * H, H], (k) => (k < H * H ? 0 : rng.normal() * (1 + k / 10)));
    scaleToSpectralRadius(p, 0.5, { blocks: 4 });
    expect(maxAbs(p.w.subarray(0, H * H))).toBe(0);
    for (let g = 1; g < 4; g++) expect(spectralRadius(p, { blocks: 4, block: g })).toBeCloseTo(0.5, 8);
  });

  it('rejects a negative or non-finite radius', () => {
    expect(() => scaleToSpectralRadius(makeParam('w', [2, 2]), -1)).toThrow(RangeError);
    expect(() => scaleToSpectralRadius(makeParam('w', [2, 2]), Number.NaN)).toThrow(RangeError);
  });
});
