/**
 * Text of the figure kit shared by every figure: the figure shell (src/components/figures/Figure.tsx), the function
 * plot, the copy-link status and the sentences of a plot's text alternative (src/figures/function-plot.ts).
 */
import type { Localised } from './core.ts';

export interface KitStrings {
  /** Heading of the notice shown when a link's figure settings were partly invalid. */
  readonly linkProblems: string;
  /** Summary of the collapsible data view. */
  readonly data: string;
  /** Accessible name of the data table's scroll region. */
  readonly plottedValues: (title: string) => string;
  /** Default caption of a function plot's data table. */
  readonly dataCaption: string;
  readonly copyLink: string;
  readonly linkCopied: string;
  readonly linkNotCopied: string;
  /** Group label of a figure's controls. */
  readonly figureControls: string;
  readonly legend: string;
  /** Accessible name of a plot that is a slider. */
  readonly cursorPosition: (label: string) => string;
  /** Hint under an interactive plot; `pan` is `panHint` or ''. */
  readonly plotHint: (pan: string, lo: string, hi: string) => string;
  readonly panHint: string;
  /** Control label of a zoom slider ("z range ±"). */
  readonly zoomLabel: string;
  /** "−6 to 6" next to a zoom slider. */
  readonly rangeDisplay: (lo: string, hi: string) => string;
  // The text alternative of a function plot.
  readonly plottedFor: (domain: string) => string;
  readonly domain: (x: string, lo: string, hi: string) => string;
  readonly constant: (label: string, v: string) => string;
  readonly rises: (label: string, a: string, b: string) => string;
  readonly falls: (label: string, b: string, a: string) => string;
  readonly varies: (label: string, a: string, b: string) => string;
  readonly risesThenFalls: (label: string, a: string, b: string) => string;
  readonly fallsThenRises: (label: string, a: string, b: string) => string;
  readonly peaking: (x: string, v: string) => string;
  readonly lowest: (x: string, v: string) => string;
  /** Appends one extremum ("peaking at …") to a curve's sentence. */
  readonly oneExtremum: (e: string) => string;
  /** Appends both extrema ("peaking at …", "lowest at …"). */
  readonly twoExtrema: (peak: string, low: string) => string;
  readonly gaps: string;
  /** End of a sentence. */
  readonly stop: string;
  readonly shaded: (label: string, where: string) => string;
  /** Joins the shaded intervals. */
  readonly and: string;
  readonly allX: (x: string) => string;
}

export const KIT: Localised<KitStrings> = {
  en: {
    linkProblems: 'This link’s figure settings were partly invalid; showing the closest valid view.',
    data: 'Data',
    plottedValues: (title) => `Plotted values: ${title}`,
    dataCaption: 'Values of the plotted curves at round values of z (4 significant digits).',
    copyLink: 'Copy link to this figure',
    linkCopied: 'Link copied to the clipboard.',
    linkNotCopied: 'Could not use the clipboard: the link is in the address bar.',
    figureControls: 'Figure controls',
    legend: 'Legend',
    cursorPosition: (label) => `${label}: cursor position`,
    plotHint: (pan, lo, hi) => `Hover or tap the plot, or focus it and use ← →${pan}. Range shown: ${lo} to ${hi}.`,
    panHint: '; + and − zoom, drag pans',
    zoomLabel: 'z range ±',
    rangeDisplay: (lo, hi) => `${lo} to ${hi}`,
    plottedFor: (domain) => `Plotted for ${domain}.`,
    domain: (x, lo, hi) => `${x} from ${lo} to ${hi}`,
    constant: (label, v) => `${label} is constant at ${v}`,
    rises: (label, a, b) => `${label} rises from ${a} to ${b}`,
    falls: (label, b, a) => `${label} falls from ${b} to ${a}`,
    varies: (label, a, b) => `${label} varies between ${a} and ${b}`,
    risesThenFalls: (label, a, b) => `${label} rises, then falls, between ${a} and ${b}`,
    fallsThenRises: (label, a, b) => `${label} falls, then rises, between ${a} and ${b}`,
    peaking: (x, v) => `peaking at ${x} = ${v}`,
    lowest: (x, v) => `lowest at ${x} = ${v}`,
    oneExtremum: (e) => `, ${e}`,
    twoExtrema: (peak, low) => `, ${peak} and ${low}`,
    gaps: ' (with gaps where it is not a finite number)',
    stop: '.',
    shaded: (label, where) => `Shaded: ${label}, ${where}.`,
    and: ' and ',
    allX: (x) => `all ${x}`,
  },
  zh: {
    linkProblems: '此链接中的图设置有部分无效，现显示最接近的有效视图。',
    data: '数据',
    plottedValues: (title) => `绘图数值：${title}`,
    dataCaption: '各曲线在 z 取整值处的数值（4 位有效数字）。',
    copyLink: '复制此图的链接',
    linkCopied: '链接已复制到剪贴板。',
    linkNotCopied: '无法使用剪贴板：链接已放在地址栏中。',
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
};
