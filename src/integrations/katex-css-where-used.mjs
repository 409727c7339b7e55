// @ts-check
/**
 * KaTeX's stylesheet (about 22 KB with its `@font-face` rules) is imported by the base layout, so it is inlined into
 * every page. It styles KaTeX's HTML output (`katex-html`); a page whose formulas are all MathML alone (answer blocks,
 * `data-mathml` blocks, the glossary) or that has none uses a handful of its rules: `.katex` (the math's size and line
 * height) and `.katex-display` (a display's block layout). After the build, this cuts KaTeX's stylesheet out of the
 * `<style>` of every page without KaTeX HTML, keeps those rules, and puts the new style's hash in the page's meta CSP in
 * place of the old one (issue 19, the article budget: it was a seventh of an article's 150 KB). A page with KaTeX HTML
 * is left as it is.
 *
 * KaTeX's stylesheet is found where Vite puts it, as one run of rules from its first `@font-face` (a `KaTeX_` family)
 * to its last rule, `body{counter-reset:katexEqnNo mmlEqnNo}`; every rule in between must be KaTeX's (a KaTeX font
 * face, or a selector list naming `.katex` classes), or the build fails: better a failed build than a page without
 * the styles of its math.
 */
import { createHash } from 'node:crypto';
import { rewriteBuiltPages } from './built-pages.mjs';

/** KaTeX's last rule, where its stylesheet ends. */
const LAST_RULE = 'body{counter-reset:katexEqnNo mmlEqnNo}';

/** The selectors of the KaTeX rules that MathML alone still uses. */
const KEPT_SELECTORS = new Set(['.katex', '.katex-display', '.katex-display>.katex']);

/** The top-level rules of minified CSS (`@font-face{…}`, `a,b{…}`, `@media …{…{…}}`), as written. */
export function topLevelRules(/** @type {string} */ css) {
  /** @type {string[]} */
  const rules = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      rules.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (depth !== 0 || css.slice(start).trim() !== '') throw new Error('katex-css-where-used: unbalanced CSS');
  return rules;
}

/** Whether a top-level rule is one of KaTeX's: a KaTeX font face, its last rule, or selectors naming `.katex…`. */
const isKatexRule = (/** @type {string} */ rule) => {
  if (rule === LAST_RULE) return true;
  const selector = rule.slice(0, rule.indexOf('{'));
  if (selector.startsWith('@font-face')) return /font-family:\s*["']?KaTeX_/.test(rule);
  if (selector.startsWith('@')) return false;
  return selector.split(',').every((s) => /\.katex/.test(s));
};

/**
 * The CSS with KaTeX's stylesheet replaced by the rules MathML alone uses ({@link KEPT_SELECTORS}); unchanged when it
 * holds no KaTeX stylesheet. Throws when the stylesheet's run holds a rule that is not KaTeX's.
 */
export function withoutKatexCss(/** @type {string} */ css) {
  const first = css.search(/@font-face\{[^}]*font-family:\s*["']?KaTeX_/);
  const last = css.indexOf(LAST_RULE);
  if (first < 0 || last < first) return css;
  const end = last + LAST_RULE.length;
  const rules = topLevelRules(css.slice(first, end));
  const foreign = rules.find((r) => !isKatexRule(r));
  if (foreign) throw new Error(`katex-css-where-used: a rule inside KaTeX's stylesheet is not KaTeX's: ${foreign.slice(0, 120)}`);
  const kept = rules.filter((r) => KEPT_SELECTORS.has(r.slice(0, r.indexOf('{'))));
  if (kept.length !== KEPT_SELECTORS.size)
    throw new Error(`katex-css-where-used: KaTeX's stylesheet lacks one of ${[...KEPT_SELECTORS].join(' ')} (its shape changed)`);
  return css.slice(0, first) + kept.join('') + css.slice(end);
}

const sha256 = (/** @type {string} */ text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The page with KaTeX's stylesheet cut from its `<style>` elements ({@link withoutKatexCss}) when it has no KaTeX HTML,
 * each changed style's hash replacing the old one in the meta CSP; unchanged otherwise.
 */
export function katexCssWhereUsed(/** @type {string} */ html) {
  if (html.includes('class="katex-html"')) return html;
  /** @type {[string, string][]} */
  const swaps = [];
  const out = html.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g, (all, open, css, close) => {
    const lighter = withoutKatexCss(css);
    if (lighter === css) return all;
    swaps.push([sha256(css), sha256(lighter)]);
    return open + lighter + close;
  });
  return swaps.reduce(
    (page, [old, now]) =>
      page.replace(/(<meta http-equiv="content-security-policy" content="[^"]*)/i, (csp) => csp.split(old).join(now)),
    out,
  );
}

/** @returns {import('astro').AstroIntegration} */
export function katexCssWhereUsedIntegration() {
  return {
    name: 'why-tanh:katex-css-where-used',
    hooks: {
      'astro:build:done': ({ dir }) => rewriteBuiltPages(dir, katexCssWhereUsed),
    },
  };
}
