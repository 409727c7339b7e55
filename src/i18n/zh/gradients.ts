/** Chinese text of the tables in ../gradients.ts (loaded only by Chinese pages; see ../core.ts). */
import { register } from '../core.ts';
import type { GradientStrings } from '../gradients.ts';

const ZH: {
  readonly GRADIENTS: GradientStrings;
} = {
  GRADIENTS: {
    takeAway: '权重和 PyTorch 脚本',
    useOwn: '使用我自己的权重',
    title: '梯度范数随时间的变化。',
    dataCaption: '‖∂L/∂h_t‖ 及其他曲线在约 20 个时间差处的值（3 位有效数字；超出 float64 范围时给出数量级）。',
    presets: '预设',
    tryLabel: '试试：',
    preset: {
      bptt: {
        default: 'tanh，ρ = 1',
        sigmoid: 'σ',
        identity: '恒等函数，ρ = 0.9',
        gauss: '高斯 W',
        relu3: 'ReLU，ρ = 3，T = 1000',
        tiny: 'σ，ρ = 0.05，T = 1000',
      },
      cec: {
        default: '遗忘门偏置 1',
        bf0: '遗忘门偏置 0',
        bf5: '遗忘门偏置 5',
        r0: 'ρ = 0',
        gru: 'GRU，更新门偏置 2',
      },
    },
    network: '网络',
    settings: '设置',
    cell: '单元',
    cellNames: { rnn: '普通 RNN', lstm: 'LSTM', gru: 'GRU' },
    activationRnn: '激活函数 φ',
    activationCell: '候选记忆元的激活函数',
    weightOrth: 'ρ × 正交矩阵',
    weightGauss: '高斯矩阵，谱半径 ρ',
    scale: '缩放 ρ',
    scaleValue: (v) => `循环权重缩放 ρ = ${v}`,
    length: '长度 T',
    lengthValue: (v) => `序列长度 T = ${v}`,
    forgetBias: '遗忘门偏置',
    updateBias: '更新门偏置',
    forgetBiasValue: (v) => `遗忘门偏置 ${v}`,
    updateBiasValue: (v) => `更新门偏置 ${v}`,
    seed: '种子',
    plotLabel: (cell) => `梯度范数随时间差的变化，${cell}`,
    factsRnn: (gamma, norm, radius, factor) =>
      `${gamma}，‖W‖ = ${norm}（谱半径 ${radius}）：上界每一步的因子为 γ‖W‖ = ${factor}。`,
    factsGate: (which, mean, bias, value) =>
      `所有单元和时间步上${which}的平均值：${mean}；仅由偏置决定时应为 σ(${bias}) = ${value}。`,
    meanForget: '遗忘门 f',
    meanUpdate: '更新门 z',
    computing: (T) => `正在计算 T = ${T}…`,
    legend: '图例',
    cursorLag: (label) => `${label}：光标所在的时间差`,
    lagAxis: '时间差 T − t →',
    normAxis: '梯度范数（对数坐标）',
    readoutLag: (k, t) => `时间差 ${k}（t = ${t}）`,
    valueText: (k, step, values) => `时间差 ${k}（第 ${step} 步）：${values}`,
    overflow: (approx) => `上溢（≈ ${approx}）`,
    underflow: (limit, approx) => `下溢，低于 ${limit}（≈ ${approx}）`,
    exactlyZero: '恰好为 0',
    undefinedNorm: '没有定义（前向传播已溢出）',
    overStrip: (limit) => `上溢：大于 ${limit}`,
    underStripBoth: (limit) => `小于 ${limit} 或恰好为 0`,
    underStrip: (limit) => `下溢：小于 ${limit}`,
    cellPath: '只经记忆元路径 ‖∂L/∂c_T ⊙ Π f‖',
    updatePath: '只经直接路径 ‖v ⊙ Π z‖',
    bound: (gamma, norm) => `上界 (γ‖W‖)^时间差 = (${gamma} × ${norm})^时间差`,
    cellPathShort: '只经记忆元路径',
    updatePathShort: '只经直接路径',
    boundShort: '上界',
    setupRnn: (a) => `普通 RNN，φ = ${a}`,
    setupLstm: (a, bf) => `LSTM（σ 门控，候选记忆元和记忆元输出用 ${a}），遗忘门偏置 ${bf}`,
    setupGru: (a, bf) => `GRU（σ 门控，候选隐状态用 ${a}），更新门偏置 ${bf}`,
    initOrth: 'ρ × 随机正交矩阵',
    initGauss: '缩放到谱半径 ρ 的高斯矩阵',
    weights: (init, r, norm) => `W_hh = ${init}，ρ = ${r}（‖W‖ = ${norm}）`,
    eventOverflow: (label, limit, lag) => `${label} 从时间差 ${lag} 起超出 float64（大于 ${limit}）`,
    eventUnderflow: (label, limit, lag) => `${label} 从时间差 ${lag} 起下溢到 ${limit} 以下`,
    eventZero: (label, lag) => `${label} 从时间差 ${lag} 起恰好为 0`,
    eventJoin: '；',
    eventUndefined: (label, lag) => `${label} 从时间差 ${lag} 起没有定义（前向传播溢出）`,
    noEvents: (curves, low, high) => `没有下溢，也没有溢出：在所示的每个时间差上，${curves} 都在 ${low} 与 ${high} 之间。`,
    and: ' 与 ',
    whyHuge: (step, T) =>
      `从第 ${step} 步（共 ${T} 步）起，h（或 c）超过 10¹⁵⁴，随后超出 float64；反向传播要把这样的值相乘，也会溢出`,
    whyNonFinite: (step, T) => `从第 ${step} 步（共 ${T} 步）起，h（或 c）不再是有限数`,
    overflowNotice: (why, T, shown, last) =>
      `前向传播溢出了：${why}，因此第 ${T} 步的损失及其梯度在 float64 中不存在。` +
      `改为显示：第 ${shown} 步（此前最后一步）的损失（时间差 0 到 ${last}）。`,
    clipNaN: '不是一个数',
    clipInf: '超出了 float64',
    clipBroken: (what, t) =>
      `所有参数上的 ‖∂L/∂θ‖ ${what}：裁剪到 ${t} 也无法补救（对无穷大的梯度做缩放得不到任何数），这样的训练步只能跳过。`,
    clipBelow: (norm, t) => `所有参数上的 ‖∂L/∂θ‖ = ${norm}：低于 ${t}，梯度裁剪不改变它。`,
    clipped: (norm, t, after, factor) =>
      `所有参数上的 ‖∂L/∂θ‖ = ${norm}；裁剪到范数 ${t} 后变为 ${after}（每个分量乘以 ${factor}，方向不变）。`,
    describeFirst: (setup, hidden, weights, T, seed) =>
      `${setup}，${hidden} 个单元；${weights}；T = ${T}，种子 ${seed}。损失 L = vᵀh_T。`,
    describeCurve: (label, v0, vMid, mid, vLast, last) =>
      `${label}：时间差 0 处为 ${v0}，时间差 ${mid} 处为 ${vMid}，时间差 ${last} 处为 ${vLast}。`,
    stop: '。',
    lagColumn: '时间差 T − t',
    stepColumn: '时间步 t',
    gamma: (sym, v) => `γ = max |${sym}′| = ${v}`,
    activationOption: (name, gamma) => `${name}（γ = ${gamma}）`,
  },
};

register('zh', ZH);
