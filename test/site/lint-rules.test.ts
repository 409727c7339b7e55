/**
 * The lint gate's project rule, proven on planted files: the numerical library (src/lib/**) may not import UI or site
 * code, Astro, Preact or Node built-ins, nor touch DOM globals — while the same code is fine in a component.
 * (The files are linted from memory with ESLint's Node API; nothing is written to src/.)
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();
const lint = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
};

const PLANTED = `import { h } from 'preact';
import { getCollection } from 'astro:content';
import { Figure } from '../../components/figures/Figure.tsx';
import { buildToc } from '../../site/toc.ts';
import { readFileSync } from 'node:fs';
import { tanh } from './activations.ts';
export const planted = () => [h, getCollection, Figure, buildToc, readFileSync, tanh, document.title, window.innerWidth];
`;

describe('the src/lib boundary rule', () => {
  it('flags every UI, site, Astro, Node and DOM dependency in a planted src/lib file', async () => {
    const messages = await lint('src/lib/nn/planted.ts', PLANTED);
    console.log(`lint rule on planted src/lib/nn/planted.ts → ${messages.length} problems:\n  ${messages.join('\n  ')}`);
    const has = (re: RegExp) => messages.some((m) => re.test(m));
    expect(has(/no-restricted-imports: .*'preact'/)).toBe(true);
    expect(has(/no-restricted-imports: .*'astro:content'/)).toBe(true);
    expect(has(/lib-boundary: "\.\.\/\.\.\/components\/figures\/Figure\.tsx" resolves to src\/components/)).toBe(true);
    expect(has(/lib-boundary: "\.\.\/\.\.\/site\/toc\.ts" resolves to src\/site/)).toBe(true);
    expect(has(/lib-boundary: "node:fs" is a Node built-in/)).toBe(true);
    expect(has(/no-restricted-globals: .*"document"/)).toBe(true);
    expect(has(/no-restricted-globals: .*"window"/)).toBe(true);
    expect(messages.some((m) => m.includes('./activations.ts'))).toBe(false); // inside src/lib: fine
  });

  it('applies at any depth of src/lib, and not outside it', async () => {
    expect(await lint('src/lib/planted.ts', `import { x } from '../figures/scale.ts';\nexport const y = x;\n`)).toEqual([
      expect.stringMatching(/^why-tanh\/lib-boundary: .*resolves to src\/figures\/scale\.ts/),
    ]);
    expect(
      await lint(
        'src/components/planted.tsx',
        PLANTED.replace("import { readFileSync } from 'node:fs';\n", '').replace('readFileSync, ', ''),
      ),
    ).toEqual([]);
  });
});
