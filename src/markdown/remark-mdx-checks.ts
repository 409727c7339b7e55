/**
 * remark plugin: what an article does with components and `{expressions}`, checked where the article says it.
 *
 * At build time (a ContentError naming `file:line:column`, every problem of the article at once):
 * - a component used but neither imported nor defined (`<NotImported />`);
 * - a prop of a figure or build-time component (src/figures/props.ts) that is unknown, missing or has a value it
 *   does not allow, when written as a literal (`figure="bpt"`, `keys="tanh, nope"`, `expr="\frac{1}{"`).
 *
 * While the page renders (the compiled article calls src/markdown/mdx-runtime.ts):
 * - the `{expression}` props of those components are checked the same way, once evaluated;
 * - any `{expression}` of the article — in text, in a prop — that throws names its own line, not the page route.
 *
 * It also records, for rehype-unique-ids.mjs, the ids the article's components will put on the page.
 */
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as E from 'estree';
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { ContentError, type ContentProblem } from './content-error.mjs';
import { COMPONENT_PROPS, checkProps, componentOfImport } from '../figures/props.ts';
import { didYouMean } from '../site/did-you-mean.ts';

/** The module the compiled articles call. */
const RUNTIME = fileURLToPath(new URL('./mdx-runtime.ts', import.meta.url));
const AT = '__whyTanhAt';
const PROPS = '__whyTanhProps';

/** Names an article can use without declaring them (Astro's MDX provides them). */
const PROVIDED = new Set(['Fragment']);

/** Attributes that are directives to Astro, not props. */
const DIRECTIVE = /^(client|server|set|is|transition):|^slot$/;

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;
type Place = { line: number; column: number };

/** An id an article's component will put on the page, and where the component stands (rehype-unique-ids.mjs). */
export interface ComponentId {
  readonly id: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly what: string;
}

// ----------------------------------------------------------------------------------------------------------------
// estree builders
// ----------------------------------------------------------------------------------------------------------------

const lit = (value: string | number | boolean | null): E.Literal => ({ type: 'Literal', value, raw: JSON.stringify(value) });
const id = (name: string): E.Identifier => ({ type: 'Identifier', name });
const arr = (elements: E.Expression[]): E.ArrayExpression => ({ type: 'ArrayExpression', elements });
const obj = (entries: [string, E.Expression][]): E.ObjectExpression => ({
  type: 'ObjectExpression',
  properties: entries.map(([k, v]) => ({
    type: 'Property',
    key: lit(k),
    value: v,
    kind: 'init',
    method: false,
    shorthand: false,
    computed: false,
  })),
});
const thunk = (body: E.Expression): E.ArrowFunctionExpression => ({
  type: 'ArrowFunctionExpression',
  params: [],
  body,
  expression: true,
  async: false,
  generator: false,
});
const call = (callee: string, args: E.Expression[]): E.CallExpression => ({
  type: 'CallExpression',
  callee: id(callee),
  arguments: args,
  optional: false,
});
const program = (statement: E.Statement | E.ModuleDeclaration): E.Program => ({
  type: 'Program',
  sourceType: 'module',
  body: [statement],
});

/** The expression of an `{expression}`'s estree, if it is one plain expression. */
function expressionOf(estree: E.Program | undefined): E.Expression | undefined {
  const first = estree?.body[0];
  return estree?.body.length === 1 && first?.type === 'ExpressionStatement' ? first.expression : undefined;
}

/** Whether `node` contains an `await` or `yield` (which a wrapping function would break). */
function suspends(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  const n = node as { type?: string };
  if (n.type === 'AwaitExpression' || n.type === 'YieldExpression') return true;
  if (n.type && /Function/.test(n.type)) return false;
  return Object.entries(node).some(
    ([k, v]) => k !== 'loc' && k !== 'range' && (Array.isArray(v) ? v.some(suspends) : suspends(v)),
  );
}

// ----------------------------------------------------------------------------------------------------------------

