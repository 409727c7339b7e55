/**
 * Resolves the fragment of an incoming link: undefined if the id exists on the page; otherwise the id it was renamed
 * to (frontmatter `headingAliases`, followed through chains), or — when a section moved to another page — the alias's
 * relative link (`appendix/#reproduce`, recognised by its "#"), which the caller follows; otherwise undefined.
 * Pure, so it is tested without a browser.
 */
export function resolveFragment(
  hash: string,
  exists: (id: string) => boolean,
  aliases: Readonly<Record<string, string>>,
): string | undefined {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  if (id === '' || exists(id)) return undefined;
  const seen = new Set<string>();
  while (Object.hasOwn(aliases, id) && !seen.has(id)) {
    seen.add(id);
    id = aliases[id] as string;
    if (id.includes('#') || exists(id)) return id;
  }
  return undefined;
}

/** The absolute URL of a section: the page URL without query or fragment, plus `#id`. */
export function sectionUrl(pageHref: string, id: string): string {
  const url = new URL(pageHref);
  url.search = '';
  url.hash = id;
  return url.href;
}
