/**
 * Text of the four function-plot figures of the article "Activation functions, side by side": the activation
 * explorer (`act`), σ → tanh (`morph`), the forum's sigmoid derivative (`errata`) and the second derivatives (`d2`).
 */
import type { Localised } from './core.ts';

export interface ExplorerStrings {
  readonly title: (name: string) => string;
  readonly caption: string;
  readonly activation: string;
  readonly showFirst: string;
  readonly showSecond: string;
  readonly shade: string;
  readonly zValueText: (lo: string, hi: string) => string;
  readonly plotLabel: (name: string) => string;
  /** Legend of the shading: |f′(z)| below `pct` % of its maximum `max`. */
  readonly shadingLabel: (fprime: string, pct: string, max: string) => string;
  readonly kinks: (where: string) => string;
  readonly nowhereSaturated: (fprime: string, pct: string) => string;
}

export const EXPLORER: Localised<ExplorerStrings> = {
  en: {
    title: (name) => `${name} and its derivatives.`,
    caption:
      'Solid: the function; dashed: its first derivative; dotted: its second derivative. Every curve is computed by the site’s activation registry.',
    activation: 'Activation',
    showFirst: 'f′',
    showSecond: 'f″',
    shade: 'shade |f′| < 1 % of max',
    zValueText: (lo, hi) => `z from ${lo} to ${hi}`,
    plotLabel: (name) => `${name} and its derivatives`,
    shadingLabel: (fprime, pct, max) => `|${fprime}(z)| < ${pct} % of its maximum ${max}`,
    kinks: (where) => ` (kinks at z = ${where})`,
    nowhereSaturated: (fprime, pct) => ` Nowhere in this range is |${fprime}(z)| below ${pct} % of its maximum.`,
  },
  zh: {
    title: (name) => `${name}及其导数。`,
    caption: '实线：函数本身；虚线：一阶导数；点线：二阶导数。每条曲线都由本站的激活函数注册表计算。',
    activation: '激活函数',
    showFirst: 'f′',
    showSecond: 'f″',
    shade: '标出 |f′| < 最大值的 1 % 的区域',
    zValueText: (lo, hi) => `z 从 ${lo} 到 ${hi}`,
    plotLabel: (name) => `${name}及其导数`,
    shadingLabel: (fprime, pct, max) => `|${fprime}(z)| 小于其最大值 ${max} 的 ${pct} %`,
    kinks: (where) => `（在 z = ${where} 处有折点）`,
    nowhereSaturated: (fprime, pct) => `在这一范围内，|${fprime}(z)| 处处不低于其最大值的 ${pct} %。`,
  },
};

export interface MorphStrings {
  readonly title: string;
  readonly caption: string;
  readonly slider: string;
  readonly slopeAt0: string;
  readonly valueText: (t: string, a: string, b: string, c: string, slope: string) => string;
  readonly plotLabel: string;
  readonly tangent: (slope: string) => string;
  readonly tangentShort: string;
  readonly atOne: (dev: string) => string;
  readonly atZero: string;
  readonly between: (dev: string) => string;
  readonly description: (
    t: string,
    formula: string,
    a: string,
    b: string,
    c: string,
    lo: string,
    hi: string,
    slope: string,
    sigmaSlope: string,
    tanhSlope: string,
  ) => string;
}

export const MORPH: Localised<MorphStrings> = {
  en: {
    title: 'From σ to tanh.',
    caption:
      'The blue curve is a(t)·σ(b(t)·z) + c(t) with a = b = 1 + t and c = −t: σ at t = 0, exactly tanh at t = 1. Grey: σ (dashed) and tanh (dotted). Vermillion: its tangent at z = 0.',
    slider: 't (σ → tanh)',
    slopeAt0: 'slope at 0',
    valueText: (t, a, b, c, slope) => `t = ${t}: a = ${a}, b = ${b}, c = ${c}, slope at 0 = ${slope}`,
    plotLabel: 'The curve between σ and tanh',
    tangent: (slope) => `tangent at 0, slope ${slope}`,
    tangentShort: 'tangent',
    atOne: (dev) => `At t = 1 the curve is tanh: the largest difference from tanh on the plot is ${dev}, rounding error.`,
    atZero: 'At t = 0 the curve is the sigmoid σ itself.',
    between: (dev) => `It differs from tanh by up to ${dev}.`,
    description: (t, formula, a, b, c, lo, hi, slope, sigmaSlope, tanhSlope) =>
      `t = ${t}: the blue curve g(z) = ${formula} (a = ${a}, b = ${b}, c = ${c}) runs from ${lo} to ${hi} and has slope ${slope} at z = 0 (σ: ${sigmaSlope}, tanh: ${tanhSlope}).`,
  },
  zh: {
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
};

export interface ErrataStrings {
  readonly title: string;
  readonly caption: string;
  readonly withParentheses: string;
  readonly asTyped: string;
  readonly plotLabel: string;
  readonly correct: string;
  readonly correctShort: string;
  readonly signError: string;
  readonly signErrorShort: string;
  readonly typed: string;
  readonly typedShort: string;
  readonly description: string;
}

export const ERRATA: Localised<ErrataStrings> = {
  en: {
    title: 'The forum’s sigmoid derivative, checked.',
    caption:
      'Green: the correct σ′(z). Vermillion (dashed): the forum formula with the intended parentheses, the mirror image. Purple (dotted): the formula as typed, −e⁻ᶻ + e⁻²ᶻ, which leaves the plot for z < 0.',
    withParentheses: 'with parentheses',
    asTyped: 'as typed',
    plotLabel: 'The sigmoid’s derivative, correct and as in the forum answer',
    correct: 'σ′(z) = σ(z)(1 − σ(z)), correct',
    correctShort: 'correct',
    signError: '−e⁻ᶻ/(1 + e⁻ᶻ)², sign error',
    signErrorShort: 'sign error',
    typed: '−e⁻ᶻ/1 + (e⁻ᶻ)², as typed',
    typedShort: 'as typed',
    description:
      'The correct derivative of the sigmoid is positive everywhere, peaking at 0.25 at z = 0. With the intended parentheses the forum formula is its mirror image, negative everywhere; as typed, it is negative for z > 0 and grows without bound for z < 0, leaving the plot.',
  },
  zh: {
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
      'sigmoid 函数的正确导数处处为正，在 z = 0 处取得最大值 0.25。按本意加上括号后，论坛公式是它的镜像，处处为负；按原文字面计算，它在 z > 0 时为负，在 z < 0 时无界增长并超出图的范围。',
  },
};

export interface SecondDerivativeStrings {
  readonly title: string;
  readonly caption: string;
  readonly firstDerivatives: string;
  readonly plotLabel: string;
  readonly peaks: (sv: string, sz: string, tv: string, tz: string) => string;
  readonly overlay: string;
}

export const SECOND_DERIVATIVES: Localised<SecondDerivativeStrings> = {
  en: {
    title: 'Second derivatives of σ and tanh.',
    caption:
      'Blue: tanh″; vermillion (dashed): σ″; dots mark their extrema. Tick “8σ″(2z)” to overlay the rescaled sigmoid curve: it lies exactly on tanh″.',
    firstDerivatives: 'σ′ and tanh′',
    plotLabel: 'Second derivatives of σ and tanh',
    peaks: (sv, sz, tv, tz) =>
      `|σ″| is largest, ${sv}, at z = ±${sz}; |tanh″| is largest, ${tv}, at z = ±${tz}, half as far out.`,
    overlay: 'The overlaid 8σ″(2z) coincides with tanh″ everywhere.',
  },
  zh: {
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
