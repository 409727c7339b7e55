/**
 * Weight initialisers. Each writes into `param.w` in place, drawing randomness only from the `Rng` it is given.
 *
 * Gate blocks: a recurrent weight of shape [G·H, n] (see `types.ts`) stacks G independent [H, n] maps, one per
 * gate (LSTM i, f, g, o; GRU r, z, n). Glorot and orthogonal initialisation are applied **per gate block** when
 * `blocks` = G is given: each block is treated as its own [H, n] matrix (fan_out = H; each [H, H] recurrent block
 * orthogonal). This is our choice, because each gate is a separate linear map whose pre-activation scale is what
 * matters. It differs from applying `torch.nn.init.xavier_uniform_` / `orthogonal_` to the whole [G·H, n] tensor
 * (fan_out = G·H; orthonormal columns across the stacked gates), and from Keras, which initialises the fused
 * [n, G·H] kernel (glorot with fan_out = G·H; one orthogonal [H, G·H] recurrent kernel with orthonormal rows).
 * With `blocks` = 1 (the default) they match PyTorch's on the whole tensor in distribution (not draw for draw:
 * the random streams differ).
 *
 * @module
 */
import type { Param, Rng } from './types.ts';
import { exp } from './elementary.ts';
import { log, sin } from './elementary-log-trig.ts';

/** Options shared by the block-wise initialisers. */
export interface BlockOptions {
  /** Number G of stacked gate blocks along the first axis (rows must be divisible by it). Default 1. */
  readonly blocks?: number;
  /** Multiplier applied after initialisation. Default 1. */
  readonly gain?: number;
}

/** Rows and columns of a 1-D or 2-D param (a 1-D param of length n is treated as [n, 1]). */
function dims(param: Param): [rows: number, cols: number] {
  const s = param.shape;
  if (s.length === 1) return [s[0]!, 1];
  if (s.length === 2) return [s[0]!, s[1]!];
  throw new RangeError(`init: expected a 1-D or 2-D param, got shape [${s.join(', ')}] for ${param.name}`);
}

/** Splits the rows of `param` into `blocks` gate blocks; returns [blockRows, cols]. */
function blockDims(param: Param, blocks: number): [blockRows: number, cols: number] {
  const [rows, cols] = dims(param);
  if (!Number.isInteger(blocks) || blocks < 1 || rows % blocks !== 0) {
    throw new RangeError(`init: ${rows} rows of ${param.name} do not split into ${blocks} blocks`);
  }
  return [rows / blocks, cols];
}

/** Fills `param.w` with independent draws from U(lo, hi). */
export function uniform(param: Param, lo: number, hi: number, rng: Rng): void {
  const w = param.w;
  for (let k = 0; k < w.length; k++) w[k] = rng.uniform(lo, hi);
}

/**
 * PyTorch's default for `nn.RNN`, `nn.LSTM`, `nn.GRU` (`reset_parameters`): every weight and bias
 * ~ U(−1/√H, 1/√H) with H the hidden size.
 *
 * @see https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html (section "Variables")
 */
export function pytorchDefault(param: Param, hiddenSize: number, rng: Rng): void {
  if (!(hiddenSize > 0)) throw new RangeError(`pytorchDefault: hiddenSize must be positive, got ${hiddenSize}`);
  const k = 1 / Math.sqrt(hiddenSize);
  uniform(param, -k, k, rng);
}

/**
 * Glorot/Xavier uniform (Glorot & Bengio 2010): U(−a, a) with a = gain·√(6 / (fan_in + fan_out)), computed
 * **per gate block**: for a [G·H, n] weight with `blocks` = G, fan_in = n and fan_out = H (not G·H; see the module
 * comment). With `blocks` = 1 this equals `torch.nn.init.xavier_uniform_` on an [out, in] weight.
 */
export function glorotUniform(param: Param, rng: Rng, options: BlockOptions = {}): void {
  const [blockRows, cols] = blockDims(param, options.blocks ?? 1);
  const a = (options.gain ?? 1) * Math.sqrt(6 / (cols + blockRows));
  uniform(param, -a, a, rng);
}

/**
 * Orthogonal initialisation (Saxe et al. 2014), per gate block. Each [h, n] block is the Q factor of an
 * h×n (or n×h, transposed) matrix of N(0, 1) draws, computed by Gram–Schmidt (equivalent to a QR decomposition
 * with a positive diagonal of R, which is how `torch.nn.init.orthogonal_` fixes the signs, so Q is Haar-distributed).
 * If h ≥ n the block's columns are orthonormal, otherwise its rows are. Then multiplied by `gain`.
 */
