import { z } from 'astro/zod';

/** A calendar date written `YYYY-MM-DD` (YAML reads it as a date; a quoted one is parsed here). */
const date = z
  .custom<Date | string>(
    (v) =>
      (v instanceof Date && !Number.isNaN(v.getTime())) ||
      (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))),
    { error: (i) => `${i.input instanceof Date ? 'that' : JSON.stringify(i.input)} is not a date: write YYYY-MM-DD` },
  )
  .transform((v) => new Date(v));

/** An author as shown in the byline. */
const author = z.strictObject({
  /** Display name. */
  name: z.string().min(1),
  /** Optional profile or home page. */
  url: z.url().optional(),
});

/**
 * Frontmatter of an article in `content/articles/*.mdx`. Strict: an unknown field (`titel:`, `drfat: true`) is an
 * error, not silently ignored. src/site/frontmatter.ts checks every article against it before the build and names
 * the file, the line and the field of each problem.
 */
export const articleSchema = z
  .strictObject({
    /** Title, shown as the page's h1 and in link previews. Plain text, no math. */
    title: z.string().min(3).max(90),
    /** One or two sentences: meta description, link previews and the home page list. */
    description: z.string().min(40).max(240),
    /** First publication date (YYYY-MM-DD). */
    published: date,
    /** Last substantive update (YYYY-MM-DD); must not be before `published`. */
    updated: date,
    /** Who wrote it; at least one. */
    authors: z.array(author).min(1),
    /** Lower-case topic tags, e.g. `lstm`, `activations`. */
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/, 'tags are lower-case words joined by "-"')).default([]),
    /** Drafts build in `npm run dev` but never ship in the published site. */
    draft: z.boolean().default(false),
    /** Position in the reading order on the home page (1 = read first). */
    order: z.number().int().positive(),
    /** Series the article belongs to; articles are listed in `order` within it. */
    series: z.string().default('Why tanh?'),
    /**
     * Old heading ids that must keep working: `{ "old-id": "new-id" }`, or, for a section that moved to the article's
     * appendix, a link relative to the article (`{ "reproduce": "appendix/#reproduce" }`).
     */
    headingAliases: z.record(z.string(), z.string()).default({}),
  })
  .refine((a) => a.updated >= a.published, { message: '`updated` is before `published`', path: ['updated'] });

export type ArticleData = z.infer<typeof articleSchema>;

/**
 * Frontmatter of an article's appendix (`content/articles/appendix/<slug>.mdx`, Chinese `content/articles/zh/appendix/`).
 * Everything is optional: the title, description and dates default to the article's. A bad or unknown field fails the
 * build (src/site/frontmatter.ts names its file, line and field).
 */
export const appendixSchema = z.strictObject({
  /** Shown as the page's h1; default "Methods and data" (in the page's language). Plain text, no math. */
  title: z.string().min(3).max(90).optional(),
  /** Meta description and link previews; default: the article's title and a standard sentence. */
  description: z.string().min(40).max(240).optional(),
  /** Last substantive update (YYYY-MM-DD); default: the article's. */
  updated: date.optional(),
  /** Old heading ids that must keep working: `{ "old-id": "new-id" }`, or a link back to the article (`"../#id"`). */
  headingAliases: z.record(z.string(), z.string()).default({}),
});

export type AppendixData = z.infer<typeof appendixSchema>;
