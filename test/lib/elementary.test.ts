import { describe, expect, it } from 'vitest';
import { ELEMENTARY_MAX_ULP, exp, expm1, sigmoid, tanh } from '../../src/lib/nn/elementary.ts';
import { LOG_TRIG_MAX_ULP, cos, ilogb, log, sin } from '../../src/lib/nn/elementary-log-trig.ts';

// ---------------------------------------------------------------------------------------------------------------
// A 128-bit binary floating-point reference, in BigInt: value = m · 2^e with |m| < 2^P. Truncating arithmetic is
// plenty: its relative error (below 2^−120 after a few dozen operations) is below 2^−67 of a double's ulp.
// ---------------------------------------------------------------------------------------------------------------

const P = 128n;
interface Big {
  readonly m: bigint;
  readonly e: bigint;
}
const ZERO: Big = { m: 0n, e: 0n };

/** Number of binary digits of |m| (0 for 0), from its hexadecimal digits. */
function bitLength(m: bigint): bigint {
  const hex = (m < 0n ? -m : m).toString(16);
  return BigInt(hex.length * 4 - Math.clz32(parseInt(hex[0]!, 16)) + 28);
}
function norm(m: bigint, e: bigint): Big {
  if (m === 0n) return ZERO;
  const shift = bitLength(m) - P;
  return shift > 0n ? { m: m / (1n << shift), e: e + shift } : { m: m << -shift, e: e + shift };
}
const mul = (a: Big, b: Big): Big => norm(a.m * b.m, a.e + b.e);
function add(a: Big, b: Big): Big {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const top = (x: Big) => x.e + bitLength(x.m);
  // an addend more than P + 8 binary places below the other changes nothing at this precision
  if (top(a) - top(b) > P + 8n) return a;
  if (top(b) - top(a) > P + 8n) return b;
  const e = a.e < b.e ? a.e : b.e;
  return norm((a.m << (a.e - e)) + (b.m << (b.e - e)), e);
}
const neg = (a: Big): Big => ({ m: -a.m, e: a.e });
const div = (a: Big, b: Big): Big => norm((a.m << (P + 8n)) / b.m, a.e - b.e - P - 8n);
const ONE = norm(1n, 0n);

/** The exact value of a finite double. */
function fromDouble(x: number): Big {
  if (x === 0) return ZERO;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = (bits >> 52n) & 0x7ffn;
  const frac = bits & ((1n << 52n) - 1n);
  const m = biased === 0n ? frac : frac | (1n << 52n);
  const e = (biased === 0n ? 1n : biased) - 1075n;
  return norm(bits >> 63n ? -m : m, e);
}

/** ln 2 = Σ 1/(k·2^k), to 240 bits. */
const LN2: Big = (() => {
  const F = 240n;
  let sum = 0n;
  for (let k = 1n; k <= F + 10n; k++) sum += (1n << F) / (k << k);
  return norm(sum, -F);
})();

/** e^x for a double x: x = k·ln2 + r, e^r = (e^{r/2^8})^{2^8}, Taylor series for the small argument. */
function bigExp(x: number): Big {
  const k = Math.round(x / Math.LN2);
  const r = add(fromDouble(x), neg(mul(norm(BigInt(k), 0n), LN2)));
  const small = { m: r.m, e: r.e - 8n };
  let term = ONE;
  let sum = ONE;
  for (let n = 1n; n < 40n && term.m !== 0n && term.e + bitLength(term.m) > -P - 8n; n++) {
    term = div(mul(term, small), norm(n, 0n));
    sum = add(sum, term);
  }
  for (let i = 0; i < 8; i++) sum = mul(sum, sum);
  return { m: sum.m, e: sum.e + BigInt(k) };
}

