/** The Chinese page's entry of the SigmoidTanhMorph island: loads the Chinese figure strings, then the component. */
import '../../i18n/zh/kit.ts';
import '../../i18n/zh/activations.ts';
import '../../i18n/zh/function-figures.ts';

export { SigmoidTanhMorph as default } from '../figures/function-figures.ts';
