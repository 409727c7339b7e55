/**
 * A compact, exact text form of a {@link FlowResult}, so that a result computed at build time can be handed to an
 * island as a prop: the island then renders (and hydrates) without loading the numerical library, which it loads
 * only when the reader changes a setting. Float64 arrays travel as base64 of their bytes (bit-exact), flags as one
 * letter per lag, other numbers as JSON with non-finite values spelled out.
 *
 * @module
 */
import type { NormFlag } from '../../lib/nn/gradflow.ts';
import type { FlowResult, LagSeries } from './types.ts';

const FLAG_CODES: Readonly<Record<NormFlag, string>> = { ok: 'k', overflow: 'o', underflow: 'u', zero: 'z', undefined: 'x' };
const CODE_FLAGS: Readonly<Record<string, NormFlag>> = { k: 'ok', o: 'overflow', u: 'underflow', z: 'zero', x: 'undefined' };

function toBase64(a: Float64Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Float64Array {
  const s = atob(b64);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return new Float64Array(bytes.buffer);
}

interface PackedSeries {
  readonly l: string;
  readonly f: string;
}

const packSeries = (s: LagSeries): PackedSeries => ({ l: toBase64(s.log10), f: s.flags.map((f) => FLAG_CODES[f]).join('') });
const unpackSeries = (p: PackedSeries): LagSeries => ({
  log10: fromBase64(p.l),
  flags: [...p.f].map((c) => CODE_FLAGS[c] ?? 'undefined'),
});

/** JSON with NaN and ±Infinity kept (as strings that cannot collide with the result's own strings). */
function encodeNumber(v: number): number | string {
  return Number.isFinite(v) ? v : `#${String(v)}`;
}
function decodeNumber(v: number | string): number {
  return typeof v === 'number' ? v : Number(v.slice(1));
}

/** The text form of a result (see the module comment). */
export function packFlow(r: FlowResult): string {
  return JSON.stringify({
    params: r.params,
    hidden: r.hidden,
    T: r.T,
    overflowStep: r.overflowStep,
    cutReason: r.cutReason,
    h: packSeries(r.h),
    c: r.c ? packSeries(r.c) : null,
    ref: packSeries(r.ref),
    refKind: r.refKind,
    n: [r.gamma, r.wNorm, r.wRadius, r.clip.threshold, r.clip.before, r.clip.after, r.clip.factor, r.meanGate].map(encodeNumber),
  });
}

/** The result back from {@link packFlow}'s text, bit for bit. */
export function unpackFlow(text: string): FlowResult {
  const o = JSON.parse(text) as {
    params: FlowResult['params'];
    hidden: number;
    T: number;
    overflowStep: number;
    cutReason: FlowResult['cutReason'];
    h: PackedSeries;
    c: PackedSeries | null;
    ref: PackedSeries;
    refKind: FlowResult['refKind'];
    n: (number | string)[];
  };
  const [gamma, wNorm, wRadius, threshold, before, after, factor, meanGate] = o.n.map(decodeNumber) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return {
    params: o.params,
    hidden: o.hidden,
    T: o.T,
    overflowStep: o.overflowStep,
    cutReason: o.cutReason,
    h: unpackSeries(o.h),
    c: o.c ? unpackSeries(o.c) : null,
    ref: unpackSeries(o.ref),
    refKind: o.refKind,
    gamma,
    wNorm,
    wRadius,
    clip: { threshold, before, after, factor },
    meanGate,
  };
}
