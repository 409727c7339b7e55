/**
 * Called by the compiled articles (remark-mdx-checks.ts puts the calls in), while a page renders: an `{expression}`
 * of an article that throws, or a figure prop that is not allowed, becomes a ContentError naming the article's file,
 * the line and column of the expression or prop, and the cause — instead of an error about the page route.
 */
import { ContentError, isContentError } from './content-error.mjs';
import { checkProps } from '../figures/props.ts';

/** Where an expression or a prop stands in its article: [file, line, column, source text]. */
export type Place = readonly [file: string, line: number, column: number, source: string];

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/** The value of an article's `{expression}`, or a ContentError at `place` when it throws. */
export function __whyTanhAt<T>(thunk: () => T, place: Place): T {
  try {
    return thunk();
  } catch (e) {
    if (isContentError(e)) throw e;
    const [file, line, column, source] = place;
    throw new ContentError([{ file, line, column, message: `{${short(source)}} failed: ${reason(e)}` }]);
  }
}

/**
 * The props of a checked component (src/figures/props.ts): evaluates each `{expression}` prop (given as a thunk),
 * checks the props, and returns them; throws a ContentError listing every problem at its prop's place.
 * @param literal - props written as literals, with their places (checked alone at build time already; needed here
 *   for the checks across props).
 * @param computed - props written as `{expressions}`, as thunks, with their places.
 * @param element - the element's place (for a missing prop).
 * @param complete - false when the element also spreads props in (`{...x}`): then missing props are not reported.
 */
export function __whyTanhProps(
  component: string,
  literal: Readonly<Record<string, readonly [value: unknown, place: Place]>>,
  computed: Readonly<Record<string, readonly [thunk: () => unknown, place: Place]>>,
  element: Place,
  complete: boolean,
): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const places: Record<string, Place> = {};
  for (const [name, [value, place]] of Object.entries(literal)) [props[name], places[name]] = [value, place];
  for (const [name, [thunk, place]] of Object.entries(computed)) [props[name], places[name]] = [__whyTanhAt(thunk, place), place];
  const problems = checkProps(component, props, complete);
  if (problems.length > 0) {
    throw new ContentError(
      problems.map((p) => {
        const [file, line, column, source] = (p.prop && places[p.prop]) || element;
        const value = p.prop && p.prop in computed ? ` (the value of {${short(source)}})` : '';
        return { file, line, column, message: `${p.message}${value}` };
      }),
    );
  }
  return props;
}
