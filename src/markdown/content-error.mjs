// @ts-check
/**
 * A problem in an article (or in another content file) that its author must fix: bad math, an unknown citation key, a
 * duplicate id, a bad frontmatter field, a figure prop that is not allowed… Thrown as a ContentError, it reaches the
 * author as exactly one line per problem, `file:line:column: cause` (scripts/build.mjs prints it without a stack
 * trace or a second location; other errors keep theirs, since they are bugs to debug).
 */
import { isAbsolute, relative } from 'node:path';

/**
 * @typedef {{ file: string, line?: number | undefined, column?: number | undefined, message: string }} ContentProblem
 */

/** `path` relative to the working directory when it is inside it, else as is. */
export function displayPath(/** @type {string} */ path) {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** `file:line:column: message` (the parts that are known). */
export function formatProblem(/** @type {ContentProblem} */ p) {
  const where = [displayPath(p.file), p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined);
  return `${where.join(':')}: ${p.message}`;
}

export class ContentError extends Error {
  /** @param {ContentProblem[]} problems */
  constructor(problems) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    /** The problems, for tools; the message already lists them. */
    this.problems = problems;
    /** Marks the error for scripts/build.mjs even after a bundler copied it (`whyTanhContent` survives as a property). */
    this.whyTanhContent = true;
    // The first problem's place, where @astrojs/mdx and Vite look for one (`loc`).
    /** @type {number | undefined} */
    this.line = problems[0]?.line;
    /** @type {number | undefined} */
    this.column = problems[0]?.column;
  }
}

/** Whether `e` is (a bundler's copy of) a ContentError. */
export function isContentError(/** @type {unknown} */ e) {
  return typeof e === 'object' && e !== null && /** @type {{ whyTanhContent?: unknown }} */ (e).whyTanhContent === true;
}