/** π to 240 bits, by Machin's formula π = 16·atan(1/5) − 4·atan(1/239). */
const PI: Big = (() => {
  const F = 260n;
  const atanInv = (q: bigint): bigint => {
    let sum = 0n;
    let power = (1n << F) / q; // q^−(2n+1), scaled
    for (let n = 0n; power !== 0n; n++) {
      sum += (n % 2n === 0n ? 1n : -1n) * (power / (2n * n + 1n));
      power /= q * q;
    }
    return sum;
  };
  return norm(16n * atanInv(5n) - 4n * atanInv(239n), -F);
})();

/** ln x for a positive finite double: x = m·2^k with m ∈ [0.75, 1.5), ln m = 2·atanh((m − 1)/(m + 1)). */
function bigLog(x: number): Big {
  const exact = fromDouble(x);
  // m = exact / 2^k with k chosen so that m ∈ [0.75, 1.5)
  let k = BigInt(Math.floor(Math.log2(x)));
  const mOf = (kk: bigint): Big => ({ m: exact.m, e: exact.e - kk });
  const ge = (a: Big, b: Big) => add(a, neg(b)).m >= 0n;
  let m = mOf(k);
  if (ge(m, norm(3n, -1n))) m = mOf(++k);
  if (!ge(m, norm(3n, -2n))) m = mOf(--k);
  const s = div(add(m, neg(ONE)), add(m, ONE));
  const s2 = mul(s, s);
  let term = s;
  let sum = ZERO;
  for (let n = 1n; term.m !== 0n && term.e + bitLength(term.m) > -P - 8n; n += 2n) {
    sum = add(sum, div(term, norm(n, 0n)));
    term = mul(term, s2);
  }
  return add(mul(norm(k, 0n), LN2), { m: sum.m, e: sum.e + 1n });
}

/** cos x (or sin x when `sine`): x − n·π/2 = r with |r| ≤ π/4, then the Taylor series of cos r or sin r. */
function bigTrig(x: number, sine: boolean): Big {
  const n = Math.round(x / (Math.PI / 2));
  const r = add(fromDouble(x), neg(mul(norm(BigInt(n), 0n), { m: PI.m, e: PI.e - 1n })));
  const q = (((n % 4) + 4) % 4) + (sine ? 3 : 0); // sin x = cos(x − π/2)
  const useSin = q % 2 === 1;
  const r2 = mul(r, r);
  let term = useSin ? r : ONE;
  let sum = ZERO;
  for (let j = useSin ? 1n : 0n; term.m !== 0n && term.e + bitLength(term.m) > -P - 8n; j += 2n) {
    sum = add(sum, term);
    term = neg(div(mul(term, r2), norm((j + 1n) * (j + 2n), 0n)));
  }
  return q % 4 === 1 || q % 4 === 2 ? neg(sum) : sum;
}

/** |d − ref| in units of the last place of ref (as a double's ulp: 2^(⌊log₂|ref|⌋ − 52), at least 2^−1074). */
function ulpError(d: number, ref: Big): number {
  if (ref.m === 0n) return d === 0 ? 0 : Infinity;
  const magnitude = ref.e + bitLength(ref.m) - 1n; // ⌊log₂|ref|⌋
  const ulpExp = (magnitude < -1022n ? -1022n : magnitude) - 52n;
  const diff = add(fromDouble(d), neg(ref));
  if (diff.m === 0n) return 0;
  return Math.abs(Number(diff.m)) * 2 ** Number(diff.e - ulpExp);
}

const references = {
  exp: bigExp,
  expm1: (x: number) => add(bigExp(x), neg(ONE)),
  tanh: (x: number) => {
    const e2 = bigExp(2 * x); // 2x is exact
    return div(add(e2, neg(ONE)), add(e2, ONE));
  },
  sigmoid: (x: number) => div(ONE, add(ONE, bigExp(-x))),
  log: (x: number) => bigLog(x),
  cos: (x: number) => bigTrig(x, false),
  sin: (x: number) => bigTrig(x, true),
};
const implementations = { exp, expm1, tanh, sigmoid, log, cos, sin };

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

