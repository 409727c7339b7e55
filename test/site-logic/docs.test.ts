/**
 * README.md and CONTRIBUTING.md show only commands that work: each one is resolved the way npm would run it (the
 * script, the binary, the files and test steps it names), `npm test -- …` is dry-run, and README's library examples are
 * run and print what their comments say. Their MDX examples compile with the site's pipeline; a broken one fails,
 * naming the document and the line (test/build/docs.test.ts also builds them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docCommands, fencedBlocks } from '../support/docs';
import { compileError, compileMdx } from '../markdown/compile';

const ROOT = process.cwd();
const DOCS = ['README.md', 'CONTRIBUTING.md'] as const;
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** Commands that another test of this file runs in full. */
const RUN_HERE: Readonly<Record<string, string>> = { 'npx node example.ts': 'README’s library examples run' };

/** What is wrong with running `command` here, or undefined when it resolves. */
function problemOf(command: string): string | undefined {
  if (command in RUN_HERE) return undefined;
  const words = command.replace(/^([A-Z_]+=\S+\s+)+/, '').split(/\s+/);
  const [tool, first, ...rest] = words;
  const pathsExist = (args: readonly string[]) =>
    args.filter((a) => !a.startsWith('-') && /[/.]/.test(a) && !existsSync(join(ROOT, a))).map((a) => `no file ${a}`)[0];
  if (tool === 'npm') {
    if (first === 'ci') return existsSync(join(ROOT, 'package-lock.json')) ? undefined : 'no package-lock.json';
    const script = first === 'run' ? rest[0] : first;
    if (!script || !(script in scripts)) return `no npm script "${script}"`;
    if (script === 'test') {
      const args = words.slice(words.indexOf('--') + 1);
      if (!words.includes('--')) return undefined;
      const r = spawnSync(process.execPath, ['scripts/test.mjs', '--dry-run', ...args], { encoding: 'utf8' });
      return r.status === 0 ? undefined : r.stderr.trim();
    }
    return undefined;
  }
  if (tool === 'npx') return existsSync(join(ROOT, 'node_modules/.bin', first!)) ? pathsExist(rest) : `no binary ${first}`;
  if (tool === 'node') return pathsExist([first!]);
  return `not a command this test knows: ${command}`;
}

describe.each(DOCS)('the commands %s shows', (doc) => {
  it('each resolve: the npm script, the binary, the files and the test steps they name', () => {
    const commands = docCommands(read(doc));
    expect(commands.length).toBeGreaterThan(3);
    expect(commands.map((c) => [c, problemOf(c)]).filter(([, p]) => p)).toEqual([]);
  });
});

describe('the documents', () => {
  it('do not send contributors to scripts by path (npm runs them on the pinned Node)', () => {
    for (const doc of DOCS)
      expect(
        docCommands(read(doc)).filter((c) => /^node scripts\//.test(c)),
        doc,
      ).toEqual([]);
  });

  it('tell a contributor to run npm run check while writing and npm test before the pull request', () => {
    expect(read('CONTRIBUTING.md')).toMatch(/npm run check\s+# while you write/);
    expect(read('CONTRIBUTING.md')).toMatch(/npm test\s+# before the pull request/);
  });

  it('README’s library examples run and print what their comments say', () => {
    const blocks = fencedBlocks(read('README.md')).filter((b) => b.lang === 'ts' && b.text.includes('src/lib/nn/index.ts'));
    expect(blocks.length, 'README has the library examples (training, loading a state_dict)').toBeGreaterThanOrEqual(2);
    const dir = join(ROOT, '.tmp', 'docs-example');
    mkdirSync(dir, { recursive: true });
    try {
      for (const block of blocks) {
        const printed = /prints "([^"]+)"/.exec(block.text)?.[1];
        expect(printed, `README.md:${block.line}: the example says what it prints`).toBeDefined();
        writeFileSync(join(dir, 'example.ts'), block.text.replaceAll("'./src/", "'../../src/"));
        const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }; // console.log colours numbers on a terminal
        const r = spawnSync(process.execPath, [join(dir, 'example.ts')], { encoding: 'utf8', timeout: 280_000, env });
        expect(r.stderr, `README.md:${block.line}`).toBe('');
        expect(r.stdout.trim(), `README.md:${block.line}`).toBe(printed);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000); // 4 s of CPU; the rest is room for a busy machine
});

/** `message` with each `file:line:column` of `block`'s scratch article turned into the document's own line. */
function inDocument(message: string, doc: string, block: { line: number; indent: number }, header: number): string {
  return message.replace(/\S+\.mdx:(\d+)(?::(\d+))?/g, (_, l: string, c?: string) => {
    const line = block.line + Number(l) - 1 - header;
    return c ? `${doc}:${line}:${Number(c) + block.indent}` : `${doc}:${line}`;
  });
}

/** The problems of compiling `doc`'s MDX examples, each named at its line in `doc`. */
export async function mdxProblems(doc: string, md: string): Promise<string[]> {
  const problems: string[] = [];
  for (const block of fencedBlocks(md).filter((b) => b.lang === 'mdx')) {
    try {
      await compileMdx(block.text);
    } catch (e) {
      problems.push(inDocument((e as Error).message, doc, block, 0));
    }
  }
  return problems;
}

describe('the MDX examples of CONTRIBUTING.md', () => {
  it('compile with the site’s pipeline', async () => {
    const md = read('CONTRIBUTING.md');
    expect(fencedBlocks(md).filter((b) => b.lang === 'mdx').length).toBeGreaterThanOrEqual(2);
    expect(await mdxProblems('CONTRIBUTING.md', md)).toEqual([]);
  });

  it('fail when one is broken, naming CONTRIBUTING.md and the line (a planted figure="bpt")', async () => {
    const md = read('CONTRIBUTING.md');
    const planted = md.replace('<GradientFlow figure="bptt"', '<GradientFlow figure="bpt"');
    expect(planted).not.toBe(md);
    const line = planted.split('\n').findIndex((l) => l.includes('figure="bpt"')) + 1;
    expect(await mdxProblems('CONTRIBUTING.md', planted)).toEqual([
      expect.stringMatching(new RegExp(`^CONTRIBUTING\\.md:${line}:15: <GradientFlow figure>: "bpt" is not a gradient figure`)),
    ]);
    await expect(compileError('<Nope />')).resolves.toMatch(/not imported/); // the helper itself can fail
  });
});
