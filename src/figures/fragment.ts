/**
 * The URL fragment grammar shared by every figure, without any figure's codecs (so the page-level script that
 * follows figure links stays tiny): `#fig-act=f:tanh,d:-6_6&fig-morph=t:0.5` is a list of `&`-separated segments,
 * each `fig-<id>=` followed by that figure's settings. The element id of a figure is its key, `fig-<id>`.
 */

/** A figure segment: its key (`fig-act`) and the `=` that starts its settings. */
const FIGURE_SEGMENT = /^(fig-[a-z][a-z0-9-]*)=/;

/** Splits a fragment into its `&`-separated segments (leading `#` removed; empty segments dropped). */
export function segments(hash: string): string[] {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  return h.split('&').filter((s) => s !== '');
}

/** Whether a segment is a figure's (`fig-<id>=…`). */
export function isFigureSegment(segment: string): boolean {
  return FIGURE_SEGMENT.test(segment);
}

/**
 * The keys of the figures a fragment sets state for (`['fig-act', 'fig-morph']`), in order of appearance, each
 * once. Segments that are not figure state (a heading id, malformed text) are skipped. Never throws.
 */
export function figureKeys(hash: string): string[] {
  const keys: string[] = [];
  for (const s of segments(hash)) {
    const key = FIGURE_SEGMENT.exec(s)?.[1];
    if (key !== undefined && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/**
 * The fragment after a figure's "Copy link": `segment` (the figure's current state) first, so the link scrolls to
 * that figure, then the other figures' segments already in `hash`. Anything that is not a figure segment (e.g. a
 * heading anchor, which cannot share the fragment) is dropped. Returns the new fragment with its `#`.
 */
export function mergeSegment(hash: string, key: string, segment: string): string {
  const kept = segments(hash).filter((s) => isFigureSegment(s) && !s.startsWith(`${key}=`));
  return `#${[segment, ...kept].join('&')}`;
}
