/**
 * A tiny markup for figure captions kept in string tables, so a translated caption can still set variables in
 * italics with subscripts: `{x_t}` → <var>x</var><sub>t</sub>, `{i}` → <var>i</var>, `{_hh}` → <sub>hh</sub>,
 * `{^20}` → <sup>20</sup>, `*trained*` → <em>trained</em>. Everything else is literal text. Parsing is pure; src/components/figures/Rich.tsx renders the segments.
 */

export type RichSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'sub'; readonly text: string }
  | { readonly kind: 'sup'; readonly text: string }
  | { readonly kind: 'var'; readonly name: string; readonly sub?: string | undefined }
  | { readonly kind: 'em'; readonly text: string };

const TOKEN = /\{([_^])([^{}]+)\}|\{([^{}_^]+)(?:_([^{}]+))?\}|\*([^*]+)\*/g;

/** Splits `text` into literal text, variables and emphasis. Unbalanced `{` or `*` fail loudly (a typo in a table). */
export function parseRich(text: string): RichSegment[] {
  const out: RichSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push(m[1] === '_' ? { kind: 'sub', text: m[2]! } : { kind: 'sup', text: m[2]! });
    else if (m[5] !== undefined) out.push({ kind: 'em', text: m[5] });
    else out.push({ kind: 'var', name: m[3]!, sub: m[4] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  for (const s of out) {
    if (s.kind === 'text' && /[{}*]/.test(s.text)) {
      throw new Error(`Unbalanced rich-text markup in “${text}”: use {v} or {v_sub} for a variable, *text* for emphasis.`);
    }
  }
  return out;
}

/** The plain text of rich markup (for accessible names and tests): `{x_t}` → `x_t`. */
export function plainRich(text: string): string {
  return parseRich(text)
    .map((s) =>
      s.kind === 'var'
        ? `${s.name}${s.sub ? `_${s.sub}` : ''}`
        : s.kind === 'sub'
          ? `_${s.text}`
          : s.kind === 'sup'
            ? `^${s.text}`
            : s.text,
    )
    .join('');
}
