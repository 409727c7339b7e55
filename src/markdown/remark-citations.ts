/**
 * remark plugin: Pandoc-style citations from content/references.bib, resolved at build time.
 *
 * - `[@key]`, `[@key, §4.1]`, `[@a; @b]` in text become numbered links ("[1]") to the entry in the page's bibliography,
 *   numbered in order of first citation. Each link is described by a preview of the full reference
 *   (`role="tooltip"`, shown on hover and keyboard focus by CSS; src/client/citations.ts adds Escape and keeps it on
 *   screen). Syntax: src/site/citations.ts.
 * - `<Cite k="key" loc="§4.1" />` (the older component syntax) is an alias, rewritten here into the same citation.
 * - The bibliography goes where the article writes `<Bibliography />`; an article that cites and has none gets one at
 *   the end under a "References" heading. It lists the cited works in number order with their DOI or URL and, for
 *   each, back-links (↩ a b …) to every place that cites it.
 * - An unknown key, a malformed citation, or a citation inside a heading or a link fails the build with
 *   `file:line:column` and the key; every problem of the file is listed at once.
 *
 * Code, math (`$…$`), MDX expressions and ESM are separate nodes and never scanned.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent } from 'hast';
import type { Heading, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { ContentError, displayPath, type ContentProblem } from './content-error.mjs';
import { formatReference, nearKeys, refId, type Bibliography, type Reference } from '../site/bibliography.ts';
import { parseBibliography } from '../site/bibtex.ts';
import {
  CITATION_LABELS,
  CitationIndex,
  backlinkLetter,
  findCitations,
  langOfFile,
  type CitationItem,
  type CitationLabels,
} from '../site/citations.ts';

/** content/references.bib, found from this file so any working directory works. */
export const DEFAULT_BIBLIOGRAPHY = fileURLToPath(new URL('../../content/references.bib', import.meta.url));

export interface RemarkCitationsOptions {
  /** Path of the .bib file (default {@link DEFAULT_BIBLIOGRAPHY}). */
  readonly bibliography?: string;
}

let cache: { path: string; mtime: number; bib: Bibliography } | undefined;

/** The parsed bibliography at `path`, re-read when the file changes (dev server). */
export function loadBibliography(path: string = DEFAULT_BIBLIOGRAPHY): Bibliography {
  const mtime = statSync(path).mtimeMs;
  if (cache?.path === path && cache.mtime === mtime) return cache.bib;
  const bib = parseBibliography(readFileSync(path, 'utf8'), displayPath(path));
  cache = { path, mtime, bib };
  return bib;
}

// ---------------------------------------------------------------------------------------------------------------
// hast builders
// ---------------------------------------------------------------------------------------------------------------

