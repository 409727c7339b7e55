/** Chinese text of the tables in ../gradient-tables.ts (build time only; loaded through ../zh.ts). */
import { register } from '../core.ts';
import type { GradientTableStrings } from '../gradient-tables.ts';

const ZH: {
  readonly GRADIENT_TABLES: GradientTableStrings;
} = {
  GRADIENT_TABLES: {
    cecRegion: '遗忘门及其乘积',
    cecCaption: '在构建页面时用本站的 σ 计算。最后一列是使 f{^n} < 0.01 的最小 n。',
    cecBias: '遗忘门偏置',
    cecSteps: (pct) => `Π f 降到 ${pct} % 以下所需步数`,
    clipRegion: '裁剪前后的梯度范数',
    clipCaption: (hidden, r, seed) =>
      `ReLU RNN，${hidden} 个单元，W{_hh} = ${r} × 随机正交矩阵，种子 ${seed}；损失 L = vᵀh{_T}。在构建页面时由与图相同的代码计算；裁剪使用本站库中的 clipGradNorm，与 PyTorch 的 clip_grad_norm_ 一致。`,
    clipBefore: '裁剪前的 ‖∂L/∂θ‖',
    clipAfter: '裁剪到 1 之后',
    clipFactor: '缩放因子',
    gammaRegion: '各激活函数的最大斜率及 20 步后的上界',
    gammaCaption: (steps) =>
      `γ 是注册表中每个函数的最大斜率。‖W‖ = 1 时，(γ‖W‖){^${steps}} 是 ${steps} 步之后梯度的上界；只有 ‖W‖ ≥ 1/γ 时，上界才能保持不变或增长。`,
    gammaActivation: '激活函数 φ',
    boundRegion: '上界与实测梯度',
    boundCaption: (lag) =>
      `下图各预设在时间差 T − t = ${lag} 处的上界 (γ‖W‖){^${lag}} 与本站库算出的精确梯度范数。在构建页面时由与图相同的代码计算。`,
    boundSetting: '预设',
    boundColumn: (lag) => `上界 (γ‖W‖){^${lag}}`,
    boundMeasured: '实测 ‖∂L/∂hₜ‖',
  },
};

register('zh', ZH);
