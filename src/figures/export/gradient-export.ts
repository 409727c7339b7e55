/**
 * "Take it away" for the gradient-flow figures: the network of the figure's current settings as a PyTorch
 * `state_dict` (JSON of its float64 weights, which read back bit for bit), and a short PyTorch script that rebuilds
 * it, loads those weights, draws the figure's input sequence with the site's own random numbers (./python.ts) and
 * prints the loss L = vᵀh_{T−1} the figure differentiates — with the value the site computed, to compare.
 *
 * Loaded only when the reader asks for it.
 *
 * @module
 */
import { toStateDict, type StateDict } from '../../lib/nn/state-dict.ts';
import { buildScenario, prefixBatch } from '../gradients/compute.ts';
import { GATE_BLOCKS, HIDDEN, INPUT, type FlowParams } from '../gradients/types.ts';
import { PY_RNG, isTorchModule, pyActivations, pyCell, pyModule, pyNumber, type CellActivations } from './python.ts';

/** What a gradient figure exports for its settings. */
export interface FlowExport {
  /** File name stem: `bptt` or `cec` (the figure's id). */
  readonly name: string;
  /** The network's weights (float64, exactly the library's). */
  readonly stateDict: StateDict;
  /** L = vᵀh_{T−1} as the library computes it. */
  readonly loss: number;
  /** The PyTorch script. */
  readonly script: string;
}

/** The activations of a figure network: φ of the RNN; σ gates and the chosen candidate (and LSTM cell output). */
function activationsOf(p: FlowParams): CellActivations {
  return { gate: 'sigmoid', candidate: p.a, cellOutput: p.a };
}

const CELL_WORDS = { rnn: 'vanilla RNN', lstm: 'LSTM', gru: 'GRU' } as const;

/**
 * The export of a figure's network with settings `p`, the loss taken at step `T` − 1 (the figure's `T`: `p.t`, or
 * less when the forward pass overflowed and the figure moved the loss back).
 */
export function flowExport(figureId: string, p: FlowParams, T: number = p.t): FlowExport {
  const sc = buildScenario(p);
  const H = sc.hidden;
  const stateDict = toStateDict(sc.layer.params);
  const hs = sc.layer.forward(prefixBatch(sc, T));
  let loss = 0;
  for (let j = 0; j < H; j++) loss += sc.v[j]! * hs[(T - 1) * H + j]!;
  const name = figureId.replace(/^fig-/, '');
  const params = sc.layer.params.reduce((n, q) => n + q.w.length, 0);
  return { name, stateDict, loss, script: flowScript(name, p, T, params, loss) };
}

/** The script's text (see the module comment); `params` is the number of weights and biases drawn before the inputs. */
export function flowScript(name: string, p: FlowParams, T: number, params: number, loss: number): string {
  const H = HIDDEN;
  const I = INPUT;
  const acts = activationsOf(p);
  const torchModule = isTorchModule(p.c, acts);
  const setup =
    p.c === 'rnn'
      ? `vanilla RNN, phi = ${p.a}`
      : `${CELL_WORDS[p.c]}, sigmoid gates, ${p.a} candidate${p.c === 'lstm' ? ' and cell output' : ''}, ` +
        `${p.c === 'lstm' ? 'forget' : 'update'}-gate bias ${p.bf}`;
  const weights = p.w === 'orth' ? `rho x orthogonal, rho = ${p.r}` : `Gaussian, spectral radius rho = ${p.r}`;
  const check = torchModule
    ? `

# The same weights in PyTorch's own module: its state_dict keys are the file's.
model = ${pyModule(p.c, acts, I, H)}.double()
model.load_state_dict(state)
with torch.no_grad():
    out, _ = model(x)
print("L with ${pyModule(p.c, acts, I, H).replace(/"/g, "'")} =", repr(float(out[-1, 0] @ v)))`
    : '';
  return `"""Why tanh?: the network of the gradient figure fig-${name}, rebuilt in PyTorch.

Network: ${setup}; W_hh = ${weights}; H = ${H} hidden units, I = ${I} input; T = ${T} steps, seed ${p.s}.
Weights: ${name}-weights.json, the figure's download (a torch state_dict as JSON, float64).
Run:     python3 ${name}.py ${name}-weights.json        (needs PyTorch: pip install torch)

It draws the figure's input sequence with the site's own random numbers, runs the network from zero states and
prints L = v . h_(T-1), v = (1, ..., 1) / sqrt(H): the loss whose gradient the figure plots. The site computed
L = ${pyNumber(loss)}; torch's tanh, exp and sums may differ from the site's in the last bits.
"""
import json
import math
import sys

import torch

${PY_RNG}

SEED = ${p.s}
T = ${T}
H = ${H}
I = ${I}
GATE_BLOCKS = ${GATE_BLOCKS[p.c]}
PARAMS = ${params}  # weights and biases, drawn before the inputs
SITE_LOSS = ${pyNumber(loss)}


def input_sequence():
    """x_t ~ N(0, 1), as the site draws them: after the network's initial draws, from the same generator."""
    rng = Rng(SEED)
    k = 1 / math.sqrt(H)
    for _ in range(PARAMS):  # every weight and bias ~ U(-1/sqrt(H), 1/sqrt(H)), PyTorch's default
        rng.uniform(-k, k)
    for _ in range(GATE_BLOCKS * H * H):  # the Gaussian draws W_hh is made from (then orthogonalised or rescaled)
        rng.normal()
    return torch.tensor([rng.normal() for _ in range(T * I)], dtype=torch.float64).reshape(T, 1, I)


${pyActivations(acts)}


${pyCell(p.c)}


state = {k: torch.tensor(v, dtype=torch.float64) for k, v in json.load(open(sys.argv[1])).items()}
x = input_sequence()
v = torch.full((H,), 1 / math.sqrt(H), dtype=torch.float64)
h = run(state, x)
print("L =", repr(float(h[-1, 0] @ v)))
print("L computed by the site =", repr(SITE_LOSS))${check}
`;
}
