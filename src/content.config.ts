import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { appendixSchema, articleSchema } from './site/schema';

/** Where articles live. WHY_TANH_CONTENT_DIR lets the build-failure tests point a build at scratch articles. */
const base = process.env['WHY_TANH_CONTENT_DIR'] ?? './content/articles';

export const collections = {
  /** `<slug>.mdx` (English) and `<lang>/<slug>.mdx`; the `appendix/` folders hold appendices, not articles. */
  articles: defineCollection({ loader: glob({ pattern: ['**/*.mdx', '!**/appendix/**'], base }), schema: articleSchema }),
  /**
   * An article's appendix — methods, proofs, full data tables, reproduction details — published at
   * `/articles/<slug>/appendix/`: `appendix/<slug>.mdx` (English) and `<lang>/appendix/<slug>.mdx`. Not an article:
   * not in the article list, the feed or the reading order; in the sitemap and the search index.
   */
  appendices: defineCollection({
    loader: glob({ pattern: ['appendix/*.mdx', '*/appendix/*.mdx'], base }),
    schema: appendixSchema,
  }),
};