/** n arguments: half uniform on [−lim, lim], half with a log-uniform magnitude in [2^−40, lim] and either sign. */
function sample(n: number, lim: number, seed: number): number[] {
  const rnd = xorshift(seed);
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const sign = rnd() < 0.5 ? -1 : 1;
    xs.push(i % 2 === 0 ? (2 * rnd() - 1) * lim : sign * 2 ** (-40 + rnd() * (40 + Math.log2(lim))));
  }
  return xs;
}

// Per function: the domain sampled (log: |x| of it, plus 1e−300, so every binade from 2^−40 up is covered), and how
// many arguments: 250 000 per function for the four of the cells (10⁶ in all), 100 000 for those of the RNG and init.
const DOMAINS = { exp: 709, expm1: 60, tanh: 25, sigmoid: 60, log: 1e6, cos: 800, sin: 800 } as const;
const COUNT = { exp: 250_000, expm1: 250_000, tanh: 250_000, sigmoid: 250_000, log: 100_000, cos: 100_000, sin: 100_000 };

/** The bound of every function, from the module that states it. */
const MAX_ULP = { ...ELEMENTARY_MAX_ULP, ...LOG_TRIG_MAX_ULP };

describe('elementary functions', () => {
  for (const name of ['exp', 'expm1', 'tanh', 'sigmoid', 'log', 'cos', 'sin'] as const) {
    it(`${name} is within ${MAX_ULP[name]} ulp of a 128-bit reference on ${COUNT[name].toLocaleString('en')} arguments`, () => {
      const f = implementations[name];
      const ref = references[name];
      let worst = 0;
      let worstAt = 0;
      let sum = 0;
      const xs = sample(COUNT[name], DOMAINS[name], 1 + name.length).map((x) => (name === 'log' ? Math.abs(x) + 1e-300 : x));
      for (const x of xs) {
        const err = ulpError(f(x), ref(x));
        sum += err;
        if (err > worst) {
          worst = err;
          worstAt = x;
        }
      }
      console.log(
        `${name}: max error ${worst.toFixed(3)} ulp at x = ${worstAt}, mean ${(sum / xs.length).toFixed(4)} ulp, ` +
          `${xs.length} arguments on [−${DOMAINS[name]}, ${DOMAINS[name]}]`,
      );
      expect(worst).toBeLessThan(MAX_ULP[name]);
    }, 300_000);
  }

  it('exp keeps its accuracy where e^x is subnormal, on [−745, −708]', () => {
    const rnd = xorshift(3);
    let worst = 0;
    for (let i = 0; i < 5_000; i++) {
      const x = -745 + 37 * rnd();
      worst = Math.max(worst, ulpError(exp(x), bigExp(x)));
    }
    console.log(`exp, subnormal results: max error ${worst.toFixed(3)} ulp on 5000 arguments in [−745, −708]`);
    expect(worst).toBeLessThan(ELEMENTARY_MAX_ULP.exp);
  });

  it('give the IEEE special values: ±0, subnormals, overflow, underflow, ±∞ and NaN', () => {
    const min = Number.MIN_VALUE;
    expect(Object.is(exp(-0), 1) && Object.is(exp(0), 1)).toBe(true);
    expect([exp(710), exp(-746), exp(Infinity), exp(-Infinity)]).toEqual([Infinity, 0, Infinity, 0]);
    expect(exp(-740)).toBeGreaterThan(0); // a subnormal result
    expect(exp(-740)).toBeLessThan(2 ** -1022);
    expect([exp(min), exp(-min)]).toEqual([1, 1]);
    expect(Object.is(expm1(-0), -0) && Object.is(expm1(min), min)).toBe(true);
    expect([expm1(710), expm1(-800), expm1(Infinity), expm1(-Infinity)]).toEqual([Infinity, -1, Infinity, -1]);
    expect(Object.is(tanh(-0), -0) && Object.is(tanh(0), 0)).toBe(true);
    expect([tanh(min), tanh(-min), tanh(1e-300)]).toEqual([min, -min, 1e-300]);
    expect([tanh(22), tanh(-711), tanh(Infinity), tanh(-Infinity)]).toEqual([1, -1, 1, -1]);
    expect([sigmoid(0), sigmoid(-0), sigmoid(800), sigmoid(-800), sigmoid(Infinity), sigmoid(-Infinity)]).toEqual([
      0.5, 0.5, 1, 0, 1, 0,
    ]);
    expect(sigmoid(-740)).toBeGreaterThan(0); // e^−740, subnormal, not flushed to 0
    expect([log(0), log(-0), log(Infinity), log(1), log(Number.MIN_VALUE), log(2 ** -1030)]).toEqual([
      -Infinity,
      -Infinity,
      Infinity,
      0,
      Math.log(Number.MIN_VALUE), // subnormal arguments, scaled up by 2^54 first
      Math.log(2 ** -1030),
    ]);
    expect(log(-1)).toBeNaN();
    expect(Object.is(sin(-0), -0) && cos(-0) === 1 && sin(min) === min).toBe(true);
    for (const f of [exp, expm1, tanh, sigmoid, log, cos, sin]) expect(f(NaN)).toBeNaN();
    for (const f of [cos, sin]) expect(f(Infinity)).toBeNaN();
  });

  it('ilogb gives ⌊log₂ |x|⌋ exactly, at powers of two, just below them and for subnormals', () => {
    for (let k = -1074; k <= 1023; k++) {
      expect(ilogb(2 ** k)).toBe(k);
      expect(ilogb(-(2 ** k))).toBe(k);
      if (k > -1022) expect(ilogb(2 ** k * (1 - 2 ** -53))).toBe(k - 1); // the largest double below 2^k
    }
  });

  it('are odd or shifted-odd where the maths says so, bit for bit', () => {
    for (const x of sample(20_000, 30, 7)) {
      expect(tanh(-x)).toBe(-tanh(x));
    }
  });
});

