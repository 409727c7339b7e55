/** Keeps the reader on the same section when switching language: section ids are shared across languages. */
export function initLangSwitch(doc: Document): void {
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('[data-lang-switch]')) {
    link.addEventListener('click', () => {
      const url = new URL(link.href);
      url.hash = location.hash;
      link.href = url.href;
    });
  }
}
