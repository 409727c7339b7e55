/**
 * The gradient-flow figures of "Vanishing (and exploding) gradients through time": the plotted numbers are the
 * library's exact BPTT values (checked against central finite differences that perturb the hidden and cell states
 * themselves), the reference curves are right, extreme settings stay honest (overflow / underflow, never NaN), the
 * URL state round-trips and repairs malformed links, and the plot model draws what it should.
 */
import { describe, expect, it } from 'vitest';
import '../../src/i18n/en'; // registers the English figure strings (the islands' entries load them on a page)
import '../../src/i18n/zh'; // registers the Chinese figure strings (the facts test reads them)
import { Activations, ACTIVATION_KEYS, type ActivationKey } from '../../src/lib/nn/activations';
import { UNDERFLOW_LIMIT } from '../../src/lib/nn/gradflow';
import {
  buildScenario,
  computeFlow,
  prefixBatch,
  type FlowParams,
  type FlowResult,
  type LagSeries,
} from '../../src/figures/gradients/compute';
import { polylineVertices } from '../../src/figures/polyline';
import { bpttState, cecState, flowParams, paramsKey } from '../../src/figures/gradients/state';
import {
  buildLogPlot,
  curvesOf,
  describeFlow,
  eventsText,
  flowTable,
  formatNorm,
  readoutAt,
  scientificFromLog10,
  tableLags,
} from '../../src/figures/gradients/plot';

const P = (p: Partial<FlowParams>): FlowParams => ({ c: 'rnn', a: 'tanh', r: 1, w: 'orth', bf: 0, t: 5, s: 3, ...p });
const value = (s: LagSeries, k: number) => 10 ** s.log10[k]!;
const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((a, x) => a + x * x, 0));
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, i) => s + x * b[i]!, 0);

/**
 * Central finite differences of L = vᵀh_{T−1} with respect to the state at step t, by re-running the layer's
 * forward pass on the remaining inputs from a perturbed state. `which` = 'h' perturbs h_t (c_t held fixed, as the
 * LSTM's backward pass defines ∂L/∂h_t); 'c' perturbs c_t and recomputes h_t = o_t ⊙ φ(c_t) from it.
 */
function finiteDifferenceNorms(p: FlowParams, H: number, which: 'h' | 'c', eps = 1e-5): number[] {
  const sc = buildScenario(p, { hidden: H });
  const { layer, v } = sc;
  const T = p.t;
  const hs = Float64Array.from(layer.forward(prefixBatch(sc, T)));
  const tr = layer.kind === 'lstm' ? layer.trace() : null;
  const cs = tr ? Float64Array.from(tr.c) : null;
  const os = tr ? Float64Array.from(tr.o) : null;
  const phi = layer.kind === 'lstm' ? layer.activations.cellOutput.f : null;
  const lossFrom = (t: number, h: Float64Array, c: Float64Array | undefined): number => {
    if (t === T - 1) return dot(v, h);
    const rest = { T: T - 1 - t, B: 1, I: 1, x: sc.x.slice(t + 1, T) };
    const out = layer.forward(rest, h, c);
    return dot(v, out.subarray((rest.T - 1) * H, rest.T * H));
  };
  const norms: number[] = [];
  for (let t = 0; t < T; t++) {
    const g = new Float64Array(H);
    for (let j = 0; j < H; j++) {
      const L = [+1, -1].map((sign) => {
        const h = hs.slice(t * H, (t + 1) * H);
        const c = cs ? cs.slice(t * H, (t + 1) * H) : undefined;
        if (which === 'h') h[j]! += sign * eps;
        else {
          c![j]! += sign * eps;
          for (let q = 0; q < H; q++) h[q] = os![t * H + q]! * phi!(c![q]!);
        }
        return lossFrom(t, h, c);
      });
      g[j] = (L[0]! - L[1]!) / (2 * eps);
    }
    norms.push(norm(g));
  }
  return norms; // indexed by step t
}

