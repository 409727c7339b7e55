import { otherEdition, searchHref } from '../site/search-edition';

/** Pagefind's UI, loaded from the index that the build wrote into `<base>/pagefind/`. */
interface PagefindUIConstructor {
  new (options: { element: string; bundlePath: string; showSubResults: boolean; showImages: boolean; translations?: object }): {
    triggerSearch(term: string): void;
  };
}

/**
 * Loads Pagefind's UI script from the site and mounts it on `[data-pagefind-ui]`; runs the search in the page's
 * `?q=` parameter; offers the other edition's search (`[data-search-other]`) when the query is in its language.
 */
export async function initSearch(doc: Document): Promise<void> {
  const host = doc.querySelector<HTMLElement>('[data-pagefind-ui]');
  if (!host) return;
  const bundle = host.dataset['bundle'] ?? '/pagefind/';
  await new Promise<void>((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = `${bundle}pagefind-ui.js`;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('The search index could not be loaded.'));
    doc.head.append(script);
  }).catch((e: unknown) => {
    host.textContent = e instanceof Error ? e.message : String(e);
  });
  const PagefindUI = (window as unknown as { PagefindUI?: PagefindUIConstructor }).PagefindUI;
  if (!PagefindUI) return;
  const ui = new PagefindUI({ element: '#search', bundlePath: bundle, showSubResults: true, showImages: false });
  const input = doc.querySelector<HTMLInputElement>('#search input');
  if (!input) return;
  // Pagefind labels its input with `title` only; give it a real accessible name (the page's heading).
  input.setAttribute('aria-label', doc.querySelector('h1')?.textContent ?? 'Search');
  input.focus();

  const offer = doc.querySelector<HTMLElement>('[data-search-other]');
  const link = offer?.querySelector('a');
  const lang = offer?.dataset['lang'];
  const update = (query: string) => {
    if (!offer || !link || (lang !== 'en' && lang !== 'zh')) return;
    const other = otherEdition(query, lang);
    offer.hidden = other === undefined;
    if (other) link.href = searchHref(link.getAttribute('href') ?? '', query);
  };
  // Right below the search box, above the results (Pagefind's form holds both; its clear button is positioned).
  if (offer) input.after(offer);
  input.addEventListener('input', () => update(input.value));
  const q = new URL(window.location.href).searchParams.get('q');
  if (q) {
    ui.triggerSearch(q);
    update(q);
  }
}
