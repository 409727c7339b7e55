/**
 * The English entry of the SigmoidTanhMorph island (English articles import it): loads the English words of the function
 * figures, then the language-neutral component (SigmoidTanhMorph.island.tsx, shipped with its three siblings through
 * ./function-figures.ts). The Chinese entry is src/components/zh/SigmoidTanhMorph.tsx.
 */
import '../../i18n/en/function-figures.ts';

export { SigmoidTanhMorph as default } from './function-figures.ts';
export type { SigmoidTanhMorphProps } from './SigmoidTanhMorph.island.tsx';