export function orthogonal(param: Param, rng: Rng, options: BlockOptions = {}): void {
  const blocks = options.blocks ?? 1;
  const [h, n] = blockDims(param, blocks);
  const gain = options.gain ?? 1;
  // Work on a tall matrix m×k (m ≥ k) stored column-major: column c at q[c*m … c*m+m).
  const tall = h >= n;
  const m = tall ? h : n;
  const k = tall ? n : h;
  const q = new Float64Array(m * k);
  const w = param.w;
  for (let blk = 0; blk < blocks; blk++) {
    for (let e = 0; e < q.length; e++) q[e] = rng.normal();
    gramSchmidt(q, m, k);
    const base = blk * h * n;
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < n; c++) {
        // Block element (r, c): tall ⇒ Q[r, c]; wide ⇒ Qᵀ[r, c] = Q[c, r].
        w[base + r * n + c] = gain * (tall ? q[c * m + r]! : q[r * m + c]!);
      }
    }
  }
}

/** In-place modified Gram–Schmidt (two passes for orthogonality to rounding) on the k columns of a column-major m×k. */
function gramSchmidt(q: Float64Array, m: number, k: number): void {
  for (let j = 0; j < k; j++) {
    const oj = j * m;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < j; i++) {
        const oi = i * m;
        let dot = 0;
        for (let r = 0; r < m; r++) dot += q[oi + r]! * q[oj + r]!;
        for (let r = 0; r < m; r++) q[oj + r]! -= dot * q[oi + r]!;
      }
    }
    let norm = 0;
    for (let r = 0; r < m; r++) norm += q[oj + r]! * q[oj + r]!;
    norm = Math.sqrt(norm);
    if (norm === 0) throw new RangeError('orthogonal: degenerate Gaussian draw');
    for (let r = 0; r < m; r++) q[oj + r]! /= norm;
  }
}

/**
 * Identity initialisation for the IRNN (Le, Jaitly & Hinton 2015, arXiv:1504.00941): each [h, n] gate block
 * (usually one square block, `weight_hh` of a ReLU RNN) gets `scale` on its diagonal and 0 elsewhere.
 */
export function identity(param: Param, scale = 1, blocks = 1): void {
  const [h, n] = blockDims(param, blocks);
  const w = param.w;
  w.fill(0);
  for (let blk = 0; blk < blocks; blk++) {
    for (let d = 0; d < Math.min(h, n); d++) w[blk * h * n + d * n + d] = scale;
  }
}

/** Sets every entry of `param.w` to `value`. */
export function constant(param: Param, value: number): void {
  param.w.fill(value);
}

/** Sets every entry of `param.w` to 0. */
export function zeros(param: Param): void {
  param.w.fill(0);
}

/** Options for the spectral measures. */
export interface SpectralOptions {
  /** Number G of stacked square [H, H] blocks (e.g. 4 for an LSTM `weight_hh`). Default 1. */
  readonly blocks?: number;
  /** Zero-based block to measure; default 0. */
  readonly block?: number;
  /** Iterations (power iterations for the norm, squarings for the radius). Defaults 200 and 40. */
  readonly iterations?: number;
}

/** Copies square block `block` of `param` into a fresh n×n row-major array. */
function squareBlock(param: Param, blocks: number, block: number): [Float64Array, number] {
  const [h, n] = blockDims(param, blocks);
  if (h !== n) throw new RangeError(`spectral: block of ${param.name} is ${h}×${n}, not square`);
  if (!Number.isInteger(block) || block < 0 || block >= blocks) throw new RangeError(`spectral: no block ${block}`);
  return [param.w.slice(block * n * n, (block + 1) * n * n), n];
}

/**
 * Spectral norm ‖W‖₂ (largest singular value) of a square block, by power iteration on WᵀW from a fixed
 * deterministic start vector (no randomness needed). Accurate when the top two singular values are separated,
 * which holds almost surely for random matrices; `iterations` caps the work.
 */
export function spectralNorm(param: Param, options: SpectralOptions = {}): number {
  const [a, n] = squareBlock(param, options.blocks ?? 1, options.block ?? 0);
  const iters = options.iterations ?? 200;
  const v = new Float64Array(n);
  const u = new Float64Array(n);
  // Deterministic, generic start vector: not orthogonal to any fixed singular vector in practice.
  for (let i = 0; i < n; i++) v[i] = 1 + 0.5 * sin(i + 1);
  normalise(v);
  let sigma = 0;
  for (let it = 0; it < iters; it++) {
    // u = W v; σ ≈ ‖W v‖ for unit v.
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let c = 0; c < n; c++) s += a[r * n + c]! * v[c]!;
      u[r] = s;
    }
    const prev = sigma;
    sigma = Math.sqrt(dot(u, u));
    if (sigma === 0) return 0;
    // v = Wᵀ u / ‖Wᵀ u‖
    v.fill(0);
    for (let r = 0; r < n; r++) {
      const ur = u[r]!;
      for (let c = 0; c < n; c++) v[c]! += a[r * n + c]! * ur;
    }
    normalise(v);
    if (it > 2 && Math.abs(sigma - prev) <= 1e-15 * sigma) break;
  }
  return sigma;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function normalise(v: Float64Array): void {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const inv = 1 / Math.sqrt(s);
  for (let i = 0; i < v.length; i++) v[i]! *= inv;
}

