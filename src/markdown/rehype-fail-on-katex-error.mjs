// @ts-check
/**
 * rehype-katex never fails a build: it records a vfile message and renders red text. Placed right after it, this
 * plugin turns each such message into a build error naming file:line:column, the formula's problem and the formula.
 *
 * @returns {(tree: import('hast').Root, file: import('vfile').VFile) => void}
 */
export function rehypeFailOnKatexError() {
  return (_tree, file) => {
    const errors = file.messages.filter((m) => m.source === 'rehype-katex');
    if (errors.length === 0) return;
    const lines = errors.map((m) => {
      const where = `${file.path}:${m.line ?? '?'}:${m.column ?? '?'}`;
      const cause = m.cause instanceof Error ? m.cause.message : String(m.reason);
      return `${where}: KaTeX: ${cause}`;
    });
    throw new Error(`Invalid math in ${file.path}:\n${lines.join('\n')}`);
  };
}
