// @ts-check
/** Macros available in every formula on the site. Anything else unknown fails the build. */
export const KATEX_MACROS = Object.freeze({
  '\\sigm': '\\sigma',
  '\\R': '\\mathbb{R}',
});
