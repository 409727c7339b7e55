import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACTIVATION_KEYS } from '../../src/lib/nn/activations';
import {
  activationCodec,
  booleanCodec,
  defineFigureState,
  enumCodec,
  figureKeys,
  mergeSegment,
  MAX_NOTICE_LINES,
  noticeLines,
  numberCodec,
  rangeCodec,
  segments,
  type FigureState,
} from '../../src/figures/url-state';
import { explorerState, Z_LIMITS, type ExplorerState } from '../../src/figures/explorer';
import { morphState } from '../../src/figures/morph';
import { errataState, ERRATA_LIMITS } from '../../src/figures/errata';
import { secondDerivativeState, D2_LIMITS } from '../../src/figures/second-derivative';
import { linkedFigure } from '../../src/client/figure-links';

/** Arbitrary valid ranges inside limits. */
const rangeArb = (lim: { min: number; max: number; minSpan: number }) =>
  fc
    .tuple(fc.double({ min: lim.min, max: lim.max, noNaN: true }), fc.double({ min: lim.min, max: lim.max, noNaN: true }))
    .map(([a, b]) => [Math.min(a, b) + 0, Math.max(a, b) + 0] as const)
    .filter(([a, b]) => b - a >= lim.minSpan);

const explorerArb: fc.Arbitrary<ExplorerState> = fc.record({
  f: fc.constantFrom(...ACTIVATION_KEYS),
  d: rangeArb(Z_LIMITS),
  d1: fc.boolean(),
  d2: fc.boolean(),
  sh: fc.boolean(),
  x: fc.double({ min: Z_LIMITS.min, max: Z_LIMITS.max, noNaN: true }).map((v) => v + 0),
});

function roundTrips<S extends object>(def: FigureState<S>, arb: fc.Arbitrary<S>) {
  fc.assert(
    fc.property(arb, (s) => {
      const hash = def.href(s);
      const r = def.parse(hash);
      expect(r.present).toBe(true);
      expect(r.problems).toEqual([]);
      expect(r.state).toEqual(s);
      // And inside a fragment shared with other figures.
      const shared = def.parse(`#fig-other=a:1&${def.serialize(s)}&fig-more=b:2`);
      expect(shared.state).toEqual(s);
    }),
    { numRuns: 300 },
  );
}

describe('figure URL state: round trips', () => {
  it('activation explorer: parse(serialize(s)) = s for every valid state', () => roundTrips(explorerState, explorerArb));

  it('morph: every t on the 0.01 grid and every cursor', () =>
    roundTrips(
      morphState,
      fc.record({
        t: fc.integer({ min: 0, max: 100 }).map((k) => Number((k / 100).toFixed(2))),
        x: fc.double({ min: -6, max: 6, noNaN: true }).map((v) => v + 0),
      }),
    ));

  it('errata', () =>
    roundTrips(
      errataState,
      fc.record({
        d: rangeArb(ERRATA_LIMITS),
        typed: fc.boolean(),
        sign: fc.boolean(),
        x: fc.double({ min: ERRATA_LIMITS.min, max: ERRATA_LIMITS.max, noNaN: true }).map((v) => v + 0),
      }),
    ));

  it('second derivatives', () =>
    roundTrips(
      secondDerivativeState,
      fc.record({
        d: rangeArb(D2_LIMITS),
        ov: fc.boolean(),
        d1: fc.boolean(),
        x: fc.double({ min: D2_LIMITS.min, max: D2_LIMITS.max, noNaN: true }).map((v) => v + 0),
      }),
    ));

  it('serialises the example of the design: #fig-act=f:tanh,d:-6_6,…', () => {
    expect(explorerState.serialize({ ...explorerState.defaults, d2: true })).toBe('fig-act=f:tanh,d:-6_6,d1:1,d2:1,sh:0,x:1');
    const r = explorerState.parse('#fig-act=f:tanh,d:-6_6,d2:1');
    expect(r.state).toEqual({ ...explorerState.defaults, d2: true });
    expect(r.problems).toEqual([]);
  });
});

