/** Chinese text of the forum-claims table in ../forum-claims.ts (build time only; loaded through ../zh.ts). */
import { register } from '../core.ts';
import type { ForumClaimStrings, ForumGloss } from '../forum-claims.ts';

const ZH: { readonly FORUM_CLAIMS_TEXT: ForumClaimStrings; readonly FORUM_GLOSS: ForumGloss } = {
  FORUM_CLAIMS_TEXT: {
    caption: '帖子中的各条说法，逐字引自存档副本（保留原文英文），附结论。',
    headClaim: '帖子中的说法',
    headVerdict: '结论',
    headReason: '理由',
    headShown: '演示',
    keyLead: '结论',
    verdicts: {
      correct: { label: '正确', meaning: '如其所述成立' },
      partly: { label: '部分正确', meaning: '只有一部分成立，或者成立的原因并非其所给的原因' },
      wrong: { label: '错误', meaning: '如其所述不成立' },
      unsupported: { label: '无从查证', meaning: '帖子给出的内容无法检验' },
    },
    answersLead: '回答',
    answers: {
      A: 'A：列出各激活函数公式和优点的回答（“Sigmoid specifically, is used as the gating function …”）',
      B: 'B：从候选记忆元的符号出发论证的回答（“LSTMs manage an internal state vector …”）',
    },
    answerOf: (answer) => `回答 ${answer}`,
    copy: '副本',
    paraphraseLead: '我们能读到的副本都没有保留原话。用我们的话说：',
    paperLinkClaim: '回答最后通过一个链接推荐了一篇讲解激活函数的论文。',
    reasons: {
      'sigmoid-gates': (slope) =>
        `门做乘法，所以 0 与 1 之间的值可以读作“让这一比例通过”；中间的值和两端同样重要，因为 σ 在那里有斜率（最大为 ${slope}），梯度下降才有方向可循。`,
      'second-derivative': (pct, tanhDecay, sigmoidDecay, steps, f, lstm, w, rnn0, rnn1) =>
        `梯度消失是一阶导数（而不是二阶导数）的连乘，而且 tanh″ 比 σ″ 衰减得更快（在 z ≈ ${tanhDecay} 以外低于峰值的 ${pct} %，σ″ 要到 ${sigmoidDecay} 以外）；LSTM 增加的是一条记忆路径，其梯度与存储的内容无关——遗忘门为 ${f} 时，经过 ${steps} 步，无论存的是什么值都保留 ${lstm}，而权重为 ${w} 的 tanh RNN 单元存 0 时保留 ${rnn0}，存 tanh(1) 时只剩 ${rnn1}。`,
      'relu-replacement': (relu) =>
        `ReLU 无界，连这个回答自己的第一条标准都不满足；单调性也换不来凸性（无论用什么激活函数，LSTM 的训练损失都是非凸的）。ReLU 候选记忆元可以训练，但单个单元无法存下负值（上上下下任务中单单元的 ReLU：解决 ${relu}）。`,
      'sigmoid-derivative': (z, correct, literal, bracketed) =>
        `符号和括号都错了：σ′(z) = e⁻ᶻ/(1 + e⁻ᶻ)² = σ(z)(1 − σ(z))，在 z = ${z} 处为 ${correct}，而按原文字面计算得 ${literal}，补上括号得 ${bracketed}。`,
      'converges-faster':
        '对隐藏单元而言，一般确实如此：LeCun 等人建议用 tanh 这类对称的 sigmoid 代替 logistic sigmoid，因为零均值的输出让下一层学得更快。对 LSTM 的输出来说这是第二个原因；第一个原因是 tanh 给没有界的记忆加上了界。',
      'cheaper-gradient': (s, t) => `前向计算存下 y 之后，两者的代价相同——σ′：${s}；tanh′：${t}。`,
      formulas:
        'hard tanh 和 ReLU 是对的（折点处取哪一侧的值只是约定），但 leaky ReLU 的导数被标成了 relu′(z)，而 ReLU 的导数在 z < 0 时为 0，leaky ReLU 的则是 k。',
      'paper-link':
        '从我们能读到的任何副本都无法确定这个链接指向哪里，因此无从检验；关于激活函数的综述，可参阅 Dubey 等人的论文。',
      'up-and-down':
        '有了遗忘门，非负的候选记忆元也能让状态减小（向零收缩）；它做不到的是从 c₀ = 0 出发让状态变为负数，所以单个单元无法保存有符号的量。',
      'gru-second-tanh':
        'GRU 不需要第二个 tanh，是因为它的状态是有界值的加权平均；LSTM 的记忆是可以不断增长的累加和，而在 Greff 等人的实验中，去掉输出 tanh 会显著降低性能。',
      'rescaled-sigmoid': (tanhMax, sigmoidMax, ratio) =>
        `tanh(z) = 2σ(2z) − 1 严格成立，所以缩放权重后两者可以互相替代；但在相同权重下，tanh′ 的峰值是 ${tanhMax}，是 σ′ 峰值 ${sigmoidMax} 的 ${ratio} 倍，而平移正是让输出以零为中心的原因。`,
    },
    links: {
      'sigmoid-gates': '门为什么用 sigmoid',
      'second-derivative': '二阶导数能做什么',
      'relu-replacement': '能不能直接换成 ReLU？',
      'sigmoid-derivative': '勘误',
      'converges-faster': '输出为什么再用一次 tanh',
      'cheaper-gradient': '勘误',
      formulas: '勘误',
      'paper-link': '十三个函数',
      'up-and-down': '候选记忆元为什么用 tanh',
      'gru-second-tanh': 'GRU 为什么不需要第二个 tanh',
      'rescaled-sigmoid': 'tanh 是缩放后的 sigmoid',
    },
  },
  FORUM_GLOSS: {
    'sigmoid-gates':
      '译：门控（输入、输出、遗忘三个门）专门使用 sigmoid，因为它输出 0 到 1 之间的值，可以让信息完全不通过或全部通过。',
    'second-derivative':
      '译：另一方面，为了克服梯度消失问题，需要一个二阶导数能在很长范围内保持、不至于很快变为零的函数；tanh 正具有这一性质。',
    'relu-replacement':
      '译：好的神经元应当有界、容易求导、单调（有利于凸优化）并且易于处理；考虑到这些性质，我认为可以用 ReLU 代替 tanh，两者是很好的互相替代。',
    'sigmoid-derivative': '译：sigmoid 的一阶导数（原文公式，符号与括号有误）。',
    'converges-faster': '译：（1）实践中常常收敛更快。',
    'cheaper-gradient': '译：（2）梯度计算的代价更低。',
    formulas: '译：hard tanh、ReLU 和 leaky ReLU 的公式；leaky ReLU 一节的一阶导数标为 relu′(z)。',
    'up-and-down':
      '译：LSTM 维护一个内部状态向量，加上某个函数的输出后，它的值应当既能增大也能减小；sigmoid 的输出总是非负的，状态的值只会增大。',
    'gru-second-tanh': '译：LSTM 的“表亲” GRU 没有第二个 tanh，所以在某种意义上第二个 tanh 并不必要。',
    'rescaled-sigmoid': '译：sigmoid 和 tanh 的导数之间并没有真正有意义的差别；tanh 只是缩放并平移后的 sigmoid。',
  },
};

register('zh', ZH);