type Props = Element['properties'];
const el = (tagName: string, properties: Props, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const txt = (value: string): ElementContent => ({ type: 'text', value });
const hidden = (value: string): Element => el('span', { className: ['visually-hidden'] }, [txt(value)]);

/** The full reference as inline content: authors (year). <cite>Title</cite>. Container. link text */
function referenceContent(ref: Reference, linked: boolean): ElementContent[] {
  const f = formatReference(ref);
  const out: ElementContent[] = [txt(`${f.lead} `), el('cite', {}, [txt(f.title)]), txt(`${f.stop} ${f.rest}`)];
  if (f.link) {
    out.push(txt(' '));
    out.push(linked ? el('a', { href: f.link.href, rel: ['noopener'] }, [txt(f.link.text)]) : txt(f.link.text));
  }
  return out;
}

interface ResolvedItem extends CitationItem {
  readonly ref: Reference;
}

/** `[1, §4.1; 2]`: one link with a preview per work, then its location. */
function citationElement(items: readonly ResolvedItem[], index: CitationIndex, labels: CitationLabels): Element {
  const sep = items.some((i) => i.locator) ? '; ' : ', ';
  const children: ElementContent[] = [txt('[')];
  items.forEach((item, i) => {
    const { n, id } = index.cite(item.key);
    const previewId = `${id}-preview`;
    if (i > 0) children.push(txt(sep));
    children.push(
      el('span', { className: ['cite-item'] }, [
        el('a', { className: ['cite-ref'], id, href: `#${refId(item.key)}`, ariaDescribedBy: [previewId], dataCite: item.key }, [
          hidden(labels.reference),
          txt(String(n)),
        ]),
        el('span', { className: ['cite-preview'], id: previewId, role: 'tooltip' }, referenceContent(item.ref, false)),
      ]),
    );
    if (item.locator) children.push(txt(`, ${item.locator}`));
  });
  children.push(txt(']'));
  return el('span', { className: ['cite'], dataPagefindIgnore: '' }, children);
}

/** The `<section>` listing the cited works in number order, each with back-links to its citations. */
function bibliographyElement(bib: Bibliography, index: CitationIndex, labels: CitationLabels): Element {
  const items = index.entries().map(({ key, n, citations }) => {
    const ref = bib.get(key)!;
    const back: ElementContent[] =
      citations.length === 1
        ? [
            el('a', { href: `#${citations[0]}`, className: ['bib-back'] }, [
              el('span', { ariaHidden: 'true' }, [txt('↩')]),
              hidden(labels.back),
            ]),
          ]
        : [
            el('span', { ariaHidden: 'true' }, [txt('↩')]),
            ...citations.flatMap((id, i): ElementContent[] => [
              txt(' '),
              el('a', { href: `#${id}`, className: ['bib-back'] }, [hidden(labels.backTo), txt(backlinkLetter(i))]),
            ]),
          ];
    return el('li', { id: refId(key), value: String(n) }, [
      el('span', { className: ['bib-num'], ariaHidden: 'true' }, [txt(`[${n}]`)]),
      txt(' '),
      ...referenceContent(ref, true),
      txt(' '),
      el('span', { className: ['bib-backlinks'] }, back),
    ]);
  });
  return el('section', { className: ['bibliography'], ariaLabel: labels.references }, [el('ol', {}, items)]);
}

// ---------------------------------------------------------------------------------------------------------------
// The tree walk
// ---------------------------------------------------------------------------------------------------------------

/** An mdast node that mdast-util-to-hast turns into exactly the given hast element. */
function hastNode(element: Element): PhrasingContent {
  return {
    type: 'citation',
    data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children },
  } as unknown as PhrasingContent;
}

const SKIP = new Set([
  'code',
  'inlineCode',
  'math',
  'inlineMath',
  'html',
  'yaml',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
]);

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;
const isJsx = (n: Nodes): n is Jsx => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';

/**
 * @param options - see {@link RemarkCitationsOptions}.
 */
