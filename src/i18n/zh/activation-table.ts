/** Chinese text of the tables in ../activation-table.ts (build time only; loaded through ../zh.ts). */
import { Activations } from '../../lib/nn/activations.ts';
import { register } from '../core.ts';
import type { PerActivation, PerActivationOptional } from '../activations.ts';
import type { ActivationTableStrings } from '../activation-table.ts';

const leak = String(Activations.leakyrelu.params['slope'] ?? 0.01);
const alpha = String(Activations.elu.params['alpha'] ?? 1);

const ZH: {
  readonly ACTIVATION_COSTS: PerActivation;
  readonly ACTIVATION_KINKS: PerActivationOptional;
  readonly ACTIVATION_TABLE: ActivationTableStrings;
} = {
  ACTIVATION_COSTS: {
    sigmoid: '由 y 做 1 次乘加：y(1 − y)',
    tanh: '由 y 做 1 次乘加：1 − y²',
    hardsigmoid: '由 y 做 2 次比较：0 < y < 1 ? 1/6 : 0',
    hardtanh: '由 y 做 2 次比较：−1 < y < 1 ? 1 : 0',
    lecuntanh: '由 y 做 1 次乘加：(2/3)(1.7159 − y²/1.7159)',
    softsign: '由 y 做 1 次取绝对值、1 次减法、1 次乘法：(1 − |y|)²',
    relu: '由 y 做 1 次比较：y > 0 ? 1 : 0',
    leakyrelu: `由 y 做 1 次比较：y > 0 ? 1 : ${leak}`,
    elu: `由 y 做 1 次比较和 1 次加法：y > 0 ? 1 : y + ${alpha}`,
    softplus: '由 y 做 1 次指数运算：1 − e^{−y}',
    silu: '仅凭 y 无法得到（SiLU 不是一一映射）；由 z 和 σ(z)：σ(z)(1 + z(1 − σ(z)))，2 次乘加',
    gelu: '仅凭 y 无法得到（GELU 不是一一映射）；由 z 和 Φ(z)：Φ(z) + z·φ(z)，1 次指数运算加 2 次乘加',
    identity: '无需计算：常数 1',
  },
  ACTIVATION_KINKS: {
    sigmoid: undefined,
    tanh: undefined,
    hardsigmoid:
      'f′ 在 z = ±3 处没有定义；代码在那里返回 0，与 PyTorch 的 hardsigmoid_backward 一致（只在 −3 < z < 3 时梯度为 1/6）。f″ 在 ±3 以外为 0，代码在 ±3 处也返回 0。',
    hardtanh:
      'f′ 在 z = ±1 处没有定义；代码在那里返回 0，与 PyTorch 的 hardtanh_backward 一致（z ≤ min_val 或 z ≥ max_val 时梯度为 0）。f″ 在 ±1 以外为 0，代码在 ±1 处也返回 0。',
    lecuntanh: undefined,
    softsign: 'f 和 f′ 连续；f″ 在 0 处跳变（右侧 −2，左侧 +2），代码在那里返回 0（sgn(0) = 0，即两侧极限的平均值）。',
    relu: 'f′(0) 没有定义（右侧为 1，左侧为 0）；代码返回 0（左侧值），与 PyTorch 的 threshold_backward 一致（z ≤ 0 时梯度为 0）。f″ 在 0 以外为 0，代码在 0 处也返回 0。',
    leakyrelu: `f′(0) 没有定义（右侧为 1，左侧为 ${leak}）；代码返回 ${leak}（左侧值），与 PyTorch 的 leaky_relu_backward 一致（只在 z > 0 时斜率为 1）。f″ 在 0 以外为 0，代码在 0 处也返回 0。`,
    elu: `${alpha === '1' ? 'f′ 连续；' : `f′ 在 0 处跳变（右侧 1，左侧 ${alpha}），代码返回 ${alpha}（左侧值）；`}f″ 在 0 处跳变（右侧 0，左侧 ${alpha}），代码返回 ${alpha}（左侧值），与 PyTorch 的 elu_backward 一致（z ≤ 0 时使用 α·e^z）。`,
    softplus: undefined,
    silu: undefined,
    gelu: undefined,
    identity: undefined,
  },
  ACTIVATION_TABLE: {
    function: '函数',
    range: '值域',
    bounded: '有界',
    zeroCentred: '以零为中心',
    mean: 'z ~ N(0, 1) 时的均值',
    monotonic: '单调',
    smooth: '光滑',
    saturates: '饱和',
    maxSlope: 'max |f′| 及其取得位置',
    cost: '已知 y = f(z) 时求 f′ 的代价',
    yes: '是',
    no: '否',
    bothTails: '两侧',
    leftTail: '左侧',
    rightTail: '右侧',
    noTail: '否',
    captionLead: '各激活函数 f 的性质',
    captionRest:
      '，由本站的函数注册表生成。数值保留 4 位有效数字（≈ 表示经过舍入），标准正态输入下的平均输出保留 3 位；“以零为中心”指 f(0) = 0 且 f 正负两种值都取；“饱和”指 f′ 在该侧趋于 0。',
    where: '其中',
    allZ: '所有 z',
    notAttained: (sign) => `当 z → ${sign}∞ 时（取不到）`,
  },
};

register('zh', ZH);
