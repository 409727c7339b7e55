/**
 * "Take it away" for the live-run figure: a trained run's model as a PyTorch `state_dict` (JSON of its float64
 * weights, which read back bit for bit) and a short PyTorch script that rebuilds the model, loads those weights,
 * regenerates the run's first training batch with the site's own random numbers and task generator written out in
 * Python (./python.ts, ./python-tasks.ts) and prints the training loss on it — with the value the site computed
 * (src/experiments/first-batch.ts), to compare. The same pieces as the gradient figures' export (./gradient-export.ts).
 *
 * Key convention: the model is a recurrent module `rnn` followed by a linear readout `readout`, so the keys are
 * `rnn.` + the keys of torch.nn.LSTM / GRU / RNN (`weight_ih_l0` [G·H, I], `weight_hh_l0` [G·H, H], `bias_ih_l0` [G·H],
 * `bias_hh_l0` [G·H]; G = 4, gate blocks i, f, g, o; G = 3, r, z, n; G = 1) and `readout.` + the keys of
 * torch.nn.Linear(H, O) (`weight` [O, H], `bias` [O]): the `state_dict()` of the script's `Model`. `fromStateDict`
 * reads the recurrent module (its `rnn.` prefix found from the keys; the readout's keys are named as not used).
 *
 * Loaded only when the reader asks for it.
 *
 * @module
 */
import { Activations } from '../../lib/nn/activations.ts';
import { fromStateDict, type StateDictLayer } from '../../lib/nn/from-state-dict.ts';
import { createLinear, type Linear } from '../../lib/nn/readout.ts';
import { StateDictError, loadStateDict, toStateDict, type StateDict } from '../../lib/nn/state-dict.ts';
import type { CellKind, Param } from '../../lib/nn/types.ts';
import type { ParamValues, RunWeights } from '../../experiments/first-batch.ts';
import { makeTask } from '../../experiments/runner.ts';
import { PROTOCOL, TASK_NAMES, normalizeSpec, variantLabel, type RunSpec } from '../../experiments/spec.ts';
import { PY_RNG, isTorchModule, pyActivations, pyCell, pyModule, pyNumber, type CellActivations } from './python.ts';
import { PY_SUB_SEED, pyTaskGenerator } from './python-tasks.ts';

/** Key prefix of the recurrent module. */
export const RNN_PREFIX = 'rnn.';
/** Key prefix of the linear readout. */
export const READOUT_PREFIX = 'readout.';
/** File names of the downloads. */
export const RUN_FILES = Object.freeze({ weights: 'model-weights.json', script: 'model.py' });

/** What the live-run figure exports for a trained run. */
export interface RunExport {
  /** The model's weights (float64, exactly the run's), keyed as the module comment says. */
  readonly stateDict: StateDict;
  /** The state_dict as JSON text (every double in its shortest round-trip form). */
  readonly json: string;
  /** The training loss of these weights on the run's first batch, as the run computed it. */
  readonly loss: number;
  /** Completed updates. */
  readonly step: number;
  /** The PyTorch script. */
  readonly script: string;
}

/** The library's cell of a run's cell (an IRNN is a vanilla ReLU RNN). */
export function cellKindOf(spec: RunSpec): CellKind {
  return spec.cell === 'irnn' ? 'rnn' : spec.cell;
}

/** The activations of a run's cell, by role (RNN φ and GRU ψ as `candidate`; σ gates). */
export function runActivations(spec: RunSpec): CellActivations {
  const s = normalizeSpec(spec);
  return { gate: 'sigmoid', candidate: s.candidate, cellOutput: s.cell === 'lstm' ? s.output : s.candidate };
}

const asParams = (ps: readonly ParamValues[], prefix: string): Param[] =>
  ps.map((p) => ({ name: prefix + p.name, shape: p.shape, w: p.w, dw: new Float64Array(0) }));

/** The model's state_dict (keys as the module comment says). */
export function runStateDict(w: Pick<RunWeights, 'layer' | 'readout'>): StateDict {
  return toStateDict([...asParams(w.layer, RNN_PREFIX), ...asParams(w.readout, READOUT_PREFIX)]);
}

/**
 * The model of a run's state_dict, read back with the library: the recurrent layer by `fromStateDict` (with the
 * run's activations, which the keys cannot tell) and the readout by `loadStateDict`.
 */