describe('figure URL state: malformed input', () => {
  it('an absent segment gives the defaults, silently', () => {
    for (const h of ['', '#', '#intro', '#fig-morph=t:0.5']) {
      const r = explorerState.parse(h);
      expect(r).toEqual({ state: explorerState.defaults, problems: [], present: false });
    }
  });

  it('unknown activation, bad numbers and unknown fields fall back to defaults with a problem each', () => {
    const r = explorerState.parse('#fig-act=f:toString,d:abc,x:NaN,zz:1,d1:maybe');
    expect(r.state).toEqual(explorerState.defaults);
    expect(r.problems).toHaveLength(5);
    expect(r.problems.join('\n')).toMatch(/toString/);
    expect(r.problems.join('\n')).toMatch(/unknown setting “zz”/);
  });

  it('clamps out-of-range values and says so', () => {
    const r = explorerState.parse('#fig-act=d:-1e9_5,x:1e300');
    expect(r.state.d).toEqual([Z_LIMITS.min, 5]);
    expect(r.state.x).toBe(Z_LIMITS.max);
    expect(r.problems).toHaveLength(2);
  });

  it('reorders a reversed range and widens a too-narrow one', () => {
    expect(explorerState.parse('#fig-act=d:6_-6').state.d).toEqual([-6, 6]);
    const narrow = explorerState.parse('#fig-act=d:1_1').state.d;
    expect(narrow[1] - narrow[0]).toBeCloseTo(Z_LIMITS.minSpan, 12);
  });

  it('rejects Infinity, hex and empty numbers (no silent coercion)', () => {
    for (const v of ['Infinity', '-Infinity', '0x10', '', ' 1', '1_', '1e400']) {
      const r = morphState.parse(`#fig-morph=t:${v}`);
      expect(r.state.t, v).toBe(morphState.defaults.t);
      expect(r.problems.length, v).toBeGreaterThan(0);
    }
  });

  it('reports repeated fields, repeated segments and malformed percent escapes', () => {
    expect(morphState.parse('#fig-morph=t:0.2,t:0.3').problems.join()).toMatch(/repeated/);
    expect(morphState.parse('#fig-morph=t:0.2&fig-morph=t:0.3').state.t).toBe(0.2);
    const bad = morphState.parse('#fig-morph=t:%E0%A4%A');
    expect(bad.state).toEqual(morphState.defaults);
    expect(bad.problems).toHaveLength(1);
  });

  it('accepts percent-encoded text (browsers may encode the fragment)', () => {
    expect(explorerState.parse('#fig-act=f%3Arelu%2Cd%3A-2_2').state).toMatchObject({ f: 'relu', d: [-2, 2] });
  });

  it('never throws and always returns a valid state, whatever the fragment', () => {
    const field = fc.constantFrom('f', 'd', 'd1', 'd2', 'sh', 'x', 'q', '', 'constructor', '__proto__');
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.double().map(String), fc.constantFrom(...ACTIVATION_KEYS));
    const hashArb = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fc.tuple(field, value), { maxLength: 8 }).map((kv) => `#fig-act=${kv.map(([k, v]) => `${k}:${v}`).join(',')}`),
    );
    fc.assert(
      fc.property(hashArb, (hash) => {
        const r = explorerState.parse(hash);
        const s = r.state;
        expect(ACTIVATION_KEYS).toContain(s.f);
        expect(explorerState.fields.d.codec.valid(s.d)).toBe(true);
        expect(Number.isFinite(s.x) && s.x >= Z_LIMITS.min && s.x <= Z_LIMITS.max).toBe(true);
        expect(typeof s.d1 === 'boolean' && typeof s.d2 === 'boolean' && typeof s.sh === 'boolean').toBe(true);
        for (const p of r.problems) expect(typeof p).toBe('string');
        // The state object carries only its own fields (no prototype pollution through "__proto__").
        expect(Object.keys(s).sort()).toEqual(['d', 'd1', 'd2', 'f', 'sh', 'x']);
      }),
      { numRuns: 1000 },
    );
  });

  it('quotes user text in problems verbatim and shortened (the UI renders it as text, never HTML)', () => {
    const r = explorerState.parse('#fig-act=f:<img src=x onerror=alert(1)>');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain('“<img src=x onerror=alert…”');
  });

  it('ignores an over-long segment as a whole', () => {
    const r = explorerState.parse(`#fig-act=f:relu,${'x:1,'.repeat(1000)}`);
    expect(r.state).toEqual(explorerState.defaults);
    expect(r.problems).toHaveLength(1);
  });
});

