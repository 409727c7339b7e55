// @ts-check
import { KATEX_MACROS } from './katex-macros.mjs';

/** KaTeX options shared by articles (pipeline.mjs) and by components that typeset at build time (src/figures/tex.ts). */
export const katexOptions = /** @type {const} */ ({
  output: 'htmlAndMathml',
  strict: 'error',
  trust: false,
  macros: KATEX_MACROS,
});
