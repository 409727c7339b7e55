/**
 * Bad content the Markdown pipeline (src/markdown/pipeline.mjs) rejects while compiling an article: each problem is
 * one line, `file:line:column: cause`, with the line and column of the problem itself. Compiled with the pipeline
 * exactly as `astro build` runs it (test/markdown/compile.ts), without a build; test/build/bad-content.test.ts checks
 * that a build prints these lines and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { ARTICLE, compileError, compileMdx } from './compile';

const FILE = 'content/articles/scratch-test.mdx';
const C = `${process.cwd()}/src/components`;

/** `line:column` (1-based) where `needle` starts in `source`. */
function at(source: string, needle: string, nth = 0): string {
  let from = -1;
  for (let i = 0; i <= nth; i++) from = source.indexOf(needle, from + 1);
  if (from < 0) throw new Error(`"${needle}" is not in the source`);
  const before = source.slice(0, from);
  return `${before.split('\n').length}:${from - before.lastIndexOf('\n')}`;
}

/** The problem lines of compiling `source`, each checked to be one `file:line[:column]: cause` line. */
async function problems(source: string): Promise<string[]> {
  const lines = (await compileError(source)).split('\n');
  for (const l of lines) expect(l).toMatch(new RegExp(`^${FILE}:\\d+(:\\d+)?: \\S`));
  return lines;
}

describe('math the pipeline rejects', () => {
  it('names the line and column of a malformed inline formula and KaTeX’s reason', async () => {
    const source = 'Fine text.\n\nThen $\\frac{1}{$ breaks.\n';
    const [line] = await problems(source);
    expect(line).toMatch(new RegExp(`^${FILE}:3:\\d+: KaTeX: .*(Expected|end of input)`));
  });

  it('names the line of the mismatched \\end inside a multi-line display formula, not "?:?"', async () => {
    const source = 'Text.\n\n$$\n\\begin{aligned}\na &= b \\\\\nc &= d \\end{align}\n$$\n';
    const [line, ...rest] = await problems(source);
    expect(rest).toEqual([]);
    expect(line).toMatch(new RegExp(`^${FILE}:6:\\d+: KaTeX: .*\\\\begin\\{aligned\\}.*\\\\end\\{align\\}`));
  });

  it('names an unknown macro', async () => {
    const [line] = await problems('$$\n\\notamacro{x}\n$$\n');
    expect(line).toMatch(new RegExp(`^${FILE}:2:1: KaTeX: .*\\\\notamacro`));
  });
});

describe('components the pipeline rejects', () => {
  it('names a component that is not imported, at its line, with a near import as a hint', async () => {
    const source = `import CellExplorer from '${C}/lstm/CellExplorer.tsx';\n\nText.\n\n<CelExplorer client:visible />\n`;
    expect(await problems(source)).toEqual([
      `${FILE}:${at(source, '<CelExplorer')}: <CelExplorer> is not imported: add \`import CelExplorer from '…'\` at the top of the article (did you mean <CellExplorer>?)`,
    ]);
  });

  it('names a gradient figure that does not exist (figure="bpt"), at the prop, with the choices', async () => {
    const source =
      `import GradientFlow from '${C}/gradients/GradientFlow.tsx';\nimport { initialFlow } from '../../src/numbers/vanishing-gradients';\n\n` +
      `<GradientFlow figure="bpt" initial={initialFlow('bptt')} client:visible>caption</GradientFlow>\n`;
    expect(await problems(source)).toEqual([
      `${FILE}:${at(source, 'figure=')}: <GradientFlow figure>: "bpt" is not a gradient figure; use "bptt", "cec" (did you mean "bptt"?)`,
    ]);
  });

  it('says what to write when a gradient figure lacks its computed result (the old CONTRIBUTING example)', async () => {
    const source = `import GradientFlow from '${C}/gradients/GradientFlow.tsx';\n\n<GradientFlow figure="bptt" client:visible>caption</GradientFlow>\n`;
    expect(await problems(source)).toEqual([
      `${FILE}:${at(source, '<GradientFlow')}: <GradientFlow> needs the prop "initial": initial={initialFlow('bptt')}`,
    ]);
  });

  it('names an unknown activation in <ActivationFormulas keys> and an unknown prop, each at its place', async () => {
    const source = `import ActivationFormulas from '${C}/ActivationFormulas.astro';\n\n<ActivationFormulas keys="tanh, sigmiod" lnag="zh" />\n`;
    expect(await problems(source)).toEqual([
      `${FILE}:${at(source, 'keys=')}: <ActivationFormulas keys>: unknown activation "sigmiod" (did you mean "sigmoid"?); the activations are sigmoid, tanh, hardsigmoid, hardtanh, lecuntanh, softsign, relu, leakyrelu, elu, softplus, silu, gelu, identity`,
      `${FILE}:${at(source, 'lnag=')}: <ActivationFormulas> has no prop "lnag" (did you mean "lang"?); its props are keys, lang`,
    ]);
  });

  it('names a formula KaTeX cannot typeset in <Tex expr="…">', async () => {
    const source = `import Tex from '${C}/Tex.astro';\n\nSee <Tex expr="\\frac{1}{" />.\n`;
    expect(await problems(source)).toEqual([
      `${FILE}:${at(source, 'expr=')}: <Tex expr>: KaTeX cannot typeset "\\frac{1}{": Unexpected end of input in a macro argument, expected '}'`,
    ]);
  });

  it('names an activation the explorer does not know, by its value', async () => {
    const source = `import ActivationExplorer from '${C}/figures/ActivationExplorer.tsx';\n\n<ActivationExplorer client:visible initial="nope" />\n`;
    const [line] = await problems(source);
    expect(line).toContain(
      `${FILE}:${at(source, 'initial=')}: <ActivationExplorer initial>: "nope" is not an activation of the registry`,
    );
  });

  it('lists every problem of the article at once', async () => {
    const source =
      `import ActivationExplorer from '${C}/figures/ActivationExplorer.tsx';\n\n<Nope />\n\n` +
      `<ActivationExplorer initial="nope" width="wide" />\n`;
    expect((await problems(source)).length).toBe(3);
  });
});

