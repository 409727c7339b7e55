import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Builds the site with `content/articles` replaced by one scratch article; returns exit code and all output. */
function buildWith(fileName: string, source: string): { status: number | null; output: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'why-tanh-bad-'));
  const out = mkdtempSync(join(tmpdir(), 'why-tanh-out-'));
  const file = join(dir, fileName);
  writeFileSync(file, source);
  try {
    const r = spawnSync('astro', ['build', '--outDir', out], {
      env: buildEnv({ WHY_TANH_CONTENT_DIR: dir }),
      encoding: 'utf8',
      timeout: 110_000,
    });
    return { status: r.status, output: `${r.stdout}\n${r.stderr}`, file };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

describe('a build with bad content', () => {
  it('fails on a malformed formula, naming the file, the line and KaTeX’s message', () => {
    const source = `${FRONTMATTER}\nFine text.\n\nThen $\\frac{1}{$ breaks.\n`;
    const line = source.split('\n').findIndex((l) => l.includes('\\frac')) + 1; // 1-based line of the formula (13)
    const r = buildWith('broken-formula.mdx', source);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(`broken-formula.mdx:${line}:`);
    expect(r.output).toMatch(/KaTeX: .*(Expected|Unexpected|end of input)/);
  });

  it('fails on an unknown macro, naming the file and the macro', () => {
    const r = buildWith('unknown-macro.mdx', `${FRONTMATTER}\n$$\n\\notamacro{x}\n$$\n`);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('unknown-macro.mdx');
    expect(r.output).toContain('\\notamacro');
  });

  it('fails on a missing frontmatter field, naming the file and the field', () => {
    const r = buildWith('no-order.mdx', FRONTMATTER.replace('order: 99\n', '') + '\nText.\n');
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('no-order');
    expect(r.output).toMatch(/order/);
  });

  it('fails on an invalid frontmatter value, naming the field', () => {
    const r = buildWith('bad-date.mdx', FRONTMATTER.replace('updated: 2026-01-01', 'updated: 2025-01-01') + '\nText.\n');
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('bad-date');
    expect(r.output).toMatch(/updated/);
  });

  it('fails on unknown citation keys, naming file:line:column and each key ([@key] and the <Cite k> alias)', () => {
    const cite = join(process.cwd(), 'src/components/Cite.astro');
    const source =
      `${FRONTMATTER}\nimport Cite from '${cite}';\n\nAs shown before [@nosuchkey2099, §2].\n\n` +
      `And in the alias <Cite k="hochreiter1997, nosuchkey2098" />.\n`;
    const lines = source.split('\n');
    /** `line:column` (1-based) where `s` starts in the source. */
    const at = (s: string) => {
      const i = lines.findIndex((l) => l.includes(s));
      return `${i + 1}:${lines[i]!.indexOf(s) + 1}`;
    };
    const r = buildWith('unknown-cite.mdx', source);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(`unknown-cite.mdx:${at('[@nosuchkey2099')}: unknown citation key "nosuchkey2099"`);
    expect(r.output).toContain(`unknown-cite.mdx:${at('<Cite')}: unknown citation key "nosuchkey2098"`);
    expect(r.output).toContain('content/references.bib');
  });

  it('fails on a figure-kit component given an unknown value, naming the value and the file', () => {
    const formulas = join(process.cwd(), 'src/components/ActivationFormulas.astro');
    const r = buildWith(
      'bad-keys.mdx',
      `${FRONTMATTER}\nimport ActivationFormulas from '${formulas}';\n\n<ActivationFormulas keys="tanh, nope" />\n`,
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/unknown activation nope/);
    expect(r.output).toContain('bad-keys.mdx');
  });

  // Contract with the figure kit (src/components/figures/): a figure given a prop value it does not know must fail the
  // build, naming the value and the article — never render a default silently. Pending until the kit validates props.
  it('[figure-kit contract] fails on a figure prop with an unknown value, naming the value and the file', () => {
    const explorer = join(process.cwd(), 'src/components/figures/ActivationExplorer.tsx');
    const r = buildWith(
      'bad-figure-prop.mdx',
      `${FRONTMATTER}\nimport ActivationExplorer from '${explorer}';\n\n<ActivationExplorer client:visible initial="nope" />\n`,
    );
    expect(r.status, 'the build must fail').not.toBe(0);
    expect(r.output).toContain('nope');
    expect(r.output).toContain('bad-figure-prop');
  });
});
