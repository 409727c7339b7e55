/**
 * Linear readout y = x·Wᵀ + b on the hidden states of a recurrent layer, with PyTorch `nn.Linear` conventions
 * (params `weight` [out, in] and `bias` [out]; rows of x are samples), and helpers that apply it to the last time
 * step or to every time step of a [T, B, H] hidden-state sequence.
 *
 * @module
 */
import type { Param, Rng } from './types.ts';

/** A fully connected layer over rows: [N, in] → [N, out]. */
export interface Linear {
  /** Input features per row. */
  readonly inSize: number;
  /** Output features per row. */
  readonly outSize: number;
  /** `weight`, shape [out, in]. */
  readonly weight: Param;
  /** `bias`, shape [out]. */
  readonly bias: Param;
  /** [weight, bias], PyTorch state_dict order. */
  readonly params: readonly Param[];
  /**
   * Computes y = x·Wᵀ + b for `rows` rows of `x` ([rows, in]). Keeps a reference to `x` for `backward`, so do not
   * overwrite `x` in between. Returns a view [rows, out] valid until the next `forward`.
   */
  forward(x: Float64Array, rows: number): Float64Array;
  /**
   * Backpropagates ∂L/∂y ([rows, out] of the last `forward`): accumulates ∂L/∂W = dyᵀ·x and ∂L/∂b = Σ dy into
   * the params' `dw` and returns ∂L/∂x = dy·W, a view [rows, in] valid until the next `backward`.
   */
  backward(dy: Float64Array): Float64Array;
}

/** Options of {@link createLinear}. */
export interface LinearOptions {
  /**
   * If given, initialise like PyTorch's `nn.Linear.reset_parameters`: weight and bias ~ U(−1/√in, 1/√in)
   * (`kaiming_uniform_(a=√5)` reduces to this bound). Without it, all params start at 0.
   */
  readonly rng?: Rng;
  /** Rows to preallocate for; buffers grow (once) if a larger batch arrives. Default 1. */
  readonly maxRows?: number;
}

/** Creates a linear layer `inSize → outSize` (PyTorch `nn.Linear(inSize, outSize)`). */
export function createLinear(inSize: number, outSize: number, options: LinearOptions = {}): Linear {
  if (!(Number.isInteger(inSize) && inSize > 0 && Number.isInteger(outSize) && outSize > 0)) {
    throw new RangeError(`createLinear: sizes must be positive integers, got ${inSize} → ${outSize}`);
  }
  const weight: Param = {
    name: 'weight',
    shape: [outSize, inSize],
    w: new Float64Array(outSize * inSize),
    dw: new Float64Array(outSize * inSize),
  };
  const bias: Param = { name: 'bias', shape: [outSize], w: new Float64Array(outSize), dw: new Float64Array(outSize) };
  if (options.rng !== undefined) {
    const k = 1 / Math.sqrt(inSize);
    for (let e = 0; e < weight.w.length; e++) weight.w[e] = options.rng.uniform(-k, k);
    for (let e = 0; e < bias.w.length; e++) bias.w[e] = options.rng.uniform(-k, k);
  }
  let cap = Math.max(1, options.maxRows ?? 1);
  let yBuf = new Float64Array(cap * outSize);
  let dxBuf = new Float64Array(cap * inSize);
  let lastX: Float64Array | null = null;
  let lastRows = 0;
  const W = weight.w;
  const bw = bias.w;

  function ensure(rows: number): void {
    if (rows <= cap) return;
    cap = rows;
    yBuf = new Float64Array(cap * outSize);
    dxBuf = new Float64Array(cap * inSize);
  }

  return {
    inSize,
    outSize,
    weight,
    bias,
    params: [weight, bias],
    forward(x, rows) {
      if (x.length < rows * inSize) throw new RangeError(`Linear.forward: x has ${x.length} < ${rows}·${inSize} values`);
      ensure(rows);
      for (let n = 0; n < rows; n++) {
        const xo = n * inSize;
        const yo = n * outSize;
        for (let o = 0; o < outSize; o++) {
          const wo = o * inSize;
          let s = bw[o]!;
          for (let i = 0; i < inSize; i++) s += W[wo + i]! * x[xo + i]!;
          yBuf[yo + o] = s;
        }
      }
      lastX = x;
      lastRows = rows;
      return yBuf.subarray(0, rows * outSize);
    },
    backward(dy) {
      const x = lastX;
      if (x === null) throw new Error('Linear.backward called before forward');
      const rows = lastRows;
      const dW = weight.dw;
      const db = bias.dw;
      const dx = dxBuf.subarray(0, rows * inSize);
      dx.fill(0);
      for (let n = 0; n < rows; n++) {
        const xo = n * inSize;
        const yo = n * outSize;
        for (let o = 0; o < outSize; o++) {
          const g = dy[yo + o]!;
          if (g === 0) continue;
          db[o]! += g;
          const wo = o * inSize;
          for (let i = 0; i < inSize; i++) {
            dW[wo + i]! += g * x[xo + i]!;
            dx[xo + i]! += g * W[wo + i]!;
          }
        }
      }
      return dx;
    },
  };
}

/** Which time steps a sequence readout reads: only the last one, or every one. */
export type ReadoutMode = 'last' | 'every';

/** A {@link Linear} applied to the hidden states [T, B, H] of a recurrent layer. */
export interface SequenceReadout {
  /** The underlying linear layer (its params are the readout's params). */
  readonly linear: Linear;
  /** `last`: outputs [B, out] from h_{T−1}; `every`: outputs [T·B, out] (time-major rows) from every h_t. */
  readonly mode: ReadoutMode;
  /** Applies the readout to `hs` ([T, B, H], time-major). Returns a view valid until the next `forward`. */
  forward(hs: Float64Array, T: number, B: number): Float64Array;
  /**
   * Backpropagates ∂L/∂outputs and returns ∂L/∂hs as a full [T, B, H] array (zero at steps the readout did not
   * read), ready for `RecurrentLayer.backward`. A view valid until the next `backward`.
   */
  backward(dy: Float64Array): Float64Array;
}

/** Wraps `linear` (with `inSize` = H) as a readout of the last step or of every step of a sequence. */
export function createSequenceReadout(linear: Linear, mode: ReadoutMode): SequenceReadout {
  const H = linear.inSize;
  let dhs = new Float64Array(0);
  let lastT = 0;
  let lastB = 0;
  return {
    linear,
    mode,
    forward(hs, T, B) {
      if (hs.length < T * B * H) throw new RangeError(`SequenceReadout.forward: hs has ${hs.length} < ${T}·${B}·${H} values`);
      lastT = T;
      lastB = B;
      // Time-major layout: the last step is the contiguous slice [(T−1)·B·H, T·B·H).
      return mode === 'last' ? linear.forward(hs.subarray((T - 1) * B * H, T * B * H), B) : linear.forward(hs, T * B);
    },
    backward(dy) {
      const n = lastT * lastB * H;
      if (dhs.length < n) dhs = new Float64Array(n);
      const out = dhs.subarray(0, n);
      const dx = linear.backward(dy);
      if (mode === 'last') {
        out.fill(0, 0, (lastT - 1) * lastB * H);
        out.set(dx, (lastT - 1) * lastB * H);
      } else {
        out.set(dx);
      }
      return out;
    },
  };
}
