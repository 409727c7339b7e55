/**
 * The English entry of the SigmoidDerivativeErrata island (English articles import it): loads the English words of the function
 * figures, then the language-neutral component (SigmoidDerivativeErrata.island.tsx, shipped with its three siblings through
 * ./function-figures.ts). The Chinese entry is src/components/zh/SigmoidDerivativeErrata.tsx.
 */
import '../../i18n/en/function-figures.ts';

export { SigmoidDerivativeErrata as default } from './function-figures.ts';
export type { SigmoidDerivativeErrataProps } from './SigmoidDerivativeErrata.island.tsx';