describe('ids the pipeline rejects: every id on the page is unique', () => {
  it('names two headings pinned to the same id, at the second, naming the first', async () => {
    const source = '## One [#dup]\n\nText.\n\n## Two [#dup]\n';
    expect(await problems(source)).toEqual([
      `${FILE}:5:1: the id "dup" of a heading is already used by a heading at line 1: give one of them another id`,
    ]);
  });

  it('names a pinned id that equals another heading’s id from its text', async () => {
    const source = '## Intro\n\nText.\n\n## Other [#intro]\n';
    expect(await problems(source)).toEqual([
      `${FILE}:5:1: the id "intro" of a heading is already used by a heading at line 1: give one of them another id`,
    ]);
  });

  it('names a heading whose id is a figure’s (## Clash [#fig-act])', async () => {
    const source = `import ActivationExplorer from '${C}/figures/ActivationExplorer.tsx';\n\n## Clash [#fig-act]\n\n<ActivationExplorer client:visible />\n`;
    expect(await problems(source)).toEqual([
      `${FILE}:5:1: the id "fig-act" of <ActivationExplorer> is already used by a heading at line 3: give one of them another id`,
    ]);
  });

  it('names a heading whose id is a footnote’s, and an element whose id is the page’s own', async () => {
    const source = 'Text.[^a]\n\n[^a]: A note.\n\n## Notes [#user-content-fn-a]\n\n<div id="main">x</div>\n';
    expect(await problems(source)).toEqual([
      `${FILE}:5:1: the id "user-content-fn-a" of a heading is already used by a footnote at line 3: give one of them another id`,
      `${FILE}:7:6: the id "main" of <div> is already used by the page around the article (src/layouts/Base.astro): give one of them another id`,
    ]);
  });
});

describe('what the pipeline keeps for render time', () => {
  it('makes every {expression} and every computed figure prop name its line when it fails', async () => {
    const source =
      `import GradientFlow from '${C}/gradients/GradientFlow.tsx';\n\nSum {1 + 2}.\n\n` +
      `<GradientFlow figure="cec" initial={x} client:visible>caption</GradientFlow>\n`;
    const code = await compileMdx(source);
    expect(code).toContain(`__whyTanhAt(() => 1 + 2, [${JSON.stringify(ARTICLE)}, 3, 5, "1 + 2"])`);
    expect(code).toMatch(/\.\.\.__whyTanhProps\("GradientFlow", \{\s*"figure": \["cec", \[[^\]]*, 5, 15, "cec"\]\]/);
    expect(code).toMatch(/"initial": \[\(\) => x, \[[^\]]*, 5, 28, "x"\]\]/);
    expect(code).toContain('"client:component-path"'); // still an island
  });

  it('leaves an article without expressions or checked components as it was', async () => {
    expect(await compileMdx('Plain text.\n')).not.toContain('whyTanh');
  });
});
