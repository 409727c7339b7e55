/** The Chinese page's entry of the GradientFlow island: loads the Chinese figure strings, then the component. */
import '../../i18n/zh/kit.ts';
import '../../i18n/zh/activations.ts';
import '../../i18n/zh/gradients.ts';

export { default } from '../gradients/GradientFlow.island.tsx';
