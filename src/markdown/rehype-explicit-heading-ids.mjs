// @ts-check
import { visit } from 'unist-util-visit';

/** A trailing `[#some-id]` at the end of a heading's text. */
const EXPLICIT_ID = /\s*\[#([a-z0-9][a-z0-9-]*)\]\s*$/;

/**
 * Lets an author pin a heading's id, so forum links survive a renamed heading:
 * `## Why the gates use a sigmoid [#why-sigmoid-gates]` → `<h2 id="why-sigmoid-gates">Why the gates use a sigmoid</h2>`.
 * Runs before `rehypeHeadingIds`, which keeps ids that are already set. An id used twice on the page fails the build
 * in rehype-unique-ids.mjs.
 *
 * @returns {(tree: import('hast').Root) => void}
 */
export function rehypeExplicitHeadingIds() {
  return (tree) => {
    visit(tree, 'element', (node) => {
      if (!/^h[1-6]$/.test(node.tagName)) return;
      const last = node.children.at(-1);
      if (!last || last.type !== 'text') return;
      const match = EXPLICIT_ID.exec(last.value);
      if (!match) return;
      const id = /** @type {string} */ (match[1]);
      last.value = last.value.slice(0, match.index);
      node.properties = { ...node.properties, id };
    });
  };
}
