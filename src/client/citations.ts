/**
 * Progressive enhancement of citation previews (src/styles/citations.css shows them without JavaScript):
 * - Escape hides the preview being shown (WCAG 1.4.13: content on hover or focus is dismissible) until the pointer
 *   leaves the citation or focus moves on;
 * - a preview that would stick out of the viewport is shifted back in, or opened above the citation when there is no
 *   room below.
 * Bundled module, no inline script: it runs under the site's CSP. Positions are set through CSSOM, not style attributes.
 */

const MARGIN = 8;

/** Moves the shown preview of `item` inside the viewport. */
function place(item: HTMLElement): void {
  const preview = item.querySelector<HTMLElement>('.cite-preview');
  if (!preview) return;
  preview.style.removeProperty('--cite-shift');
  preview.classList.remove('cite-above');
  const r = preview.getBoundingClientRect();
  if (r.width === 0) return; // not shown (e.g. focus by mouse click)
  const width = document.documentElement.clientWidth;
  let shift = 0;
  if (r.right > width - MARGIN) shift = width - MARGIN - r.right;
  if (r.left + shift < MARGIN) shift = MARGIN - r.left;
  if (shift !== 0) preview.style.setProperty('--cite-shift', `${Math.round(shift)}px`);
  const anchor = item.getBoundingClientRect();
  if (r.bottom > window.innerHeight - MARGIN && anchor.top - r.height - MARGIN > 0) preview.classList.add('cite-above');
}

const itemOf = (t: EventTarget | null): HTMLElement | null =>
  t instanceof Element ? t.closest<HTMLElement>('.cite-item') : null;

/** Wires the citation previews of `doc` (idempotent per document). */
export function initCitations(doc: Document): void {
  if (!doc.querySelector('.cite-item') || doc.documentElement.dataset['citations'] === 'on') return;
  doc.documentElement.dataset['citations'] = 'on';

  const show = (e: Event) => {
    const item = itemOf(e.target);
    if (!item) return;
    delete item.dataset['dismissed'];
    place(item);
  };
  doc.addEventListener('mouseover', (e) => {
    const item = itemOf(e.target);
    if (item && !item.contains(e.relatedTarget as Node | null)) show(e);
  });
  doc.addEventListener('focusin', show);
  doc.addEventListener('mouseout', (e) => {
    const item = itemOf(e.target);
    if (item && !item.contains(e.relatedTarget as Node | null)) delete item.dataset['dismissed'];
  });
  doc.addEventListener('focusout', (e) => {
    const item = itemOf(e.target);
    if (item) delete item.dataset['dismissed'];
  });
  doc.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    for (const item of doc.querySelectorAll<HTMLElement>('.cite-item')) {
      if (item.matches(':hover') || item.contains(doc.activeElement)) item.dataset['dismissed'] = '';
    }
  });
}
