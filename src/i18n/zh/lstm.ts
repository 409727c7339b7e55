/** Chinese text of the cell explorer's table in ../lstm.ts (loaded only by Chinese pages; see ../core.ts). */
import { register } from '../core.ts';
import type { CellStrings } from '../lstm.ts';

const ZH: {
  readonly CELL: CellStrings;
} = {
  CELL: {
    useOwn: '使用我自己的权重',
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
    noteOutputUnbounded: (h, name) => `h_t = ${h} 超出了 [−1, 1]：用 ${name} 作记忆元输出时，h 随记忆元一起增长。`,
    noteOutputDead: (name) => `记忆元为负时 ${name}(c_t) = 0：无论记忆元存着什么，h_t 都是 0，也没有梯度经它回传。`,
    noteSaturated: (gate, slope, value) =>
      `${gate}已饱和：它的斜率 ${slope}(z) = ${value}，权重的微小变化几乎不能改变它，它的梯度也几乎消失。`,
    noteNone: '这一步没有需要提示的情况：所有数值都是有限的，每个门都在 [0, 1] 内且都没有饱和，h_t 在 [−1, 1] 内。',
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

register('zh', ZH);
