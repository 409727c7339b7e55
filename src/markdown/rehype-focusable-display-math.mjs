// @ts-check
import { visit } from 'unist-util-visit';

/**
 * Display formulas scroll sideways when wider than the column (on phones, often). A scrollable region must be
 * reachable by keyboard (WCAG 2.1.1; axe `scrollable-region-focusable`), so each display formula is focusable.
 * @returns {(tree: import('hast').Root) => void}
 */
export function rehypeFocusableDisplayMath() {
  return (tree) => {
    visit(tree, 'element', (node) => {
      const cls = node.properties?.className;
      if (Array.isArray(cls) && cls.includes('katex-display')) node.properties.tabIndex = 0;
    });
  };
}
