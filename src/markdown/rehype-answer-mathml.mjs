// @ts-check
import { visit, SKIP } from 'unist-util-visit';

/** @param {unknown} node */
const classes = (node) => {
  const c = /** @type {{ properties?: { className?: unknown } }} */ (node).properties?.className;
  return Array.isArray(c) ? c.map(String) : [];
};

/** The attributes that ask for MathML alone: an article's answer block, and any block marked `data-mathml`. */
const MARKS = ['data-answer', 'data-mathml'];

/**
 * Whether a node asks for MathML alone: `<div … data-answer>` or `<div data-mathml>` in MDX (a JSX element) or in
 * plain HTML.
 * @param {any} node
 */
const isAnswer = (node) =>
  (node.type === 'mdxJsxFlowElement' && (node.attributes ?? []).some((/** @type {any} */ a) => MARKS.includes(a.name))) ||
  (node.type === 'element' && (node.properties?.dataAnswer !== undefined || node.properties?.dataMathml !== undefined));

/**
 * The answer block stands on the first screen (issue 20), and KaTeX's HTML there would move the text around it when
 * KaTeX's web fonts arrive (a layout shift). So the formulas of an answer block (`data-answer`) keep only their
 * MathML, which the browser draws with its own math font at once — as the glossary does (src/figures/tex.ts,
 * `output: 'mathml'`). The TeX source stays in the MathML's annotation (for the search index and the share pages).
 * A block marked `data-mathml` is set the same way: a long display (the core article's six LSTM equations) is some
 * 25 KB and 800 elements of KaTeX HTML against 3.5 KB of MathML (issue 19, the article budget).
 * @returns {(tree: import('hast').Root) => void}
 */
export function rehypeAnswerMathml() {
  return (tree) => {
    visit(tree, isAnswer, (answer) => {
      visit(answer, 'element', (el) => {
        if (!classes(el).includes('katex')) return undefined;
        el.children = el.children.flatMap((c) => {
          if (c.type !== 'element') return [c];
          if (classes(c).includes('katex-html')) return [];
          if (classes(c).includes('katex-mathml')) return c.children;
          return [c];
        });
        return SKIP;
      });
      return SKIP;
    });
  };
}
