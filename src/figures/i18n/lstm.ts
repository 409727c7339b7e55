/**
 * Text of the core article's LSTM figures: the cell explorer (`cell`), "up and down" and the growth of the cell
 * state. The explorer's presets, notes, text alternative and data table are here too, so src/figures/lstm/explorer.ts
 * keeps only logic.
 */
import type { Localised } from './core.ts';

type PresetText = { readonly label: string; readonly description: string };

export interface CellStrings {
  readonly title: string;
  /** Caption (rich markup, src/figures/i18n/rich.ts). */
  readonly caption: string;
  readonly presets: string;
  readonly reset: string;
  readonly resetLabel: string;
  readonly preset: {
    readonly remember: PresetText;
    readonly forget: PresetText;
    readonly writePositive: PresetText;
    readonly writeNegative: PresetText;
    readonly saturated: PresetText;
  };
  readonly startText: string;
  readonly ownText: string;
  readonly rolesLabel: string;
  readonly roleGate: string;
  readonly roleCandidate: string;
  readonly roleOutput: string;
  readonly gatesLabel: string;
  readonly gatesHead: string;
  readonly gatesHeadNote: string;
  readonly valuesLabel: string;
  readonly valuesHead: string;
  readonly valuesHeadNote: string;
  readonly oldMemory: string;
  readonly kept: string;
  readonly written: string;
  readonly newMemory: string;
  readonly squashed: string;
  readonly output: string;
  readonly comingIn: string;
  readonly gateName: { readonly i: string; readonly f: string; readonly g: string; readonly o: string };
  readonly inputX: string;
  readonly prevHidden: string;
  readonly prevCell: string;
  readonly inputWeight: (gate: string) => string;
  readonly recurrentWeight: (gate: string) => string;
  readonly bias: (gate: string) => string;
  readonly exactValue: (name: string) => string;
  readonly dataCaption: string;
  // Notes under the bars.
  readonly noteOverflow: string;
  readonly gateNames: { readonly i: string; readonly f: string; readonly o: string };
  readonly noteGateOutside: (gate: string, v: string) => string;
  readonly noteGateNegative: string;
  readonly noteGateAmplifies: string;
  readonly noteCandidateNonNegative: (name: string) => string;
  readonly noteOutputUnbounded: (h: string, name: string) => string;
  readonly noteOutputDead: (name: string) => string;
  readonly noteSaturated: (gate: string, slope: string, value: string) => string;
  // Text alternative and data table.
  readonly description: (
    gate: string,
    cand: string,
    out: string,
    x: string,
    h: string,
    c: string,
    i: string,
    f: string,
    o: string,
    g: string,
    kept: string,
    written: string,
    cNew: string,
    hNew: string,
  ) => string;
  readonly columns: readonly [string, string, string];
  readonly rowInput: string;
  readonly rowPrevHidden: string;
  readonly rowPrevCell: string;
  readonly rowKept: string;
  readonly rowWritten: string;
}

