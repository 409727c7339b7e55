/**
 * Text of the article "Vanishing (and exploding) gradients through time": the gradient-flow figures (`bptt`, `cec`),
 * their read-outs and text alternative (src/figures/gradients/plot.ts), presets, and the three build-time tables.
 */
import type { Localised } from './core.ts';

export interface GradientStrings {
  readonly title: string;
  readonly dataCaption: string;
  readonly presets: string;
  readonly tryLabel: string;
  readonly preset: {
    readonly bptt: {
      readonly default: string;
      readonly sigmoid: string;
      readonly identity: string;
      readonly gauss: string;
      readonly relu3: string;
      readonly tiny: string;
    };
    readonly cec: {
      readonly default: string;
      readonly bf0: string;
      readonly bf5: string;
      readonly r0: string;
      readonly gru: string;
    };
  };
  readonly network: string;
  readonly settings: string;
  readonly cell: string;
  readonly cellNames: { readonly rnn: string; readonly lstm: string; readonly gru: string };
  readonly activationRnn: string;
  readonly activationCell: string;
  readonly weightOrth: string;
  readonly weightGauss: string;
  readonly scale: string;
  readonly scaleValue: (v: string) => string;
  readonly length: string;
  readonly lengthValue: (v: string) => string;
  /** Slider label text before the subscript b_f / b_z. */
  readonly forgetBias: string;
  readonly updateBias: string;
  readonly forgetBiasValue: (v: string) => string;
  readonly updateBiasValue: (v: string) => string;
  readonly seed: string;
  readonly plotLabel: (cell: string) => string;
  readonly factsRnn: (gamma: string, norm: string, radius: string, factor: string) => string;
  readonly factsGate: (which: string, mean: string, bias: string, value: string) => string;
  readonly meanForget: string;
  readonly meanUpdate: string;
  readonly computing: (T: string) => string;
  // LogPlot.
  readonly legend: string;
  readonly cursorLag: (label: string) => string;
  readonly lagAxis: string;
  readonly normAxis: string;
  readonly readoutLag: (k: string, t: string) => string;
  readonly valueText: (k: string, step: string, values: string) => string;
  // plot.ts: norms, strips, labels.
  readonly overflow: (approx: string) => string;
  readonly underflow: (limit: string, approx: string) => string;
  readonly exactlyZero: string;
  readonly undefinedNorm: string;
  readonly overStrip: (limit: string) => string;
  readonly underStripBoth: (limit: string) => string;
  readonly underStrip: (limit: string) => string;
  readonly cellPath: string;
  readonly updatePath: string;
  readonly bound: (gamma: string, norm: string) => string;
  readonly cellPathShort: string;
  readonly updatePathShort: string;
  readonly boundShort: string;
  readonly setupRnn: (a: string) => string;
  readonly setupLstm: (a: string, bf: string) => string;
  readonly setupGru: (a: string, bf: string) => string;
  readonly initOrth: string;
  readonly initGauss: string;
  readonly weights: (init: string, r: string, norm: string) => string;
  readonly eventOverflow: (label: string, limit: string, lag: string) => string;
  readonly eventUnderflow: (label: string, limit: string, lag: string) => string;
  readonly eventZero: (label: string, lag: string) => string;
  readonly eventJoin: string;
  readonly whyHuge: (step: string, T: string) => string;
  readonly whyNonFinite: (step: string, T: string) => string;
  readonly overflowNotice: (why: string, T: string, shown: string, last: string) => string;
  readonly clipNaN: string;
  readonly clipInf: string;
  readonly clipBroken: (what: string, t: string) => string;
  readonly clipBelow: (norm: string, t: string) => string;
  readonly clipped: (norm: string, t: string, after: string, factor: string) => string;
  readonly describeFirst: (setup: string, hidden: string, weights: string, T: string, seed: string) => string;
  readonly describeCurve: (label: string, v0: string, vMid: string, mid: string, vLast: string, last: string) => string;
  readonly stop: string;
  readonly lagColumn: string;
  readonly stepColumn: string;
  readonly gamma: (sym: string, v: string) => string;
  readonly activationOption: (name: string, gamma: string) => string;
  // Build-time tables.
  readonly cecRegion: string;
  readonly cecCaption: string;
  readonly cecBias: string;
  readonly cecSteps: string;
  readonly clipRegion: string;
  readonly clipCaption: (hidden: string, r: string, seed: string) => string;
  readonly clipBefore: string;
  readonly clipAfter: string;
  readonly clipFactor: string;
  readonly gammaRegion: string;
  readonly gammaCaption: (steps: string) => string;
  readonly gammaActivation: string;
}

