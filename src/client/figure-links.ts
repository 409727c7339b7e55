import { figureKeys } from '../figures/fragment';

/** How long after arrival a linked figure is held in place while the page above it settles. */
const SETTLE_MS = 10_000;

/**
 * Links to a figure's state (`#fig-act=f:relu,d:-2_2`, from a figure's "Copy link" button) on an article page.
 *
 * The fragment is not an element id, so the browser does not scroll by itself, and the figure's island hydrates
 * only once it is on screen (`client:visible`). This scrolls the first figure the fragment sets state for into view
 * — which hydrates it; the island then reads its state from the fragment — on load and on `hashchange`.
 * The page above the figure keeps changing height for a while after that: article blocks skipped with
 * `content-visibility: auto` are laid out for real as they near the viewport (their placeholder height is an
 * estimate), web fonts arrive, islands hydrate. So the figure is held in place: whenever the article's size changes
 * and the figure has drifted from where it was put, it is scrolled back — until the reader scrolls, touches or types,
 * or {@link SETTLE_MS} have passed. Fragments naming no figure on the page do nothing (the figures themselves report
 * malformed settings).
 */
export function initFigureLinks(doc: Document): void {
  const win = doc.defaultView;
  if (!win) return;
  let readerMoved = false;
  const taken = () => {
    readerMoved = true;
  };
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) {
    win.addEventListener(type, taken, { passive: true, once: true });
  }
  let hold: ResizeObserver | undefined;
  const follow = (): void => {
    hold?.disconnect();
    const figure = linkedFigure(doc, win.location.hash);
    if (!figure) return;
    figure.scrollIntoView({ block: 'start' });
    const placed = figure.getBoundingClientRect().top;
    const until = win.performance.now() + SETTLE_MS;
    if (typeof win.ResizeObserver !== 'function') return;
    const observer = new win.ResizeObserver(() => {
      if (readerMoved || win.performance.now() > until) return observer.disconnect();
      if (Math.abs(figure.getBoundingClientRect().top - placed) > 1) figure.scrollIntoView({ block: 'start' });
    });
    // The article grows or shrinks with any block above the figure; the figure itself as it hydrates.
    observer.observe(figure.closest('main') ?? doc.body);
    observer.observe(figure);
    hold = observer;
  };
  follow();
  win.addEventListener('hashchange', follow);
}

/** The figure element a fragment links to: the first figure on the page whose state it sets. */
export function linkedFigure(doc: Document, hash: string): HTMLElement | undefined {
  for (const key of figureKeys(hash)) {
    const el = doc.getElementById(key);
    if (el) return el;
  }
  return undefined;
}
