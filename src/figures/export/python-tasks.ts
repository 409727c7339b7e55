/**
 * The experiments' task generators (src/lib/nn/tasks.ts, with the options of src/experiments/spec.ts's PROTOCOL) and
 * the trainer's sub-seeds (train.ts's `subSeed`) written out in plain Python — ints and floats, no numpy — for the
 * live-run figure's PyTorch script (./run-export.ts). Every draw is `next()` or `int(n)` of the site's generator
 * (./python.ts's `Rng`), exact integer and float64 arithmetic in both languages, and the values are combined with the
 * same operations in the same order, so a seed gives the same batch, bit for bit.
 *
 * @module
 */
import { PROTOCOL, type TaskId } from '../../experiments/spec.ts';
import { pyNumber } from './python.ts';

/** train.ts's `subSeed` in Python: the MurmurHash3 finaliser of seed + stream·0x9E3779B9, on 32-bit words. */
export const PY_SUB_SEED = `def sub_seed(seed, stream):
    """train.ts's subSeed: the seed of the trainer's stream (1: initial weights, 2: training data)."""
    h = (seed + stream * 0x9E3779B9) & M32
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M32
    h ^= h >> 16
    return h`;

/** The task's `first_batch(rng, T, B)`: flat lists x [T, B, I] (time-major) and the targets, as tasks.ts fills them. */
export function pyTaskGenerator(task: TaskId): string {
  if (task === 'adding') {
    return `def first_batch(rng, T, B):
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
    return x, y`;
  }
  if (task === 'updown') {
    return `Q = ${pyNumber(PROTOCOL.updown.moveProbability)}  # probability of a move


def first_batch(rng, T, B):
    """The "up and down" task as src/lib/nn/tasks.ts draws it. x [T, B, 1], time-major: u_t = +1, -1 or 0 (r = next() below
    Q / 2, below Q, else); target at every step: the running sum scaled by 1 / sqrt(T), row t * B + b."""
    x = [0.0] * (T * B)
    y = [0.0] * (T * B)
    scale = 1 / math.sqrt(T)
    for b in range(B):
        s = 0
        for t in range(T):
            r = rng.next()
            u = 1 if r < Q / 2 else -1 if r < Q else 0
            s += u
            x[t * B + b] = float(u)
            y[t * B + b] = s * scale
    return x, y`;
  }
  return `K = ${PROTOCOL.copy.symbols}  # data symbols
L = ${PROTOCOL.copy.length}  # symbols to copy


def first_batch(rng, T, B):
    """The copy task as src/lib/nn/tasks.ts draws it. x [T, B, K + 2] one-hot, time-major: steps 0 .. L-1 a symbol
    1 + int(K), then blanks (0) with "go" (K + 1) at step T - L - 1; target class at every step, row t * B + b:
    blank, then the L symbols over the last L steps."""
    I = K + 2
    x = [0.0] * (T * B * I)
    y = [0] * (T * B)
    for b in range(B):
        for j in range(L):
            s = 1 + rng.int(K)
            x[(j * B + b) * I + s] = 1.0
            y[(T - L + j) * B + b] = s
        for t in range(L, T):
            x[(t * B + b) * I + (K + 1 if t == T - L - 1 else 0)] = 1.0
    return x, y`;
}
