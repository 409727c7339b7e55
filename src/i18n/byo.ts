/**
 * Text of "Use my own weights" (src/components/byo/), in every language. The panel is a chunk loaded only when the
 * reader asks for it, so both languages are given inline: no page carries these words up front.
 */
import type { Localised } from './core.ts';
import type { StateDictErrorCode } from '../lib/nn/state-dict.ts';

/** The facts of a problem with a file, as the worker reports them (a StateDictError's fields, or `internal`). */
export interface ByoErrorFacts {
  readonly code: StateDictErrorCode | 'internal';
  readonly key: string;
  /** The library's message, in English. */
  readonly message: string;
  readonly detail: Readonly<Record<string, string | number>>;
  readonly expected?: readonly number[] | undefined;
  readonly actual?: readonly number[] | undefined;
}

/** The phases of reading and computing, as the panel reports them. */
export interface PhaseStrings {
  readonly read: string;
  readonly parse: string;
  readonly check: string;
  readonly compute: string;
}

export interface ByoStrings {
  readonly title: string;
  /** What the panel does, for the cell explorer (an LSTM only) and the gradient figure (LSTM, GRU or RNN). */
  readonly introCell: string;
  readonly introFlow: string;
  readonly privacy: string;
  readonly python: string;
  readonly choose: string;
  readonly drop: string;
  readonly close: string;
  readonly phase: PhaseStrings;
  /** "Reading the file… (1.2 s)". */
  readonly progress: (phase: string, seconds: string) => string;
  /** What was loaded: cell, I, H and the module's layers and directions. */
  readonly loaded: (cell: string, inputSize: string, hidden: string, layers: string, directions: string) => string;
  readonly ignored: (keys: string) => string;
  readonly layer: string;
  readonly direction: string;
  readonly forward: string;
  readonly reverse: string;
  readonly steps: string;
  readonly seed: string;
  readonly unit: string;
  readonly step: string;
  readonly probe: (T: string, seed: string) => string;
  readonly unitHead: (j: string, t: string) => string;
  readonly saturated: (t: string, i: string, f: string, o: string, g: string) => string;
  readonly flowHead: (T: string) => string;
  readonly flowFacts: (norm: string, gate: string) => string;
  readonly meanForget: string;
  readonly meanUpdate: string;
  readonly noGate: string;
  readonly computed: (ms: string) => string;
  readonly plotLabel: string;
  /** The lead sentence of each problem (the library's message, which names the key and the shapes, follows it). */
  readonly error: { readonly [C in StateDictErrorCode | 'internal']: string };
  readonly errorDetail: string;
}

const shape = (s: readonly number[]): string => `[${s.join(', ')}]`;
const MODULE: Readonly<Record<string, string>> = { lstm: 'nn.LSTM', gru: 'nn.GRU', rnn: 'nn.RNN' };
const GATES: Readonly<Record<string, number>> = { lstm: 4, gru: 3, rnn: 1 };
const mb = (bytes: string | number | undefined): string => (Number(bytes) / 1e6).toFixed(1);

/** A value as the library describes it (`describeValue`: "an array of length 3", "the string …", NaN, null), in Chinese. */
export function zhValue(got: string | number | undefined): string {
  const v = String(got ?? '');
  const array = /^an array of length (\d+)$/.exec(v);
  if (array) return `长度为 ${array[1]} 的数组`;
  if (v.startsWith('the string ')) return `字符串 ${v.slice('the string '.length)}`;
  const words: Readonly<Record<string, string>> = { nothing: '空缺', object: '对象', boolean: '布尔值', undefined: '空缺' };
  return words[v] ?? v;
}

