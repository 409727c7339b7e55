/**
 * The cell explorer's computation for a reader's LSTM: its trace on the probe (./probe.ts), read by ./view.ts.
 *
 * @module
 */
import type { Lstm } from '../../lib/nn/lstm.ts';
import { probeInput, type ProbeSettings } from './probe.ts';
import type { CellTrace } from './view.ts';

/** Runs the LSTM on the probe and copies out its trace. */
export function cellTrace(lstm: Lstm, probe: ProbeSettings): CellTrace {
  const I = lstm.inputSize;
  lstm.forward({ T: probe.T, B: 1, I, x: probeInput(I, probe.T, probe.seed) });
  const tr = lstm.trace();
  return {
    T: tr.T,
    H: tr.H,
    i: tr.i.slice(),
    f: tr.f.slice(),
    g: tr.g.slice(),
    o: tr.o.slice(),
    c: tr.c.slice(),
    phiC: tr.phiC.slice(),
    h: tr.h.slice(),
    pre: tr.pre.slice(),
  };
}