describe('the plotted gradient norms are the exact BPTT values', () => {
  const H = 3;
  const cases: Partial<FlowParams>[] = [
    { c: 'rnn', a: 'tanh', r: 1.2 },
    { c: 'rnn', a: 'sigmoid', r: 2, w: 'gauss' },
    { c: 'rnn', a: 'softsign', r: 0.7 },
    { c: 'lstm', a: 'tanh', r: 1, bf: 1 },
    { c: 'lstm', a: 'softsign', r: 1.5, bf: -0.5, w: 'gauss' },
    { c: 'gru', a: 'tanh', r: 1, bf: 0.5 },
  ];
  for (const change of cases) {
    const p = P(change);
    it(`${paramsKey(p)}: ‖∂L/∂h_t‖${p.c === 'lstm' ? ' and ‖∂L/∂c_t‖' : ''} match central differences (T = 5, H = 3)`, () => {
      const r = computeFlow(p, { hidden: H });
      expect(r.T).toBe(5);
      expect(r.overflowStep).toBe(-1);
      const fdH = finiteDifferenceNorms(p, H, 'h');
      for (let t = 0; t < p.t; t++) {
        const k = p.t - 1 - t;
        expect(r.h.flags[k]).toBe('ok');
        expect(Math.abs(value(r.h, k) - fdH[t]!)).toBeLessThan(1e-7 * Math.max(1, fdH[t]!));
      }
      // Not a trivially flat series: the check sees real variation over the lags.
      expect(Math.max(...fdH) / Math.min(...fdH)).toBeGreaterThan(1.01);
      if (p.c === 'lstm') {
        const fdC = finiteDifferenceNorms(p, H, 'c');
        for (let t = 0; t < p.t; t++) {
          const k = p.t - 1 - t;
          expect(Math.abs(value(r.c!, k) - fdC[t]!)).toBeLessThan(1e-7 * Math.max(1, fdC[t]!));
        }
      }
    });
  }

  it('agrees with an independent hand-written vanilla RNN (its own forward loop, differenced)', () => {
    const H = 4;
    const p = P({ a: 'tanh', r: 1.3, t: 6, s: 11 });
    const r = computeFlow(p, { hidden: H });
    const sc = buildScenario(p, { hidden: H });
    const L = sc.layer;
    const Wih = L.params[0]!.w,
      Whh = L.params[1]!.w,
      bih = L.params[2]!.w,
      bhh = L.params[3]!.w;
    const step = (h: Float64Array, x: number): Float64Array => {
      const out = new Float64Array(H);
      for (let i = 0; i < H; i++) {
        let a = Wih[i]! * x + bih[i]! + bhh[i]!;
        for (let j = 0; j < H; j++) a += Whh[i * H + j]! * h[j]!;
        out[i] = Math.tanh(a);
      }
      return out;
    };
    const states: Float64Array[] = [];
    let h: Float64Array = new Float64Array(H);
    for (let t = 0; t < p.t; t++) states.push((h = step(h, sc.x[t]!)));
    const lossFrom = (t: number, ht: Float64Array) => {
      let s = ht;
      for (let u = t + 1; u < p.t; u++) s = step(s, sc.x[u]!);
      return dot(sc.v, s);
    };
    const eps = 1e-6;
    for (let t = 0; t < p.t; t++) {
      const g = new Float64Array(H);
      for (let j = 0; j < H; j++) {
        const up = Float64Array.from(states[t]!);
        const dn = Float64Array.from(states[t]!);
        up[j]! += eps;
        dn[j]! -= eps;
        g[j] = (lossFrom(t, up) - lossFrom(t, dn)) / (2 * eps);
      }
      const k = p.t - 1 - t;
      expect(Math.abs(value(r.h, k) - norm(g))).toBeLessThan(1e-7 * Math.max(1, norm(g)));
    }
  });
});

