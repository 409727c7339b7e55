/**
 * Benchmark: one LSTM training step (forward + full BPTT backward) of this library against TensorFlow.js 4.x
 * (CPU and WebAssembly backends) on the same work, plus the achieved matrix-multiply throughput.
 *
 * Run (Node ≥ 22.18 / 24 strips the types itself; the pinned Node is 24):
 *
 *   cd /work/main && export PATH=$PWD/node_modules/.bin:$PATH && node bench/cells.ts [--rounds 5] [--reps 5] [--quick]
 *     [--no-simd]
 *
 * The work: I = 2, T = 50, B = 32, H ∈ {8, 16, 32, 64}, PyTorch layout and default init; loss L = Σ_t Σ_b dhs_t·h_t
 * for a fixed random dhs (every step's h receives a gradient, as with a per-step readout). Both implementations
 * compute what a training step needs: the forward pass, and backpropagation through time to all four parameter
 * gradients. Neither computes ∂L/∂x, which training never uses (x is data): TF.js's `variableGrads` only follows
 * the paths to the variables, and ours is told so with `inputGrads: false`, as the library's trainer does.
 *
 * - Ours: `lstm.forward(batch); lstm.backward(dhs, { inputGrads: false })` (float64). Its multiplies run in
 *   WebAssembly SIMD where available (`simd.ts`; the header says which path ran), or with `--no-simd` in the
 *   JavaScript kernels of `kernels.ts` (same bits either way).
 * - TF.js: the same LSTM written in tf ops (matMul with W_ihᵀ and W_hhᵀ per step, sigmoid/tanh, PyTorch gate
 *   order) inside `tf.variableGrads`, then the gradients are read back with `dataSync()` (float32, as TF.js
 *   always is on these backends).
 *
 * FLOP count (matrix multiplies only; the element-wise work is not counted):
 *   forward 2·T·B·4H·(I + H), backward ∂h 2·T·B·4H·H + ∂W 2·T·B·4H·(I + H)
 *   ⇒ 8·T·B·H·(2I + 3H) per training step.
 * The reference throughput ("% kernel") is this library's register-blocked JavaScript kernel (`gemmABt`) on a
 * 256×256×256 multiply in the same run; printed next to it are a naive triple loop and the WebAssembly SIMD kernel
 * on the same multiply.
 *
 * Timing: every configuration is measured once per round (warm-up, then at least `--reps` runs and 0.6 s); rounds
 * (`--rounds`, default 5) interleave all configurations so that they see the same machine conditions, and the table
 * reports medians over the rounds (ratios: medians of the per-round ratios). Times are the mean CPU time of the
 * benchmark thread per step (`process.threadCpuUsage`), which stays meaningful when other processes compete for the
 * cores (shared-core slowdowns still leak in); wall-clock medians are printed too. Lower is better.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createLstm } from '../src/lib/nn/lstm.ts';
import { gemmABt } from '../src/lib/nn/kernels.ts';
import { createGemmArena, setElementwiseSimdEnabled, setWasmSimdEnabled, wasmSimdAvailable } from '../src/lib/nn/simd.ts';
import { createRng } from '../src/lib/nn/rng.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const repsArg = args.indexOf('--reps');
const REPS = repsArg >= 0 ? Number(args[repsArg + 1]) : quick ? 3 : 5;
const roundsArg = args.indexOf('--rounds');
const ROUNDS = roundsArg >= 0 ? Number(args[roundsArg + 1]) : quick ? 1 : 5;
const SIMD = !args.includes('--no-simd') && wasmSimdAvailable();
setWasmSimdEnabled(SIMD);
const I = 2;
const T = 50;
const B = 32;
const HS = [8, 16, 32, 64];

/** CPU time of the calling thread in ms (`process.threadCpuUsage`, Node ≥ 23.9), or NaN if unavailable. */
function threadCpuMs(): number {
  const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage;
  if (usage === undefined) return NaN;
  const u = usage.call(process);
  return (u.user + u.system) / 1000;
}

