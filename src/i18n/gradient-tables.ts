/**
 * Words of the build-time tables of the article "Vanishing (and exploding) gradients through time" — the forget-gate,
 * clipping, γ and bound tables (src/components/gradients/*Table.astro). Rendered on the server only: no island loads
 * them, so they cost no page any JavaScript.
 */
import { localised, type Localised } from './core.ts';

export interface GradientTableStrings {
  readonly cecRegion: string;
  readonly cecCaption: string;
  readonly cecBias: string;
  /** Heading of the steps column: until Π f < `pct` %. */
  readonly cecSteps: (pct: string) => string;
  readonly clipRegion: string;
  readonly clipCaption: (hidden: string, r: string, seed: string) => string;
  readonly clipBefore: string;
  readonly clipAfter: string;
  readonly clipFactor: string;
  readonly gammaRegion: string;
  readonly gammaCaption: (steps: string) => string;
  readonly gammaActivation: string;
  readonly boundRegion: string;
  readonly boundCaption: (lag: string) => string;
  readonly boundSetting: string;
  readonly boundColumn: (lag: string) => string;
  readonly boundMeasured: string;
}

export const GRADIENT_TABLES: Localised<GradientTableStrings> = localised('GRADIENT_TABLES', {
  en: {
    cecRegion: 'Forget gate and its products',
    cecCaption: 'Computed when the page was built, with the site’s σ. The last column is the smallest n with f{^n} < 0.01.',
    cecBias: 'forget bias',
    cecSteps: (pct) => `steps until Π f < ${pct} %`,
    clipRegion: 'Gradient norms before and after clipping',
    clipCaption: (hidden, r, seed) =>
      `ReLU RNN, ${hidden} units, W{_hh} = ${r} × random orthogonal, seed ${seed}; loss L = vᵀh{_T}. Computed when the page was built by the same code as the figures; clipping is the library’s clipGradNorm, which matches PyTorch’s clip_grad_norm_.`,
    clipBefore: '‖∂L/∂θ‖ before',
    clipAfter: 'after clipping to 1',
    clipFactor: 'factor',
    gammaRegion: 'Largest slope of each activation and the bound after 20 steps',
    gammaCaption: (steps) =>
      `γ is the registry’s largest slope of each function. (γ‖W‖){^${steps}} with ‖W‖ = 1 is the bound on the gradient after ${steps} steps; the bound can only stay level or grow if ‖W‖ ≥ 1/γ.`,
    gammaActivation: 'activation φ',
    boundRegion: 'The bound and the measured gradient',
    boundCaption: (lag) =>
      `The presets of the figure below at lag T − t = ${lag}: the bound (γ‖W‖){^${lag}} and the exact gradient norm the library computes. Computed when the page was built by the same code as the figure.`,
    boundSetting: 'preset',
    boundColumn: (lag) => `bound (γ‖W‖){^${lag}}`,
    boundMeasured: 'measured ‖∂L/∂hₜ‖',
  },
});
