// @ts-check
import { visit, SKIP } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';

/**
 * A Markdown table wider than a phone's screen would widen the whole page (the ReLU article's six-column "What we
 * ran" table made it 470 px wide at 375 px). Every table of an article therefore sits in a `.table-scroll` box that
 * scrolls sideways on its own. A scrollable region must be reachable by keyboard and named (WCAG 2.1.1; axe
 * `scrollable-region-focusable`), so the box is a focusable region named after the section the table is in (before
 * any heading: after its first row). The plugin runs before the headings get their "#" permalinks. A table already in a `<div class="table-scroll">` written in the
 * article keeps that box, which gets the same attributes.
 * @returns {(tree: import('hast').Root) => void}
 */
export function rehypeScrollableTables() {
  return (tree) => {
    /** text of the last heading seen in document order */
    let heading = '';
    visit(tree, (node, index, parent) => {
      if (node.type !== 'element') return;
      if (/^h[1-6]$/.test(node.tagName)) heading = toString(node).trim();
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const label = { ariaLabel: heading || toString(node.children.find(isRow) ?? node).trim() };
      if (isScrollBox(parent)) {
        // `<div class="table-scroll">` in MDX: an element, or a JSX element with string attributes
        if (parent.type === 'element') Object.assign(parent.properties, { ...REGION, ...label });
        else if (isJsx(parent)) addJsxAttributes(parent, { ...REGION, ...label });
        return SKIP;
      }
      /** @type {import('hast').Element} */
      const box = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], ...REGION, ...label },
        children: [node],
      };
      parent.children.splice(index, 1, box);
      return SKIP;
    });
  };
}

const REGION = { tabIndex: 0, role: 'region' };

/** The first row of a table, wherever it is (thead or tbody). @param {any} node @returns {boolean} */
function isRow(node) {
  return (
    node.type === 'element' &&
    (node.tagName === 'tr' || ((node.tagName === 'thead' || node.tagName === 'tbody') && node.children.some(isRow)))
  );
}

/** @param {any} node */
function isJsx(node) {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** Whether `node` is a `div.table-scroll`, as a hast element or as an MDX JSX element. @param {any} node */
function isScrollBox(node) {
  if (node.type === 'element') {
    const cls = node.properties?.className;
    return node.tagName === 'div' && Array.isArray(cls) && cls.includes('table-scroll');
  }
  if (!isJsx(node) || node.name !== 'div') return false;
  const cls = node.attributes.find((/** @type {any} */ a) => a.type === 'mdxJsxAttribute' && a.name === 'class');
  return typeof cls?.value === 'string' && cls.value.split(/\s+/).includes('table-scroll');
}

/**
 * Adds attributes the JSX element does not set yet (the article's own win).
 * @param {any} node
 * @param {Record<string, string | number>} props
 */
function addJsxAttributes(node, props) {
  const names = { tabIndex: 'tabindex', role: 'role', ariaLabel: 'aria-label' };
  for (const [key, value] of Object.entries(props)) {
    const name = names[/** @type {keyof typeof names} */ (key)];
    if (node.attributes.some((/** @type {any} */ a) => a.name === name)) continue;
    node.attributes.push({ type: 'mdxJsxAttribute', name, value: String(value) });
  }
}
