/** Chinese text of the table in ../experiments.ts (build time only; loaded through ../zh.ts). */
import { register } from '../core.ts';
import type { ExperimentWords } from '../experiments.ts';

const ZH: { readonly EXPERIMENT_WORDS: ExperimentWords } = {
  EXPERIMENT_WORDS: {
    rate: (k, n, lo, hi) => `${k}/${n} [${lo}–${hi}%]`,
    n: (n) => `n = ${n}`,
    spread: (median, min, max) => `${median}（${min}–${max}）`,
    none: '—',

    steps: (spread) => `步数 ${spread}`,
    diverged: (count, quantities, steps) => `${count} 次发散（${quantities}；第 ${steps} 步）`,
    unsolved: (count, metric, range) => `${count} 次未解出，${metric} ${range}`,
    quantity: { state: '状态', loss: '损失', gradNorm: '梯度范数' },
    metric: { mse: 'MSE', accuracy: '准确率' },
    task: { adding: '加法问题', updown: '上上下下', copy: '复制任务' },

    stripLabel: (parts) => `种子（步数）：${parts}`,
    stripSolved: (list) => `解出 ${list}`,
    stripBudget: (list) => `未解出 ${list}`,
    stripDiverged: (list) => `发散 ${list}`,
    stripItem: (seed, step) => `${seed}（${step}）`,
    listSep: '、',
    partSep: '；',
    standardCell: 'LSTM（标准）',

    tableLabel: (title, T) => `结果：${title}，T = ${T}`,
    variant: '变体',
    settingHead: (lr, clip) => `Adam ${lr}，${clip}`,
    noClip: '不裁剪',
    clipAt: (c) => `裁剪 ${c}`,
    groups: {
      candidate: 'LSTM：改候选 g（输出 φ = tanh）',
      output: 'LSTM：改输出 φ（候选 g = tanh）',
      both: 'LSTM：两者都改',
      reference: '其他单元',
    },
    tableCaption: (title, T, n, budget, metric) =>
      `${title}，T = ${T}，每格 n = ${n} 个种子：解出的次数（共 n 次）及成功率的 95% Wilson 区间；解出所需步数为已解出各次的中位数（最小–最大）；每个种子一个记号，按种子顺序（● 解出，○ 用完 ${budget} 步预算仍未解出，× 发散；鼠标悬停可见每次的步数）；发散时给出越界的量和步数；未解出的各次给出结束时留出集上的 ${metric}。`,

    panelNote: (clip, rate) => `${clip} ${rate}`,
    panelAlt: (clip, rate, diverged, seeds) => `${clip}：解出 ${rate}，发散 ${diverged} 次——${seeds}`,
    withoutClipping: '不裁剪',
    withClippingAt: (c) => `按 ${c} 裁剪`,
    legend: '图例',
    legendNoClipping: '不裁剪',
    legendClippingAt: (c) => `按全局范数 ${c} 裁剪`,
    legendMarks: '× 发散 · ● 解出 · 点线：基线（上）',
    legendThreshold: '和成功阈值（下）',
    gridCaption: (every, title, T, lr, budget, n) =>
      `训练损失（每 ${every} 步的平均值，对数坐标）随步数的变化，${title}，T = ${T}，Adam ${lr}，每个种子一条曲线（每种设置 n = ${n}；每个小图的注释给出解出次数及 95% Wilson 区间）；步数预算为 ${budget}。超出坐标轴的值画在上边缘。`,

    solvedMoreOften: '解出得更多',
    solvedLessOften: '解出得更少',
    noClearDifference: (n) => `在 n = ${n} 时没有明确差异`,
    slower: '更慢',
    faster: '更快',
    tooFewToCompare: '解出的次数太少，无法比较速度',
    versus: (a, b) => `${a} 对 ${b}`,
    andN: (a, b) => `${a} 和 ${b}`,

    fbClipping: '裁剪',
    fbColumn: (fb) => `遗忘门偏置 ${fb}`,
    fbDifference: '差异',
    fbMore: (fb) => `遗忘门偏置为 ${fb} 时解出得更多`,
    fbFewer: (fb) => `遗忘门偏置为 ${fb} 时解出得更少`,
    fbCaption: (title, T, lr, n, budget) =>
      `${title}，T = ${T}，Adam ${lr}：遗忘门偏置为 0（PyTorch 的默认值，网格其余部分所用）和为 1，每格 n = ${n} 个种子，两列使用相同的种子。解出的次数（共 n 次）及 95% Wilson 区间；解出所需步数为已解出各次的中位数（最小–最大）；每个种子一个记号（● 解出，○ 用完 ${budget} 步预算仍未解出，× 发散）。只有两个区间不重叠时才称为有差异。`,
    fbLabel: (title, T) => `遗忘门偏置 0 与 1：${title}，T = ${T}`,
  },
};

register('zh', ZH);
