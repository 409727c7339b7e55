/**
 * The glossary of the Chinese edition (术语表): each English term, the Chinese term the articles use for it, a
 * one-line meaning and the section that defines it. The page /zh/glossary/ is built from this table, and the tests
 * check that every Chinese term really occurs in the Chinese articles and every link points at a real section, so
 * the glossary and the articles cannot drift apart.
 */

/** Articles that have a Chinese edition (the file names under content/articles/zh/). */
export const GLOSSARY_ARTICLES = ['why-sigmoid-and-tanh', 'activation-functions', 'vanishing-gradients'] as const;
export type GlossaryArticle = (typeof GLOSSARY_ARTICLES)[number];

/** Short names of those articles, after a section link on the glossary page (the full titles are long). */
export const GLOSSARY_ARTICLE_NAMES: { readonly [A in GlossaryArticle]: string } = {
  'why-sigmoid-and-tanh': '为什么用 sigmoid 和 tanh',
  'activation-functions': '激活函数一览',
  'vanishing-gradients': '梯度消失与梯度爆炸',
};

export interface GlossaryTerm {
  /** Anchor of the term on the glossary page. */
  readonly id: string;
  /** The English term, as the English articles write it. */
  readonly en: string;
  /** The Chinese term, exactly as the Chinese articles write it. */
  readonly zh: string;
  /** Other forms the Chinese articles use (an abbreviation, a longer form). */
  readonly alsoZh?: readonly string[];
  /** One line: what it means. */
  readonly meaning: string;
  /** The section that defines it. */
  readonly defined: { readonly article: GlossaryArticle; readonly section: string };
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'gating',
    en: 'gate, gating',
    zh: '门控',
    alsoZh: ['门'],
    meaning: '取值在 0 与 1 之间的乘数，决定让多少信息通过；LSTM 用 sigmoid 函数计算它。',
    defined: { article: 'why-sigmoid-and-tanh', section: 'why-sigmoid-gates' },
  },
  {
    id: 'input-gate',
    en: 'input gate',
    zh: '输入门',
    meaning: 'LSTM 中决定把多少候选记忆元写入记忆元的门 $i_t$。',
    defined: { article: 'why-sigmoid-and-tanh', section: 'lstm-equations' },
  },
  {
    id: 'forget-gate',
    en: 'forget gate',
    zh: '遗忘门',
    meaning: 'LSTM 中决定保留多少旧记忆的门 $f_t$；2000 年由 Gers 等人加入。',
    defined: { article: 'why-sigmoid-and-tanh', section: 'lstm-equations' },
  },
  {
    id: 'output-gate',
    en: 'output gate',
    zh: '输出门',
    meaning: 'LSTM 中决定把多少（经 tanh 压缩的）记忆展示为隐状态的门 $o_t$。',
    defined: { article: 'why-sigmoid-and-tanh', section: 'lstm-equations' },
  },
  {
    id: 'candidate',
    en: 'candidate (cell)',
    zh: '候选记忆元',
    meaning: '要写入记忆元的新内容 $g_t$；它是唯一被加到记忆上的项，所以必须能取负值，LSTM 用 tanh 计算它。',
    defined: { article: 'why-sigmoid-and-tanh', section: 'why-tanh-candidate' },
  },
  {
    id: 'cell-state',
    en: 'cell state, memory cell',
    zh: '记忆元',
    meaning: 'LSTM 的记忆 $c_t$：由遗忘门缩放后的旧记忆加上由输入门缩放的候选记忆元；它没有上界。',
    defined: { article: 'why-sigmoid-and-tanh', section: 'lstm-equations' },
  },
  {
    id: 'hidden-state',
    en: 'hidden state',
    zh: '隐状态',
    meaning: '循环单元在每一步的输出 $h_t$，送往下一层，并在下一步回到每一个门。',
    defined: { article: 'why-sigmoid-and-tanh', section: 'lstm-equations' },
  },
  {
    id: 'update-gate',
    en: 'update gate (GRU)',
    zh: '更新门',
    meaning: 'GRU 中在新的候选隐状态与旧状态之间插值的门 $z_t$；它使 GRU 的状态天然有界。',
    defined: { article: 'why-sigmoid-and-tanh', section: 'gru-no-second-tanh' },
  },
  {
    id: 'dead-unit',
    en: 'dead unit',
    zh: '死亡单元',
    meaning: '预激活始终为负的 ReLU 单元：输出恒为 0，斜率也为 0，不再收到梯度。',
    defined: { article: 'why-sigmoid-and-tanh', section: 'up-and-down' },
  },
  {
    id: 'peephole',
    en: 'peephole connection',
    zh: '窥视孔连接',
    meaning: '让门直接读取记忆元的额外连接；Greff 等人发现去掉它并无显著损害。',
    defined: { article: 'why-sigmoid-and-tanh', section: 'why-tanh-output' },
  },
  {
    id: 'activation-function',
    en: 'activation function',
    zh: '激活函数',
    meaning: '神经网络层中唯一的非线性步骤，例如 sigmoid、tanh、ReLU。',
    defined: { article: 'activation-functions', section: 'the-functions' },
  },
  {
    id: 'saturation',
    en: 'saturation, saturates',
    zh: '饱和',
    meaning: '激活函数的导数趋于 0 的区域；梯度经过饱和的单元时几乎被抹去。',
    defined: { article: 'activation-functions', section: 'properties' },
  },
  {
    id: 'zero-centred',
    en: 'zero-centred',
    zh: '以零为中心',
    meaning: '$f(0) = 0$ 且正负两种值都取（逐点的定义）。它并不保证平均输出为零；让下一层学得更快的经典论证要求的是均值接近零。',
    defined: { article: 'activation-functions', section: 'properties' },
  },
  {
    id: 'bptt',
    en: 'backpropagation through time (BPTT)',
    zh: '时间反向传播',
    alsoZh: ['BPTT'],
    meaning: '把循环网络沿时间展开成共享权重的深层网络，再做反向传播；梯度是每步一个雅可比矩阵的乘积。',
    defined: { article: 'vanishing-gradients', section: 'bptt-product' },
  },
  {
    id: 'jacobian',
    en: 'Jacobian',
    zh: '雅可比矩阵',
    meaning: '一步的输出对输入的偏导数矩阵；时间反向传播把它们一个接一个地相乘。',
    defined: { article: 'vanishing-gradients', section: 'bptt-product' },
  },
  {
    id: 'vanishing-gradient',
    en: 'vanishing gradient',
    zh: '梯度消失',
    meaning: '来自很久以前时间步的梯度指数级地缩小，网络因而学不到长距离的依赖。',
    defined: { article: 'vanishing-gradients', section: 'the-bound' },
  },
  {
    id: 'spectral-norm',
    en: 'spectral norm, spectral radius',
    zh: '谱范数',
    alsoZh: ['谱半径'],
    meaning: '矩阵的最大奇异值（谱范数）与特征值的最大模（谱半径）；前者给出梯度的上界。',
    defined: { article: 'vanishing-gradients', section: 'the-bound' },
  },
  {
    id: 'cec',
    en: 'constant error carousel (CEC)',
    zh: '恒定误差传送带',
    meaning: 'LSTM 记忆元上的加性路径：沿这条路径梯度只乘以遗忘门，不乘激活函数的导数和权重矩阵。',
    defined: { article: 'vanishing-gradients', section: 'constant-error-carousel' },
  },
  {
    id: 'exploding-gradient',
    en: 'exploding gradient',
    zh: '梯度爆炸',
    meaning: '梯度沿时间指数级地增长，直到超出浮点数的范围。',
    defined: { article: 'vanishing-gradients', section: 'exploding-gradients' },
  },
  {
    id: 'gradient-clipping',
    en: 'gradient clipping',
    zh: '梯度裁剪',
    meaning: '当全部参数的梯度范数超过阈值时把它按比例缩小，只限制步长、不改变方向。',
    defined: { article: 'vanishing-gradients', section: 'exploding-gradients' },
  },
];

/** The site path of the section that defines a term, in the Chinese edition: `zh/articles/x/#id`. */
export function definitionPath(t: GlossaryTerm): string {
  return `zh/articles/${t.defined.article}/#${t.defined.section}`;
}
