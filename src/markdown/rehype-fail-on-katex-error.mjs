// @ts-check
/**
 * rehype-katex never fails a build: it records a vfile message and renders red text. Placed right after it, this
 * plugin turns each such message into a build error (a ContentError, one line per formula) naming file:line:column
 * of the problem itself — inside a multi-line display formula, the line of the offending command — and KaTeX's
 * message.
 */
import { ContentError } from './content-error.mjs';

/**
 * @typedef {import('unist').Position} Position
 * @typedef {{ position?: Position, children?: unknown[], type: string, value?: string }} AnyNode
 */

/**
 * The text of a hast node (what rehype-katex typesets).
 * @param {AnyNode} node
 * @returns {string}
 */
function textOf(node) {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((c) => textOf(/** @type {AnyNode} */ (c))).join('');
}

/**
 * Where in the file offset `at` of the formula in `element` is. Display math (`$$` on its own lines) arrives as
 * `<pre><code>` where only the `<pre>` has a position and the formula starts on the line after the opening `$$`;
 * inline math starts one column after its `$`.
 * @param {AnyNode[]} ancestors the message's ancestors, the formula's element last
 * @param {number | undefined} at KaTeX's offset into the formula, when it gives one
 * @returns {{ line?: number, column?: number }}
 */
export function placeInFile(ancestors, at) {
  const element = ancestors.at(-1);
  const placed = [...ancestors].reverse().find((a) => a.position);
  const start = placed?.position?.start;
  if (!element || !start) return {};
  if (at === undefined) return { line: start.line, column: start.column };
  const before = textOf(element).slice(0, at);
  const newlines = before.split('\n').length - 1;
  const lastLine = before.slice(before.lastIndexOf('\n') + 1);
  const isFlow = placed !== element; // the <pre> of `$$\n…\n$$`
  if (isFlow) return { line: start.line + 1 + newlines, column: lastLine.length + 1 };
  return newlines === 0
    ? { line: start.line, column: start.column + 1 + at }
    : { line: start.line + newlines, column: lastLine.length + 1 };
}

/**
 * @returns {(tree: import('hast').Root, file: import('vfile').VFile) => void}
 */
export function rehypeFailOnKatexError() {
  return (_tree, file) => {
    const errors = file.messages.filter((m) => m.source === 'rehype-katex');
    if (errors.length === 0) return;
    throw new ContentError(
      errors.map((m) => {
        const cause = /** @type {{ message?: string, rawMessage?: string, position?: number } | undefined} */ (m.cause);
        const place = placeInFile(/** @type {AnyNode[]} */ (m.ancestors ?? []), cause?.position);
        return { file: file.path, ...place, message: `KaTeX: ${cause?.rawMessage ?? cause?.message ?? m.reason}` };
      }),
    );
  };
}