export const GRADIENTS: Localised<GradientStrings> = {
  en: {
    title: 'Gradient norms through time.',
    dataCaption:
      '‖∂L/∂h_t‖ and the other curves at about 20 lags (3 significant digits; orders of magnitude outside the float64 range).',
    presets: 'Presets',
    tryLabel: 'Try:',
    preset: {
      bptt: {
        default: 'tanh, ρ = 1',
        sigmoid: 'σ',
        identity: 'identity, ρ = 0.9',
        gauss: 'Gaussian W',
        relu3: 'ReLU, ρ = 3, T = 1000',
        tiny: 'σ, ρ = 0.05, T = 1000',
      },
      cec: {
        default: 'forget bias 1',
        bf0: 'forget bias 0',
        bf5: 'forget bias 5',
        r0: 'ρ = 0',
        gru: 'GRU, update bias 2',
      },
    },
    network: 'Network',
    settings: 'Settings',
    cell: 'Cell',
    cellNames: { rnn: 'vanilla RNN', lstm: 'LSTM', gru: 'GRU' },
    activationRnn: 'Activation φ',
    activationCell: 'Candidate activation',
    weightOrth: 'ρ × orthogonal',
    weightGauss: 'Gaussian, radius ρ',
    scale: 'Scale ρ',
    scaleValue: (v) => `recurrent weight scale ρ = ${v}`,
    length: 'Length T',
    lengthValue: (v) => `sequence length T = ${v}`,
    forgetBias: 'Forget bias',
    updateBias: 'Update bias',
    forgetBiasValue: (v) => `forget-gate bias ${v}`,
    updateBiasValue: (v) => `update-gate bias ${v}`,
    seed: 'Seed',
    plotLabel: (cell) => `Gradient norms against the lag, ${cell}`,
    factsRnn: (gamma, norm, radius, factor) =>
      `${gamma}, ‖W‖ = ${norm} (spectral radius ${radius}): the bound’s factor per step is γ‖W‖ = ${factor}.`,
    factsGate: (which, mean, bias, value) =>
      `Mean ${which} over all units and steps: ${mean}; from the bias alone it would be σ(${bias}) = ${value}.`,
    meanForget: 'forget gate f',
    meanUpdate: 'update gate z',
    computing: (T) => `Computing T = ${T}…`,
    legend: 'Legend',
    cursorLag: (label) => `${label}: cursor lag`,
    lagAxis: 'lag T − t →',
    normAxis: 'gradient norm (log scale)',
    readoutLag: (k, t) => `lag ${k} (t = ${t})`,
    valueText: (k, step, values) => `lag ${k} (step ${step}): ${values}`,
    overflow: (approx) => `overflow (≈ ${approx})`,
    underflow: (limit, approx) => `underflow below ${limit} (≈ ${approx})`,
    exactlyZero: 'exactly 0',
    undefinedNorm: 'undefined (the forward pass overflowed)',
    overStrip: (limit) => `overflow: above ${limit}`,
    underStripBoth: (limit) => `below ${limit} or exactly 0`,
    underStrip: (limit) => `underflow: below ${limit}`,
    cellPath: 'cell path alone ‖∂L/∂c_T ⊙ Π f‖',
    updatePath: 'direct path alone ‖v ⊙ Π z‖',
    bound: (gamma, norm) => `bound (γ‖W‖)^lag = (${gamma} × ${norm})^lag`,
    cellPathShort: 'cell path alone',
    updatePathShort: 'direct path alone',
    boundShort: 'bound',
    setupRnn: (a) => `vanilla RNN, φ = ${a}`,
    setupLstm: (a, bf) => `LSTM (σ gates, ${a} candidate and cell output), forget bias ${bf}`,
    setupGru: (a, bf) => `GRU (σ gates, ${a} candidate), update-gate bias ${bf}`,
    initOrth: 'ρ × random orthogonal',
    initGauss: 'Gaussian rescaled to spectral radius ρ',
    weights: (init, r, norm) => `W_hh = ${init}, ρ = ${r} (‖W‖ = ${norm})`,
    eventOverflow: (label, limit, lag) => `${label} overflows float64 (above ${limit}) from lag ${lag}`,
    eventUnderflow: (label, limit, lag) => `${label} underflows below ${limit} from lag ${lag}`,
    eventZero: (label, lag) => `${label} is exactly 0 from lag ${lag}`,
    eventJoin: '; ',
    whyHuge: (step, T) =>
      `h (or c) grows beyond 10¹⁵⁴ from step ${step} of ${T} on and later overflows float64; backpropagation multiplies such values and overflows too`,
    whyNonFinite: (step, T) => `h (or c) is not a finite number from step ${step} of ${T} on`,
    overflowNotice: (why, T, shown, last) =>
      `The forward pass overflowed: ${why}, so the loss at step ${T} and its gradient do not exist in float64. ` +
      `Shown instead: the loss at step ${shown}, the last step before that (lags 0 to ${last}).`,
    clipNaN: 'is not a number',
    clipInf: 'overflowed float64',
    clipBroken: (what, t) =>
      `‖∂L/∂θ‖ over all parameters ${what}: clipping to ${t} cannot repair it (rescaling an infinite gradient gives no number at all), so such a training step has to be skipped.`,
    clipBelow: (norm, t) => `‖∂L/∂θ‖ over all parameters = ${norm}: below ${t}, clipping leaves it unchanged.`,
    clipped: (norm, t, after, factor) =>
      `‖∂L/∂θ‖ over all parameters = ${norm}; clipped to norm ${t} it becomes ${after} (every entry × ${factor}, same direction).`,
    describeFirst: (setup, hidden, weights, T, seed) =>
      `${setup}, ${hidden} units; ${weights}; T = ${T}, seed ${seed}. Loss L = vᵀh_T.`,
    describeCurve: (label, v0, vMid, mid, vLast, last) =>
      `${label}: ${v0} at lag 0, ${vMid} at lag ${mid}, ${vLast} at lag ${last}.`,
    stop: '.',
    lagColumn: 'lag T − t',
    stepColumn: 'step t',
    gamma: (sym, v) => `γ = max |${sym}′| = ${v}`,
    activationOption: (name, gamma) => `${name} (γ = ${gamma})`,
    cecRegion: 'Forget gate and its products',
    cecCaption: 'Computed when the page was built, with the site’s σ. The last column is the smallest n with f{^n} < 0.01.',
    cecBias: 'forget bias',
    cecSteps: 'steps until Π f < 1 %',
    clipRegion: 'Gradient norms before and after clipping',
    clipCaption: (hidden, r, seed) =>
      `ReLU RNN, ${hidden} units, W{_hh} = ${r} × random orthogonal, seed ${seed}; loss L = vᵀh{_T}. Computed when the page was built by the same code as the figures; clipping is the library’s clipGradNorm, which matches PyTorch’s clip_grad_norm_.`,
    clipBefore: '‖∂L/∂θ‖ before',
    clipAfter: 'after clipping to 1',
    clipFactor: 'factor',
    gammaRegion: 'Largest slope of each activation and the bound after 20 steps',
    gammaCaption: (steps) =>
      `γ is the registry’s largest slope of each function. (γ‖W‖){^${steps}} with ‖W‖ = 1 is the bound on the gradient after ${steps} steps; the bound can only stay level or grow if ‖W‖ ≥ 1/γ.`,
    gammaActivation: 'activation φ',
  },
  zh: {
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
    cecRegion: '遗忘门及其乘积',
    cecCaption: '在构建页面时用本站的 σ 计算。最后一列是使 f{^n} < 0.01 的最小 n。',
    cecBias: '遗忘门偏置',
    cecSteps: 'Π f 降到 1 % 以下所需步数',
    clipRegion: '裁剪前后的梯度范数',
    clipCaption: (hidden, r, seed) =>
      `ReLU RNN，${hidden} 个单元，W{_hh} = ${r} × 随机正交矩阵，种子 ${seed}；损失 L = vᵀh{_T}。在构建页面时由与图相同的代码计算；裁剪使用本站库中的 clipGradNorm，与 PyTorch 的 clip_grad_norm_ 一致。`,
    clipBefore: '裁剪前的 ‖∂L/∂θ‖',
    clipAfter: '裁剪到 1 之后',
    clipFactor: '缩放因子',
    gammaRegion: '各激活函数的最大斜率及 20 步后的上界',
    gammaCaption: (steps) =>
      `γ 是注册表中每个函数的最大斜率。‖W‖ = 1 时，(γ‖W‖){^${steps}} 是 ${steps} 步之后梯度的上界；只有 ‖W‖ ≥ 1/γ 时，上界才能保持不变或增长。`,
    gammaActivation: '激活函数 φ',
  },
};