/** The names an article's ESM declares, and for imports the module each comes from. */
function declarations(tree: Root): { declared: Set<string>; sources: Map<string, string> } {
  const declared = new Set<string>();
  const sources = new Map<string, string>();
  const bind = (p: E.Pattern | null | undefined) => {
    if (!p) return;
    if (p.type === 'Identifier') declared.add(p.name);
    else if (p.type === 'ObjectPattern') p.properties.forEach((q) => bind(q.type === 'RestElement' ? q.argument : q.value));
    else if (p.type === 'ArrayPattern') p.elements.forEach((q) => bind(q));
    else if (p.type === 'RestElement') bind(p.argument);
    else if (p.type === 'AssignmentPattern') bind(p.left);
  };
  const declare = (d: E.Declaration | E.Statement | E.ModuleDeclaration | E.Expression | null | undefined) => {
    if (!d) return;
    if (d.type === 'VariableDeclaration') d.declarations.forEach((v) => bind(v.id));
    else if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) declared.add(d.id.name);
  };
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    for (const s of (node.data?.estree as E.Program | undefined)?.body ?? []) {
      if (s.type === 'ImportDeclaration') {
        for (const spec of s.specifiers) {
          declared.add(spec.local.name);
          sources.set(spec.local.name, String(s.source.value));
        }
      } else if (s.type === 'ExportNamedDeclaration') declare(s.declaration);
      else if (s.type === 'ExportDefaultDeclaration') declare(s.declaration as E.Declaration);
      else declare(s);
    }
  }
  return { declared, sources };
}

const isJsx = (n: Nodes): n is Jsx => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';

