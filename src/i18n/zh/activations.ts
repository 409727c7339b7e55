/** Chinese text of the table in ../activations.ts (loaded only by Chinese pages; see ../core.ts). */
import { register } from '../core.ts';
import type { PerActivation } from '../activations.ts';

const ZH: {
  readonly ACTIVATION_NAMES: PerActivation;
} = {
  ACTIVATION_NAMES: {
    sigmoid: 'Sigmoid σ',
    tanh: 'tanh',
    hardsigmoid: 'Hard sigmoid',
    hardtanh: 'Hard tanh',
    lecuntanh: 'LeCun tanh',
    softsign: 'Softsign',
    relu: 'ReLU',
    leakyrelu: 'Leaky ReLU',
    elu: 'ELU',
    softplus: 'Softplus',
    silu: 'SiLU (swish)',
    gelu: 'GELU',
    identity: '恒等函数',
  },
};

register('zh', ZH);
