/**
 * Bad content fails `npm run build` (scripts/build.mjs) with one line per problem — `file:line[:column]: cause` — and
 * nothing else: no stack trace, no second `Location: …:0:0`, no page route instead of the article. Each build plants
 * several problems at once where the build reports them together (frontmatter; everything found while compiling),
 * since a build costs seconds; a problem found while a page renders stops the build, so it gets a build of its own.
 * The messages themselves are tested without a build in test/markdown/ and test/site-logic/frontmatter.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnv } from './lib/env';

const FRONTMATTER = `---
title: Scratch article
description: A scratch article written by a test to prove that bad content fails the build loudly.
published: 2026-01-01
updated: 2026-01-01
authors:
  - name: Test
order: 99
---
`;
const C = join(process.cwd(), 'src/components');

/**
 * Builds the site with `content/articles` replaced by `files` (name → source); returns the exit status, everything
 * printed, and the scratch folder (printed paths start with it).
 */
function buildWith(files: Record<string, string | Uint8Array>): { status: number | null; output: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'why-tanh-bad-'));
  const out = mkdtempSync(join(tmpdir(), 'why-tanh-out-'));
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), source);
  }
  try {
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--outDir', out], {
      env: buildEnv({ WHY_TANH_CONTENT_DIR: dir }),
      encoding: 'utf8',
      timeout: 170_000,
    });
    return { status: r.status, output: `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''), dir }; // eslint-disable-line no-control-regex
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

/** The lines after the build's "✗ The build stopped" line: exactly the problems. */
function problemLines(output: string): string[] {
  const at = output.indexOf('✗ The build stopped');
  expect(at, output).toBeGreaterThanOrEqual(0);
  return output
    .slice(at)
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '');
}

/** Nothing but the problems: no stack, no second location, no page route. */
function expectOnlyProblems(output: string): void {
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('Location:');
  expect(output).not.toContain('Stack trace');
  expect(output).not.toContain('Caught error rendering');
  expect(output).not.toContain('[ERROR]');
}

/** `line:column` (1-based) where `needle` starts in `source`. */
function at(source: string, needle: string): string {
  const i = source.indexOf(needle);
  const before = source.slice(0, i);
  return `${before.split('\n').length}:${i - before.lastIndexOf('\n')}`;
}

describe('a build with bad content', () => {
  it('names every frontmatter problem of every article at once: unknown fields, dates, quotes, fences, bytes', () => {
    const nonUtf8 = new Uint8Array([...new TextEncoder().encode(`${FRONTMATTER}\nText `), 0xff, 0xfe, 0x0a]);
    const r = buildWith({
      'titel.mdx': FRONTMATTER.replace('title:', 'titel:'),
      'drfat.mdx': FRONTMATTER.replace('order: 99', 'order: 99\ndrfat: true'),
      'yesterday.mdx': FRONTMATTER.replace('published: 2026-01-01', 'published: yesterday'),
      'no-order.mdx': FRONTMATTER.replace('order: 99\n', ''),
      'early.mdx': FRONTMATTER.replace('updated: 2026-01-01', 'updated: 2025-01-01'),
      'quote.mdx': FRONTMATTER.replace('title: Scratch article', 'title: "Scratch article'),
      'unclosed.mdx': FRONTMATTER.replace(/---\n$/, '\nText.\n'),
      'zh/bytes.mdx': nonUtf8,
    });
    expect(r.status).not.toBe(0);
    expectOnlyProblems(r.output);
    const lines = problemLines(r.output);
    const d = r.dir;
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${d}/titel\\.mdx:2: unknown field \`titel\` \\(did you mean \`title\`\\?\\)`)),
        expect.stringMatching(new RegExp(`^${d}/drfat\\.mdx:9: unknown field \`drfat\` \\(did you mean \`draft\`\\?\\)`)),
        `${d}/yesterday.mdx:4: published: "yesterday" is not a date: write YYYY-MM-DD`,
        `${d}/no-order.mdx:1: the field \`order\` is missing`,
        `${d}/early.mdx:5: \`updated\` is before \`published\``,
        `${d}/quote.mdx:2: YAML: the quote opened on this line is never closed`,
        `${d}/unclosed.mdx:1: the frontmatter opened here is never closed: end it with a line "---"`,
        `${d}/zh/bytes.mdx:11:6: bytes 0xFF 0xFE… are not UTF-8: save the file as UTF-8`,
      ]),
    );
  });

  it('names every problem found while compiling, of every article at once, each alone on its line', () => {
    const sources: Record<string, string> = {
      'zh/math.mdx': `${FRONTMATTER}\nText.\n\n$$\n\\begin{aligned}\na &= b \\\\\nc &= d \\end{align}\n$$\n`,
      'cite.mdx': `${FRONTMATTER}\nAs shown before [@nosuchkey2099, §2].\n`,
      'ids.mdx': `${FRONTMATTER}\n## One [#dup]\n\nText.\n\n## Two [#dup]\n`,
      'figure-id.mdx': `${FRONTMATTER}\nimport ActivationExplorer from '${C}/figures/ActivationExplorer.tsx';\n\n## Clash [#fig-act]\n\n<ActivationExplorer client:visible />\n`,
      'not-imported.mdx': `${FRONTMATTER}\nText.\n\n<NotImported />\n`,
      'import.mdx': `${FRONTMATTER}\nimport Missing from '../nowhere/Missing.astro';\n\nText.\n`,
      'prop.mdx': `${FRONTMATTER}\nimport GradientFlow from '${C}/gradients/GradientFlow.tsx';\n\n<GradientFlow figure="bpt" initial="{}" client:visible>caption</GradientFlow>\n`,
      'tex.mdx': `${FRONTMATTER}\nimport Tex from '${C}/Tex.astro';\n\nSee <Tex expr="\\frac{1}{" />.\n`,
    };
    const r = buildWith(sources);
    expect(r.status).not.toBe(0);
    expectOnlyProblems(r.output);
    const d = r.dir;
    const s = (f: string, needle: string) => `${d}/${f}:${at(sources[f]!, needle)}`;
    const lines = problemLines(r.output);
    expect(lines).toHaveLength(Object.keys(sources).length);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^${s('zh/math.mdx', '\\end')}: KaTeX: Mismatch: \\\\begin\\{aligned\\} matched by \\\\end\\{align\\}`),
        ),
        `${s('cite.mdx', '[@nosuchkey2099')}: unknown citation key "nosuchkey2099"; add the work to content/references.bib`,
        `${s('ids.mdx', '## Two')}: the id "dup" of a heading is already used by a heading at line 11: give one of them another id`,
        `${s('figure-id.mdx', '<ActivationExplorer client')}: the id "fig-act" of <ActivationExplorer> is already used by a heading at line 13: give one of them another id`,
        `${s('not-imported.mdx', '<NotImported')}: <NotImported> is not imported: add \`import NotImported from '…'\` at the top of the article`,
        `${s('import.mdx', '../nowhere')}: cannot import "../nowhere/Missing.astro": no such file (a relative path starts from the article's folder)`,
        expect.stringMatching(
          new RegExp(
            `^${s('prop.mdx', 'figure=')}: <GradientFlow figure>: "bpt" is not a gradient figure; .*did you mean "bptt"`,
          ),
        ),
        expect.stringMatching(new RegExp(`^${s('tex.mdx', 'expr=')}: <Tex expr>: KaTeX cannot typeset`)),
      ]),
    );
  });

  it('names the line of an expression that throws while a Chinese article renders, not the page route', () => {
    const source = `${FRONTMATTER}\nimport Tex from '${C}/Tex.astro';\nimport { Activations } from '${process.cwd()}/src/lib/nn/activations';\n\n文本。\n\n<Tex expr={Activations.nosuch.latex.f} />\n`;
    const r = buildWith({ 'zh/expr.mdx': source });
    expect(r.status).not.toBe(0);
    expectOnlyProblems(r.output);
    expect(problemLines(r.output)).toEqual([
      `${r.dir}/zh/expr.mdx:${at(source, 'expr=')}: {Activations.nosuch.latex.f} failed: Cannot read properties of undefined (reading 'latex')`,
    ]);
  });

  it('checks a figure prop computed by an expression once the page renders, naming its line and value', () => {
    const source = `${FRONTMATTER}\nimport ActivationExplorer from '${C}/figures/ActivationExplorer.tsx';\n\n<ActivationExplorer client:visible initial={'no' + 'pe'} />\n`;
    const r = buildWith({ 'computed.mdx': source });
    expect(r.status).not.toBe(0);
    expectOnlyProblems(r.output);
    expect(problemLines(r.output)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${r.dir}/computed\\.mdx:${at(source, 'initial=')}: <ActivationExplorer initial>: "nope" is not an activation of the registry; .* \\(the value of \\{'no' \\+ 'pe'\\}\\)$`,
        ),
      ),
    ]);
  });
});
