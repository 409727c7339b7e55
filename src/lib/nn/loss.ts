/**
 * Loss functions with PyTorch's default `reduction='mean'`. Each returns the loss and, if given a buffer, writes
 * ∂loss/∂input into it (no allocation).
 *
 * @module
 */
import { exp } from './elementary.ts';
import { log } from './elementary-log-trig.ts';

/**
 * Mean squared error over the first `n` elements, as `torch.nn.MSELoss()`:
 * L = (1/n) Σₖ (predₖ − targetₖ)², ∂L/∂predₖ = 2(predₖ − targetₖ)/n.
 *
 * @param grad - receives ∂L/∂pred (length ≥ n), or `null` to skip the gradient.
 */
export function mseLoss(
  pred: Float64Array,
  target: ArrayLike<number>,
  grad: Float64Array | null,
  n: number = pred.length,
): number {
  if (pred.length < n || target.length < n) throw new RangeError(`mseLoss: need ${n} predictions and targets`);
  let s = 0;
  const k = 2 / n;
  for (let e = 0; e < n; e++) {
    const d = pred[e]! - target[e]!;
    s += d * d;
    if (grad !== null) grad[e] = k * d;
  }
  return s / n;
}

/** Default ignored target, as PyTorch's `ignore_index=-100`. */
export const IGNORE_INDEX = -100;

/**
 * Softmax cross-entropy on logits, as `torch.nn.CrossEntropyLoss()` with class-index targets: row r contributes
 * −log softmax(logits_r)[target_r] = logsumexp(logits_r) − logits_r[target_r], computed stably by subtracting the
 * row maximum. The loss is the mean over rows whose target is not `ignoreIndex`; ∂L/∂logits_r =
 * (softmax(logits_r) − onehot(target_r)) / (number of counted rows), and 0 on ignored rows. As in PyTorch, if every
 * row is ignored the loss is NaN (0/0).
 *
 * @param logits - [rows, classes], row-major.
 * @param targets - class index per row in [0, classes), or `ignoreIndex`.
 * @param grad - receives ∂L/∂logits ([rows, classes]), or `null` to skip the gradient.
 */
export function crossEntropyLoss(
  logits: Float64Array,
  targets: ArrayLike<number>,
  rows: number,
  classes: number,
  grad: Float64Array | null,
  ignoreIndex: number = IGNORE_INDEX,
): number {
  if (logits.length < rows * classes || targets.length < rows) throw new RangeError('crossEntropyLoss: inputs too short');
  let total = 0;
  let counted = 0;
  for (let r = 0; r < rows; r++) {
    const t = targets[r]!;
    if (t === ignoreIndex) continue;
    if (!(Number.isInteger(t) && t >= 0 && t < classes)) throw new RangeError(`crossEntropyLoss: target ${t} out of range`);
    counted++;
  }
  const inv = 1 / counted;
  for (let r = 0; r < rows; r++) {
    const o = r * classes;
    const t = targets[r]!;
    if (t === ignoreIndex) {
      if (grad !== null) grad.fill(0, o, o + classes);
      continue;
    }
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, logits[o + c]!);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += exp(logits[o + c]! - max);
    const lse = max + log(sum);
    total += lse - logits[o + t]!;
    if (grad !== null) {
      for (let c = 0; c < classes; c++) grad[o + c] = exp(logits[o + c]! - lse) * inv;
      grad[o + t]! -= inv;
    }
  }
  return total / counted;
}

/** Index of the largest of `classes` values starting at `offset` (first one on ties). */
export function argmax(values: Float64Array, offset: number, classes: number): number {
  let best = 0;
  let bestV = values[offset]!;
  for (let c = 1; c < classes; c++) {
    const v = values[offset + c]!;
    if (v > bestV) {
      best = c;
      bestV = v;
    }
  }
  return best;
}