/** Timing of one configuration: median wall-clock time and mean CPU time of this thread, both in ms per run. */
interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * Runs `f` `warm` times untimed, then at least `reps` times and for at least `minMs` of wall time. Returns the
 * median wall time per run and the mean thread CPU time per run (the CPU clock ticks coarsely, so only the mean
 * over many runs is meaningful; it is robust to other processes competing for the cores, the wall time is not).
 */
function measure(f: () => void, reps: number, warm: number, minMs = quick ? 200 : 600): Timing {
  for (let k = 0; k < warm; k++) f();
  const walls: number[] = [];
  const c0 = threadCpuMs();
  const w0 = performance.now();
  while (walls.length < reps || performance.now() - w0 < minMs) {
    const t0 = performance.now();
    f();
    walls.push(performance.now() - t0);
  }
  const cpu = (threadCpuMs() - c0) / walls.length;
  walls.sort((a, b) => a - b);
  return { wall: walls[walls.length >> 1]!, cpu };
}

function randomArray(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const a = new Float64Array(n);
  for (let k = 0; k < n; k++) a[k] = rng.uniform(-1, 1);
  return a;
}

/** The time the table uses: thread CPU time when available (robust under load), else wall time. */
function pick(t: Timing): number {
  return Number.isNaN(t.cpu) ? t.wall : t.cpu;
}

/** Reference kernel throughput: register-blocked gemmABt, a naive loop and (if available) SIMD on N×N×N. */
function kernelGflops(): { blocked: number; naive: number; simd: number } {
  const N = 256;
  const A = randomArray(N * N, 1);
  const Bm = randomArray(N * N, 2);
  const C = new Float64Array(N * N);
  const flop = 2 * N * N * N;
  const blocked = measure(() => gemmABt(N, N, N, A, 0, N, Bm, 0, N, C, 0, N, false), REPS, 5);
  const naive = measure(
    () => {
      for (let m = 0; m < N; m++) {
        for (let n = 0; n < N; n++) {
          let s = 0;
          for (let k = 0; k < N; k++) s += A[m * N + k]! * Bm[n * N + k]!;
          C[m * N + n] = s;
        }
      }
    },
    2,
    1,
    quick ? 100 : 300,
  );
  let simd = NaN;
  if (SIMD) {
    // A·Bᵀ as the LSTM forward computes it in SIMD: A times the stored transpose of B (same sums, same bits).
    const arena = createGemmArena([N * N, N * N, N * N]);
    const [As, Bts, Cs] = arena.buffers as [Float64Array, Float64Array, Float64Array];
    As.set(A);
    for (let n = 0; n < N; n++) for (let k = 0; k < N; k++) Bts[k * N + n] = Bm[n * N + k]!;
    simd = flop / pick(measure(() => arena.gemmAB(N, N, N, As, 0, N, Bts, 0, N, Cs, 0, N, false), REPS, 5)) / 1e6;
  }
  return { blocked: flop / pick(blocked) / 1e6, naive: flop / pick(naive) / 1e6, simd };
}

/**
 * ms per training step of this library; with `elementwiseInJs`, its element-wise work (σ, tanh, the cell
 * equations, forward and backward) runs in fastexact.ts's JavaScript loops instead of WebAssembly SIMD (same bits).
 */
function ours(H: number, x: Float64Array, dhs: Float64Array, elementwiseInJs = false): Timing {
  setElementwiseSimdEnabled(!elementwiseInJs);
  const lstm = createLstm({ inputSize: I, hiddenSize: H, rng: createRng(7), maxT: T, maxB: B });
  setElementwiseSimdEnabled(true);
  const batch = { T, B, I, x };
  return measure(
    () => {
      for (const p of lstm.params) p.dw.fill(0);
      lstm.forward(batch);
      lstm.backward(dhs, { inputGrads: false });
    },
    REPS,
    5,
  );
}

