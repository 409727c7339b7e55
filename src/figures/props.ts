/**
 * The props an article may give each figure and build-time component, as zod schemas: MDX checks no types, so a
 * mistyped value (`<GradientFlow figure="bpt">`) or a missing prop would otherwise reach the component and fail
 * there with a message about its internals — or draw something else without a word.
 *
 * The Markdown pipeline checks every use in an article against these (src/markdown/remark-mdx-checks.ts): at build
 * time when the values are written out, when the page renders when they are `{expressions}`; either way the error
 * names the article's file, the line of the prop, its value and what would be right. Server-side only (zod never
 * reaches a page's JavaScript).
 *
 * Components are found by the file an article imports them from (`…/GradientFlow.tsx` → `GradientFlow`), whatever
 * name the article gives them; the Chinese entries (src/components/zh/) share the English ones' props.
 *
 * This module is loaded with the site's configuration, by Node itself: it imports only modules Node can load
 * (explicit `.ts` extensions all the way down), so the figures' ids and names are written out here, and a test
 * checks them against the figures' own (test/markdown/props.test.ts). A check that needs a figure's computation is
 * the figure's own (GradientFlow: `initial` must be the result of its `figure`).
 */
import { z } from 'astro/zod';
import { ACTIVATION_KEYS } from '../lib/nn/activations.ts';
import { LANGS } from '../i18n/ui.ts';
import { didYouMean } from '../site/did-you-mean.ts';
import { renderTex } from './tex.ts';

/** One prop's schema; its error messages are complete sentences about the value. */
type PropSchema = z.ZodType;

export interface ComponentProps {
  /** Every prop the component takes (others are reported as unknown). */
  readonly props: Readonly<Record<string, PropSchema>>;
  /** Props an article must give. */
  readonly required?: readonly string[];
  /** What to write for a missing required prop, given the others (`initial={initialFlow('bptt')}`). */
  readonly hint?: (prop: string, props: Readonly<Record<string, unknown>>) => string;
  /** The element ids the component puts on the page (for the duplicate-id check), given its literal props. */
  readonly ids?: (props: Readonly<Record<string, unknown>>) => readonly string[];
}

const quoted = (v: unknown) => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

/** One of `values` (strings), with a message naming the value, the choices and a close one. */
function oneOf<T extends string>(values: readonly T[], what: string): z.ZodType<T> {
  return z.custom<T>((v) => typeof v === 'string' && (values as readonly string[]).includes(v), {
    error: (issue) =>
      `${quoted(issue.input)} is not ${what}; use ${values.map((v) => `"${v}"`).join(', ')}` +
      (typeof issue.input === 'string' ? didYouMean(issue.input, values) : ''),
  });
}

const text = (what: string) =>
  z.custom<string>((v) => typeof v === 'string', { error: (i) => `${quoted(i.input)} is not ${what} (a string)` });
const children = z.any();
const lang = oneOf(LANGS, 'a language');
const width = oneOf(['body', 'page', 'screen'] as const, 'a figure width');
const flag = z.custom<boolean>((v) => typeof v === 'boolean', { error: (i) => `${quoted(i.input)} is not true or false` });

/** The props of a function figure (σ→tanh morph, errata, second derivatives). */
const functionFigure = (key: string): ComponentProps => ({ props: { width, lang, children }, ids: () => [key] });

/** The URL keys (element ids) of the figures, as src/figures/*.ts define them. */
export const FIGURE_KEYS = Object.freeze({
  explorer: 'fig-act',
  morph: 'fig-morph',
  errata: 'fig-errata',
  secondDerivatives: 'fig-d2',
  upDown: 'fig-up-down',
  growth: 'fig-growth',
  gradients: { bptt: 'fig-bptt', cec: 'fig-cec' },
});
/** The gradient figures (`GRADIENT_FIGURES` of src/figures/gradients/state.ts). */
export const GRADIENT_FIGURE_IDS = Object.freeze(
  Object.keys(FIGURE_KEYS.gradients),
) as readonly (keyof typeof FIGURE_KEYS.gradients)[];

/** A KaTeX formula, typeset once here to catch what would fail in the component. */
const formula = z.custom<string>(
  (v) => {
    if (typeof v !== 'string') return false;
    try {
      renderTex(v);
      return true;
    } catch {
      return false;
    }
  },
  {
    error: (i) => {
      if (typeof i.input !== 'string') return `${quoted(i.input)} is not a formula (a string of LaTeX)`;
      try {
        renderTex(i.input);
        return 'is not a formula';
      } catch (e) {
        const cause = (e as { cause?: { rawMessage?: string } }).cause?.rawMessage ?? (e as Error).message;
        return `KaTeX cannot typeset ${quoted(i.input)}: ${cause}`;
      }
    },
  },
);

