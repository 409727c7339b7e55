import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './site/schema';

/** Where articles live. WHY_TANH_CONTENT_DIR lets the build-failure tests point a build at scratch articles. */
const base = process.env['WHY_TANH_CONTENT_DIR'] ?? './content/articles';

export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '**/*.mdx', base }), schema: articleSchema }),
};
