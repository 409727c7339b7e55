import { figureKeys } from '../figures/fragment';

/**
 * Links to a figure's state (`#fig-act=f:relu,d:-2_2`, from a figure's "Copy link" button) on an article page.
 *
 * The fragment is not an element id, so the browser does not scroll by itself, and the figure's island hydrates
 * only once it is on screen (`client:visible`). This scrolls the first figure the fragment sets state for into view
 * — which hydrates it; the island then reads its state from the fragment — on load and on `hashchange`. Web fonts
 * and images above the figure may still change its position after load, so it scrolls again once they have
 * settled, unless the reader has started scrolling or typing meanwhile. Fragments naming no figure on the page do
 * nothing (the figures themselves report malformed settings).
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
  const follow = (): boolean => {
    const figure = linkedFigure(doc, win.location.hash);
    figure?.scrollIntoView({ block: 'start' });
    return figure !== undefined;
  };
  if (follow()) {
    const again = () => {
      if (!readerMoved) follow();
    };
    void doc.fonts?.ready.then(again);
    if (doc.readyState === 'complete') again();
    else win.addEventListener('load', again, { once: true });
  }
  win.addEventListener('hashchange', () => void follow());
}

/** The figure element a fragment links to: the first figure on the page whose state it sets. */
export function linkedFigure(doc: Document, hash: string): HTMLElement | undefined {
  for (const key of figureKeys(hash)) {
    const el = doc.getElementById(key);
    if (el) return el;
  }
  return undefined;
}