describe('the reference curves', () => {
  it('keeps ‖∂L/∂h_t‖ of a vanilla RNN under the bound (γ‖W‖)^lag for every activation', () => {
    for (const a of ACTIVATION_KEYS) {
      for (const w of ['orth', 'gauss'] as const) {
        for (const r of [0.5, 1, 2]) {
          const res = computeFlow(P({ a, w, r, t: 60, s: 2 }), { hidden: 8 });
          expect(res.refKind).toBe('bound');
          expect(res.gamma).toBe(Activations[a].maxSlope.value);
          for (let k = 0; k < res.T; k++) {
            if (res.h.flags[k] === 'zero') continue;
            expect(res.h.log10[k]!, `${a} ${w} ρ=${r} lag ${k}`).toBeLessThanOrEqual(res.ref.log10[k]! + 1e-9 * (k + 1));
          }
        }
      }
    }
  });

  it('attains the bound for the identity with an orthogonal W: ‖∂L/∂h_t‖ = ρ^lag exactly', () => {
    for (const r of [0.9, 1, 1.1]) {
      const res = computeFlow(P({ a: 'identity', r, t: 200, s: 5 }));
      expect(res.wNorm).toBeCloseTo(r, 12);
      for (const k of [0, 1, 50, 199]) {
        expect(res.h.log10[k]).toBeCloseTo(k * Math.log10(r), 9);
        expect(res.ref.log10[k]).toBeCloseTo(k * Math.log10(r), 9);
      }
    }
  });

  it('for the LSTM with W_hh = 0, the cell path is the only path: ‖∂L/∂c_t‖ = ‖∂L/∂c_T ⊙ Π f‖ and ∂L/∂h_t = 0', () => {
    const res = computeFlow({ ...flowParams(cecState.defaults), r: 0, t: 300 });
    expect(res.refKind).toBe('cell-path');
    for (let k = 0; k < res.T; k++) expect(res.c!.log10[k]).toBeCloseTo(res.ref.log10[k]!, 9);
    expect(res.h.flags[0]).toBe('ok');
    expect(res.h.flags.slice(1).every((f) => f === 'zero')).toBe(true);
    // And the cell path decays like the mean forget gate σ(b_f) raised to the lag, roughly.
    expect(res.meanGate).toBeGreaterThan(0.6);
  });

  it('for the GRU with W_hh = 0, the direct path is the only path: ‖∂L/∂h_t‖ = ‖v ⊙ Π z‖', () => {
    const res = computeFlow(P({ c: 'gru', r: 0, bf: 2, t: 150 }));
    expect(res.refKind).toBe('update-path');
    for (let k = 0; k < res.T; k++) expect(res.h.log10[k]).toBeCloseTo(res.ref.log10[k]!, 9);
  });

  it('sets the effective forget bias b_if + b_hf to the slider value', () => {
    const sc = buildScenario(P({ c: 'lstm', bf: 1.75, t: 3 }), { hidden: 4 });
    for (let j = 4; j < 8; j++) expect(sc.layer.biasIh.w[j]! + sc.layer.biasHh.w[j]!).toBe(1.75);
  });
});

/** The extreme settings of the acceptance criteria. */
const EXTREMES: { name: string; p: FlowParams; expect: 'overflow' | 'underflow' | 'forward' }[] = [
  { name: 'ReLU, ρ = 3, T = 1000', p: P({ a: 'relu', r: 3, t: 1000, s: 1 }), expect: 'forward' },
  { name: 'identity, ρ = 8, T = 1000', p: P({ a: 'identity', r: 8, t: 1000, s: 1 }), expect: 'forward' },
  { name: 'tanh, ρ = 8 (huge weights), T = 1000', p: P({ a: 'tanh', r: 8, t: 1000, s: 1 }), expect: 'overflow' },
  { name: 'σ, ρ = 0.05 (tiny weights), T = 1000', p: P({ a: 'sigmoid', r: 0.05, t: 1000, s: 1 }), expect: 'underflow' },
  { name: 'LSTM, identity, ρ = 8, T = 1000', p: P({ c: 'lstm', a: 'identity', r: 8, bf: 10, t: 1000, s: 1 }), expect: 'forward' },
  {
    name: 'LSTM, σ, ρ = 0, forget bias −5, T = 1000',
    p: P({ c: 'lstm', a: 'sigmoid', r: 0, bf: -5, t: 1000, s: 1 }),
    expect: 'underflow',
  },
  { name: 'GRU, ReLU, ρ = 8, T = 1000', p: P({ c: 'gru', a: 'relu', r: 8, bf: -5, t: 1000, s: 1 }), expect: 'forward' },
];

function noNaN(r: FlowResult): void {
  for (const s of [r.h, r.c, r.ref]) {
    if (!s) continue;
    expect(s.flags).not.toContain('undefined');
    for (let k = 0; k < r.T; k++) {
      expect(Number.isNaN(s.log10[k]!)).toBe(false);
      if (s.flags[k] !== 'zero') expect(Number.isFinite(s.log10[k]!)).toBe(true);
    }
  }
}

