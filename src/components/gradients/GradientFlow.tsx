/**
 * The English entry of the GradientFlow island (English articles import it): loads the English words of the gradient
 * figures, then the language-neutral component (GradientFlow.island.tsx). The Chinese entry is
 * src/components/zh/GradientFlow.tsx.
 */
import '../../i18n/en/gradients.ts';

export { default } from './GradientFlow.island.tsx';
export type { GradientFlowProps } from './GradientFlow.island.tsx';
