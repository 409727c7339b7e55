/**
 * The four function-plot figures of "Activation functions, side by side", in no particular language. Every entry of
 * them — English (./ActivationExplorer.tsx, …) and Chinese (../zh/ActivationExplorer.tsx, …) — imports this one
 * module, so the four components ship as one chunk with the function plot they share, as their words ship as one
 * table family (src/i18n/function-figures.ts): the page that shows them loads one file, not four.
 */
export { default as ActivationExplorer } from './ActivationExplorer.island.tsx';
export { default as SigmoidTanhMorph } from './SigmoidTanhMorph.island.tsx';
export { default as SigmoidDerivativeErrata } from './SigmoidDerivativeErrata.island.tsx';
export { default as SecondDerivatives } from './SecondDerivatives.island.tsx';
