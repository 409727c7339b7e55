/**
 * A small, dependency-free HTML tag scanner for the gates that read the built site.
 *
 * It is not a full HTML5 parser (no tree, no implied end tags), and it does not need to be: the gates only ask
 * "which start tags with which attributes does this page contain, and what is inside its raw-text elements".
 * It handles what the HTML tokenizer does for those questions: comments, doctype and CDATA sections are skipped,
 * `<script>`/`<style>`/`<textarea>`/`<title>` content is raw text (a `<a href>` inside a script is not a link),
 * attribute values may be double-, single- or un-quoted, names are case-insensitive, and character references in
 * attribute values are decoded (`&amp;`, `&quot;`, `&#39;`, `&#x2F;`, …).
 */

export interface Tag {
  /** Lower-case tag name: `a`, `script`, `astro-island`, `svg`, `title`. */
  readonly name: string;
  /** Attributes with lower-case names and decoded values; a bare attribute (`ssr`) has the value `''`. */
  readonly attrs: ReadonlyMap<string, string>;
  /** For raw-text elements (script, style, textarea, title): their text, undecoded; `''` otherwise. */
  readonly text: string;
  /** Offset of the `<` in the source, for ordering checks. */
  readonly offset: number;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references that occur in attribute values. Unknown named references are kept as written. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);?/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Every start tag of `html`, in document order. */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      // doctype, processing instruction, end tag
      const end = html.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(html[lt + 1] ?? '')) {
      i = lt + 1; // a literal "<" in text
      continue;
    }
    // tag name
    let j = lt + 1;
    while (j < n && !/[\s/>]/.test(html[j]!)) j++;
    const name = html.slice(lt + 1, j).toLowerCase();
    const attrs = new Map<string, string>();
    // attributes
    for (;;) {
      while (j < n && /[\s/]/.test(html[j]!)) j++;
      if (j >= n || html[j] === '>') break;
      const start = j;
      j++; // the first character may be "=" (an odd but legal attribute name)
      while (j < n && !/[\s/>=]/.test(html[j]!)) j++;
      const attrName = html.slice(start, j).toLowerCase();
      let k = j;
      while (k < n && /\s/.test(html[k]!)) k++;
      let value = '';
      if (html[k] === '=') {
        k++;
        while (k < n && /\s/.test(html[k]!)) k++;
        const q = html[k];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, k + 1);
          value = html.slice(k + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          let e = k;
          while (e < n && !/[\s>]/.test(html[e]!)) e++;
          value = html.slice(k, e);
          j = e;
        }
      }
      if (!attrs.has(attrName)) attrs.set(attrName, decodeEntities(value)); // the first one wins, as in browsers
    }
    i = j < n ? j + 1 : n;
    let text = '';
    if (RAW_TEXT.has(name) && html[j - 1] !== '/') {
      const close = new RegExp(`</${name}[\\s/>]`, 'i');
      const m = close.exec(html.slice(i));
      const end = m ? i + m.index : n;
      text = html.slice(i, end);
      i = end;
    }
    tags.push({ name, attrs, text, offset: lt });
  }
  return tags;
}

/**
 * Every fragment target of a page: element ids, the legacy `<a name>`, and the old heading ids an article keeps alive
 * through `data-heading-aliases='{"old-id":"new-id"}'` (redirected by script; see src/site/schema.ts headingAliases).
 */
export function fragmentTargets(tags: readonly Tag[]): Set<string> {
  const ids = new Set<string>();
  for (const t of tags) {
    const aliases = t.attrs.get('data-heading-aliases');
    if (aliases) {
      try {
        for (const old of Object.keys(JSON.parse(aliases) as Record<string, string>)) ids.add(old);
      } catch {
        // malformed JSON: no alias counts, so links to old ids are reported
      }
    }
    const id = t.attrs.get('id');
    if (id !== undefined && id !== '') ids.add(id);
    const name = t.attrs.get('name');
    if (t.name === 'a' && name !== undefined && name !== '') ids.add(name);
  }
  return ids;
}

/** Ids of the figures of a page (`<figure id="fig-act">`): what a figure-state fragment `#fig-act=…` may name. */
export function figureIds(tags: readonly Tag[]): Set<string> {
  const ids = new Set<string>();
  for (const t of tags) {
    const id = t.attrs.get('id');
    if (t.name === 'figure' && id !== undefined && id !== '') ids.add(id);
  }
  return ids;
}