const activationList = z.custom<string>(
  (v) => typeof v === 'string' && v.split(/[\s,]+/).every((k) => k === '' || (ACTIVATION_KEYS as readonly string[]).includes(k)),
  {
    error: (i) => {
      if (typeof i.input !== 'string') return `${quoted(i.input)} is not a list of activations (a string)`;
      const bad = i.input.split(/[\s,]+/).filter((k) => k !== '' && !(ACTIVATION_KEYS as readonly string[]).includes(k));
      return bad
        .map((k) => `unknown activation "${k}"${didYouMean(k, ACTIVATION_KEYS)}`)
        .concat(`the activations are ${ACTIVATION_KEYS.join(', ')}`)
        .join('; ');
    },
  },
);

/** The registry: component (file name without extension) → its props. */
export const COMPONENT_PROPS: Readonly<Record<string, ComponentProps>> = {
  Tex: { props: { expr: formula, display: flag }, required: ['expr'] },
  ActivationFormulas: { props: { keys: activationList, lang } },
  ActivationTable: { props: { lang } },
  ActivationExplorer: {
    props: { initial: oneOf(ACTIVATION_KEYS, 'an activation of the registry'), width, lang, children },
    ids: () => [FIGURE_KEYS.explorer],
  },
  SigmoidTanhMorph: functionFigure(FIGURE_KEYS.morph),
  SigmoidDerivativeErrata: functionFigure(FIGURE_KEYS.errata),
  SecondDerivatives: functionFigure(FIGURE_KEYS.secondDerivatives),
  GradientFlow: {
    props: {
      figure: oneOf(GRADIENT_FIGURE_IDS, 'a gradient figure'),
      initial: text("the figure's packed result"),
      width,
      title: text('a title'),
      lang,
      children,
    },
    required: ['initial'],
    hint: (prop, p) => (prop === 'initial' ? `: initial={initialFlow('${String(p['figure'] ?? 'bptt')}')}` : ''),
    ids: (p) => [FIGURE_KEYS.gradients[(p['figure'] as keyof typeof FIGURE_KEYS.gradients | undefined) ?? 'bptt']],
  },
  CellExplorer: { props: { lang } },
  UpDownFigure: { props: { lang }, ids: () => [FIGURE_KEYS.upDown] },
  GrowthFigure: { props: { lang }, ids: () => [FIGURE_KEYS.growth] },
  UpDownData: { props: { lang }, ids: () => [`${FIGURE_KEYS.upDown}-data`] },
  GrowthData: { props: { lang }, ids: () => [`${FIGURE_KEYS.growth}-data`] },
  CecTable: { props: { lang } },
  ClipTable: { props: { lang } },
  GammaTable: { props: { lang } },
  BoundTable: { props: { lang } },
  SiteLink: { props: { href: text('a site path'), children }, required: ['href'] },
};

/** What is wrong with one prop: its name (or undefined for the element as a whole) and a sentence. */
export interface PropProblem {
  readonly prop: string | undefined;
  readonly message: string;
}

/**
 * The problems of `props` given to `component` (a registry key). `complete` says whether `props` holds every prop
 * of the element (false when some are unknown until the page renders, or spread in): then missing props wait.
 */
export function checkProps(component: string, props: Readonly<Record<string, unknown>>, complete = true): PropProblem[] {
  const spec = COMPONENT_PROPS[component];
  if (!spec) return [];
  const problems: PropProblem[] = [];
  const known = Object.keys(spec.props);
  for (const [name, value] of Object.entries(props)) {
    const schema = spec.props[name];
    if (!schema) {
      problems.push({
        prop: name,
        message: `<${component}> has no prop "${name}"${didYouMean(name, known)}; its props are ${known.join(', ')}`,
      });
      continue;
    }
    const r = schema.safeParse(value);
    if (!r.success) problems.push({ prop: name, message: `<${component} ${name}>: ${r.error.issues[0]?.message ?? 'invalid'}` });
  }
  if (!complete) return problems;
  for (const name of spec.required ?? []) {
    if (!(name in props)) {
      problems.push({ prop: undefined, message: `<${component}> needs the prop "${name}"${spec.hint?.(name, props) ?? ''}` });
    }
  }
  return problems;
}

/** The registry key of a component imported from `source` (`../../src/components/gradients/GradientFlow.tsx`). */
export function componentOfImport(source: string): string | undefined {
  const m = /(?:^|[\\/])src[\\/]components[\\/](?:.*[\\/])?([A-Za-z0-9]+)(?:\.island)?(?:\.(?:tsx|ts|astro|jsx|js))?$/.exec(
    source,
  );
  return m && m[1] && m[1] in COMPONENT_PROPS ? m[1] : undefined;
}