describe('field codecs', () => {
  it('numbers snap to their step without binary noise', () => {
    const c = numberCodec({ min: 0, max: 1, step: 0.01 });
    expect(c.decode('0.3')).toEqual({ ok: true, value: 0.3, note: undefined });
    expect(c.decode('0.304')).toMatchObject({ ok: true, value: 0.3 });
    expect(c.encode(0.07)).toBe('0.07');
    expect(c.valid(0.305)).toBe(false);
    expect(c.encode(-0)).toBe('0');
  });

  it('says when it moves an off-grid number to the nearest step (the audit’s #fig-cec=bf:0.3 became 0.25 silently)', () => {
    const bias = numberCodec({ min: -5, max: 10, step: 0.25 });
    expect(bias.decode('0.3')).toEqual({
      ok: true,
      value: 0.25,
      note: '0.3 lies between the figure’s steps of 0.25; using 0.25',
    });
    const seed = numberCodec({ min: 0, max: 9999, step: 1 });
    expect(seed.decode('0.3')).toMatchObject({ value: 0, note: expect.stringContaining('using 0') });
    expect(seed.decode('7')).toEqual({ ok: true, value: 7, note: undefined });
    // Out of range: one note, for the clamp (the clamped value is on the grid).
    expect(seed.decode('12000.5').ok && seed.decode('12000.5')).toMatchObject({
      value: 9999,
      note: expect.stringMatching(/outside/),
    });
  });

  it('booleans accept 1/0 and words', () => {
    const c = booleanCodec();
    for (const t of ['1', 'true', 'on', 'YES']) expect(c.decode(t)).toEqual({ ok: true, value: true });
    for (const f of ['0', 'false', 'off', 'no']) expect(c.decode(f)).toEqual({ ok: true, value: false });
    expect(c.decode('2').ok).toBe(false);
  });

  it('activation keys are checked with the registry (own keys only)', () => {
    const c = activationCodec();
    expect(c.decode('ReLU')).toEqual({ ok: true, value: 'relu' });
    expect(c.decode('hasOwnProperty').ok).toBe(false);
    expect(activationCodec(['sigmoid', 'tanh']).decode('relu').ok).toBe(false);
  });

  it('enums and ranges', () => {
    expect(enumCodec(['a', 'b'] as const).decode('c').ok).toBe(false);
    const r = rangeCodec({ min: -1, max: 1, minSpan: 0.5 });
    expect(r.decode('-2_0.9')).toMatchObject({ ok: true, value: [-1, 0.9] });
    expect(r.decode('0.9_1')).toMatchObject({ ok: true, value: [0.5, 1] });
    expect(r.decode('1').ok).toBe(false);
  });

  it('rejects invalid declarations at definition time', () => {
    expect(() => defineFigureState('Bad Id', {})).toThrow(/Figure id/);
    expect(() =>
      defineFigureState<{ n: number }>('ok', { n: { codec: numberCodec({ min: 0, max: 1 }), default: 2, label: 'n' } }),
    ).toThrow(/Default/);
  });
});

