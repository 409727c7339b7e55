/** The Chinese page's entry of the SigmoidDerivativeErrata island: loads the Chinese figure strings, then the component. */
import '../../i18n/zh/kit.ts';
import '../../i18n/zh/activations.ts';
import '../../i18n/zh/function-figures.ts';

export { SigmoidDerivativeErrata as default } from '../figures/function-figures.ts';
