/** Pagefind's UI, loaded from the index that the build wrote into `<base>/pagefind/`. */
interface PagefindUIConstructor {
  new (options: {
    element: string;
    bundlePath: string;
    showSubResults: boolean;
    showImages: boolean;
    translations?: object;
  }): unknown;
}

/** Loads Pagefind's UI script from the site and mounts it on `[data-pagefind-ui]`. */
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
  new PagefindUI({ element: '#search', bundlePath: bundle, showSubResults: true, showImages: false });
  const input = doc.querySelector<HTMLInputElement>('#search input');
  if (input) {
    // Pagefind labels its input with `title` only; give it a real accessible name (the page's heading).
    input.setAttribute('aria-label', doc.querySelector('h1')?.textContent ?? 'Search');
    input.focus();
  }
}
