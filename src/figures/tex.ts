/**
 * Build-time typesetting for Astro components: KaTeX with exactly the options the Markdown pipeline uses
 * (`katexOptions` of src/markdown/katex-options.mjs, as the Markdown pipeline: HTML + MathML, strict errors, the site's macros), so a formula in a
 * component looks and fails like a formula in an article. Never shipped to the browser.
 */
import katex from 'katex';
import { katexOptions } from '../markdown/katex-options.mjs';

/**
 * KaTeX HTML + MathML for `tex`. The MathML carries `tex` verbatim in `<annotation encoding="application/x-tex">`.
 *
 * @param focusable - give a display formula `tabindex="0"` (default: for display math, as the Markdown pipeline does).
 * @param where - named in the error if the formula does not parse.
 * @param output - `'mathml'` for MathML alone, which the browser draws with its own math font: no web font to wait
 *   for, so nothing moves when one arrives. For short inline symbols on a page's first screen (the glossary).
 * @throws Error naming `where`, the formula and KaTeX's message (fails the build).
 */
export function renderTex(
  tex: string,
  displayMode = false,
  where = 'a component',
  focusable = displayMode,
  output: 'htmlAndMathml' | 'mathml' = 'htmlAndMathml',
): string {
  try {
    const html = katex.renderToString(tex, {
      ...katexOptions,
      macros: { ...katexOptions.macros },
      displayMode,
      throwOnError: true,
      output,
    });
    // Like src/markdown/rehype-focusable-display-math.mjs: a display formula may scroll sideways on a phone, and a
    // scrollable region must be reachable by keyboard.
    return focusable ? html.replace('<span class="katex-display">', '<span class="katex-display" tabindex="0">') : html;
  } catch (e) {
    throw new Error(`KaTeX could not typeset ${JSON.stringify(tex)} in ${where}: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
}