describe('fragment segments', () => {
  it('splits and merges figure segments, the copied figure first, dropping heading anchors', () => {
    expect(segments('#a&&b')).toEqual(['a', 'b']);
    expect(mergeSegment('#fig-a=x:1&fig-b=y:2', 'fig-a', 'fig-a=x:3')).toBe('#fig-a=x:3&fig-b=y:2');
    expect(mergeSegment('#fig-a=x:1&fig-b=y:2', 'fig-b', 'fig-b=y:5')).toBe('#fig-b=y:5&fig-a=x:1');
    expect(mergeSegment('#some-heading', 'fig-a', 'fig-a=x:3')).toBe('#fig-a=x:3');
  });

  it('lists the figures a fragment sets state for, in order and once each, skipping anything else', () => {
    expect(figureKeys('#fig-act=f:relu,d:-2_2&fig-morph=t:1')).toEqual(['fig-act', 'fig-morph']);
    expect(figureKeys('fig-morph=t:1&fig-act=f:tanh&fig-morph=t:0')).toEqual(['fig-morph', 'fig-act']);
    expect(figureKeys('#errata')).toEqual([]);
    expect(figureKeys('#fig-act')).toEqual([]); // a plain element id, not state
    expect(figureKeys('#fig-Act=x:1&FIG-a=1&fig-=1&fig-a b=1&=fig-a')).toEqual([]);
    expect(figureKeys('')).toEqual([]);
    fc.assert(fc.property(fc.string(), (h) => figureKeys(h).every((k) => /^fig-[a-z][a-z0-9-]*$/.test(k))));
  });
});

describe('following a link to a figure', () => {
  const page = (ids: string[]) =>
    ({ getElementById: (id: string) => (ids.includes(id) ? ({ id } as HTMLElement) : null) }) as unknown as Document;

  it('targets the first figure of the fragment that is on the page', () => {
    expect(linkedFigure(page(['fig-act', 'fig-morph']), '#fig-morph=t:1&fig-act=f:relu')?.id).toBe('fig-morph');
    expect(linkedFigure(page(['fig-act']), '#fig-gone=t:1&fig-act=f:relu')?.id).toBe('fig-act');
  });

  it('targets nothing for a heading anchor, an unknown figure or malformed text', () => {
    expect(linkedFigure(page(['fig-act', 'errata']), '#errata')).toBeUndefined();
    expect(linkedFigure(page(['fig-act']), '#fig-gone=t:1')).toBeUndefined();
    expect(linkedFigure(page(['fig-act']), '#%E0%A4%A=&&')).toBeUndefined();
  });
});

describe('the lines of a figure’s notice', () => {
  it('lists each problem once, with how often it occurred, in first-seen order', () => {
    const zz = 'Ignored the unknown setting “zz”.';
    expect(noticeLines([zz, 'Other.', zz, zz])).toEqual(['Ignored the unknown setting “zz” (3 times).', 'Other.']);
    expect(noticeLines(Array<string>(660).fill(zz))).toEqual(['Ignored the unknown setting “zz” (660 times).']);
  });

  it('caps the list, its last line counting what was left out', () => {
    const many = Array.from({ length: 40 }, (_, i) => `Problem ${i}.`);
    const lines = noticeLines(many);
    expect(lines).toHaveLength(MAX_NOTICE_LINES);
    expect(lines.slice(0, -1)).toEqual(many.slice(0, MAX_NOTICE_LINES - 1));
    expect(lines.at(-1)).toBe(`…and ${40 - (MAX_NOTICE_LINES - 1)} more problems.`);
    expect(noticeLines(many.slice(0, MAX_NOTICE_LINES))).toEqual(many.slice(0, MAX_NOTICE_LINES));
    expect(noticeLines([])).toEqual([]);
  });

  it('keeps a parsed link’s notice short whatever the link (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('zz', 'f:nope', 'd:x', 'x:1', 'f:relu', 'd2', 'q:9'), { maxLength: 700 }), (items) => {
        const lines = noticeLines(explorerState.parse(`#fig-act=${items.join(',')}`).problems);
        expect(lines.length).toBeLessThanOrEqual(MAX_NOTICE_LINES);
      }),
    );
  });
});
