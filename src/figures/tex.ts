/**
 * Build-time typesetting for Astro components: KaTeX with exactly the options the Markdown pipeline uses
 * (`katexOptions` of src/markdown/pipeline.mjs: HTML + MathML, strict errors, the site's macros), so a formula in a
 * component looks and fails like a formula in an article. Never shipped to the browser.
 */
import katex from 'katex';
import { katexOptions } from '../markdown/pipeline.mjs';

/**
 * KaTeX HTML + MathML for `tex`. The MathML carries `tex` verbatim in `<annotation encoding="application/x-tex">`.
 *
 * @param where - named in the error if the formula does not parse.
 * @throws Error naming `where`, the formula and KaTeX's message (fails the build).
 */
export function renderTex(tex: string, displayMode = false, where = 'a component'): string {
  try {
    return katex.renderToString(tex, { ...katexOptions, macros: { ...katexOptions.macros }, displayMode, throwOnError: true });
  } catch (e) {
    throw new Error(`KaTeX could not typeset ${JSON.stringify(tex)} in ${where}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