export const CELL: Localised<CellStrings> = {
  en: {
    title: 'The LSTM cell, one step.',
    caption:
      'Set what comes in (input {x}, previous hidden state {h_t−1}, previous cell state {c_t−1}), the weights of each gate block, and the activation function used in each role; every value is computed by this site’s LSTM library (one unit, PyTorch’s equations). Gate bars are drawn on 0 … 1, the other values on −2 … 2 (an arrow marks a value off the scale); the numbers are exact.',
    presets: 'Presets',
    reset: 'Reset',
    resetLabel: 'Reset every control to its starting value',
    preset: {
      remember: {
        label: 'Remember',
        description: 'Forget gate open, input gate closed: the old cell state passes through unchanged.',
      },
      forget: { label: 'Forget', description: 'Forget gate closed, input gate closed: the cell state is wiped to about 0.' },
      writePositive: {
        label: 'Write +',
        description: 'Forget gate closed, input gate open, candidate driven up: the cell state becomes about +1.',
      },
      writeNegative: {
        label: 'Write −',
        description:
          'The same, with the candidate driven down: about −1 with a tanh candidate — try a sigmoid or ReLU candidate here.',
      },
      saturated: {
        label: 'Saturated',
        description:
          'Large weights: every gate is pinned at 0 or 1 and the output at ±1, where the slopes (and gradients) are almost 0.',
      },
    },
    startText: 'The starting point: moderate weights, every gate partly open. Pick a preset, or move any slider.',
    ownText: 'Your own setting. Pick a preset, or move any slider.',
    rolesLabel: 'Activation function in each role',
    roleGate: 'Gates σ (i, f, o)',
    roleCandidate: 'Candidate ψ (g)',
    roleOutput: 'Cell output φ',
    gatesLabel: 'Gates: multipliers between 0 (closed) and 1 (open)',
    gatesHead: 'Gates',
    gatesHeadNote: '— multipliers, 0 = closed, 1 = open',
    valuesLabel: 'Signed values',
    valuesHead: 'Values',
    valuesHeadNote: '— signed, scale −2 … 2 (arrows: off the scale)',
    oldMemory: 'old memory',
    kept: 'kept',
    written: 'written',
    newMemory: 'new memory',
    squashed: 'squashed',
    output: 'output',
    comingIn: 'Coming in',
    gateName: { i: 'Input gate i', f: 'Forget gate f', g: 'Candidate g', o: 'Output gate o' },
    inputX: 'input x_t',
    prevHidden: 'previous hidden state h_t−1',
    prevCell: 'previous cell state c_t−1',
    inputWeight: (gate) => `${gate}, input weight w_x`,
    recurrentWeight: (gate) => `${gate}, recurrent weight w_h`,
    bias: (gate) => `${gate}, bias b`,
    exactValue: (name) => `${name}, exact value`,
    dataCaption: 'Every quantity of this step, as computed by the library (3 decimals).',
    noteOverflow:
      'A value overflowed: it is beyond the largest number a computer’s floating point can hold (about 1.8 × 10³⁰⁸). “—” marks a result that is undefined, such as 0 × overflow. tanh and σ in every slot cannot overflow.',
    gateNames: { i: 'input gate', f: 'forget gate', o: 'output gate' },
    noteGateOutside: (gate, v) => `The ${gate} is ${v}, outside [0, 1]: it no longer means “let this fraction through”`,
    noteGateNegative: ' — a negative gate flips the sign of what it multiplies.',
    noteGateAmplifies: ' — it amplifies what it multiplies.',
    noteCandidateNonNegative: (name) =>
      `A ${name} candidate is never negative, so i·g ≥ 0: the cell can be pushed up but never down (it can only shrink through the forget gate, and never below 0 if it starts at 0).`,
    noteOutputUnbounded: (h, name) =>
      `h_t = ${h} lies outside (−1, 1): with ${name} as the cell output, h grows with the cell state.`,
    noteOutputDead: (name) =>
      `${name}(c_t) = 0 for a negative cell state: h_t is 0 whatever the cell holds, and no gradient flows back through it.`,
    noteSaturated: (gate, slope, value) =>
      `The ${gate} is saturated: its slope ${slope}(z) = ${value}, so a small change of its weights barely moves it and its gradient almost vanishes.`,
    description: (gate, cand, out, x, h, c, i, f, o, g, kept, written, cNew, hNew) =>
      `One step of a one-unit LSTM with ${gate} gates, a ${cand} candidate and ${out} as the cell output. ` +
      `Coming in: x = ${x}, h(t−1) = ${h}, c(t−1) = ${c}. Gates: input i = ${i}, forget f = ${f}, output o = ${o}; candidate g = ${g}. ` +
      `New cell state c(t) = f·c(t−1) + i·g = ${kept} + ${written} = ${cNew}; new hidden state h(t) = o·φ(c(t)) = ${hNew}.`,
    columns: ['quantity', 'computed as', 'value'],
    rowInput: 'input',
    rowPrevHidden: 'previous hidden state',
    rowPrevCell: 'previous cell state',
    rowKept: 'kept',
    rowWritten: 'written',
  },
  zh: {
    title: 'LSTM 单元的一个时间步。',
    caption:
      '设定输入（输入 {x}、上一步的隐状态 {h_t−1}、上一步的记忆元 {c_t−1}）、每个门控块的权重，以及每个角色使用的激活函数；每个值都由本站的 LSTM 库计算（单个单元，采用 PyTorch 的公式）。门的条形画在 0 … 1 上，其余的值画在 −2 … 2 上（箭头表示超出刻度）；数字是精确值。',
    presets: '预设',
    reset: '重置',
    resetLabel: '重置：把所有控件恢复到初始值',
    preset: {
      remember: { label: '记住', description: '遗忘门打开，输入门关闭：旧的记忆元原样保留。' },
      forget: { label: '遗忘', description: '遗忘门关闭，输入门关闭：记忆元被清空到约 0。' },
      writePositive: { label: '写入 +', description: '遗忘门关闭，输入门打开，候选记忆元被推向正值：记忆元变为约 +1。' },
      writeNegative: {
        label: '写入 −',
        description: '同上，但候选记忆元被推向负值：tanh 候选记忆元给出约 −1——在这里试试 sigmoid 或 ReLU 候选记忆元。',
      },
      saturated: {
        label: '饱和',
        description: '权重很大：每个门都被钉在 0 或 1，输出被钉在 ±1，那里的斜率（以及梯度）几乎为 0。',
      },
    },
    startText: '初始状态：权重适中，每个门都部分打开。选一个预设，或拖动任意滑块。',
    ownText: '你自己的设置。选一个预设，或拖动任意滑块。',
    rolesLabel: '每个角色使用的激活函数',
    roleGate: '门控 σ（i、f、o）',
    roleCandidate: '候选记忆元 ψ（g）',
    roleOutput: '记忆元输出 φ',
    gatesLabel: '门：取值在 0（关闭）与 1（打开）之间的乘数',
    gatesHead: '门',
    gatesHeadNote: '—— 乘数，0 = 关闭，1 = 打开',
    valuesLabel: '有符号的量',
    valuesHead: '数值',
    valuesHeadNote: '—— 有正负，刻度 −2 … 2（箭头：超出刻度）',
    oldMemory: '旧记忆',
    kept: '保留',
    written: '写入',
    newMemory: '新记忆',
    squashed: '压缩后',
    output: '输出',
    comingIn: '输入',
    gateName: { i: '输入门 i', f: '遗忘门 f', g: '候选记忆元 g', o: '输出门 o' },
    inputX: '输入 x_t',
    prevHidden: '上一步的隐状态 h_t−1',
    prevCell: '上一步的记忆元 c_t−1',
    inputWeight: (gate) => `${gate}，输入权重 w_x`,
    recurrentWeight: (gate) => `${gate}，循环权重 w_h`,
    bias: (gate) => `${gate}，偏置 b`,
    exactValue: (name) => `${name}，精确值`,
    dataCaption: '这一步的所有量，均由本站的库计算（保留 3 位小数）。',
    noteOverflow:
      '有数值溢出：它超出了计算机浮点数能表示的最大值（约 1.8 × 10³⁰⁸）。“—”表示没有定义的结果，例如 0 × 溢出。所有位置都用 tanh 和 σ 时不会溢出。',
    gateNames: { i: '输入门', f: '遗忘门', o: '输出门' },
    noteGateOutside: (gate, v) => `${gate}为 ${v}，超出了 [0, 1]：它不再表示“让这一比例通过”`,
    noteGateNegative: '——为负的门会翻转它所乘的量的符号。',
    noteGateAmplifies: '——它会放大它所乘的量。',
    noteCandidateNonNegative: (name) =>
      `${name} 候选记忆元永远不为负，因此 i·g ≥ 0：记忆元只能被推高，不能被压低（它只能通过遗忘门缩小，而且若从 0 开始就永远不会低于 0）。`,
    noteOutputUnbounded: (h, name) => `h_t = ${h} 超出了 (−1, 1)：用 ${name} 作记忆元输出时，h 随记忆元一起增长。`,
    noteOutputDead: (name) => `记忆元为负时 ${name}(c_t) = 0：无论记忆元存着什么，h_t 都是 0，也没有梯度经它回传。`,
    noteSaturated: (gate, slope, value) =>
      `${gate}已饱和：它的斜率 ${slope}(z) = ${value}，权重的微小变化几乎不能改变它，它的梯度也几乎消失。`,
    description: (gate, cand, out, x, h, c, i, f, o, g, kept, written, cNew, hNew) =>
      `单个单元的 LSTM 的一个时间步：门控用 ${gate}，候选记忆元用 ${cand}，记忆元输出用 ${out}。` +
      `输入：x = ${x}，h(t−1) = ${h}，c(t−1) = ${c}。门：输入门 i = ${i}，遗忘门 f = ${f}，输出门 o = ${o}；候选记忆元 g = ${g}。` +
      `新的记忆元 c(t) = f·c(t−1) + i·g = ${kept} + ${written} = ${cNew}；新的隐状态 h(t) = o·φ(c(t)) = ${hNew}。`,
    columns: ['量', '计算方式', '值'],
    rowInput: '输入',
    rowPrevHidden: '上一步的隐状态',
    rowPrevCell: '上一步的记忆元',
    rowKept: '保留',
    rowWritten: '写入',
  },
};

