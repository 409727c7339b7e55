"""Why tanh?: the network of the gradient figure fig-cec, rebuilt in PyTorch.

Network: LSTM, sigmoid gates, tanh candidate and cell output, forget-gate bias 1; W_hh = rho x orthogonal, rho = 0.5; H = 32 hidden units, I = 1 input; T = 200 steps, seed 1.
Weights: cec-weights.json, the figure's download (a torch state_dict as JSON, float64).
Run:     python3 cec.py cec-weights.json        (needs PyTorch: pip install torch)

It draws the figure's input sequence with the site's own random numbers, runs the network from zero states and
prints L = v . h_(T-1), v = (1, ..., 1) / sqrt(H): the loss whose gradient the figure plots. The site computed
L = -0.0021739483084736253; torch's tanh, exp and sums may differ from the site's in the last bits.
"""
import json
import math
import sys

import torch

M32 = 0xFFFFFFFF
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


SEED = 1
T = 200
H = 32
I = 1
GATE_BLOCKS = 4
PARAMS = 4480  # weights and biases, drawn before the inputs
SITE_LOSS = -0.0021739483084736253


def input_sequence():
    """x_t ~ N(0, 1), as the site draws them: after the network's initial draws, from the same generator."""
    rng = Rng(SEED)
    k = 1 / math.sqrt(H)
    for _ in range(PARAMS):  # every weight and bias ~ U(-1/sqrt(H), 1/sqrt(H)), PyTorch's default
        rng.uniform(-k, k)
    for _ in range(GATE_BLOCKS * H * H):  # the Gaussian draws W_hh is made from (then orthogonalised or rescaled)
        rng.normal()
    return torch.tensor([rng.normal() for _ in range(T * I)], dtype=torch.float64).reshape(T, 1, I)


def gate(z):
    return torch.sigmoid(z)


def candidate(z):
    return torch.tanh(z)


def cell_output(z):
    return torch.tanh(z)


def run(state, x):
    """The cell over x [T, B, I] from zero states; returns h_t for every t, [T, B, H] (PyTorch's equations)."""
    w_ih, w_hh = state["weight_ih_l0"], state["weight_hh_l0"]
    b_ih, b_hh = state["bias_ih_l0"], state["bias_hh_l0"]
    H = w_hh.shape[1]
    h = torch.zeros(x.shape[1], H, dtype=torch.float64)
    c = torch.zeros_like(h)
    out = []
    for x_t in x:
        i, f, g, o = (x_t @ w_ih.T + b_ih + h @ w_hh.T + b_hh).split(H, dim=1)
        c = gate(f) * c + gate(i) * candidate(g)
        h = gate(o) * cell_output(c)
        out.append(h)
    return torch.stack(out)


state = {k: torch.tensor(v, dtype=torch.float64) for k, v in json.load(open(sys.argv[1])).items()}
x = input_sequence()
v = torch.full((H,), 1 / math.sqrt(H), dtype=torch.float64)
h = run(state, x)
print("L =", repr(float(h[-1, 0] @ v)))
print("L computed by the site =", repr(SITE_LOSS))

# The same weights in PyTorch's own module: its state_dict keys are the file's.
model = torch.nn.LSTM(1, 32).double()
model.load_state_dict(state)
with torch.no_grad():
    out, _ = model(x)
print("L with torch.nn.LSTM(1, 32) =", repr(float(out[-1, 0] @ v)))