describe('extreme settings stay honest', () => {
  for (const x of EXTREMES) {
    it(`${x.name}: finite log values, flags instead of NaN, and words for them`, () => {
      const r = computeFlow(x.p);
      noNaN(r);
      const text = [describeFlow(r), JSON.stringify(flowTable(r)), JSON.stringify(readoutAt(r, r.T - 1))].join('\n');
      expect(text).not.toMatch(/NaN|Infinity/);
      if (x.expect === 'forward') {
        expect(r.overflowStep).toBeGreaterThan(0);
        expect(r.T).toBe(r.overflowStep);
        expect(text).toMatch(/forward pass overflowed/);
        expect(text).toMatch(/overflow/);
      }
      if (x.expect === 'overflow') {
        expect([...r.h.flags, ...r.ref.flags]).toContain('overflow');
        expect(text).toMatch(/overflow \(≈ \d/);
      }
      if (x.expect === 'underflow') {
        const flags = [...r.h.flags, ...(r.c?.flags ?? []), ...r.ref.flags];
        expect(flags).toContain('underflow');
        expect(text).toContain('underflow below 10⁻³⁰⁰');
      }
      const model = buildLogPlot(curvesOf(r), r.T, 640, 400);
      for (const p of model.paths) {
        // drawn across the plot, from the first lag to the last (a straight run is a single segment)
        const xs = polylineVertices(p.d)
          .flat()
          .map(([px]) => px);
        expect(Math.min(...xs)).toBeCloseTo(model.x.map(0), 1);
        expect(Math.max(...xs)).toBeCloseTo(model.x.map(r.T - 1), 1);
        expect(p.d).not.toMatch(/NaN|Infinity/);
      }
      if (x.expect === 'underflow') expect(model.under?.label).toMatch(/below 10⁻³⁰⁰/);
      if ([...r.h.flags, ...r.ref.flags].includes('overflow')) expect(model.over?.label).toMatch(/overflow: above 1\.8 × 10³⁰⁸/);
    });
  }

  it('reports the clipping of an overflowed gradient as such (never NaN in the text)', () => {
    const r = computeFlow(EXTREMES[0]!.p);
    expect(r.clip.before).toBe(Infinity);
    expect(describeFlow(r)).toMatch(/overflowed float64: clipping to 1 cannot repair it/);
  });

  it('is deterministic: the same params give bit-identical results', () => {
    const a = computeFlow(P({ c: 'lstm', t: 120, s: 9 }));
    const b = computeFlow(P({ c: 'lstm', t: 120, s: 9 }));
    expect(Array.from(a.h.log10)).toEqual(Array.from(b.h.log10));
    expect(Array.from(a.c!.log10)).toEqual(Array.from(b.c!.log10));
    expect(a.clip).toEqual(b.clip);
  });

  it('gives the same result whether or not the layer was cached from an earlier call', () => {
    for (const w of ['orth', 'gauss'] as const) {
      const p = P({ c: 'lstm', w, r: 1.3, t: 80, s: 21 });
      const first = computeFlow(p);
      for (const s of [22, 23, 24]) computeFlow({ ...p, s }); // three other skeletons: p's is evicted (3 are kept)
      const rebuilt = computeFlow(p);
      computeFlow({ ...p, r: 0.2, bf: 3, t: 300 }); // same skeleton, other weights
      const reused = computeFlow(p);
      for (const r of [rebuilt, reused]) {
        expect(Array.from(r.h.log10)).toEqual(Array.from(first.h.log10));
        expect(Array.from(r.c!.log10)).toEqual(Array.from(first.c!.log10));
        expect(r.wNorm).toBe(first.wNorm);
        expect(r.clip).toEqual(first.clip);
      }
    }
  });

  it('says in the facts which measured curves stayed in range, or lists what left it', () => {
    const lstm = computeFlow(flowParams(cecState.defaults));
    expect(eventsText(lstm)).toEqual({
      text: 'No underflow, no overflow: ‖∂L/∂h_t‖ and ‖∂L/∂c_t‖ between 10⁻³⁰⁰ and 1.8 × 10³⁰⁸ at every lag shown.',
      any: false,
    });
    expect(eventsText(computeFlow(flowParams(bpttState.defaults))).text).toMatch(
      /^No underflow, no overflow: ‖∂L\/∂h_t‖ between/,
    );
    expect(eventsText(lstm, 'zh').text).toContain('‖∂L/∂h_t‖ 与 ‖∂L/∂c_t‖');
    const under = computeFlow(P({ a: 'sigmoid', r: 0.05, t: 1000, s: 1 }));
    expect(eventsText(under)).toMatchObject({ any: true });
    expect(eventsText(under).text).toMatch(/^‖∂L\/∂h_t‖ underflows below 10⁻³⁰⁰ from lag \d+\.$/);
    const undefinedNorm: LagSeries = { ...lstm.h, flags: lstm.h.flags.map((f, k) => (k >= 5 ? 'undefined' : f)) };
    expect(eventsText({ ...lstm, h: undefinedNorm }).text).toContain('‖∂L/∂h_t‖ is undefined from lag 5');
  });

  it('is structured-cloneable (it crosses the worker boundary unchanged)', () => {
    const r = computeFlow(P({ c: 'gru', t: 40 }));
    const c = structuredClone(r);
    expect(Array.from(c.h.log10)).toEqual(Array.from(r.h.log10));
    expect(c.ref.flags).toEqual(r.ref.flags);
  });
});

describe('number formatting beyond float64', () => {
  it('writes orders of magnitude from exact log10 values', () => {
    expect(scientificFromLog10(Math.log10(2.5) + 477)).toBe('2.5 × 10⁴⁷⁷');
    expect(scientificFromLog10(-1601.999)).toBe('10⁻¹⁶⁰²');
    expect(scientificFromLog10(Math.log10(3.14159) - 5, 3)).toBe('3.14 × 10⁻⁵');
  });

  it('names every flag in words', () => {
    expect(formatNorm(Math.log10(0.25), 'ok')).toBe('0.25');
    expect(formatNorm(477.4, 'overflow')).toBe('overflow (≈ 2.5 × 10⁴⁷⁷)');
    expect(formatNorm(-1601.5, 'underflow')).toBe('underflow below 10⁻³⁰⁰ (≈ 3.2 × 10⁻¹⁶⁰²)');
    expect(formatNorm(-Infinity, 'zero')).toBe('exactly 0');
    expect(Math.log10(UNDERFLOW_LIMIT)).toBe(-300);
  });
});

describe('URL state', () => {
  it('round-trips every field', () => {
    const s = { c: 'gru', a: 'hardtanh', r: 2.35, w: 'gauss', bf: -1.25, t: 777, s: 42, k: 12 } as const;
    const r = bpttState.parse(bpttState.href(s));
    expect(r.problems).toEqual([]);
    expect(r.state).toEqual(s);
    expect(bpttState.serialize(s)).toBe('fig-bptt=c:gru,a:hardtanh,r:2.35,w:gauss,bf:-1.25,t:777,s:42,k:12');
  });

  it('repairs malformed links with a notice per problem and the defaults', () => {
    const r = bpttState.parse('#fig-bptt=c:cnn,a:tanhh,r:abc,w:xavier,t:5000,s:-3,bf:,zz:1');
    expect(r.state).toEqual({ ...bpttState.defaults, t: 1000, s: 0 });
    expect(r.problems.length).toBe(8);
    expect(r.problems.join(' ')).toMatch(/“cnn” is not one of rnn, lstm, gru/);
    expect(r.problems.join(' ')).toMatch(/5000 is outside \[2, 1000\]; using 1000/);
    const cec = cecState.parse('#fig-bptt=c:rnn&fig-cec=bf:2.3');
    expect(cec.state.bf).toBe(2.25);
    expect(cec.state.c).toBe('lstm');
  });

  it('has defaults that the article relies on', () => {
    expect(flowParams(bpttState.defaults)).toMatchObject({ c: 'rnn', a: 'tanh', r: 1, w: 'orth', t: 200 });
    expect(flowParams(cecState.defaults)).toMatchObject({ c: 'lstm', a: 'tanh', bf: 1 });
  });
});

describe('the plot model', () => {
  const r = computeFlow(flowParams(bpttState.defaults));

  it('uses a log axis with power-of-ten ticks that cover every finite value', () => {
    const m = buildLogPlot(curvesOf(r), r.T, 640, 400);
    expect(m.y.ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of m.y.ticks) expect(t.label).toMatch(/^(1|10|10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/);
    const min = Math.min(...Array.from(r.h.log10));
    expect(m.y.lo).toBeLessThanOrEqual(min);
    expect(m.y.hi).toBeGreaterThanOrEqual(0);
    // Decades are evenly spaced on a log axis (tick positions are written to 0.1 px).
    const gaps = m.y.ticks.slice(1).map((t, i) => (m.y.ticks[i]!.py - t.py) / (t.exp - m.y.ticks[i]!.exp));
    for (const g of gaps) expect(Math.abs(g - gaps[0]!)).toBeLessThanOrEqual(0.1 + 1e-9);
    for (const t of m.y.ticks) expect(t.py).toBe(Math.round(t.py * 10) / 10);
    expect(m.over).toBeNull();
    expect(m.under).toBeNull();
  });

  it('draws one path per curve, left to right through every lag (to 0.1 px), dropping only points on a straight run', () => {
    const m = buildLogPlot(curvesOf(r), r.T, 640, 400);
    expect(m.paths.map((p) => p.id).sort()).toEqual(['h', 'ref']);
    const h = m.paths.find((p) => p.id === 'h')!;
    const [line, ...more] = polylineVertices(h.d);
    expect(more).toEqual([]);
    expect(line!.length).toBeGreaterThan(1);
    expect(line!.length).toBeLessThanOrEqual(r.T);
    for (let i = 1; i < line!.length; i++) expect(line![i]![0]).toBeGreaterThan(line![i - 1]![0]);
    // every lag's point lies on the drawn line, to the 0.1 px the path is written in
    for (let k = 0; k < r.T; k++) {
      const [px, py] = [m.x.map(k), m.pointY(r.h, k)!];
      const j = Math.max(
        1,
        line!.findIndex(([x]) => x >= px - 0.05),
      );
      const [a, b] = [line![j - 1]!, line![j]!];
      const t = b[0] === a[0] ? 0 : (px - a[0]) / (b[0] - a[0]);
      expect(Math.abs(a[1] + t * (b[1] - a[1]) - py), `lag ${k}`).toBeLessThan(0.11);
    }
    // the reference bound is a straight line on the log axis: two vertices
    expect(polylineVertices(m.paths.find((p) => p.id === 'ref')!.d)[0]!.length).toBeLessThan(r.T / 4);
  });

  it('lists about twenty lags in the data table, always the first and the last', () => {
    expect(tableLags(5)).toEqual([0, 1, 2, 3, 4]);
    const lags = tableLags(1000);
    expect(lags[0]).toBe(0);
    expect(lags.at(-1)).toBe(999);
    expect(lags.length).toBeLessThanOrEqual(22);
    const t = flowTable(r);
    expect(t.columns).toEqual(['lag T − t', 'step t', '‖∂L/∂h_t‖', 'bound']);
  });

  it('puts out-of-range points inside the strips', () => {
    const x = computeFlow(P({ a: 'sigmoid', r: 0.05, t: 1000, s: 1 }));
    const m = buildLogPlot(curvesOf(x), x.T, 640, 400);
    const k = x.h.flags.indexOf('underflow');
    expect(k).toBeGreaterThan(0);
    expect(m.pointY(x.h, k)).toBe(m.under!.mid);
    expect(m.y.lo).toBe(-300);
  });
});

describe('activations offered', () => {
  it('offers every registry activation with a γ', () => {
    for (const a of ACTIVATION_KEYS as readonly ActivationKey[]) expect(Activations[a].maxSlope.value).toBeGreaterThan(0);
  });
});

describe('formatValue', () => {
  it('never writes toPrecision exponents ("2.88e+3")', async () => {
    const { formatValue } = await import('../../src/figures/gradients/plot');
    expect(formatValue(2879.8)).toBe('2.88 × 10³');
    expect(formatValue(14.52)).toBe('14.5');
    expect(formatValue(0.00395)).toBe('0.00395');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(Infinity)).toBe('overflow');
  });
});
