/** A heading as Astro's `render()` reports it. */
export interface HeadingInfo {
  readonly depth: number;
  readonly slug: string;
  readonly text: string;
}

/** One entry of the table of contents, with its sub-entries. */
export interface TocEntry {
  readonly depth: number;
  readonly slug: string;
  readonly text: string;
  readonly children: TocEntry[];
}

/** Options for {@link buildToc}. */
export interface TocOptions {
  /** Shallowest heading level listed (default 2: the page title is the h1). */
  readonly minDepth?: number;
  /** Deepest heading level listed (default 3). */
  readonly maxDepth?: number;
}

/** Removes the permalink marker that rehype-autolink-headings appends to each heading's text. */
export function cleanHeadingText(text: string): string {
  return text.replace(/\s*#\s*$/, '').trim();
}

/**
 * Builds a nested table of contents from a flat heading list. A heading deeper than its predecessor nests under it;
 * a jump of more than one level (h2 → h4) still nests one level, so no heading is lost.
 */
export function buildToc(headings: readonly HeadingInfo[], options: TocOptions = {}): TocEntry[] {
  const minDepth = options.minDepth ?? 2;
  const maxDepth = options.maxDepth ?? 3;
  const root: TocEntry[] = [];
  const stack: TocEntry[] = [];
  for (const h of headings) {
    if (h.depth < minDepth || h.depth > maxDepth) continue;
    const entry: TocEntry = { depth: h.depth, slug: h.slug, text: cleanHeadingText(h.text), children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : root).push(entry);
    stack.push(entry);
  }
  return root;
}
