/**
 * The English entry of the ActivationExplorer island (English articles import it): loads the English words of the function
 * figures, then the language-neutral component (ActivationExplorer.island.tsx, shipped with its three siblings through
 * ./function-figures.ts). The Chinese entry is src/components/zh/ActivationExplorer.tsx.
 */
import '../../i18n/en/function-figures.ts';

export { ActivationExplorer as default } from './function-figures.ts';
export type { ActivationExplorerProps } from './ActivationExplorer.island.tsx';