describe('elementary functions against the engine', () => {
  // Node's Math.exp/expm1/tanh are V8's ports of the same fdlibm code, so every committed number the site computed
  // with them is unchanged. If this fails, the engine changed its libm: the library's results do not change (they
  // never call Math.exp/Math.tanh), but the claim in elementary.ts's module comment must be corrected.
  it('give the same bits as Node’s Math.exp, expm1, tanh, log, cos and sin on 600 000 arguments and every boundary', () => {
    const rnd = xorshift(99);
    const view = new DataView(new ArrayBuffer(8));
    const xs: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      view.setUint32(0, (rnd() * 2 ** 32) >>> 0);
      view.setUint32(4, (rnd() * 2 ** 32) >>> 0);
      xs.push(view.getFloat64(0)); // every exponent, NaN and ±∞ included
    }
    for (const x of [...sample(200_000, 30, 5), ...sample(200_000, 800, 6)]) xs.push(x);
    for (let k = -1080; k <= 1030; k++) {
      const b = (k + 0.5) * Math.LN2;
      for (let j = -3; j <= 3; j++) xs.push(b * (1 + j * 2 ** -52), k * Math.LN2 * (1 + j * 2 ** -52));
    }
    xs.push(0, -0, 1, -1, 22, -22, 2 ** -28, 2 ** -54, 2 ** -55, 709.782712893384, -745.1332191019412);
    let differ = 0;
    const examples: string[] = [];
    for (const x of xs) {
      for (const [f, g] of [
        [exp, Math.exp],
        [expm1, Math.expm1],
        [tanh, Math.tanh],
        [log, Math.log],
        [cos, Math.cos],
        [sin, Math.sin],
      ] as const) {
        if (!Object.is(f(x), g(x))) {
          differ++;
          if (examples.length < 5) examples.push(`${f.name}(${x}) = ${f(x)}, Math.${f.name}: ${g(x)}`);
        }
      }
    }
    expect(examples).toEqual([]);
    expect(differ).toBe(0);
  });
});