export function runModelFromStateDict(spec: RunSpec, dict: unknown): { layer: StateDictLayer; linear: Linear } {
  const s = normalizeSpec(spec);
  const a = runActivations(s);
  const layer = fromStateDict(dict, {
    kind: cellKindOf(s),
    prefix: RNN_PREFIX,
    activation: Activations[a.candidate],
    activations: { candidate: Activations[a.candidate], cellOutput: Activations[a.cellOutput] },
  });
  const task = makeTask(s.task);
  const record = dict as Record<string, unknown>;
  const linear = createLinear(layer.hiddenSize, task.outputSize);
  const readout: Record<string, unknown> = {};
  for (const name of ['weight', 'bias']) {
    const key = READOUT_PREFIX + name;
    if (!Object.prototype.hasOwnProperty.call(record, key)) {
      throw new StateDictError(`${key}: missing key in state_dict`, key, undefined, undefined, 'missing-key');
    }
    readout[name] = record[key];
  }
  loadStateDict(linear.params, readout);
  return { layer, linear };
}

/**
 * The state_dict as JSON: every double in JavaScript's shortest round-trip form (as `JSON.stringify` writes it), but
 * −0 as `-0.0`, which JSON.parse and Python's json both read back as −0 (`JSON.stringify` writes `0`).
 */
export function stateDictJson(dict: StateDict): string {
  const num = (v: number): string => {
    if (!Number.isFinite(v)) throw new RangeError(`stateDictJson: ${v} has no JSON form`);
    return Object.is(v, -0) ? '-0.0' : String(v);
  };
  const value = (v: StateDict[string]): string =>
    typeof v === 'number'
      ? num(v)
      : `[${(v as (number | number[])[]).map((r) => (typeof r === 'number' ? num(r) : `[${r.map(num).join(', ')}]`)).join(', ')}]`;
  return `{${Object.entries(dict)
    .map(([k, v]) => `${JSON.stringify(k)}: ${value(v)}`)
    .join(', ')}}`;
}

/** The export of a run's weights. */
export function runExport(w: RunWeights): RunExport {
  const stateDict = runStateDict(w);
  const H = w.layer.find((p) => p.name === 'weight_hh_l0')?.shape[1] ?? normalizeSpec(w.spec).H;
  return { stateDict, json: stateDictJson(stateDict), loss: w.loss, step: w.step, script: runScript(w.spec, w.step, w.loss, H) };
}

const CELL_WORDS = { lstm: 'LSTM', gru: 'GRU', rnn: 'vanilla RNN' } as const;
const GATE_ORDER = { lstm: 'i, f, g, o', gru: 'r, z, n', rnn: '' } as const;

/** The custom cell of a run whose activations PyTorch's own module does not have. */
function customCell(kind: CellKind, a: CellActivations): string {
  const G = { lstm: 4, gru: 3, rnn: 1 }[kind];
  const roles =
    kind === 'lstm'
      ? `gates ${a.gate}, candidate g ${a.candidate}, cell output ${a.cellOutput}`
      : kind === 'gru'
        ? `gates ${a.gate}, candidate n ${a.candidate}`
        : `phi ${a.candidate}`;
  const order = kind === 'rnn' ? '' : `, gate blocks in the order ${GATE_ORDER[kind]}`;
  const unused = kind === 'lstm' ? '' : kind === 'gru' ? ' (cell_output is not used)' : ' (only candidate is used)';
  return `# Not ${pyModule(kind, a, 0, 0).replace(/\(.*$/, '')}: PyTorch's module has its activations built in, and this
# run's are ${roles}. So the model uses the small cell below: the
# same parameters as PyTorch's module (names, shapes${order}), so that the
# state_dict loads unchanged, and PyTorch's equations with the run's functions${unused}.
${pyActivations(a)}


${pyCell(kind)}


class Cell(torch.nn.Module):
    """A one-layer ${CELL_WORDS[kind]} with the parameters of ${pyModule(kind, a, 0, 0).replace(/\(.*$/, '')} and the run's activations."""

    def __init__(self, input_size, hidden_size):
        super().__init__()
        g = ${G}  # gate blocks
        shapes = [
            ("weight_ih_l0", (g * hidden_size, input_size)),
            ("weight_hh_l0", (g * hidden_size, hidden_size)),
            ("bias_ih_l0", (g * hidden_size,)),
            ("bias_hh_l0", (g * hidden_size,)),
        ]
        for name, shape in shapes:
            self.register_parameter(name, torch.nn.Parameter(torch.zeros(shape, dtype=torch.float64)))

    def forward(self, x):
        return run(dict(self.named_parameters()), x), None`;
}