/**
 * Spectral radius ρ(W) = max |λᵢ| over the (possibly complex) eigenvalues of a square block, for a general
 * non-symmetric W. Computed with Gelfand's formula ρ(W) = lim_{k→∞} ‖W^k‖^{1/k} at k = 2^`iterations` by repeated
 * squaring with renormalisation (Frobenius norm): log ρ ≈ log‖W‖ + Σⱼ log‖Bⱼ²‖ / 2^{j+1}, B₀ = W/‖W‖,
 * B_{j+1} = Bⱼ²/‖Bⱼ²‖. Unlike plain power iteration this also converges when the dominant eigenvalues are a
 * complex-conjugate pair (rotation-like W, the common case for random recurrent matrices). The error is about
 * log(κ)/k for a diagonalisable W with eigenvector condition number κ, i.e. negligible for k = 2^40, plus rounding
 * of order n·ε that grows when W is far from normal (ρ ≪ ‖W‖). Returns 0 for a nilpotent W.
 */
export function spectralRadius(param: Param, options: SpectralOptions = {}): number {
  const [a, n] = squareBlock(param, options.blocks ?? 1, options.block ?? 0);
  const iters = options.iterations ?? 40;
  let norm = frobenius(a);
  if (norm === 0) return 0;
  let b: Float64Array = a;
  scaleInPlace(b, 1 / norm);
  let logRho = log(norm);
  let sq: Float64Array = new Float64Array(n * n);
  let weight = 0.5;
  for (let j = 0; j < iters; j++) {
    matSquare(b, sq, n);
    norm = frobenius(sq);
    if (norm === 0) return 0;
    scaleInPlace(sq, 1 / norm);
    logRho += log(norm) * weight;
    weight *= 0.5;
    [b, sq] = [sq, b];
  }
  return exp(logRho);
}

function frobenius(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * a[i]!;
  return Math.sqrt(s);
}

function scaleInPlace(a: Float64Array, k: number): void {
  for (let i = 0; i < a.length; i++) a[i]! *= k;
}

/** out = a·a for n×n row-major matrices (out must not alias a). */
function matSquare(a: Float64Array, out: Float64Array, n: number): void {
  out.fill(0);
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < n; k++) {
      const ark = a[r * n + k]!;
      if (ark === 0) continue;
      for (let c = 0; c < n; c++) out[r * n + c]! += ark * a[k * n + c]!;
    }
  }
}

/** Which spectral quantity `scaleToSpectralRadius` normalises. */
export type SpectralMeasure = 'radius' | 'norm';

/** Options for {@link scaleToSpectralRadius}. */
export interface ScaleOptions {
  /** Number G of stacked square [H, H] blocks; each block is rescaled independently. Default 1. */
  readonly blocks?: number;
  /** `radius` (default): max |eigenvalue| (see {@link spectralRadius}); `norm`: largest singular value. */
  readonly measure?: SpectralMeasure;
}

/**
 * Rescales each square block of a recurrent weight so that its spectral radius (default) or spectral norm becomes
 * `rho`. For a non-normal matrix the radius is ≤ the norm: radius ρ < 1 guarantees the linearised map W^k decays
 * eventually, norm < 1 guarantees it contracts at every step. An all-zero block is left unchanged.
 */
export function scaleToSpectralRadius(param: Param, rho: number, options: ScaleOptions = {}): void {
  if (!(rho >= 0) || !Number.isFinite(rho)) throw new RangeError(`scaleToSpectralRadius: rho must be finite and ≥ 0, got ${rho}`);
  const blocks = options.blocks ?? 1;
  const [n] = blockDims(param, blocks);
  const measureFn = options.measure === 'norm' ? spectralNorm : spectralRadius;
  for (let block = 0; block < blocks; block++) {
    const current = measureFn(param, { blocks, block });
    if (current === 0) continue;
    const k = rho / current;
    const w = param.w;
    for (let e = block * n * n; e < (block + 1) * n * n; e++) w[e]! *= k;
  }
}

/**
 * PyTorch's `reset_parameters` for `nn.RNN`/`nn.LSTM`/`nn.GRU`: every element of every param ~ U(−1/√H, 1/√H),
 * drawn in state_dict order (the same order, not the same numbers, as PyTorch's generator).
 */
export function initUniformPytorch(params: readonly Param[], hiddenSize: number, rng: Rng): void {
  const k = 1 / Math.sqrt(hiddenSize);
  for (const p of params) for (let i = 0; i < p.w.length; i++) p.w[i] = rng.uniform(-k, k);
}
