import { ComputeEngine } from '@cortex-js/compute-engine';
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_KEYS,
  Activations,
  LATEX_NOTATION,
  elu,
  erf,
  erfc,
  getActivation,
  isActivationKey,
  leakyRelu,
  type Activation,
} from '../../src/lib/nn/activations';

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

const EPS = Number.EPSILON;
const MAX = Number.MAX_VALUE;

/** Registry entries plus factory instances that exercise the parameter-dependent branches. */
const FACTORY_SAMPLES: readonly Activation[] = [
  leakyRelu(0),
  leakyRelu(0.2),
  leakyRelu(-0.5),
  leakyRelu(1),
  leakyRelu(1.5),
  leakyRelu(1e-5),
  elu(0.5),
  elu(2),
];
const ALL: readonly Activation[] = [...ACTIVATION_KEYS.map((k) => Activations[k]), ...FACTORY_SAMPLES];

/** "tanh", "leakyrelu(slope=0.2)". */
function nameOf(a: Activation): string {
  const ps = Object.entries(a.params);
  return ps.length === 0 ? a.key : `${a.key}(${ps.map(([k, v]) => `${k}=${String(v)}`).join(', ')})`;
}

/** Next double above x (x finite). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const f = new Float64Array([x]);
  const b = new BigInt64Array(f.buffer);
  b[0] = (b[0] ?? 0n) + (x > 0 ? 1n : -1n);
  return f[0] ?? Number.NaN;
}

/** Distance from z to the nearest kink of a (Infinity if none). */
function kinkDistance(a: Activation, z: number): number {
  let d = Infinity;
  for (const k of a.kinkAt) d = Math.min(d, Math.abs(z - k));
  return d;
}

/** z ∈ [−30, 30] with a step that never lands exactly on the integer kinks, plus points near 0. */
const GRID: readonly number[] = (() => {
  const g: number[] = [];
  for (let k = 0; k <= 654; k++) g.push(-30 + 0.0917 * k);
  g.push(-1e-3, -1e-6, 0, 1e-6, 1e-3);
  return g.sort((x, y) => x - y);
})();
const TAILS: readonly number[] = [-1e300, -1e4, 1e4, 1e300];

/** A dense uniform grid on [lo, hi]. */
function dense(lo: number, hi: number, step: number): number[] {
  const n = Math.round((hi - lo) / step);
  return Array.from({ length: n + 1 }, (_, i) => lo + i * step);
}

/**
 * Fourth-order central difference of g at z, and a bound on its rounding error (each g value is trusted to
 * 16 ulp; the weights' absolute sum is 18/12).
 */
function fd4(g: (z: number) => number, z: number, h: number): { value: number; rounding: number } {
  const a = g(z - 2 * h);
  const b = g(z - h);
  const c = g(z + h);
  const d = g(z + 2 * h);
  const m = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d));
  return { value: (a - 8 * b + 8 * c - d) / (12 * h), rounding: (16 * EPS * m * 18) / (12 * h) };
}

/**
 * Checks a derivative `d` against finite differences of `g` on GRID ∪ TAILS, skipping points within 1e-4 of a
 * kink and keeping the stencil on one side of it.
 *
 * Step h = 1e-3·max(1, |z|/100). The truncation error of the h/2 estimate is estimated a posteriori as
 * |D(h) − D(h/2)| (for a fourth-order rule it is ≈ 1/15 of that), so the tolerance is
 * 1e-9·|d| + |D(h) − D(h/2)| + rounding bound. Away from rounding noise that is ~1e-9 relative on these functions
 * (at worst ~1e-6 for GELU at z = −30, where g⁽⁵⁾/g ~ z⁵), far below the O(1) error of a wrong formula; and the
 * estimate itself must be sane (|D(h) − D(h/2)| ≤ 1e-4·|d| + rounding). Deep-tail relative accuracy, which
 * differences cannot see below the rounding noise, is checked against the compute engine below.
 */
function expectMatchesFiniteDifferences(a: Activation, g: (z: number) => number, d: (z: number) => number): number {
  let checked = 0;
  for (const z of [...GRID, ...TAILS]) {
    const dist = kinkDistance(a, z);
    if (dist < 1e-4) continue;
    const h = Math.min(1e-3 * Math.max(1, Math.abs(z) / 100), dist / 4);
    const coarse = fd4(g, z, h);
    const fine = fd4(g, z, h / 2);
    const exact = d(z);
    const estimate = Math.abs(coarse.value - fine.value);
    const where = `${nameOf(a)} at z = ${String(z)}: derivative ${String(exact)}, finite differences ${String(
      fine.value,
    )} (h/2), ${String(coarse.value)} (h)`;
    if (!(estimate <= 1e-4 * Math.abs(exact) + coarse.rounding + fine.rounding + 1e-300)) expect.fail(where);
    const tol = 1e-9 * Math.abs(exact) + estimate + fine.rounding + 1e-300;
    if (!(Math.abs(fine.value - exact) <= tol)) expect.fail(where);
    checked++;
  }
  return checked;
}

