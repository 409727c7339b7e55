// @ts-check
/**
 * `npm run build`: `astro build`, except that a problem in an article stops the build with one line per problem,
 * `file:line:column: cause` — no stack trace, no second location — while any other error (a bug) is printed in full,
 * with its stack. Runs on any Node (re-runs itself on the pinned one).
 *
 *   node scripts/build.mjs [--outDir <dir>] [--check]
 *
 * `--check` makes the check build of `npm run check`: drafts are rendered too (so their problems are found while they
 * are written) and the output goes to .tmp/check/dist (or --outDir), never to dist/ (src/integrations/drafts.mjs).
 */
import { onPinnedNode, ROOT } from './lib/pinned-node.mjs';

onPinnedNode(import.meta.url);
process.chdir(ROOT);

const { build } = await import('astro');
const { articleOfPage, explainBuildError } = await import('./lib/build-errors.mjs');
const { buildLogState } = await import('../src/integrations/build-log.mjs');

const args = process.argv.slice(2);
/** @type {string | undefined} */
let outDir;
let check = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--outDir' && args[i + 1]) outDir = args[++i];
  else if (args[i] === '--check') check = true;
  else {
    console.error(`build: unknown argument "${args[i]}" (usage: node scripts/build.mjs [--outDir <dir>] [--check])`);
    process.exit(2);
  }
}
if (check) {
  process.env['WHY_TANH_CHECK_BUILD'] = '1';
  outDir ??= '.tmp/check/dist';
}

buildLogState.quietFailures = true;
try {
  await build({ root: ROOT, ...(outDir ? { outDir } : {}) });
  process.exit(0);
} catch (e) {
  const explained = explainBuildError(e);
  if (explained) {
    console.error(
      `\n✗ The build stopped: fix ${explained.split('\n').length === 1 ? 'this' : 'these'} in the content.\n${explained}`,
    );
  } else {
    const page = buildLogState.failedPage;
    const article = page ? articleOfPage(page) : undefined;
    const where = page ? ` while rendering ${page}${article ? ` (from ${article})` : ''}` : '';
    console.error(`\n✗ The build failed${where}:`);
    console.error(e);
  }
  process.exit(1);
}
