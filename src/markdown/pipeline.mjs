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
import { rehypeScrollableTables } from './rehype-scrollable-tables.mjs';
import { KATEX_MACROS } from './katex-macros.mjs';

/** KaTeX options shared by articles and by components that typeset at build time. */
export const katexOptions = /** @type {const} */ ({
  output: 'htmlAndMathml',
  strict: 'error',
  trust: false,
  macros: KATEX_MACROS,
});

export const markdownProcessor = unified({
  remarkPlugins: [remarkMath, remarkCitations],
  rehypePlugins: [
    [rehypeKatex, { ...katexOptions, macros: { ...KATEX_MACROS } }],
    rehypeFailOnKatexError,
    rehypeFocusableDisplayMath,
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
  ],
});