export function remarkMdxChecks() {
  return (tree: Root, file: VFile): void => {
    const path = file.path || '<input>';
    const problems: ContentProblem[] = [];
    const ids: ComponentId[] = [];
    const { declared, sources } = declarations(tree);
    let usesRuntime = false;

    const placeOf = (n: { position?: { start: { line: number; column: number } } | undefined } | undefined): Place => ({
      line: n?.position?.start.line ?? 0,
      column: n?.position?.start.column ?? 0,
    });
    const placeLiteral = (p: Place, source: string) => arr([lit(path), lit(p.line), lit(p.column), lit(source)]);
    /** `{E}` → `{__whyTanhAt(() => (E), place)}`: an error in E names its line. */
    const wrap = (e: E.Expression, p: Place, source: string): E.Expression => {
      if (suspends(e)) return e;
      usesRuntime = true;
      return call(AT, [thunk(e), placeLiteral(p, source)]);
    };

    const checkElement = (node: Jsx) => {
      const name = node.name;
      if (!name) return; // a fragment <>…</>
      const base = name.split('.')[0]!;
      const attrs = node.attributes;
      /** Makes the {expression} props of any element name their line when they throw. */
      const wrapExpressions = () => {
        for (const a of attrs) {
          if (a.type !== 'mdxJsxAttribute' || !a.value || typeof a.value !== 'object') continue;
          const estree = a.value.data?.estree as E.Program | undefined;
          const e = expressionOf(estree);
          if (e && estree) (estree.body[0] as E.ExpressionStatement).expression = wrap(e, placeOf(a), a.value.value);
        }
      };
      const at = placeOf(node);
      const literalId = attrs.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'id');
      if (literalId && typeof literalId.value === 'string') {
        ids.push({ id: literalId.value, ...placeOf(literalId), what: `<${name}>` });
      }
      if (!/^[A-Z]/.test(base) && !name.includes('.')) return wrapExpressions(); // an HTML element
      if (!declared.has(base) && !PROVIDED.has(base)) {
        problems.push({
          file: path,
          ...at,
          message:
            `<${name}> is not imported: add \`import ${base} from '…'\` at the top of the article` +
            didYouMean(
              base,
              [...declared].filter((d) => /^[A-Z]/.test(d)),
              (s) => `<${s}>`,
            ),
        });
        return;
      }
      const component = componentOfImport(sources.get(base) ?? '');
      if (!component) return wrapExpressions();

      // A checked component: literal props now, {expression} props when the page renders.
      const literal: [string, unknown, Place][] = [];
      const computed: [string, E.Expression, Place, string][] = [];
      const kept: (MdxJsxAttribute | MdxJsxExpressionAttribute)[] = [];
      let complete = true;
      for (const a of attrs) {
        if (a.type === 'mdxJsxExpressionAttribute') {
          complete = false;
          kept.push(a);
          continue;
        }
        if (DIRECTIVE.test(a.name)) {
          kept.push(a);
          continue;
        }
        if (a.value === null || a.value === undefined) literal.push([a.name, true, placeOf(a)]);
        else if (typeof a.value === 'string') literal.push([a.name, a.value, placeOf(a)]);
        else {
          const e = expressionOf(a.value.data?.estree as E.Program | undefined);
          if (e) computed.push([a.name, e, placeOf(a), a.value.value]);
          else kept.push(a);
        }
      }
      const literalProps = Object.fromEntries(literal.map(([k, v]) => [k, v]));
      const allKnown = complete && computed.length === 0;
      for (const p of checkProps(component, literalProps, allKnown)) {
        const place = literal.find(([k]) => k === p.prop)?.[2] ?? at;
        problems.push({ file: path, ...place, message: p.message });
      }
      if (allKnown) {
        for (const i of COMPONENT_PROPS[component]?.ids?.(literalProps) ?? []) ids.push({ id: i, ...at, what: `<${name}>` });
      }
      if (computed.length === 0) return;
      // <X a="1" b={E} client:visible> → <X {...__whyTanhProps('X', {a: ['1', place]}, {b: [() => (E), place]}, place, complete)} client:visible>
      usesRuntime = true;
      const spread = call(PROPS, [
        lit(component),
        obj(literal.map(([k, v, p]) => [k, arr([lit(v as string | boolean), placeLiteral(p, String(v))])])),
        obj(computed.map(([k, e, p, source]) => [k, arr([thunk(e), placeLiteral(p, source)])])),
        placeLiteral(at, `<${name}>`),
        lit(complete),
      ]);
      const attribute: MdxJsxExpressionAttribute = {
        type: 'mdxJsxExpressionAttribute',
        value: `...${PROPS}(…)`,
        data: {
          estree: program({
            type: 'ExpressionStatement',
            expression: { type: 'ObjectExpression', properties: [{ type: 'SpreadElement', argument: spread }] },
          }),
        },
      };
      node.attributes = [attribute, ...kept];
    };

    const walk = (parent: Parent) => {
      for (const child of parent.children as Nodes[]) {
        if (isJsx(child)) checkElement(child);
        else if (child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression') {
          const estree = child.data?.estree as E.Program | undefined;
          const e = expressionOf(estree);
          if (e && estree) (estree.body[0] as E.ExpressionStatement).expression = wrap(e, placeOf(child), child.value);
        }
        if ('children' in child) walk(child);
      }
    };
    walk(tree);

    if (problems.length > 0) throw new ContentError(problems);
    file.data['componentIds'] = ids;
    if (!usesRuntime) return;
    let from = relative(dirname(path), RUNTIME).split(sep).join('/');
    if (!from.startsWith('.')) from = `./${from}`;
    const specifier = (n: string): E.ImportSpecifier => ({ type: 'ImportSpecifier', imported: id(n), local: id(n) });
    const esm = {
      type: 'mdxjsEsm',
      value: `import { ${AT}, ${PROPS} } from ${JSON.stringify(from)};`,
      data: {
        estree: program({
          type: 'ImportDeclaration',
          specifiers: [specifier(AT), specifier(PROPS)],
          source: lit(from),
          attributes: [],
        }),
      },
    } as unknown as RootContent;
    tree.children.unshift(esm);
  };
}

declare module 'vfile' {
  interface DataMap {
    /** Ids that an article's components put on its page (set by remarkMdxChecks). */
    componentIds: ComponentId[];
  }
}
