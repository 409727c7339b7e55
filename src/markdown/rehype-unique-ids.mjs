// @ts-check
/**
 * Every id on an article's page must be unique, or links to it (`#id`), the table of contents and figures' URL
 * state go to the wrong place. Runs last in the pipeline and fails the build (a ContentError) on an id used twice,
 * naming the line of the second use and what the first is: headings (pinned `[#id]` or from their text), footnotes,
 * citations and the bibliography, elements written with an `id`, the ids of figures (from src/figures/props.ts,
 * recorded by remark-mdx-checks.ts) and the ids of the page around the article.
 */
import { visit } from 'unist-util-visit';
import { ContentError } from './content-error.mjs';

/** Ids of the page around every article (src/layouts/Base.astro). */
export const PAGE_IDS = Object.freeze(['main']);

/**
 * @typedef {{ id: string, line?: number | undefined, column?: number | undefined, what: string }} IdUse
 */

/** A short description of the element carrying an id. */
function describe(/** @type {import('hast').Element} */ node) {
  if (/^h[1-6]$/.test(node.tagName)) return 'a heading';
  const id = String(node.properties?.['id'] ?? '');
  if (id.startsWith('user-content-fn')) return 'a footnote';
  if (id.startsWith('cite-') || id.startsWith('ref-')) return 'a citation';
  return `a <${node.tagName}>`;
}

/** @returns {(tree: import('hast').Root, file: import('vfile').VFile) => void} */
export function rehypeUniqueIds() {
  return (tree, file) => {
    /** @type {IdUse[]} */
    const uses = PAGE_IDS.map((id) => ({ id, what: 'the page around the article (src/layouts/Base.astro)' }));
    visit(tree, 'element', (node, _index, parent) => {
      const id = node.properties?.['id'];
      if (typeof id !== 'string' || id === '') return;
      const start = (node.position ?? /** @type {{ position?: import('unist').Position }} */ (parent ?? {}).position)?.start;
      uses.push({ id, line: start?.line, column: start?.column, what: describe(node) });
    });
    uses.push(.../** @type {IdUse[]} */ (file.data['componentIds'] ?? []));
    /** @type {Map<string, IdUse>} */
    const first = new Map();
    /** @type {import('./content-error.mjs').ContentProblem[]} */
    const problems = [];
    const sorted = uses
      .map((u, i) => ({ u, i }))
      .sort((a, b) => (a.u.line ?? 0) - (b.u.line ?? 0) || a.i - b.i)
      .map(({ u }) => u);
    for (const u of sorted) {
      const earlier = first.get(u.id);
      if (!earlier) {
        first.set(u.id, u);
        continue;
      }
      const late = u.line === undefined ? earlier : u;
      const early = late === u ? earlier : u;
      const there = early.line !== undefined ? `${early.what} at line ${early.line}` : early.what;
      problems.push({
        file: file.path,
        line: late.line,
        column: late.column,
        message: `the id "${u.id}" of ${late.what} is already used by ${there}: give one of them another id`,
      });
    }
    if (problems.length > 0) throw new ContentError(problems);
  };
}