export interface UpDownStrings {
  readonly title: string;
  readonly runningSum: string;
  readonly candidate: (name: string) => string;
  readonly target: string;
  readonly mse: (name: string, mse: string) => string;
  readonly trainedC: (label: string) => string;
  readonly description: (seed: string, T: string, lo: string, hi: string, hand: string, tc: string, ty: string) => string;
  readonly caption: (gateBias: string, gate: string, seed: string, steps: string) => string;
  readonly dataCaption: string;
  readonly handHeading: string;
  readonly handLabel: string;
  readonly trainedHeading: string;
  readonly trainedLabel: string;
  readonly predHeading: string;
  readonly predLabel: string;
}

export const UPDOWN: Localised<UpDownStrings> = {
  en: {
    title: 'Up and down.',
    runningSum: 'running sum of x',
    candidate: (name) => `${name} candidate`,
    target: 'target (running sum / √T)',
    mse: (name, mse) => `${name}: MSE ${mse}`,
    trainedC: (label) => `trained c, ${label}`,
    description: (seed, T, lo, hi, hand, tc, ty) =>
      `The input sequence (seed ${seed}, ${T} steps) moves up and down; its running sum goes from ${lo} to ${hi}. ` +
      `Hand-set cell — ${hand}. Trained one-unit cells, cell state — ${tc}. Trained one-unit cells, prediction — ${ty}.`,
    caption: (gateBias, gate, seed, steps) =>
      `Top: the input {x_t} (a mark up for +1, down for −1) and, with every gate held open (bias ${gateBias}, so {i} = {f} = {o} = ${gate}) and {z_g} = {x_t}, ` +
      `the cell state of the same cell with three candidate activations. Middle and bottom: one-unit LSTMs *trained* on this task ` +
      `(seed ${seed}, Adam, ${steps} steps at most), on the same sequence. Only tanh’s cell state goes below zero.`,
    dataCaption: 'Input, running sum and cell states at every step (4 significant digits).',
    handHeading: 'Hand-set: the cell adds g every step',
    handLabel: 'Cell state of the hand-set cell with each candidate',
    trainedHeading: 'Trained, one unit: cell state',
    trainedLabel: 'Cell state of the trained one-unit cells',
    predHeading: 'Trained, one unit: prediction and target',
    predLabel: 'Predictions of the trained one-unit cells and the target',
  },
  zh: {
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
    handHeading: '手工设定：记忆元每一步加上 g',
    handLabel: '手工设定的单元在各候选记忆元下的记忆元',
    trainedHeading: '训练后，单个单元：记忆元',
    trainedLabel: '训练后的单单元 LSTM 的记忆元',
    predHeading: '训练后，单个单元：预测与目标',
    predLabel: '训练后的单单元 LSTM 的预测与目标',
  },
};