/**
 * ms for the matrix multiplies of one training step alone, as lstm.ts runs them (same shapes, same arena): per step
 * the forward Z_t = [x_t, h_{t−1}]·[W_ih | W_hh]ᵀ and the backward ∂h_{t−1} = ∂Z_t·W_hh, then ∂W = ∂Zᵀ·[X, H] over
 * all T·B rows and ∂b = 1ᵀ·∂Z. The step's time minus this is its element-wise share (and its bookkeeping).
 */
function multipliesOnly(H: number): Timing {
  const K = I + H,
    H4 = 4 * H,
    R = T * B;
  const arena = createGemmArena([R * K, H4 * K, H4 * K, R * H4, R * H4, B * K, H4 * K, R, H4]);
  const [xh, wT, w, z, dz, dxh, dw, ones, db] = arena.buffers as Float64Array[];
  for (const a of [xh, wT, w, dz]) a!.set(randomArray(a!.length, 13));
  ones!.fill(1);
  return measure(
    () => {
      for (let t = 0; t < T; t++) arena.gemmAB(B, H4, K, xh!, t * B * K, K, wT!, 0, H4, z!, t * B * H4, H4, false);
      for (let t = T - 1; t >= 0; t--) arena.gemmAB(B, H, H4, dz!, t * B * H4, H4, w!, I, K, dxh!, I, K, false);
      arena.gemmAtB(H4, K, R, dz!, 0, H4, xh!, 0, K, dw!, 0, K, false);
      arena.gemmAB(1, H4, R, ones!, 0, R, dz!, 0, H4, db!, 0, H4, false);
    },
    REPS,
    5,
  );
}

/** ms per training step of the same LSTM in TF.js on the current backend. */
function tfjs(H: number, x: Float64Array, dhs: Float64Array): Timing {
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
  const ms = measure(step, REPS, 5);
  for (const v of [wIh, wHh, bIh, bHh, dh, ...xs]) v.dispose();
  return ms;
}

