/** The Chinese page's entry of the GradientFlow island: loads the Chinese figure strings, then the component. */
import '../../figures/i18n/zh/kit.ts';
import '../../figures/i18n/zh/activations.ts';
import '../../figures/i18n/zh/gradients.ts';

export { default } from '../gradients/GradientFlow.tsx';
