/**
 * The English entry of the SecondDerivatives island (English articles import it): loads the English words of the function
 * figures, then the language-neutral component (SecondDerivatives.island.tsx, shipped with its three siblings through
 * ./function-figures.ts). The Chinese entry is src/components/zh/SecondDerivatives.tsx.
 */
import '../../i18n/en/function-figures.ts';

export { SecondDerivatives as default } from './function-figures.ts';
export type { SecondDerivativesProps } from './SecondDerivatives.island.tsx';
