// @ts-check
/**
 * The lint and format gates of `npm test` and `npm run check`, with their figures:
 *   node scripts/lint.mjs eslint     ESLint over the repository (eslint.config.js); fails on any error or warning
 *   node scripts/lint.mjs prettier   Prettier --check over every file it formats (.prettierrc.json, .prettierignore)
 * `--cache` (npm run check) skips what passed before and has not changed since: ESLint's own cache, and for Prettier
 * the files whose content, Prettier version and options are those of a file that passed (.tmp/prettier-cache.json).
 * `npx eslint .` and `npx prettier --check .` give the same verdicts; this wrapper only adds the counts.
 * To fix formatting: `npx prettier --write .`; many lint problems: `npx eslint . --fix`.
 */
import { onPinnedNode } from './lib/pinned-node.mjs';

onPinnedNode(import.meta.url);

const { createHash } = await import('node:crypto');
const { mkdirSync, writeFileSync } = await import('node:fs');
const { glob, readFile } = await import('node:fs/promises');
const { ESLint } = await import('eslint');
const prettier = await import('prettier');

const mode = process.argv[2];
const cache = process.argv.includes('--cache');
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);

if (mode === 'eslint') {
  const eslint = new ESLint(cache ? { cache: true, cacheLocation: '.tmp/eslint-cache' } : {});
  const results = await eslint.lintFiles(['.']);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const text = await (await eslint.loadFormatter('stylish')).format(results);
  if (text) console.log(text);
  console.log(`eslint: ${results.length} files, ${errors} errors, ${warnings} warnings (${secs()} s)`);
  process.exit(errors + warnings > 0 ? 1 : 0);
} else if (mode === 'prettier') {
  const ignorePath = ['.prettierignore', '.gitignore'];
  const unformatted = [];
  let checked = 0;
  const CACHE = '.tmp/prettier-cache.json';
  /** Hashes of (Prettier version, options, content) that passed before. */
  const passed = new Set(cache ? JSON.parse(await readFile(CACHE, 'utf8').catch(() => '[]')) : []);
  const passedNow = new Set();
  for await (const file of glob('**/*', {
    exclude: (f) => f === 'node_modules' || f === '.git' || /^(dist|\.astro|\.tmp)/.test(f),
  })) {
    const info = await prettier.getFileInfo(file, { ignorePath, resolveConfig: true }).catch(() => undefined);
    if (!info || info.ignored || !info.inferredParser) continue;
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const source = await readFile(file, 'utf8').catch(() => undefined); // directories and vanished files
    if (source === undefined) continue;
    checked++;
    const key = createHash('sha256')
      .update(`${prettier.version}\0${JSON.stringify(options)}\0${source}`)
      .digest('base64');
    if (passed.has(key) || (await prettier.check(source, options))) passedNow.add(key);
    else unformatted.push(file);
  }
  if (cache) {
    mkdirSync('.tmp', { recursive: true });
    writeFileSync(CACHE, JSON.stringify([...passedNow]));
  }
  for (const f of unformatted.sort()) console.log(`  not formatted: ${f}`);
  console.log(`prettier: ${checked} files checked, ${unformatted.length} not formatted (${secs()} s)`);
  if (unformatted.length) console.log('  fix with: npx prettier --write .');
  process.exit(unformatted.length > 0 ? 1 : 0);
} else {
  console.error('usage: node scripts/lint.mjs eslint|prettier');
  process.exit(2);
}