/** The Chinese detail line of each cause (see {@link ByoStrings.errorText}). */
function zhErrorText(e: ByoErrorFacts): string {
  const d = e.detail;
  const k = e.key;
  switch (e.code) {
    case 'too-big':
      return `文件大小为 ${mb(d['bytes'])} MB；此处最多读取 ${mb(d['limit'])} MB`;
    case 'empty':
      return '文件是空的：应为 state_dict 的 JSON 对象';
    case 'binary':
      return (
        '这是二进制文件（torch.save 写出的 zip 或 pickle 归档），不是 JSON：请用 ' +
        'json.dump({k: v.tolist() for k, v in model.state_dict().items()}, open("lstm.json", "w")) 把 state_dict 写成 JSON'
      );
    case 'not-json':
      return Number(d['line']) > 0 ? `不是有效的 JSON（第 ${d['line']} 行，第 ${d['column']} 列）` : '不是有效的 JSON';
    case 'not-object':
      return `state_dict 应为以参数名为键的 JSON 对象，实际是 ${zhValue(d['got'])}`;
    case 'no-layer':
      return k !== ''
        ? `${k}：没有前缀为 "${k.replace(/weight_hh_l0$/, '')}" 的循环层（weight_hh_l0 出现在这些前缀下：${d['prefixes'] ?? ''}）`
        : '这个 state_dict 中没有循环层：应有 torch.nn.LSTM、GRU 或 RNN 的键——weight_ih_l0 [G·H, I]、weight_hh_l0 [G·H, H]、' +
            `bias_ih_l0 [G·H]、bias_hh_l0 [G·H]，G = 4、3 或 1；实际找到：${d['found'] ?? ''}`;
    case 'ambiguous':
      return `这个 state_dict 包含多个循环模块（前缀：${d['prefixes'] ?? ''}）；请用 prefix 选项指明其中之一`;
    case 'missing-key': {
      const want = e.expected ? shape(e.expected) : d['what'];
      return want !== undefined ? `${k}：state_dict 中缺少这个键（应为形状 ${want}）` : `${k}：state_dict 中缺少这个键`;
    }
    case 'unexpected-key':
      return `${k}：state_dict 中有多余的键（应有的键：${d['expectedKeys'] ?? ''}）`;
    case 'not-a-tensor':
      return `${k}：不是张量——应为一个数、一个数的数组，或各行长度相同的数的矩阵`;
    case 'shape':
      if (e.expected && e.actual) return `${k}：形状应为 ${shape(e.expected)}，实际为 ${shape(e.actual)}`;
      if (d['what'] !== undefined && e.actual) return `${k}：应为矩阵 ${d['what']}，实际形状为 ${shape(e.actual)}`;
      return `${k}：形状 ${e.actual ? shape(e.actual) : ''} 不是 [G·H, H]（G = 4 为 LSTM，3 为 GRU，1 为 RNN）`;
    case 'not-finite':
      return `${k}${d['where'] ?? ''}：应为有限数，实际为 ${zhValue(d['got'])}`;
    case 'too-large':
      return `${k}：隐藏层大小 H = ${d['hidden']}，超过本页能计算的上限 ${d['limit']}`;
    case 'unsupported':
      return (
        `${k}：这是 proj_size = ${d['projSize']} 的 nn.LSTM（weight_hr_l* [P, H] 把 h 投影到 P 个单元）；` +
        '本站库中的 LSTM 没有投影，无法载入这个 state_dict'
      );
    case 'wrong-kind': {
      const want = String(d['expectedKind']);
      const got = String(d['kind']);
      return (
        `应为 ${MODULE[want] ?? want} 的 state_dict（weight_hh_l0 [${GATES[want] ?? 'G'}H, H]），` +
        `实际是 ${MODULE[got] ?? got}：${k} 的形状为 [${GATES[got] ?? 'G'}H, H]`
      );
    }
    case 'no-such-layer':
      return Number(d['layer']) < Number(d['numLayers'])
        ? '反向不存在：这个 state_dict 不是双向的（没有以 _reverse 结尾的键）'
        : `第 ${d['layer']} 层不存在：这个 state_dict 的 num_layers = ${d['numLayers']}（第 0 … ${Number(d['numLayers']) - 1} 层）`;
    case 'internal':
      return e.message;
  }
}

