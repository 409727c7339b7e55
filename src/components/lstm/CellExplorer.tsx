/**
 * The English entry of the CellExplorer island (English articles import it): loads the English words of the cell
 * explorer, then the language-neutral component (CellExplorer.island.tsx). The Chinese entry is
 * src/components/zh/CellExplorer.tsx.
 */
import '../../i18n/en/lstm.ts';

export { default } from './CellExplorer.island.tsx';
export type { CellExplorerProps } from './CellExplorer.island.tsx';
