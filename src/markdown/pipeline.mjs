// @ts-check
/**
 * The Markdown/MDX pipeline (Astro 7's default processor runs no remark/rehype plugins, so we use `unified()`).
 *
 * - `$…$` and `$$…$$` are typeset at build time by KaTeX (HTML + MathML for screen readers; no client JS).
 * - A malformed formula or an unknown macro fails the build, naming file:line:column and KaTeX's message.
 * - Headings get stable ids: an explicit trailing `[#id]` wins; otherwise the slug of the heading text.
 *   Every heading gets a visible permalink ("#") appended.
 * - Tables scroll sideways in a box of their own when wider than the column (rehype-scrollable-tables.mjs).
 * - Citations `[@key]` (and the older `<Cite k="key" />`) are resolved from content/references.bib, numbered, linked
 *   to a bibliography with back-links; an unknown key fails the build with file:line:column (remark-citations.ts).
 * - Components and `{expressions}`: a component that is not imported, or a figure given a prop it does not allow, fails
 *   the build at its line; an expression that throws while the page renders names its line (remark-mdx-checks.ts).
 * - An id used twice on the page (headings, footnotes, citations, figures) fails the build (rehype-unique-ids.mjs).
 * Each failure is a ContentError (content-error.mjs): `file:line:column: cause`, printed alone by `npm run build`.
 */
import { unified, rehypeHeadingIds } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { toString } from 'hast-util-to-string';
import { remarkCitations } from './remark-citations.ts';
import { rehypeExplicitHeadingIds } from './rehype-explicit-heading-ids.mjs';
import { rehypeFailOnKatexError } from './rehype-fail-on-katex-error.mjs';
import { rehypeFocusableDisplayMath } from './rehype-focusable-display-math.mjs';
import { rehypeAnswerMathml } from './rehype-answer-mathml.mjs';
import { rehypeScrollableTables } from './rehype-scrollable-tables.mjs';
import { remarkMdxChecks } from './remark-mdx-checks.ts';
import { rehypeUniqueIds } from './rehype-unique-ids.mjs';
import { KATEX_MACROS } from './katex-macros.mjs';
import { katexOptions } from './katex-options.mjs';

export { katexOptions };

export const markdownProcessor = unified({
  remarkPlugins: [remarkMath, remarkCitations, remarkMdxChecks],
  rehypePlugins: [
    [rehypeKatex, { ...katexOptions, macros: { ...KATEX_MACROS } }],
    rehypeFailOnKatexError,
    rehypeFocusableDisplayMath,
    rehypeAnswerMathml,
    rehypeExplicitHeadingIds,
    rehypeHeadingIds,
    rehypeScrollableTables,
    [
      rehypeAutolinkHeadings,
      {
        behavior: 'append',
        test: ['h2', 'h3', 'h4'],
        properties: (/** @type {import('hast').Element} */ heading) => ({
          className: ['heading-anchor'],
          ariaLabel: `Link to the section “${toString(heading)}”`,
        }),
        content: { type: 'text', value: '#' },
      },
    ],
    rehypeUniqueIds,
  ],
});
