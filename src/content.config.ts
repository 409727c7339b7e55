import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { ContentError } from './markdown/content-error.mjs';
import { checkArticles } from './site/frontmatter';
import { appendixSchema, articleSchema } from './site/schema';

/** Where articles live. WHY_TANH_CONTENT_DIR lets the build-failure tests point a build at scratch articles. */
const base = process.env['WHY_TANH_CONTENT_DIR'] ?? './content/articles';

/**
 * Astro's glob loader, after a check of the bytes and frontmatter of every article and appendix
 * (src/site/frontmatter.ts) that names each problem's file, line and field — all of them at once — where Astro would
 * stop at the first and say `:0:0`.
 */
function checked(inner: Loader): Loader {
  return {
    ...inner,
    load: async (context) => {
      const problems = checkArticles(base);
      if (problems.length > 0) throw new ContentError(problems);
      return inner.load(context);
    },
  };
}

export const collections = {
  /** `<slug>.mdx` (English) and `<lang>/<slug>.mdx`; the `appendix/` folders hold appendices, not articles. */
  articles: defineCollection({
    loader: checked(glob({ pattern: ['**/*.mdx', '!**/appendix/**'], base })),
    schema: articleSchema,
  }),
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
