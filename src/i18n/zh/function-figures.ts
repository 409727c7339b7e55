/** Chinese text of the tables in ../function-figures.ts (loaded only by Chinese pages; see ../core.ts). */
import { register } from '../core.ts';
import type {
  ErrataStrings,
  ExplorerStrings,
  FunctionPlotStrings,
  MorphStrings,
  SecondDerivativeStrings,
} from '../function-figures.ts';

const ZH: {
  readonly FUNCTION_PLOT: FunctionPlotStrings;
  readonly EXPLORER: ExplorerStrings;
  readonly MORPH: MorphStrings;
  readonly ERRATA: ErrataStrings;
  readonly SECOND_DERIVATIVES: SecondDerivativeStrings;
} = {
  FUNCTION_PLOT: {
    figureControls: '图的控件',
    legend: '图例',
    cursorPosition: (label) => `${label}：光标位置`,
    plotHint: (pan, lo, hi) => `将鼠标悬停在图上或轻触图像，也可以聚焦后用 ← → 移动光标${pan}。显示范围：${lo} 到 ${hi}。`,
    panHint: '；+ 和 − 缩放，拖动可平移',
    zoomLabel: 'z 的范围 ±',
    rangeDisplay: (lo, hi) => `${lo} 到 ${hi}`,
    plottedFor: (domain) => `绘制范围：${domain}。`,
    domain: (x, lo, hi) => `${x} 从 ${lo} 到 ${hi}`,
    constant: (label, v) => `${label} 恒为 ${v}`,
    rises: (label, a, b) => `${label} 从 ${a} 上升到 ${b}`,
    falls: (label, b, a) => `${label} 从 ${b} 下降到 ${a}`,
    varies: (label, a, b) => `${label} 在 ${a} 与 ${b} 之间变化`,
    risesThenFalls: (label, a, b) => `${label} 先升后降，介于 ${a} 与 ${b} 之间`,
    fallsThenRises: (label, a, b) => `${label} 先降后升，介于 ${a} 与 ${b} 之间`,
    peaking: (x, v) => `在 ${x} = ${v} 处达到最大`,
    lowest: (x, v) => `在 ${x} = ${v} 处最小`,
    oneExtremum: (e) => `，${e}`,
    twoExtrema: (peak, low) => `，${peak}，${low}`,
    gaps: '（在函数值不是有限数的地方留有空缺）',
    stop: '。',
    shaded: (label, where) => `阴影区域：${label}，${where}。`,
    and: '和',
    allX: (x) => `所有 ${x}`,
  },
  EXPLORER: {
    title: (name) => `${name}及其导数。`,
    caption: '实线：函数本身；虚线：一阶导数；点线：二阶导数。每条曲线都由本站的激活函数注册表计算。',
    activation: '激活函数',
    showFirst: 'f′',
    showSecond: 'f″',
    shade: (pct) => `标出 |f′| < 最大值的 ${pct} % 的区域`,
    zValueText: (lo, hi) => `z 从 ${lo} 到 ${hi}`,
    plotLabel: (name) => `${name}及其导数`,
    shadingLabel: (fprime, pct, max) => `|${fprime}(z)| 小于其最大值 ${max} 的 ${pct} %`,
    kinks: (where) => `（在 z = ${where} 处有折点）`,
    nowhereSaturated: (fprime, pct) => `在这一范围内，|${fprime}(z)| 处处不低于其最大值的 ${pct} %。`,
  },
  MORPH: {
    title: '从 σ 到 tanh。',
    caption:
      '蓝色曲线是 a(t)·σ(b(t)·z) + c(t)，其中 a = b = 1 + t，c = −t：t = 0 时为 σ，t = 1 时恰好是 tanh。灰色：σ（虚线）和 tanh（点线）。朱红色：它在 z = 0 处的切线。',
    slider: 't（σ → tanh）',
    slopeAt0: '0 处的斜率',
    valueText: (t, a, b, c, slope) => `t = ${t}：a = ${a}，b = ${b}，c = ${c}，0 处的斜率 = ${slope}`,
    plotLabel: '介于 σ 与 tanh 之间的曲线',
    tangent: (slope) => `0 处的切线，斜率 ${slope}`,
    tangentShort: '切线',
    atOne: (dev) => `t = 1 时曲线就是 tanh：图中与 tanh 的最大差值为 ${dev}，只是舍入误差。`,
    atZero: 't = 0 时曲线就是 sigmoid 函数 σ 本身。',
    between: (dev) => `它与 tanh 最多相差 ${dev}。`,
    description: (t, formula, a, b, c, lo, hi, slope, sigmaSlope, tanhSlope) =>
      `t = ${t}：蓝色曲线 g(z) = ${formula}（a = ${a}，b = ${b}，c = ${c}）从 ${lo} 变化到 ${hi}，在 z = 0 处的斜率为 ${slope}（σ：${sigmaSlope}，tanh：${tanhSlope}）。`,
  },
  ERRATA: {
    title: '检验论坛里的 sigmoid 导数。',
    caption:
      '绿色：正确的 σ′(z)。朱红色（虚线）：按本意加上括号后的论坛公式，恰好是正确导数的镜像。紫色（点线）：按原文字面计算的公式 −e⁻ᶻ + e⁻²ᶻ，在 z < 0 时超出图的范围。',
    withParentheses: '加上括号',
    asTyped: '按原文字面',
    plotLabel: 'sigmoid 函数的导数：正确写法与论坛回答中的写法',
    correct: 'σ′(z) = σ(z)(1 − σ(z))，正确',
    correctShort: '正确',
    signError: '−e⁻ᶻ/(1 + e⁻ᶻ)²，符号错误',
    signErrorShort: '符号错误',
    typed: '−e⁻ᶻ/1 + (e⁻ᶻ)²，按原文字面',
    typedShort: '按原文字面',
    description:
      'sigmoid 函数的正确导数处处为正，在 z = 0 处最大。按本意加上括号后，论坛公式是它的镜像，处处为负；按原文字面计算，它在 z > 0 时为负，在 z = ln 2 处最小，在 z < 0 时无界增长并超出图的范围。',
  },
  SECOND_DERIVATIVES: {
    title: 'σ 与 tanh 的二阶导数。',
    caption:
      '蓝色：tanh″；朱红色（虚线）：σ″；圆点标出它们的极值。勾选“8σ″(2z)”可叠加缩放后的 sigmoid 曲线：它与 tanh″ 完全重合。',
    firstDerivatives: 'σ′ 和 tanh′',
    plotLabel: 'σ 与 tanh 的二阶导数',
    peaks: (sv, sz, tv, tz) =>
      `|σ″| 在 z = ±${sz} 处取得最大值 ${sv}；|tanh″| 在 z = ±${tz} 处取得最大值 ${tv}，位置只有前者的一半远。`,
    overlay: '叠加的 8σ″(2z) 与 tanh″ 处处重合。',
  },
};

register('zh', ZH);