async function main(): Promise<void> {
  const wasmDir = fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url));
  setWasmPaths(wasmDir);
  // Initialise both TF.js backends once up front (module compilation is not part of a training step).
  for (const backend of ['wasm', 'cpu']) {
    if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} failed to initialise`);
    await tf.ready();
  }
  const wasmThreads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  const wasmSimd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const median = (v: number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1]!;
  // Rounds interleave all measurements (kernel, ours, TF.js CPU, TF.js wasm for every H), so that all of them see
  // the same machine conditions; every reported number is the median over the rounds, ratios are medians of the
  // per-round ratios.
  const kernelRuns: Array<{ blocked: number; naive: number; simd: number }> = [];
  const runs = new Map<
    number,
    Array<{ ours: Timing; oursJsElementwise: Timing; mults: Timing; cpu: Timing; wasm: Timing; kernel: number; simd: number }>
  >();
  for (let round = 0; round < ROUNDS; round++) {
    const kernel = kernelGflops();
    kernelRuns.push(kernel);
    for (const H of HS) {
      const x = randomArray(T * B * I, 11);
      const dhs = randomArray(T * B * H, 12);
      const mine = ours(H, x, dhs);
      const oursJsElementwise = ours(H, x, dhs, true);
      const mults = multipliesOnly(H);
      await tf.setBackend('cpu');
      const cpu = tfjs(H, x, dhs);
      await tf.setBackend('wasm');
      const wasm = tfjs(H, x, dhs);
      const run = { ours: mine, oursJsElementwise, mults, cpu, wasm, kernel: kernel.blocked, simd: kernel.simd };
      runs.set(H, [...(runs.get(H) ?? []), run]);
    }
  }
  const rows: string[][] = [];
  const wallRows: string[][] = [];
  const shareRows: string[][] = [];
  for (const H of HS) {
    const rs = runs.get(H)!;
    const flop = 8 * T * B * H * (2 * I + 3 * H);
    const oursMs = median(rs.map((r) => pick(r.ours)));
    const gflops = flop / oursMs / 1e6;
    rows.push([
      String(H),
      oursMs.toFixed(2),
      median(rs.map((r) => pick(r.cpu))).toFixed(1),
      median(rs.map((r) => pick(r.wasm))).toFixed(1),
      median(rs.map((r) => pick(r.cpu) / pick(r.ours))).toFixed(1) + '×',
      median(rs.map((r) => pick(r.wasm) / pick(r.ours))).toFixed(1) + '×',
      (flop / 1e6).toFixed(1),
      gflops.toFixed(2),
      median(rs.map((r) => (100 * flop) / pick(r.ours) / 1e6 / r.kernel)).toFixed(0) + '%',
      SIMD ? median(rs.map((r) => (100 * flop) / pick(r.ours) / 1e6 / r.simd)).toFixed(0) + '%' : '–',
    ]);
    // Element-wise share: the step minus its multiplies alone, with the element-wise work in JavaScript (before)
    // and in SIMD (after).
    const mults = median(rs.map((r) => pick(r.mults)));
    const before = median(rs.map((r) => pick(r.oursJsElementwise)));
    const share = (step: number): string => `${(step - mults).toFixed(2)} (${((100 * (step - mults)) / step).toFixed(0)}%)`;
    shareRows.push([String(H), mults.toFixed(2), before.toFixed(2), share(before), oursMs.toFixed(2), share(oursMs)]);
    wallRows.push([
      String(H),
      median(rs.map((r) => r.ours.wall)).toFixed(2),
      median(rs.map((r) => r.cpu.wall)).toFixed(1),
      median(rs.map((r) => r.wasm.wall)).toFixed(1),
    ]);
  }
  const table = (head: string[], body: string[][]): void => {
    const widths = head.map((h, c) => Math.max(h.length, ...body.map((r) => r[c]!.length)));
    const line = (r: string[]): string => r.map((v, c) => v.padStart(widths[c]!)).join('  ');
    console.log(line(head));
    for (const r of body) console.log(line(r));
  };
  const clock = Number.isNaN(threadCpuMs()) ? 'wall-clock median' : 'thread CPU time, mean';
  console.log(`LSTM train step (forward + BPTT), I=${I}, T=${T}, B=${B}; node ${process.version}; ${clock} per step;`);
  console.log(
    `median of ${ROUNDS} interleaved rounds; load average at the end: ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `TF.js ${tf.version.tfjs} (float32; wasm SIMD ${String(wasmSimd)}, wasm threads ${String(wasmThreads)}); ours float64, ` +
      `multiplies in ${SIMD ? 'WebAssembly SIMD (f64x2)' : 'JavaScript'}.`,
  );
  console.log('FLOP = 8·T·B·H·(2I+3H) (forward, ∂h, ∂W; no ∂x on either side), matrix multiplies only.');
  console.log(
    `Kernel reference (256³, same rounds): blocked gemmABt ${median(kernelRuns.map((k) => k.blocked)).toFixed(2)} ` +
      `GFLOP/s, naive loop ${median(kernelRuns.map((k) => k.naive)).toFixed(2)} GFLOP/s` +
      (SIMD ? `, WebAssembly SIMD ${median(kernelRuns.map((k) => k.simd)).toFixed(2)} GFLOP/s` : ''),
  );
  table(
    ['H', 'ours ms', 'tfjs-cpu ms', 'tfjs-wasm ms', 'vs cpu', 'vs wasm', 'MFLOP', 'GFLOP/s', '% JS kernel', '% SIMD kernel'],
    rows,
  );
  console.log(
    'Element-wise share of our step (ms; the step minus its multiplies alone), element-wise work in JavaScript ' +
      '(fastexact.ts, before) and in WebAssembly SIMD (after), the same bits:',
  );
  table(['H', 'multiplies', 'step, JS', 'element-wise, JS', 'step, SIMD', 'element-wise, SIMD'], shareRows);
  console.log('Wall-clock medians (ms), for reference (inflated when other processes compete for the cores):');
  table(['H', 'ours', 'tfjs-cpu', 'tfjs-wasm'], wallRows);
}

await main();
