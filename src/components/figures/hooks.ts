/**
 * Hooks shared by the figure islands: rAF-coalesced state, visibility, measured size, hydration flag, the
 * figure's URL state and settled (debounced) values.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { mergeSegment, type FigureState } from '../../figures/url-state';
import { KIT } from '../../i18n/kit';
import type { Lang } from '../../i18n/core';

type Updater<T> = T | ((prev: T) => T);

/**
 * State whose updates are coalesced to one commit per animation frame: a slider that fires 10 input events per
 * frame re-renders the figure once. Updaters compose with updates still pending in the same frame. A render that
 * happens before the frame for another reason (a settled text, a status message) shows the pending value, not the
 * last committed one: otherwise it would set a slider back under the reader's key or pointer and the next input
 * would start from the old value (three arrow presses moved the slider by two steps).
 */
export function useRafState<T extends object>(
  initial: T,
): [shown: T, update: (u: Updater<T>) => void, set: (u: Updater<T>) => void, current: () => T] {
  const [state, setState] = useState(initial);
  const latest = useRef(state);
  latest.current = state;
  const pending = useRef<{ v: T } | null>(null);
  const shown = pending.current ? pending.current.v : state;
  const frame = useRef(0);
  const schedule = useCallback((u: Updater<T>) => {
    const base = pending.current ? pending.current.v : latest.current;
    pending.current = { v: typeof u === 'function' ? (u as (p: T) => T)(base) : u };
    if (frame.current === 0) {
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        const p = pending.current;
        pending.current = null;
        if (p) setState(p.v);
      });
    }
  }, []);
  const now = useCallback((u: Updater<T>) => {
    const base = pending.current ? pending.current.v : latest.current;
    pending.current = null;
    setState(typeof u === 'function' ? (u as (p: T) => T)(base) : u);
  }, []);
  /** The state including an update still waiting for its frame (what a copied link must carry). */
  const current = useCallback(() => (pending.current ? pending.current.v : latest.current), []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return [shown, schedule, now, current];
}

/** Whether the element is on screen (IntersectionObserver); true until the observer says otherwise. */
export function useVisible(ref: RefObject<Element>, rootMargin = '100px'): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        const e = entries[entries.length - 1];
        if (e) setVisible(e.isIntersecting);
      },
      { rootMargin },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [ref, rootMargin]);
  return visible;
}

/**
 * `value` while `visible`; while hidden, the last value seen when visible. Computations keyed on the result run
 * only for what the reader can see, and catch up as soon as the figure scrolls back into view.
 */
export function useWhenVisible<T>(value: T, visible: boolean): T {
  const last = useRef(value);
  if (visible) last.current = value;
  return last.current;
}

/** The element's content-box size in CSS pixels (ResizeObserver), or `initial` before the first measurement. */
export function useSize(ref: RefObject<Element>, initial: { width: number; height: number }): { width: number; height: number } {
  const [size, setSize] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    const ro = new ResizeObserver((entries) => {
      const r = entries[entries.length - 1]?.contentRect;
      if (!r || r.width < 10 || r.height < 10) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const width = Math.round(r.width);
        const height = Math.round(r.height);
        setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
      });
    });
    ro.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
    };
  }, [ref]);
  return size;
}

/** False during server rendering and the hydrating render, true from the first effect on. */
export function useHydrated(): boolean {
  const [h, setH] = useState(false);
  useEffect(() => setH(true), []);
  return h;
}

/** What {@link useFigureState} returns. */
export interface FigureStateHandle<S> {
  readonly state: S;
  /** Coalesced (one commit per frame): for sliders, pointer moves, keys. */
  readonly update: (u: Updater<S>) => void;
  /** Immediate: for selects and checkboxes. */
  readonly set: (u: Updater<S>) => void;
  /** Problems found in the link this page was opened with (plain text). */
  readonly problems: readonly string[];
  /** A one-off status message ("Link copied."). */
  readonly status: string;
  /** Copies a link to this figure in its current state (and only this figure's) and puts it in the address bar. */
  readonly copyLink: () => void;
}

/**
 * A figure's state: defaults on the server and in the hydrating render (identical markup), then the state from
 * the page's URL fragment if it has a segment for this figure (and again on `hashchange`).
 */
export function useFigureState<S extends object>(def: FigureState<S>, lang: Lang = 'en'): FigureStateHandle<S & object> {
  const [state, update, set, current] = useRafState<S & object>(def.defaults as S & object);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [status, setStatus] = useState('');
  useEffect(() => {
    const apply = () => {
      const r = def.parse(window.location.hash);
      if (!r.present) return;
      set(r.state as S & object);
      setProblems(r.problems);
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, [def, set]);
  const copyLink = useCallback(() => {
    // The copied link carries this figure's state only (so it scrolls to this figure and sets nothing else); the
    // address bar keeps other figures' settings too, this figure's first.
    const segment = def.serialize(current());
    const hash = mergeSegment(window.location.hash, def.key, segment);
    const url = `${window.location.origin}${window.location.pathname}${window.location.search}#${segment}`;
    try {
      history.replaceState(history.state, '', hash);
    } catch {
      /* a sandboxed page may refuse; the clipboard copy below still works */
    }
    const done = (ok: boolean) => setStatus(ok ? KIT[lang].linkCopied : KIT[lang].linkNotCopied);
    if (navigator.clipboard?.writeText)
      navigator.clipboard.writeText(url).then(
        () => done(true),
        () => done(false),
      );
    else done(false);
  }, [def, lang, current]);
  return { state, update, set, problems, status, copyLink };
}

/**
 * `value`, but only once it has stopped changing for `delay` ms: for what need not follow a drag at 60 frames per
 * second (the text alternative, the data table). The first render returns `value` itself (server = hydration).
 */
export function useSettled<T>(value: T, delay = 200): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const t = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(t);
  }, [value, settled, delay]);
  return settled;
}

/**
 * {@link useSettled} applied to `live`, plus `derive(settled)`: what a figure builds its text alternative and data
 * table from (its "settled spec"). The derived value is recomputed only when the settled value or one of `deps`
 * changes, never on a frame of a drag — rebuilding the settled spec on every frame allocated ~140 MB per 3 s drag.
 * Once the value has settled on the live one, `liveDerived` (which the caller already computed for the live plot)
 * is reused instead of deriving it a second time. The first render returns `[live, liveDerived]` (server =
 * hydration) and calls `derive` not at all.
 *
 * @param live - the live value, which follows every frame of a drag.
 * @param liveDerived - `derive(live)`, as the caller computed it for the live rendering.
 * @param derive - derives from a value; only called when the settled value or `deps` change.
 * @param deps - what `derive` reads besides its argument (e.g. the language); its length must never change.
 * @returns the settled value and what is derived from it.
 */
export function useSettledDerived<T, R>(
  live: T,
  liveDerived: R,
  derive: (value: T) => R,
  deps: readonly unknown[],
): readonly [settled: T, derived: R] {
  const settled = useSettled(live);
  // Keyed on the settled value only: `live` and `liveDerived` are read just to reuse the live result once the
  // value has settled on it.
  const derived = useMemo(() => (settled === live ? liveDerived : derive(settled)), [settled, ...deps]);
  return [settled, derived];
}
