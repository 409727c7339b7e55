"""Why tanh?: a model trained by the live-run figure fig-run, rebuilt in PyTorch.

Run:     LSTM, g = ReLU on the adding problem, T = 50, H = 16; Adam, learning rate 0.01, gradient clipping at 1, seed 0.
Weights: model-weights.json, the figure's download: the weights after 20 training steps, a torch state_dict as
         JSON (float64). Keys: "rnn." + those of torch.nn.LSTM(2, 16) (weight_ih_l0 [4H, I],
         weight_hh_l0 [4H, H], bias_ih_l0 [4H], bias_hh_l0 [4H]; gate blocks i, f, g, o), and "readout." + those of
         torch.nn.Linear(16, 1) (weight [1, H], bias [1]): the state_dict of Model below.
Usage:   python3 model.py [model-weights.json]        (needs PyTorch: pip install torch)

It regenerates the run's first training batch (B = 32 sequences of T = 50 steps) with the site's own
random numbers and task generator, written out below in plain Python (the same numbers, bit for bit), runs the trained
model on it and prints the training loss (mean squared error). The site computed 0.1326876821936374;
torch's exp, tanh and sums may differ from the site's in the last bits.
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


def sub_seed(seed, stream):
    """train.ts's subSeed: the seed of the trainer's stream (1: initial weights, 2: training data)."""
    h = (seed + stream * 0x9E3779B9) & M32
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M32
    h ^= h >> 16
    return h


def first_batch(rng, T, B):
    """The adding problem (Le et al. 2015) as src/lib/nn/tasks.ts draws it. x [T, B, 2], time-major: channel 0 a value
    U[0, 1), channel 1 the marker, 1 at one step of each half; target per sequence: the sum of the two marked values.
    Draws per sequence: T values, then int(T // 2), then int(T - T // 2)."""
    x = [0.0] * (T * B * 2)
    y = [0.0] * B
    half = T // 2
    for b in range(B):
        for t in range(T):
            x[(t * B + b) * 2] = rng.next()
        m1 = rng.int(half)
        m2 = half + rng.int(T - half)
        x[(m1 * B + b) * 2 + 1] = 1.0
        x[(m2 * B + b) * 2 + 1] = 1.0
        y[b] = x[(m1 * B + b) * 2] + x[(m2 * B + b) * 2]
    return x, y


SEED = 0
T = 50
B = 32
I = 2
H = 16
SITE_LOSS = 0.1326876821936374


# Not torch.nn.LSTM: PyTorch's module has its activations built in, and this
# run's are gates sigmoid, candidate g relu, cell output tanh. So the model uses the small cell below: the
# same parameters as PyTorch's module (names, shapes, gate blocks in the order i, f, g, o), so that the
# state_dict loads unchanged, and PyTorch's equations with the run's functions.
def gate(z):
    return torch.sigmoid(z)


def candidate(z):
    return torch.relu(z)


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


class Cell(torch.nn.Module):
    """A one-layer LSTM with the parameters of torch.nn.LSTM and the run's activations."""

    def __init__(self, input_size, hidden_size):
        super().__init__()
        g = 4  # gate blocks
        shapes = [
            ("weight_ih_l0", (g * hidden_size, input_size)),
            ("weight_hh_l0", (g * hidden_size, hidden_size)),
            ("bias_ih_l0", (g * hidden_size,)),
            ("bias_hh_l0", (g * hidden_size,)),
        ]
        for name, shape in shapes:
            self.register_parameter(name, torch.nn.Parameter(torch.zeros(shape, dtype=torch.float64)))

    def forward(self, x):
        return run(dict(self.named_parameters()), x), None


class Model(torch.nn.Module):
    """The recurrent layer, then a linear readout of its hidden states."""

    def __init__(self):
        super().__init__()
        self.rnn = Cell(2, 16)
        self.readout = torch.nn.Linear(H, 1)

    def forward(self, x):
        h, _ = self.rnn(x)  # [T, B, H], from zero states
        return self.readout(h[-1])  # the last step


model = Model().double()
path = sys.argv[1] if len(sys.argv) > 1 else "model-weights.json"
model.load_state_dict({k: torch.tensor(v, dtype=torch.float64) for k, v in json.load(open(path)).items()})
x, target = first_batch(Rng(sub_seed(SEED, 2)), T, B)  # the trainer's data stream (stream 2)
with torch.no_grad():
    out = model(torch.tensor(x, dtype=torch.float64).reshape(T, B, I))
    loss = torch.nn.functional.mse_loss(out.reshape(-1), torch.tensor(target, dtype=torch.float64))
print("loss on the first batch =", repr(float(loss)))
print("loss computed by the site =", repr(SITE_LOSS))