/** The script's text (see the module comment). */
export function runScript(spec: RunSpec, step: number, loss: number, H: number): string {
  const s = normalizeSpec(spec);
  const kind = cellKindOf(s);
  const a = runActivations(s);
  const task = makeTask(s.task);
  const I = task.inputSize;
  const O = task.outputSize;
  const torchModule = isTorchModule(kind, a);
  const rnn = torchModule ? pyModule(kind, a, I, H) : `Cell(${I}, ${H})`;
  const G = { lstm: 4, gru: 3, rnn: 1 }[kind];
  const blocks = kind === 'rnn' ? '' : `; gate blocks ${GATE_ORDER[kind]}`;
  const fb = s.forgetBias ?? PROTOCOL.forgetBias;
  const training =
    `Adam, learning rate ${s.lr}, ${s.clip > 0 ? `gradient clipping at ${s.clip}` : 'no clipping'}` +
    `${fb !== PROTOCOL.forgetBias ? `, forget-gate bias + ${fb} at initialisation` : ''}, seed ${s.seed}`;
  const every = task.readout === 'every';
  const readout = every
    ? 'self.readout(h.reshape(-1, h.shape[2]))  # every step: row t * B + b'
    : 'self.readout(h[-1])  # the last step';
  const lossLine =
    task.loss === 'mse'
      ? 'loss = torch.nn.functional.mse_loss(out.reshape(-1), torch.tensor(target, dtype=torch.float64))'
      : 'loss = torch.nn.functional.cross_entropy(out, torch.tensor(target, dtype=torch.long))';
  return `"""Why tanh?: a model trained by the live-run figure fig-run, rebuilt in PyTorch.

Run:     ${variantLabel(s)} on the ${TASK_NAMES[s.task].toLowerCase()}, T = ${s.T}, H = ${H}; ${training}.
Weights: ${RUN_FILES.weights}, the figure's download: the weights after ${step} training steps, a torch state_dict as
         JSON (float64). Keys: "rnn." + those of ${pyModule(kind, a, I, H)} (weight_ih_l0 [${G}H, I],
         weight_hh_l0 [${G}H, H], bias_ih_l0 [${G}H], bias_hh_l0 [${G}H]${blocks}), and "readout." + those of
         torch.nn.Linear(${H}, ${O}) (weight [${O}, H], bias [${O}]): the state_dict of Model below.
Usage:   python3 ${RUN_FILES.script} [${RUN_FILES.weights}]        (needs PyTorch: pip install torch)

It regenerates the run's first training batch (B = ${PROTOCOL.batchSize} sequences of T = ${s.T} steps) with the site's own
random numbers and task generator, written out below in plain Python (the same numbers, bit for bit), runs the trained
model on it and prints the training loss (${task.loss === 'mse' ? 'mean squared error' : 'mean cross-entropy'}). The site computed ${pyNumber(loss)};
torch's ${kind === 'rnn' ? 'functions' : 'exp, tanh'} and sums may differ from the site's in the last bits.
"""
import json
import math
import sys

import torch

${PY_RNG}

${PY_SUB_SEED}


${pyTaskGenerator(s.task)}


SEED = ${s.seed}
T = ${s.T}
B = ${PROTOCOL.batchSize}
I = ${I}
H = ${H}
SITE_LOSS = ${pyNumber(loss)}

${torchModule ? '' : `\n${customCell(kind, a)}\n\n`}
class Model(torch.nn.Module):
    """The recurrent layer, then a linear readout of its hidden states."""

    def __init__(self):
        super().__init__()
        self.rnn = ${rnn}
        self.readout = torch.nn.Linear(H, ${O})

    def forward(self, x):
        h, _ = self.rnn(x)  # [T, B, H], from zero states
        return ${readout}


model = Model().double()
path = sys.argv[1] if len(sys.argv) > 1 else "${RUN_FILES.weights}"
model.load_state_dict({k: torch.tensor(v, dtype=torch.float64) for k, v in json.load(open(path)).items()})
x, target = first_batch(Rng(sub_seed(SEED, 2)), T, B)  # the trainer's data stream (stream 2)
with torch.no_grad():
    out = model(torch.tensor(x, dtype=torch.float64).reshape(T, B, I))
    ${lossLine}
print("loss on the first batch =", repr(float(loss)))
print("loss computed by the site =", repr(SITE_LOSS))
`;
}