/**
 * One compute engine for the whole file. Its numeric precision is process-global in @cortex-js/compute-engine
 * 0.140 (setting it on one instance changes it for all), so every test sets the precision it needs itself.
 */
const ce = new ComputeEngine();
for (const n of LATEX_NOTATION) ce.assign(n.name, ce.box(['Function', ce.parse(n.definition).json, 'z']));
function engine(precision: number): ComputeEngine {
  ce.precision = precision;
  return ce;
}

function relErr(x: number, ref: number): number {
  return ref === 0 ? Math.abs(x) : Math.abs(x - ref) / Math.abs(ref);
}

// ---------------------------------------------------------------------------------------------------------------
// Registry
// ---------------------------------------------------------------------------------------------------------------

describe('Activations registry', () => {
  it('ACTIVATION_KEYS lists every registry key exactly once', () => {
    expect([...ACTIVATION_KEYS].sort()).toEqual(Object.keys(Activations).sort());
    expect(new Set(ACTIVATION_KEYS).size).toBe(ACTIVATION_KEYS.length);
    expect(ACTIVATION_KEYS.slice(0, 2)).toEqual(['sigmoid', 'tanh']);
  });

  it('Activations[k].key is k for every key', () => {
    for (const k of ACTIVATION_KEYS) expect(Activations[k].key).toBe(k);
  });

  it('every entry has the same own properties in the same order (one object shape)', () => {
    const shape = Object.keys(Activations.tanh);
    for (const a of ALL) expect(Object.keys(a)).toEqual(shape);
    expect(shape).toEqual([
      'key',
      'label',
      'f',
      'df',
      'd2f',
      'dfFromOutput',
      'range',
      'rangeClosed',
      'props',
      'maxSlope',
      'costOfDerivativeGivenOutput',
      'latex',
      'kink',
      'kinkAt',
      'params',
    ]);
  });

  it('entries and their nested objects are frozen', () => {
    expect(Object.isFrozen(Activations)).toBe(true);
    for (const a of ALL) {
      for (const o of [a, a.range, a.rangeClosed, a.props, a.maxSlope, a.latex, a.kinkAt, a.params]) {
        expect(Object.isFrozen(o)).toBe(true);
      }
    }
  });

  it('every entry has a label and a derivative-cost note', () => {
    for (const a of ALL) {
      expect(a.label.length).toBeGreaterThan(0);
      expect(a.costOfDerivativeGivenOutput.length).toBeGreaterThan(0);
      expect(a.costOfDerivativeGivenOutput.startsWith('not available')).toBe(a.dfFromOutput === undefined);
    }
    expect(Activations.sigmoid.label).toBe('Sigmoid σ');
  });

  it('isActivationKey(s) accepts registry keys only, not Object.prototype names or other casings', () => {
    for (const k of ACTIVATION_KEYS) expect(isActivationKey(k)).toBe(true);
    for (const s of ['', 'Tanh', 'TANH', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 'swish']) {
      expect(isActivationKey(s)).toBe(false);
    }
  });

  it('getActivation(key) returns the entry, and throws a RangeError naming the valid keys otherwise', () => {
    for (const k of ACTIVATION_KEYS) expect(getActivation(k)).toBe(Activations[k]);
    expect(() => getActivation('toString')).toThrow(RangeError);
    expect(() => getActivation('swish')).toThrow(/expected one of: sigmoid, tanh/);
  });

  it('leakyRelu(slope) has the expected defaults: the registry entry is slope 0.01, PyTorch’s negative_slope', () => {
    const a = Activations.leakyrelu;
    expect(a.params).toEqual({ slope: 0.01 });
    expect(a.label).toBe('Leaky ReLU');
    expect(a.f(-2)).toBe(-0.02);
    expect(a.df(0)).toBe(0.01);
    const b = leakyRelu(0.01);
    expect(b.key).toBe('leakyrelu');
    for (const z of [-3, -0.5, 0, 0.5, 3]) {
      expect(b.f(z)).toBe(a.f(z));
      expect(b.df(z)).toBe(a.df(z));
    }
    expect({ ...b, f: 0, df: 0, d2f: 0, dfFromOutput: 0 }).toEqual({ ...a, f: 0, df: 0, d2f: 0, dfFromOutput: 0 });
  });

  it('elu() has the expected defaults: α = 1, the registry entry', () => {
    const a = elu();
    expect(a.key).toBe('elu');
    expect(a.params).toEqual({ alpha: 1 });
    expect(a.range).toEqual([-1, Infinity]);
    for (const z of [-3, -0.5, 0, 0.5, 3]) {
      expect(a.f(z)).toBe(Activations.elu.f(z));
      expect(a.df(z)).toBe(Activations.elu.df(z));
      expect(a.d2f(z)).toBe(Activations.elu.d2f(z));
    }
    expect(a.f(-1)).toBe(Math.expm1(-1));
  });

  it('leakyRelu(slope) and elu(alpha) throw a RangeError for invalid parameters', () => {
    for (const s of [NaN, Infinity, -Infinity]) expect(() => leakyRelu(s)).toThrow(RangeError);
    for (const a of [0, -1, NaN, Infinity]) expect(() => elu(a)).toThrow(RangeError);
  });

  it('leakyRelu(slope) derives range and properties from the slope', () => {
    expect(leakyRelu(0).range).toEqual([0, Infinity]);
    expect(leakyRelu(0).props.saturating).toBe(true);
    expect(leakyRelu(-0.5).props.monotonic).toBe(false);
    expect(leakyRelu(-0.5).dfFromOutput).toBeUndefined();
    expect(leakyRelu(1).props.smooth).toBe(true);
    expect(leakyRelu(1.5).maxSlope).toEqual({ value: 1.5, at: -1 });
    expect(leakyRelu(-0).params.slope).toBe(0);
    expect(Object.is(leakyRelu(-0).params.slope, 0)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// erf / erfc
// ---------------------------------------------------------------------------------------------------------------

describe('erf and erfc', () => {
  // Reference values: mpmath 1.3.0 with mp.dps = 40 (`mpmath.erf`, `mpmath.erfc`), rounded to 17 digits.
  // erf(1) = 0.8427007929497149 is also Abramowitz & Stegun (1964) Table 7.1 (0.84270 07929 49715).
  const ERF: readonly (readonly [number, number])[] = [
    [1e-10, 1.1283791670955126e-10],
    [1e-5, 1.1283791670578999e-5],
    [0.1, 0.1124629160182849],
    [-0.3, -0.32862675945912743],
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [2, 0.9953222650189527],
    [3, 0.9999779095030014],
    [4, 0.9999999845827421],
  ];
  const ERFC: readonly (readonly [number, number])[] = [
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [-3, 1.9999779095030015],
    [4, 1.541725790028002e-8],
    [5, 1.5374597944280349e-12],
    [6, 2.1519736712498913e-17],
    [10, 2.0884875837625448e-45],
    [20, 5.395865611607901e-176],
    [26, 5.663192408856143e-296],
  ];

  it('erf(x) matches mpmath reference values to 1e-15 relative', () => {
    for (const [x, ref] of ERF) expect(relErr(erf(x), ref), `erf(${String(x)})`).toBeLessThanOrEqual(1e-15);
  });

  it('erfc(x) matches mpmath reference values to 1e-15 relative, deep into the upper tail', () => {
    for (const [x, ref] of ERFC) expect(relErr(erfc(x), ref), `erfc(${String(x)})`).toBeLessThanOrEqual(1e-15);
  });

  it('erf(x) and erfc(x) agree with the compute engine’s 60-digit erf on a dense grid', () => {
    // Dyadic points (step 1/32), so the engine evaluates at exactly the double the code sees.
    const E = engine(60).parse(String.raw`\operatorname{erf}(x)`);
    const C = engine(60).parse(String.raw`\operatorname{erfc}(x)`);
    let worstErf = 0;
    let worstErfc = 0;
    for (const x of dense(-6, 9, 1 / 32)) {
      worstErf = Math.max(worstErf, relErr(erf(x), E.subs({ x }).N().re));
      worstErfc = Math.max(worstErfc, relErr(erfc(x), C.subs({ x }).N().re));
    }
    // The documented maxima (measured against mpmath on 220 000 points) are 4.9e-16 and 8.7e-16.
    expect(worstErf).toBeLessThanOrEqual(1e-15);
    expect(worstErfc).toBeLessThanOrEqual(1e-15);
  });

  it('erf(x) is odd, erf(x) + erfc(x) = 1 and erfc(−x) = 2 − erfc(x) for all finite x', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(erf(-x)).toBe(-erf(x));
        expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThanOrEqual(2 * EPS);
        expect(Math.abs(erfc(-x) - (2 - erfc(x)))).toBeLessThanOrEqual(2 * EPS);
      }),
      { seed: 20240601, numRuns: 2000 },
    );
  });

  it('erf(x) is continuous across the algorithm’s breakpoints 0.46875 and 4', () => {
    for (const b of [0.46875, 4]) {
      const slope = (2 / Math.sqrt(Math.PI)) * Math.exp(-b * b);
      const jump = erf(b + 1e-9) - erf(b - 1e-9);
      expect(Math.abs(jump - 2e-9 * slope)).toBeLessThanOrEqual(4 * EPS);
      const cjump = erfc(b + 1e-9) - erfc(b - 1e-9);
      expect(Math.abs(cjump + 2e-9 * slope)).toBeLessThanOrEqual(4 * EPS);
    }
  });

  it('erf(±Infinity) = ±1, erfc(+Infinity) = 0, erfc(−Infinity) = 2 and NaN gives NaN', () => {
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(30)).toBe(0);
    expect(erf(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Derivatives
// ---------------------------------------------------------------------------------------------------------------

describe('derivatives', () => {
  for (const a of ALL) {
    it(`${nameOf(a)}.df(z) matches a fourth-order central difference of f on [−30, 30] and at ±1e4, ±1e300`, () => {
      expect(expectMatchesFiniteDifferences(a, a.f, a.df)).toBeGreaterThan(600);
    });

    it(`${nameOf(a)}.d2f(z) matches a fourth-order central difference of df on [−30, 30] and at ±1e4, ±1e300`, () => {
      expect(expectMatchesFiniteDifferences(a, a.df, a.d2f)).toBeGreaterThan(600);
    });
  }

  for (const a of ALL) {
    const g = a.dfFromOutput;
    if (g === undefined) continue;
    it(`${nameOf(a)}.dfFromOutput(f(z)) equals df(z) up to absolute rounding, kinks included`, () => {
      for (const z of [...GRID, ...TAILS, ...a.kinkAt, -Infinity, Infinity]) {
        if (a.kinkAt.includes(z) === false && kinkDistance(a, z) < 1e-9) continue;
        const exact = a.df(z);
        expect(Math.abs(g(a.f(z)) - exact), `z = ${String(z)}`).toBeLessThanOrEqual(8 * EPS * Math.max(1, exact));
      }
    });
  }

  it('dfFromOutput is defined exactly where f′ is a function of f (not for SiLU, GELU)', () => {
    for (const k of ACTIVATION_KEYS) {
      expect(Activations[k].dfFromOutput === undefined, k).toBe(k === 'silu' || k === 'gelu');
    }
  });

  it('kinks use PyTorch’s one-sided values: relu′(0) = 0, hardtanh′(±1) = 0, hardsigmoid′(±3) = 0', () => {
    const { relu, hardtanh, hardsigmoid, leakyrelu, elu: eluEntry, softsign } = Activations;
    expect(relu.df(0)).toBe(0);
    expect(hardtanh.df(1)).toBe(0);
    expect(hardtanh.df(-1)).toBe(0);
    expect(hardtanh.df(nextUp(-1))).toBe(1);
    expect(hardsigmoid.df(3)).toBe(0);
    expect(hardsigmoid.df(-3)).toBe(0);
    expect(hardsigmoid.df(nextUp(-3))).toBe(1 / 6);
    expect(leakyrelu.df(0)).toBe(0.01);
    expect(eluEntry.df(0)).toBe(1);
    expect(eluEntry.d2f(0)).toBe(1);
    expect(elu(2).df(0)).toBe(2);
    expect(softsign.d2f(0) === 0).toBe(true);
    for (const a of ALL) {
      if (a.kinkAt.length > 0) expect(a.kink, nameOf(a)).toBeDefined();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Identities and extrema
// ---------------------------------------------------------------------------------------------------------------

describe('identities and extrema', () => {
  const { sigmoid: sig, tanh } = Activations;
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it('tanh(z) = 2σ(2z) − 1 for all finite z (to 2 ulp of 1)', () => {
    fc.assert(
      fc.property(finite, (z) => {
        expect(Math.abs(tanh.f(z) - (2 * sig.f(2 * z) - 1))).toBeLessThanOrEqual(4 * EPS);
      }),
      { seed: 7, numRuns: 5000 },
    );
    for (const z of GRID) expect(Math.abs(tanh.f(z) - (2 * sig.f(2 * z) - 1))).toBeLessThanOrEqual(4 * EPS);
  });

  it('tanh′(z) = 4σ′(2z) and tanh″(z) = 8σ″(2z) to 1e-15 relative, even in the tails', () => {
    for (const z of [...GRID, -300, -100, 100, 300]) {
      expect(relErr(tanh.df(z), 4 * sig.df(2 * z)), `z = ${String(z)}`).toBeLessThanOrEqual(1e-15);
      expect(relErr(tanh.d2f(z), 8 * sig.d2f(2 * z)), `z = ${String(z)}`).toBeLessThanOrEqual(1e-15);
    }
  });

  it('σ′ = σ(1 − σ) to absolute rounding everywhere and to 1e-15 relative for z ≤ 0', () => {
    for (const z of [...GRID, ...TAILS]) {
      const s = sig.f(z);
      expect(Math.abs(sig.df(z) - s * (1 - s))).toBeLessThanOrEqual(2 * EPS);
      if (z <= 0) expect(relErr(sig.df(z), s * (1 - s))).toBeLessThanOrEqual(1e-15);
    }
  });

  it('σ(−z) = 1 − σ(z), and tanh, hard tanh, softsign, LeCun tanh and identity are exactly odd', () => {
    fc.assert(
      fc.property(finite, (z) => {
        expect(Math.abs(sig.f(-z) - (1 - sig.f(z)))).toBeLessThanOrEqual(EPS);
        for (const k of ['tanh', 'hardtanh', 'softsign', 'lecuntanh', 'identity'] as const) {
          expect(Activations[k].f(-z)).toBe(-Activations[k].f(z));
        }
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it('max σ′ is 1/4, at z = 0 (dense grid search)', () => {
    let best = -Infinity;
    let at = NaN;
    for (const z of dense(-10, 10, 1e-4)) {
      if (sig.df(z) > best) {
        best = sig.df(z);
        at = z;
      }
    }
    expect(best).toBe(0.25);
    expect(Math.abs(at)).toBeLessThan(1e-9);
  });

  // Exact extrema: σ″ = σ′(1 − 2σ) and tanh″ = −2 tanh sech² peak where e^{|z|} = 2 + √3 (resp. e^{2|z|}).
  const Z_SIGMA = Math.log(2 + Math.sqrt(3));
  for (const [name, g, zStar, peak] of [
    ['|σ″|', sig.d2f, Z_SIGMA, Math.sqrt(3) / 18],
    ['|tanh″|', tanh.d2f, Z_SIGMA / 2, (4 * Math.sqrt(3)) / 9],
  ] as const) {
    it(`max ${name} is ${peak.toFixed(6)} at z = ±${zStar.toFixed(6)} (exact value and dense grid search)`, () => {
      expect(relErr(Math.abs(g(zStar)), peak)).toBeLessThanOrEqual(1e-15);
      expect(relErr(Math.abs(g(-zStar)), peak)).toBeLessThanOrEqual(1e-15);
      for (const sign of [-1, 1]) {
        let best = -Infinity;
        let at = NaN;
        for (const z of dense(0, 5, 1e-5)) {
          const v = Math.abs(g(sign * z));
          if (v > best) {
            best = v;
            at = sign * z;
          }
        }
        expect(Math.abs(at - sign * zStar)).toBeLessThan(2e-5);
        expect(best).toBeLessThanOrEqual(peak * (1 + 1e-15));
        expect(relErr(best, peak)).toBeLessThan(1e-9);
      }
    });
  }

  it('LeCun tanh: f(±1) = ±1 to 3e-6 and |f″| peaks at |z| = 1.5·½ln(2+√3) ≈ 0.988, as in Efficient BackProp', () => {
    const a = Activations.lecuntanh;
    expect(Math.abs(a.f(1) - 1)).toBeLessThan(3e-6);
    expect(a.f(-1)).toBe(-a.f(1));
    let best = -Infinity;
    let at = NaN;
    for (const z of dense(0, 4, 1e-5)) {
      if (Math.abs(a.d2f(z)) > best) {
        best = Math.abs(a.d2f(z));
        at = z;
      }
    }
    expect(Math.abs(at - 1.5 * (Z_SIGMA / 2))).toBeLessThan(2e-5);
    expect(Math.abs(at - 1)).toBeLessThan(0.02);
  });

  it('maxSlope matches a dense grid search of |f′| for every entry, and |f′(at)| = value', () => {
    const zs = [...dense(-30, 30, 1e-3), ...TAILS, -Infinity, Infinity];
    for (const a of ALL) {
      let best = 0;
      for (const z of zs) best = Math.max(best, Math.abs(a.df(z)));
      const { value, at } = a.maxSlope;
      expect(best, nameOf(a)).toBeLessThanOrEqual(value * (1 + 1e-15));
      expect(best, nameOf(a)).toBeGreaterThanOrEqual(value * (1 - 1e-6));
      expect(relErr(Math.abs(a.df(at)), value), nameOf(a)).toBeLessThanOrEqual(1e-15);
    }
  });

  it('SiLU′ peaks where 2 − z·tanh(z/2) = 0 and GELU′ peaks at √2 with value ½ + ½erf(1) + 1/(e√π)', () => {
    const z = Activations.silu.maxSlope.at;
    expect(Math.abs(2 - z * Math.tanh(z / 2))).toBeLessThan(1e-14);
    expect(Math.abs(Activations.silu.d2f(z))).toBeLessThan(1e-15);
    expect(relErr(Activations.gelu.maxSlope.value, 0.5 + 0.5 * erf(1) + 1 / (Math.E * Math.sqrt(Math.PI)))).toBeLessThan(1e-15);
  });

  it('SiLU’s minimum is −W(1/e) (W = Lambert W) at z = −1 − W(1/e), and GELU’s matches Newton’s method', () => {
    const silu = Activations.silu;
    const w = -silu.range[0];
    expect(Math.abs(w * Math.exp(w) - Math.exp(-1))).toBeLessThan(1e-16); // W's defining equation
    expect(relErr(silu.f(-1 - w), silu.range[0])).toBeLessThan(1e-15);
    const gelu = Activations.gelu;
    let z = -0.75;
    for (let i = 0; i < 20; i++) z -= gelu.df(z) / gelu.d2f(z);
    expect(Math.abs(gelu.df(z))).toBeLessThan(1e-16);
    expect(relErr(gelu.f(z), gelu.range[0])).toBeLessThan(1e-15);
    for (const a of [silu, gelu]) {
      let lo = Infinity;
      for (const x of dense(-5, 5, 1e-4)) lo = Math.min(lo, a.f(x));
      expect(lo).toBeGreaterThanOrEqual(a.range[0]);
      expect(lo - a.range[0]).toBeLessThan(1e-8);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Numerical stability
// ---------------------------------------------------------------------------------------------------------------

describe('numerical stability', () => {
  // Limits at −∞ and +∞ of f, f′ (f″ → 0 on both sides for every entry), derived by hand from the definitions.
  const LIMITS: { readonly [K in keyof typeof Activations]: readonly [number, number, number, number] } = {
    sigmoid: [0, 1, 0, 0],
    tanh: [-1, 1, 0, 0],
    hardtanh: [-1, 1, 0, 0],
    hardsigmoid: [0, 1, 0, 0],
    relu: [0, Infinity, 0, 1],
    leakyrelu: [-Infinity, Infinity, 0.01, 1],
    identity: [-Infinity, Infinity, 1, 1],
    softsign: [-1, 1, 0, 0],
    elu: [-1, Infinity, 0, 1],
    softplus: [0, Infinity, 0, 1],
    silu: [0, Infinity, 0, 1],
    gelu: [0, Infinity, 0, 1],
    lecuntanh: [-1.7159, 1.7159, 0, 0],
  };

  it('f, f′ and f″ take their limits exactly at ±Infinity', () => {
    for (const k of ACTIVATION_KEYS) {
      const a = Activations[k];
      const [fm, fp, dm, dp] = LIMITS[k];
      expect(a.f(-Infinity) === fm, `${k}.f(−∞)`).toBe(true);
      expect(a.f(Infinity) === fp, `${k}.f(+∞)`).toBe(true);
      expect(a.df(-Infinity) === dm, `${k}.df(−∞)`).toBe(true);
      expect(a.df(Infinity) === dp, `${k}.df(+∞)`).toBe(true);
      expect(a.d2f(-Infinity) === 0, `${k}.d2f(−∞)`).toBe(true);
      expect(a.d2f(Infinity) === 0, `${k}.d2f(+∞)`).toBe(true);
    }
  });

  it('f, f′ and f″ are finite (never NaN) at ±1e4, ±1e300, ±MAX_VALUE, ±MIN_VALUE and ±0', () => {
    const zs = [1e4, 1e300, MAX, Number.MIN_VALUE, 0].flatMap((z) => [z, -z]);
    for (const a of ALL) {
      for (const z of zs) {
        for (const g of [a.f, a.df, a.d2f]) {
          // Leaky ReLU with |slope| > 1 at −MAX: the true value −slope·MAX is beyond MAX, so −Infinity is right.
          const overflows = g === a.f && z === -MAX && Math.abs(a.params.slope ?? 0) > 1;
          expect(Number.isFinite(g(z)), `${nameOf(a)} at ${String(z)}`).toBe(!overflows);
        }
      }
    }
  });

  it('tails at ±1e4: σ(−1e4) = 0, softplus(1e4) = 1e4, SiLU(−1e4) and GELU(−1e4) are ∓0, derivatives at their limits', () => {
    const A = Activations;
    expect(A.sigmoid.f(-1e4)).toBe(0);
    expect(A.sigmoid.f(1e4)).toBe(1);
    expect(A.softplus.f(1e4)).toBe(1e4);
    expect(A.softplus.f(-1e4)).toBe(0);
    expect(A.silu.f(-1e4) === 0).toBe(true);
    expect(A.silu.f(1e4)).toBe(1e4);
    expect(A.gelu.f(-1e4) === 0).toBe(true);
    expect(A.gelu.f(1e4)).toBe(1e4);
    expect(A.elu.f(-1e4)).toBe(-1);
    expect(A.softsign.f(1e300)).toBe(1);
    for (const k of ACTIVATION_KEYS) {
      const [, , dm, dp] = LIMITS[k];
      expect(Math.abs(A[k].df(-1e4) - dm), k).toBeLessThanOrEqual(1e-8);
      expect(Math.abs(A[k].df(1e4) - dp), k).toBeLessThanOrEqual(1e-8);
    }
  });

  it('GELU keeps full relative precision in its lower tail (z·Φ(z) via erfc, no 1 + erf cancellation)', () => {
    // mpmath 1.3.0, mp.dps = 40: −30·ncdf(−30) and ncdf(−30) − 30·npdf(−30).
    expect(relErr(Activations.gelu.f(-30), -1.4720141781444064e-196)).toBeLessThan(1e-13);
    expect(relErr(Activations.gelu.df(-30), -4.416031690708494e-195)).toBeLessThan(1e-13);
  });

  it('NaN in gives NaN out for f, f′, f″ and dfFromOutput', () => {
    for (const a of ALL) {
      for (const g of [a.f, a.df, a.d2f, a.dfFromOutput]) {
        if (g !== undefined) expect(g(NaN), nameOf(a)).toBeNaN();
      }
    }
  });

  it('σ(z) lies in [0, 1] for every double, and strictly in (0, 1) wherever representable (−745 ≤ z ≤ 36)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (z) => {
        const s = Activations.sigmoid.f(z);
        expect(s >= 0 && s <= 1).toBe(true);
      }),
      { seed: 3, numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -745, max: 36, noNaN: true }), (z) => {
        const s = Activations.sigmoid.f(z);
        expect(s > 0 && s < 1).toBe(true);
      }),
      { seed: 5, numRuns: 5000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------------

describe('props, range and kinks', () => {
  const ZS = [...GRID, ...TAILS].sort((x, y) => x - y);

  it('bounded ⇔ both ends of range are finite', () => {
    for (const a of ALL) {
      expect(a.props.bounded, nameOf(a)).toBe(Number.isFinite(a.range[0]) && Number.isFinite(a.range[1]));
    }
  });

  const DENSE = dense(-5, 5, 1e-4);

  /** Golden-section search for the minimum (sign = 1) or maximum (sign = −1) of f within 1e-4 of z; returns f there. */
  function refine(f: (z: number) => number, z: number, sign: 1 | -1): number {
    if (!Number.isFinite(z) || Math.abs(z) > 100) return f(z);
    const r = (Math.sqrt(5) - 1) / 2;
    let a = z - 1e-4;
    let b = z + 1e-4;
    for (let i = 0; i < 80; i++) {
      const c = b - r * (b - a);
      const d = a + r * (b - a);
      if (sign * f(c) <= sign * f(d)) b = d;
      else a = c;
    }
    const m = (a + b) / 2;
    return sign > 0 ? Math.min(f(m), f(z)) : Math.max(f(m), f(z));
  }

  it('range contains every value; infinite ends are approached, closed ends attained, open ends not (|z| ≤ 15)', () => {
    for (const a of ALL) {
      const [lo, hi] = a.range;
      const [loClosed, hiClosed] = a.rangeClosed;
      let min = Infinity;
      let max = -Infinity;
      let zMin = NaN;
      let zMax = NaN;
      for (const z of [...ZS, ...DENSE]) {
        const y = a.f(z);
        const inside = y >= lo && y <= hi;
        const strict = Math.abs(z) > 15 || ((loClosed || y > lo) && (hiClosed || y < hi));
        if (!(inside && strict)) expect.fail(`${nameOf(a)}(${String(z)}) = ${String(y)} vs range [${String(lo)}, ${String(hi)}]`);
        if (y < min) [min, zMin] = [y, z];
        if (y > max) [max, zMax] = [y, z];
      }
      if (lo === -Infinity) expect(min, nameOf(a)).toBeLessThan(-1e250);
      else expect(min - lo, nameOf(a)).toBeLessThan(1e-8);
      if (hi === Infinity) expect(max, nameOf(a)).toBeGreaterThan(1e250);
      else expect(hi - max, nameOf(a)).toBeLessThan(1e-8);
      // A closed end is attained: refining the grid extremum reaches it to rounding.
      if (loClosed) expect(Math.abs(refine(a.f, zMin, 1) - lo), nameOf(a)).toBeLessThanOrEqual(4 * EPS);
      if (hiClosed) expect(Math.abs(refine(a.f, zMax, -1) - hi), nameOf(a)).toBeLessThanOrEqual(4 * EPS);
      if (!Number.isFinite(lo)) expect(loClosed).toBe(false);
      if (!Number.isFinite(hi)) expect(hiClosed).toBe(false);
    }
  });

  it('monotonic matches a grid check: no decrease if set, some decrease if not', () => {
    for (const a of ALL) {
      let decreases = false;
      for (let i = 1; i < ZS.length; i++) {
        const z0 = ZS[i - 1] ?? NaN;
        const z1 = ZS[i] ?? NaN;
        if (a.f(z1) < a.f(z0)) decreases = true;
      }
      expect(decreases, nameOf(a)).toBe(!a.props.monotonic);
    }
  });

  it('monotonic activations satisfy a < b ⇒ f(a) ≤ f(b) for all doubles, up to one rounding (σ, softplus)', () => {
    // The stable forms e/(1 + e) and max(z, 0) + log1p(e^{−|z|}) can step back by an ulp between adjacent doubles.
    const pairs = fc
      .tuple(fc.double({ noNaN: true }), fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: 1, max: 4 })))
      .map(([x, y]) => {
        if (typeof y === 'number' && Number.isInteger(y) && y <= 4 && Number.isFinite(x)) {
          let b = x;
          for (let i = 0; i < y && b < Infinity; i++) b = nextUp(b);
          return [x, b] as const;
        }
        return x <= y ? ([x, y] as const) : ([y, x] as const);
      });
    for (const a of ALL.filter((e) => e.props.monotonic)) {
      fc.assert(
        fc.property(pairs, ([x, y]) => {
          const fx = a.f(x);
          const fy = a.f(y);
          const ok = fx <= fy || fx - fy <= EPS * Math.max(Math.abs(fx), Math.abs(fy));
          expect(ok, `${nameOf(a)}: f(${String(x)}) = ${String(fx)} > f(${String(y)}) = ${String(fy)}`).toBe(true);
        }),
        { seed: 13, numRuns: 1000 },
      );
    }
  });

  it('zeroCentred ⇔ f(0) = 0 and f takes both signs', () => {
    for (const a of ALL) {
      const ys = ZS.map(a.f);
      const both = ys.some((y) => y < 0) && ys.some((y) => y > 0);
      expect(a.props.zeroCentred, nameOf(a)).toBe(a.f(0) === 0 && both);
    }
  });

  it('saturating ⇔ f′ → 0 in at least one tail', () => {
    for (const a of ALL) {
      const tails = [a.df(-1e150), a.df(1e150)].map(Math.abs);
      const sat = tails.some((d) => d < 1e-100);
      expect(a.props.saturating, nameOf(a)).toBe(sat);
      if (!sat) for (const d of tails) expect(d).toBeGreaterThan(1e-6);
    }
  });

  it('smooth ⇔ kinkAt is empty ⇔ kink is undefined', () => {
    for (const a of ALL) {
      expect(a.props.smooth, nameOf(a)).toBe(a.kinkAt.length === 0);
      expect(a.kink === undefined, nameOf(a)).toBe(a.props.smooth);
    }
  });

  it('every listed kink is real (f′ or f″ jumps there) and smooth entries have continuous f″', () => {
    const h = 1e-7;
    for (const a of ALL) {
      for (const k of a.kinkAt) {
        const jump1 = Math.abs(a.df(k + h) - a.df(k - h));
        const jump2 = Math.abs(a.d2f(k + h) - a.d2f(k - h));
        expect(Math.max(jump1, jump2), `${nameOf(a)} at ${String(k)}`).toBeGreaterThan(0.1);
      }
      if (a.props.smooth) {
        for (const z of GRID) {
          expect(Math.abs(a.d2f(z + h) - a.d2f(z - h)), `${nameOf(a)} at ${String(z)}`).toBeLessThan(1e-5);
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// LaTeX
// ---------------------------------------------------------------------------------------------------------------

describe('LaTeX formulas', () => {
  // Evaluated with the Cortex compute engine at 300 significant digits, so that cancellations in the formulas as
  // written (1 − tanh²(z) at z = 30, 1 + erf(−21) in Φ(−30)) do not hide errors in the code's tail values.
  // Dyadic rationals only, so the engine evaluates at exactly the double the code sees (2.4 would be read as the
  // decimal 2.4, which matters where a value is ill-conditioned). Includes every kink (0, ±1, ±3), so the cases'
  // ≤/< choices are checked against the code's conventions, and points near the extrema of SiLU′ and GELU′.
  const POINTS = [
    2 ** -20,
    2 ** -7,
    0.09375,
    0.1875,
    0.3125,
    0.4375,
    0.625,
    0.8125,
    1,
    1.25,
    1.40625,
    1.5,
    2,
    2.375,
    2.5,
    3,
    4,
    5,
    8,
    12,
    20,
    30,
  ].flatMap((z) => [-z, z]);
  POINTS.push(0);
  POINTS.sort((x, y) => x - y);

  it('each named function in LATEX_NOTATION parses to its MathJSON name applied to z', () => {
    for (const n of LATEX_NOTATION) expect(engine(300).parse(n.symbol).json).toEqual([n.name, 'z']);
  });

  it('every formula renders with KaTeX', () => {
    for (const a of ALL) {
      for (const tex of [a.latex.f, a.latex.df, a.latex.d2f]) {
        if (tex !== undefined) expect(() => katex.renderToString(tex, { throwOnError: true }), tex).not.toThrow();
      }
    }
    for (const n of LATEX_NOTATION) expect(() => katex.renderToString(n.definition, { throwOnError: true })).not.toThrow();
  });

  it('every entry has an f″ formula', () => {
    for (const a of ALL) expect(a.latex.d2f, nameOf(a)).toBeDefined();
  });

  // Tolerance: 1e-13 relative, or 1e-15 × the largest |value| at the grid points within distance 1 (a few ulp of
  // the local scale, for cancellation where a value crosses zero, e.g. SiLU″ near its root at 2.3994). The grid is
  // sparse in the tails (no other point within 1 of ±5 … ±30), so tail values are compared in relative terms:
  // tanh′(30) = 3.5e-26 and GELU(−30) = −1.5e-196 must be right to 1e-13.
  for (const a of ALL) {
    it(`${nameOf(a)}: latex.f, latex.df and latex.d2f evaluate to the code’s values (1e-13 relative)`, () => {
      const E = engine(300);
      for (const which of ['f', 'df', 'd2f'] as const) {
        const tex = a.latex[which];
        if (tex === undefined) continue;
        const expr = E.parse(tex);
        expect(JSON.stringify(expr.json), tex).not.toMatch(/Error/);
        const refs = POINTS.map((z) => expr.subs({ z }).N().re);
        POINTS.forEach((z, i) => {
          const ref = refs[i] ?? NaN;
          const got = a[which](z);
          expect(Number.isFinite(ref), `${which}: ${tex} at z = ${String(z)} evaluates to ${String(ref)}`).toBe(true);
          let local = 0;
          POINTS.forEach((w, j) => {
            if (Math.abs(w - z) <= 1) local = Math.max(local, Math.abs(refs[j] ?? NaN));
          });
          const ok = Math.abs(got - ref) <= 1e-13 * Math.abs(ref) + 1e-15 * local;
          expect(ok, `${nameOf(a)}.${which}(${String(z)}) = ${String(got)}, ${tex} = ${String(ref)}`).toBe(true);
        });
      }
    });
  }
});