export interface GrowthStrings {
  readonly title: string;
  readonly value: string;
  readonly bound: string;
  readonly cell: string;
  readonly hIdentity: string;
  readonly hTanh: (x: string) => string;
  readonly hRelu: (x: string) => string;
  readonly caption: (T: string, x: string, io: string, f: string, wg: string, g: string, steady: string, h: string) => string;
  readonly description: (first: string, second: string) => string;
  readonly dataCaption: string;
  readonly cellHeading: string;
  readonly cellLabel: string;
  readonly outHeading: string;
  readonly outLabel: string;
}

export const GROWTH: Localised<GrowthStrings> = {
  en: {
    title: 'The cell state is not bounded; tanh bounds the output.',
    value: 'value',
    bound: 'the bound |c| ≤ t',
    cell: 'cell state c',
    hIdentity: 'h with an identity or ReLU output',
    hTanh: (x) => `h with a tanh output, x = ${x}`,
    hRelu: (x) => `h with a ReLU output, x = ${x}`,
    caption: (T, x, io, f, wg, g, steady, h) =>
      `One unit, ${T} steps of the constant input {x} = ${x}; the gates are set by their biases alone ({i} = {o} = ${io}, {f} = ${f}) and the candidate is ` +
      `{g} = tanh(${wg}·{x}) = ${g}. The cell state climbs towards ${steady} = {i}·{g}/(1 − {f}); with a tanh output, {h_t} stays at ${h}.`,
    description: (first, second) => `${first}. Hidden state, second panel — ${second}.`,
    dataCaption: 'Every 10th step (4 significant digits). With the positive input the ReLU output equals the identity output.',
    cellHeading: 'Cell state, and the output without squashing',
    cellLabel: 'Cell state and unsquashed hidden state over the steps',
    outHeading: 'The output with tanh (and ReLU on a negative memory)',
    outLabel: 'Hidden state with a tanh output for positive and negative input, and with a ReLU output for negative input',
  },
  zh: {
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
    cellHeading: '记忆元，以及不经压缩的输出',
    cellLabel: '记忆元与未经压缩的隐状态随时间步的变化',
    outHeading: '用 tanh 时的输出（以及记忆为负时的 ReLU 输出）',
    outLabel: '正、负输入下 tanh 输出的隐状态，以及负输入下 ReLU 输出的隐状态',
  },
};

export interface SeriesStrings {
  readonly describe: (label: string, lo: string, hi: string, last: string) => string;
  readonly join: string;
}

export const SERIES: Localised<SeriesStrings> = {
  en: {
    describe: (label, lo, hi, last) => `${label}: from ${lo} to ${hi}, ending at ${last}`,
    join: '; ',
  },
  zh: {
    describe: (label, lo, hi, last) => `${label}：介于 ${lo} 与 ${hi} 之间，最终为 ${last}`,
    join: '；',
  },
};
