/** Chinese text of the tables in ../kit.ts (loaded only by Chinese pages; see ../core.ts). */
import { registerZh } from '../core.ts';
import type { KitStrings } from '../kit.ts';

const ZH: {
  readonly KIT: KitStrings;
} = {
  KIT: {
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

registerZh(ZH);
