/**
 * Chinese text of the build-time LSTM figures' tables in ../lstm.ts (UpDownFigure, GrowthFigure and their series
 * plot, rendered on the server only; see ../core.ts).
 */
import { register } from '../core.ts';
import type { GrowthStrings, SeriesStrings, UpDownStrings } from '../lstm.ts';

const ZH: {
  readonly UPDOWN: UpDownStrings;
  readonly GROWTH: GrowthStrings;
  readonly SERIES: SeriesStrings;
} = {
  UPDOWN: {
    title: '上上下下。',
    runningSum: 'x 的累加和',
    candidate: (name) => `${name} 候选记忆元`,
    target: '目标（累加和 / √T）',
    mse: (name, mse) => `${name}：MSE ${mse}`,
    trainedC: (label) => `训练后的 c，${label}`,
    description: (seed, T, lo, hi, hand, tc, ty) =>
      `输入序列（种子 ${seed}，${T} 步）上上下下；它的累加和从 ${lo} 变到 ${hi}。` +
      `手工设定的单元——${hand}。训练后的单单元 LSTM，记忆元——${tc}。训练后的单单元 LSTM，预测——${ty}。`,
    caption: (gateBias, gate, seed, steps) =>
      `上：输入 {x_t}（+1 画向上的刻线，−1 画向下的刻线），以及所有门都保持打开（偏置 ${gateBias}，于是 {i} = {f} = {o} = ${gate}）且 {z_g} = {x_t} 时，` +
      `同一个单元在三种候选记忆元激活函数下的记忆元。中、下：在这个任务上*训练*的单单元 LSTM` +
      `（种子 ${seed}，Adam，最多 ${steps} 步），输入同一序列。只有 tanh 的记忆元会降到 0 以下。`,
    dataCaption: '每一步的输入、累加和与记忆元（4 位有效数字）。',
    dataAt: '逐步的全部绘图数值：见附录中的表格',
    handHeading: '手工设定：记忆元每一步加上 g',
    handLabel: '手工设定的单元在各候选记忆元下的记忆元',
    trainedHeading: '训练后，单个单元：记忆元',
    trainedLabel: '训练后的单单元 LSTM 的记忆元',
    predHeading: '训练后，单个单元：预测与目标',
    predLabel: '训练后的单单元 LSTM 的预测与目标',
  },
  GROWTH: {
    title: '记忆元没有上界；tanh 为输出加上了界。',
    value: '值',
    bound: '上界 |c| ≤ t',
    cell: '记忆元 c',
    hIdentity: '恒等或 ReLU 输出时的 h',
    hTanh: (x) => `tanh 输出时的 h，x = ${x}`,
    hRelu: (x) => `ReLU 输出时的 h，x = ${x}`,
    caption: (T, x, io, f, wg, g, steady, h) =>
      `单个单元，输入恒为 {x} = ${x}，共 ${T} 步；门只由偏置决定（{i} = {o} = ${io}，{f} = ${f}），候选记忆元为 ` +
      `{g} = tanh(${wg}·{x}) = ${g}。记忆元向 ${steady} = {i}·{g}/(1 − {f}) 攀升；用 tanh 作输出时，{h_t} 保持在 ${h}。`,
    description: (first, second) => `${first}。隐状态，第二幅图——${second}。`,
    dataCaption: '每隔 10 步取一次（4 位有效数字）。输入为正时，ReLU 输出与恒等输出相同。',
    dataAt: '每隔 10 步的绘图数值：见附录中的表格',
    cellHeading: '记忆元，以及不经压缩的输出',
    cellLabel: '记忆元与未经压缩的隐状态随时间步的变化',
    outHeading: '用 tanh 时的输出（以及记忆为负时的 ReLU 输出）',
    outLabel: '正、负输入下 tanh 输出的隐状态，以及负输入下 ReLU 输出的隐状态',
  },
  SERIES: {
    describe: (label, lo, hi, last) => `${label}：介于 ${lo} 与 ${hi} 之间，最终为 ${last}`,
    join: '；',
  },
};

register('zh', ZH);
