/** Chinese text of the tables in ../kit.ts (loaded only by Chinese pages; see ../core.ts). */
import { register } from '../core.ts';
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
    csv: '下载 CSV',
    linkCopied: '链接已复制到剪贴板。',
    linkNotCopied: '无法使用剪贴板：链接已放在地址栏中。',
  },
};

register('zh', ZH);
