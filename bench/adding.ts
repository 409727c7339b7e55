/**
 * Benchmark: time to solve the adding problem (Le et al. 2015 variant, `addingProblem()` in src/lib/nn/tasks.ts)
 * with the default LSTM: H = 16, PyTorch init, Adam, batch 32. "Solved" = MSE < 0.01 on the fixed held-out set of
 * 1024 sequences (seed HELD_OUT_SEED), checked every `--eval-every` steps. Reports steps and wall-clock seconds
 * (including the held-out evaluations and set-up) and process CPU seconds per seed, and the medians. On a shared
 * machine the CPU time is the steadier figure; wall-clock is what a user waits.
 *
 * Run (the pinned Node 24 strips the types itself):
 *
 *   cd /work/main && export PATH=$PWD/node_modules/.bin:$PATH && node bench/adding.ts [--T 50] [--lr 0.05]
 *     [--H 16] [--batch 32] [--eval-every 50] [--seeds 0,1,2] [--steps 10000] [--forget-bias 0] [--clip N]
 */
import { createLstm } from '../src/lib/nn/lstm.ts';
import { addingProblem } from '../src/lib/nn/tasks.ts';
import { train, type TrainResult } from '../src/lib/nn/train.ts';

const args = process.argv.slice(2);
function arg(name: string, fallback: string): string {
  const k = args.indexOf(`--${name}`);
  return k >= 0 && k + 1 < args.length ? args[k + 1]! : fallback;
}

const T = Number(arg('T', '50'));
const lr = Number(arg('lr', '0.05'));
const H = Number(arg('H', '16'));
const batchSize = Number(arg('batch', '32'));
const evalEvery = Number(arg('eval-every', '50'));
const steps = Number(arg('steps', '10000'));
const forgetBias = Number(arg('forget-bias', '0'));
const clipArg = arg('clip', '');
const seeds = arg('seeds', '0,1,2').split(',').map(Number);

const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

console.log(
  `adding problem (Le et al. 2015), T = ${T}; LSTM H = ${H}, forget bias ${forgetBias}; Adam lr ${lr}; batch ${batchSize}; ` +
    `eval every ${evalEvery} on 1024 held-out; budget ${steps} steps${clipArg ? `; clip ${clipArg}` : ''}; node ${process.version}`,
);
const rows: { seed: number; result: TrainResult; seconds: number; cpu: number; msPerStep: number }[] = [];
for (const seed of seeds) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = train({
    makeLayer: ({ rng, inputSize }) => createLstm({ inputSize, hiddenSize: H, rng, forgetBias }),
    task: addingProblem(),
    T,
    batchSize,
    optimizer: { kind: 'adam', lr },
    steps,
    evalEvery,
    seed,
    ...(clipArg ? { clip: Number(clipArg) } : {}),
  });
  const seconds = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  const cpu = (c1.user + c1.system) / 1e6;
  rows.push({ seed, result, seconds, cpu, msPerStep: (1000 * seconds) / result.step });
  const detail =
    result.status === 'solved' || result.status === 'budget'
      ? `held-out MSE ${result.evaluation.loss.toFixed(5)}`
      : JSON.stringify(result);
  console.log(
    `seed ${seed}: ${result.status} at step ${result.step} in ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU (${rows.at(-1)!.msPerStep.toFixed(2)} ms/step incl. eval); ${detail}`,
  );
}
const solved = rows.filter((r) => r.result.status === 'solved');
console.log(
  `median: ${median(rows.map((r) => r.result.step))} steps, ${median(rows.map((r) => r.seconds)).toFixed(2)} s wall, ` +
    `${median(rows.map((r) => r.cpu)).toFixed(2)} s CPU ` +
    `(${solved.length}/${rows.length} solved)`,
);
