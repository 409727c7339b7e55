import { resolveFragment, sectionUrl } from '../site/section-links';

/**
 * Section links on an article page:
 * - every heading permalink ("#") gets a "copy link" button next to it that puts the absolute URL on the clipboard
 *   and confirms it in a polite live region: for a section (h2) of an article, the URL of its share page, whose link
 *   preview names the section (`data-share-base` on the article; the built site only); otherwise the page URL and `#id`;
 * - a link to a renamed heading (frontmatter `headingAliases`, in `data-heading-aliases` on the article) is sent on
 *   to the heading's current id, or to its new page when the alias is a relative link (`appendix/#reproduce`).
 * Links to a figure's state (`#fig-act=…`) are handled by `initFigureLinks` (./figure-links.ts), which article pages
 * run first; pages without figures (appendices) leave it out and stay under the 2 KB script budget.
 */
export function initSectionLinks(doc: Document): void {
  const article = doc.querySelector<HTMLElement>('[data-heading-aliases]');
  const status = doc.querySelector<HTMLElement>('[data-copy-status]');
  const shareBase = article?.dataset['shareBase'];
  let aliases: Record<string, string> = {};
  try {
    aliases = JSON.parse(article?.dataset['headingAliases'] ?? '{}') as Record<string, string>;
  } catch {
    aliases = {};
  }
  const follow = () => {
    const target = resolveFragment(location.hash, (id) => doc.getElementById(id) !== null, aliases);
    if (target?.includes('#')) {
      location.replace(new URL(target, location.href).href); // the section moved to another page (e.g. the appendix)
    } else if (target) {
      history.replaceState(null, '', `#${target}`);
      doc.getElementById(target)?.scrollIntoView();
    }
  };
  follow();
  window.addEventListener('hashchange', follow);

  for (const anchor of doc.querySelectorAll<HTMLAnchorElement>('.prose .heading-anchor')) {
    const heading = anchor.parentElement;
    if (!heading?.id) continue;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'copy-link';
    const label = status?.dataset['labelCopy'] ?? 'Copy link';
    button.textContent = label;
    button.setAttribute('aria-label', `${label}: ${heading.textContent?.replace(/#$/, '').trim()}`);
    button.addEventListener('click', async () => {
      const url =
        shareBase && heading.tagName === 'H2'
          ? new URL(`${shareBase}${heading.id}/`, location.href).href
          : sectionUrl(location.href, heading.id);
      let ok = true;
      try {
        await navigator.clipboard.writeText(url);
      } catch {
        ok = false;
      }
      if (status) status.textContent = ok ? (status.dataset['labelCopied'] ?? 'Link copied.') : url;
      button.textContent = ok ? '✓' : '✗';
      setTimeout(() => (button.textContent = label), 2000);
    });
    anchor.after(button);
  }
}
