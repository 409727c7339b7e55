/**
 * Pieces of the PyTorch scripts the figures export (./gradient-export.ts): the site's random numbers written out in
 * Python (so that a script draws the same input data as the figure), each activation of the registry as a torch
 * expression, and the cell equations in PyTorch's formulation. Plain text generation, tested against golden files
 * (test/figures/golden/); no Python runs at test time.
 *
 * @module
 */
import { ACTIVATION_KEYS, type ActivationKey } from '../../lib/nn/activations.ts';
import type { CellKind } from '../../lib/nn/types.ts';

/**
 * src/lib/nn/rng.ts in Python: xoshiro128** 1.1 seeded by SplitMix64, with the same `next`, `uniform`, `int` and
 * `normal`. Integer arithmetic is exact in both languages and `next` divides an integer below 2^53 by 2^53, so
 * `next`, `uniform` and `int` give the same bits; `normal` uses log, sqrt and cos, where C's libm and V8 may differ in
 * the last bit.
 */
export const PY_RNG = `M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF


class Rng:
    """The site's generator (src/lib/nn/rng.ts): xoshiro128** 1.1 seeded by SplitMix64."""

    def __init__(self, seed):
        x = seed & M64
        words = []
        for _ in range(2):  # two SplitMix64 outputs p, q give the state [lo(p), hi(p), lo(q), hi(q)]
            x = (x + 0x9E3779B97F4A7C15) & M64
            z = x
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
            z ^= z >> 31
            words += [z & M32, z >> 32]
        self.s = words

    def next32(self):
        s0, s1, s2, s3 = self.s
        m = (s1 * 5) & M32
        result = ((((m << 7) | (m >> 25)) & M32) * 9) & M32
        t = (s1 << 9) & M32
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = ((s3 << 11) | (s3 >> 21)) & M32
        self.s = [s0, s1, s2, s3]
        return result

    def next(self):
        a = self.next32() >> 5
        b = self.next32() >> 6
        return (a * 67108864 + b) / 9007199254740992

    def uniform(self, lo, hi):
        w = hi - lo
        if w == 0:
            return lo
        while True:
            r = lo + w * self.next()
            if r < hi:
                return r

    def int(self, n):
        limit = 4294967296 - 4294967296 % n
        while True:
            u = self.next32()
            if u < limit:
                return u % n

    def normal(self):
        u1 = 1 - self.next()
        u2 = self.next()
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)
`;

/** Each activation of the registry as a torch expression of the tensor `z` (float64). */
export const TORCH_ACTIVATION: Readonly<Record<ActivationKey, string>> = Object.freeze({
  sigmoid: 'torch.sigmoid(z)',
  tanh: 'torch.tanh(z)',
  hardsigmoid: 'torch.clamp(z + 3, 0, 6) / 6',
  hardtanh: 'torch.clamp(z, -1, 1)',
  lecuntanh: '1.7159 * torch.tanh(2 / 3 * z)',
  softsign: 'z / (1 + torch.abs(z))',
  relu: 'torch.relu(z)',
  leakyrelu: 'torch.where(z > 0, z, 0.01 * z)',
  elu: 'torch.where(z > 0, z, torch.expm1(z))',
  softplus: 'torch.clamp(z, min=0) + torch.log1p(torch.exp(-torch.abs(z)))',
  silu: 'z * torch.sigmoid(z)',
  gelu: 'z * 0.5 * (1 + torch.erf(z / math.sqrt(2)))',
  identity: 'z',
});

/** Whether every registry key has a torch expression (the registry may grow). */
export function torchCovers(keys: readonly string[] = ACTIVATION_KEYS): boolean {
  return keys.every((k) => k in TORCH_ACTIVATION);
}

/** The activations of a cell, by role: RNN φ; LSTM σ (gates), ψ (candidate), φ (cell output); GRU σ, ψ. */
export interface CellActivations {
  readonly gate: ActivationKey;
  readonly candidate: ActivationKey;
  readonly cellOutput: ActivationKey;
}

/** Whether PyTorch's own module computes this cell (its activations are PyTorch's: σ/tanh, or an RNN's tanh/ReLU). */
export function isTorchModule(kind: CellKind, a: CellActivations): boolean {
  if (kind === 'rnn') return a.candidate === 'tanh' || a.candidate === 'relu';
  return a.gate === 'sigmoid' && a.candidate === 'tanh' && (kind === 'gru' || a.cellOutput === 'tanh');
}

/** Python functions `gate(z)`, `candidate(z)`, `cell_output(z)` of the cell's activations. */
export function pyActivations(a: CellActivations): string {
  return [
    `def gate(z):\n    return ${TORCH_ACTIVATION[a.gate]}`,
    `def candidate(z):\n    return ${TORCH_ACTIVATION[a.candidate]}`,
    `def cell_output(z):\n    return ${TORCH_ACTIVATION[a.cellOutput]}`,
  ].join('\n\n\n');
}

/**
 * A Python function `run(state, x)` that runs the cell over x ([T, B, I]) from zero states with the weights of
 * `state` (a dict of float64 tensors keyed as PyTorch names them) and returns the hidden states [T, B, H] — the
 * equations of src/lib/nn/lstm.ts, gru.ts, rnn.ts (PyTorch's), with the activations of {@link pyActivations}.
 */
export function pyCell(kind: CellKind): string {
  const head = `def run(state, x):
    """The cell over x [T, B, I] from zero states; returns h_t for every t, [T, B, H] (PyTorch's equations)."""
    w_ih, w_hh = state["weight_ih_l0"], state["weight_hh_l0"]
    b_ih, b_hh = state["bias_ih_l0"], state["bias_hh_l0"]
    H = w_hh.shape[1]
    h = torch.zeros(x.shape[1], H, dtype=torch.float64)
    c = torch.zeros_like(h)
    out = []
    for x_t in x:`;
  const body =
    kind === 'rnn'
      ? `
        h = candidate(x_t @ w_ih.T + b_ih + h @ w_hh.T + b_hh)`
      : kind === 'lstm'
        ? `
        i, f, g, o = (x_t @ w_ih.T + b_ih + h @ w_hh.T + b_hh).split(H, dim=1)
        c = gate(f) * c + gate(i) * candidate(g)
        h = gate(o) * cell_output(c)`
        : `
        xr, xz, xn = (x_t @ w_ih.T + b_ih).split(H, dim=1)
        hr, hz, hn = (h @ w_hh.T + b_hh).split(H, dim=1)
        r = gate(xr + hr)
        z = gate(xz + hz)
        n = candidate(xn + r * hn)
        h = (1 - z) * n + z * h`;
  return `${head}${body}
        out.append(h)
    return torch.stack(out)`;
}

/** PyTorch's module of a cell whose activations are its own (see {@link isTorchModule}), as a Python expression. */
export function pyModule(kind: CellKind, a: CellActivations, inputSize: number, hiddenSize: number): string {
  if (kind === 'lstm') return `torch.nn.LSTM(${inputSize}, ${hiddenSize})`;
  if (kind === 'gru') return `torch.nn.GRU(${inputSize}, ${hiddenSize})`;
  return `torch.nn.RNN(${inputSize}, ${hiddenSize}, nonlinearity="${a.candidate}")`;
}

/** A double as Python writes it back exactly (`repr`): JavaScript's shortest round-trip digits, Python's spelling. */
export function pyNumber(x: number): string {
  if (Number.isNaN(x)) return 'float("nan")';
  if (!Number.isFinite(x)) return x > 0 ? 'float("inf")' : '-float("inf")';
  if (Object.is(x, -0)) return '-0.0';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  return String(x);
}