export const BYO: Localised<ByoStrings> = {
  en: {
    title: 'Your own weights',
    introCell:
      'Load the weights of your own trained torch.nn.LSTM and see its gates on a probe sequence: one unit at a time, and how many units are saturated.',
    introFlow:
      'Load the weights of your own trained torch.nn.LSTM, GRU or RNN and see how the gradient of L = vᵀh_T flows back through it, on a probe sequence.',
    privacy: 'Nothing leaves your browser: the file is read and computed on this page, in a background thread.',
    python: 'Write the file in Python with these two lines:',
    choose: 'Choose a state_dict JSON file',
    drop: 'or drop it here.',
    close: 'Close',
    phase: {
      read: 'Reading the file',
      parse: 'Parsing the JSON',
      check: 'Checking keys and shapes',
      compute: 'Computing',
    },
    progress: (phase, seconds) => `${phase}… (${seconds} s)`,
    loaded: (cell, inputSize, hidden, layers, directions) =>
      `Loaded: ${cell} with I = ${inputSize} inputs and H = ${hidden} hidden units; ${layers} layer(s), ${directions} direction(s).`,
    ignored: (keys) => `Not used (not part of the recurrent module): ${keys}.`,
    layer: 'Layer',
    direction: 'Direction',
    forward: 'forward',
    reverse: 'reverse',
    steps: 'Probe steps T',
    seed: 'Probe seed',
    unit: 'Unit j',
    step: 'Step t',
    probe: (T, seed) => `Probe: ${T} steps of x_t ~ N(0, 1) for every input feature (seed ${seed}), from zero states.`,
    unitHead: (j, t) => `Unit ${j} at step ${t}`,
    saturated: (t, i, f, o, g) =>
      `Saturated at step ${t} (within 0.01 of 0 or 1): input gate ${i}, forget gate ${f}, output gate ${o} of the units; |g| > 0.99: ${g}.`,
    flowHead: (T) => `Gradient norms of your model, T = ${T}`,
    flowFacts: (norm, gate) => `‖W_hh‖ of the first gate block = ${norm}. ${gate}`,
    meanForget: 'Mean forget gate over all units and steps:',
    meanUpdate: 'Mean update gate over all units and steps:',
    noGate: 'A vanilla RNN has no gate.',
    computed: (ms) => `Computed in ${ms} ms.`,
    plotLabel: 'Gradient norms of your model against the lag',
    error: {
      'too-big': 'This file is too big to read here.',
      empty: 'This file is empty.',
      binary: 'This is not a JSON file.',
      'not-json': 'This file is not valid JSON.',
      'not-object': 'This JSON is not a state_dict (an object keyed by parameter name).',
      'no-layer': 'No recurrent layer in this state_dict.',
      ambiguous: 'This state_dict holds several recurrent modules.',
      'missing-key': 'A key is missing.',
      'unexpected-key': 'A key is unexpected.',
      'not-a-tensor': 'A value is not a tensor (a number or an array of numbers).',
      shape: 'A tensor has the wrong shape.',
      'not-finite': 'A weight is not a finite number (NaN or infinite): the model may have diverged.',
      'too-large': 'This model is too large for this page.',
      unsupported: 'This model uses something the library’s cells do not have.',
      'wrong-kind': 'This figure shows an LSTM cell; load a GRU or RNN into the gradient figure of “Vanishing gradients”.',
      'no-such-layer': 'That layer or direction does not exist.',
      internal: 'The computation failed.',
    },
    errorDetail: 'Details:',
  },
  zh: {
    title: '你自己的权重',
    introCell: '载入你自己训练好的 torch.nn.LSTM 的权重，在探测序列上查看它的门：逐个单元查看，并看有多少单元已饱和。',
    introFlow: '载入你自己训练好的 torch.nn.LSTM、GRU 或 RNN 的权重，在探测序列上查看 L = vᵀh_T 的梯度如何在其中反向传播。',
    privacy: '任何数据都不会离开你的浏览器：文件在本页的后台线程中读取和计算。',
    python: '在 Python 中用这两行写出文件：',
    choose: '选择 state_dict 的 JSON 文件',
    drop: '或拖放到这里。',
    close: '关闭',
    phase: {
      read: '正在读取文件',
      parse: '正在解析 JSON',
      check: '正在检查键和形状',
      compute: '正在计算',
    },
    progress: (phase, seconds) => `${phase}……（${seconds} 秒）`,
    loaded: (cell, inputSize, hidden, layers, directions) =>
      `已载入：${cell}，输入 I = ${inputSize}，隐藏单元 H = ${hidden}；共 ${layers} 层，${directions} 个方向。`,
    ignored: (keys) => `未使用（不属于循环模块）：${keys}。`,
    layer: '层',
    direction: '方向',
    forward: '正向',
    reverse: '反向',
    steps: '探测步数 T',
    seed: '探测种子',
    unit: '单元 j',
    step: '时间步 t',
    probe: (T, seed) => `探测序列：每个输入特征取 ${T} 步 x_t ~ N(0, 1)（种子 ${seed}），初始状态为零。`,
    unitHead: (j, t) => `单元 ${j}，时间步 ${t}`,
    saturated: (t, i, f, o, g) =>
      `时间步 ${t} 的饱和单元（与 0 或 1 相差不到 0.01）：输入门 ${i}，遗忘门 ${f}，输出门 ${o}；|g| > 0.99：${g}。`,
    flowHead: (T) => `你的模型的梯度范数，T = ${T}`,
    flowFacts: (norm, gate) => `第一个门块的 ‖W_hh‖ = ${norm}。${gate}`,
    meanForget: '遗忘门在所有单元和时间步上的均值：',
    meanUpdate: '更新门在所有单元和时间步上的均值：',
    noGate: '普通 RNN 没有门。',
    computed: (ms) => `计算用时 ${ms} 毫秒。`,
    plotLabel: '你的模型的梯度范数随时间差的变化',
    error: {
      'too-big': '文件太大，无法在此读取。',
      empty: '文件是空的。',
      binary: '这不是 JSON 文件。',
      'not-json': '文件不是有效的 JSON。',
      'not-object': '这个 JSON 不是 state_dict（以参数名为键的对象）。',
      'no-layer': '这个 state_dict 中没有循环层。',
      ambiguous: '这个 state_dict 包含多个循环模块。',
      'missing-key': '缺少一个键。',
      'unexpected-key': '有一个多余的键。',
      'not-a-tensor': '有一个值不是张量（数或数的数组）。',
      shape: '有一个张量的形状不对。',
      'not-finite': '有一个权重不是有限数（NaN 或无穷大）：模型可能已经发散。',
      'too-large': '这个模型对本页来说太大了。',
      unsupported: '这个模型用到了本站库中的单元所没有的功能。',
      'wrong-kind': '这张图展示的是 LSTM 单元；GRU 或 RNN 请载入《梯度消失》一文中的梯度图。',
      'no-such-layer': '该层或该方向不存在。',
      internal: '计算失败。',
    },
    errorDetail: '详情：',
  },
};

/**
 * The detail line of a problem, in every language: what is wrong, naming the key and the expected shape. English: the
 * library's own message; Chinese is written from the facts ({@link ByoErrorFacts}), one message per cause. (A table
 * of its own: its entries take the facts, not the strings of the figure string tables.)
 */
export const BYO_ERROR_TEXT: Localised<(e: ByoErrorFacts) => string> = {
  en: (e) => e.message,
  zh: zhErrorText,
};
