/** The Chinese page's entry of the CellExplorer island: loads the Chinese figure strings, then the component. */
import '../../i18n/zh/kit.ts';
import '../../i18n/zh/activations.ts';
import '../../i18n/zh/lstm.ts';

export { default } from '../lstm/CellExplorer.island.tsx';