export function remarkCitations(options: RemarkCitationsOptions = {}) {
  return (tree: Root, file: VFile): void => {
    const bib = loadBibliography(options.bibliography ?? DEFAULT_BIBLIOGRAPHY);
    const labels = CITATION_LABELS[langOfFile(file.path)];
    const index = new CitationIndex();
    const problems: ContentProblem[] = [];
    type Place = { line: number | undefined; column: number | undefined };
    const at = (line: number | undefined, column: number | undefined): Place => ({ line, column });
    const problem = (where: Place, message: string) => problems.push({ file: file.path || '<input>', ...where, message });
    const places: { parent: Parent; node: Jsx }[] = [];

    /** Resolves keys, reporting unknown ones at `where`; undefined when any key is unknown. */
    const resolve = (items: readonly CitationItem[], where: Place): ResolvedItem[] | undefined => {
      const out: ResolvedItem[] = [];
      for (const item of items) {
        const ref = bib.get(item.key);
        if (!ref) {
          const near = nearKeys(bib, item.key);
          problem(
            where,
            `unknown citation key "${item.key}"` +
              (near.length > 0 ? ` (did you mean ${near.map((k) => `"${k}"`).join(' or ')}?)` : '') +
              '; add the work to content/references.bib',
          );
        } else out.push({ ...item, ref });
      }
      return out.length === items.length ? out : undefined;
    };

    /** Replaces citations in `parent`'s children; `context` names an enclosing heading or link (no citations there). */
    const walk = (parent: Parent, context: string | undefined): void => {
      for (let i = 0; i < parent.children.length; i++) {
        const node = parent.children[i] as Nodes;
        if (SKIP.has(node.type)) continue;
        const start = node.position?.start;

        if (node.type === 'text') {
          const { matches, problems: bad } = findCitations(node.value);
          const locate = (offset: number) => {
            const before = node.value.slice(0, offset);
            const nl = before.lastIndexOf('\n');
            const line = (start?.line ?? 0) + (before.match(/\n/g)?.length ?? 0);
            const column = nl < 0 ? (start?.column ?? 0) + offset : offset - nl;
            return at(start ? line : undefined, start ? column : undefined);
          };
          for (const p of bad) problem(locate(p.index), p.message);
          if (matches.length === 0) continue;
          if (context) {
            problem(locate(matches[0]!.start), `a citation inside ${context} is not supported; cite in the text next to it`);
            continue;
          }
          const replacement: PhrasingContent[] = [];
          let last = 0;
          for (const m of matches) {
            if (m.start > last) replacement.push({ type: 'text', value: node.value.slice(last, m.start) });
            const items = resolve(m.items, locate(m.start));
            replacement.push(
              items ? hastNode(citationElement(items, index, labels)) : { type: 'text', value: node.value.slice(m.start, m.end) },
            );
            last = m.end;
          }
          if (last < node.value.length) replacement.push({ type: 'text', value: node.value.slice(last) });
          parent.children.splice(i, 1, ...(replacement as RootContent[]));
          i += replacement.length - 1;
          continue;
        }

        if (isJsx(node) && node.name === 'Cite') {
          const where = at(start?.line, start?.column);
          const attr = (name: string) => {
            const a = node.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
            if (!a) return undefined;
            if (typeof a.value !== 'string') {
              problem(where, `<Cite ${name}=…> must be a plain string, e.g. ${name}="hochreiter1997"`);
              return undefined;
            }
            return a.value;
          };
          const k = attr('k') ?? '';
          const loc = attr('loc');
          const keys = k.split(/[\s,;]+/).filter((s) => s !== '');
          if (keys.length === 0) problem(where, `<Cite> without a key: write <Cite k="hochreiter1997" /> or [@hochreiter1997]`);
          else if (loc !== undefined && keys.length > 1) problem(where, `<Cite k="${k}" loc="${loc}">: loc needs a single key`);
          else if (context) problem(where, `a citation inside ${context} is not supported; cite in the text next to it`);
          else {
            const items = resolve(
              keys.map((key, j) => ({ key, locator: j === 0 ? loc : undefined })),
              where,
            );
            if (items) parent.children[i] = hastNode(citationElement(items, index, labels)) as RootContent;
          }
          continue;
        }

        if (isJsx(node) && node.name === 'Bibliography') {
          if (places.length > 0) {
            const first = places[0]!.node.position?.start;
            problem(at(start?.line, start?.column), `a second <Bibliography /> (the first is at line ${first?.line ?? '?'})`);
          }
          places.push({ parent, node });
          continue;
        }

        if ('children' in node) {
          const inner =
            node.type === 'heading' ? 'a heading' : node.type === 'link' || node.type === 'linkReference' ? 'a link' : context;
          walk(node, inner);
        }
      }
    };

    walk(tree, undefined);
    if (problems.length > 0) throw new ContentError(problems);

    const section = index.size > 0 ? hastNode(bibliographyElement(bib, index, labels)) : undefined;
    const place = places[0];
    if (place) {
      const i = place.parent.children.indexOf(place.node as RootContent);
      place.parent.children.splice(i, 1, ...(section ? [section as RootContent] : []));
    } else if (section) {
      const heading: Heading = {
        type: 'heading',
        depth: 2,
        children: [{ type: 'text', value: labels.references }],
        data: { hProperties: { id: 'references' } },
      };
      tree.children.push(heading, section as RootContent);
    }
  };
}
