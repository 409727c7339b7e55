/**
 * Writes test/site/known-ids.json: every linkable id (headings, figures, tables, sections, bibliography entries,
 * glossary terms; see test/site/lib/known-ids.ts) of every page of a built site, so that test/site/known-ids.test.ts
 * can check that each one still resolves after pages are shortened or split (issue 19).
 *
 * The committed list was written ONCE, from the build of the site before issue 19 changed any content:
 *
 *   git checkout b7b02d8 && npm run build
 *   export PATH=$PWD/node_modules/.bin:$PATH && node scripts/known-ids.ts --dist dist --commit b7b02d8
 *
 * Do not regenerate it to make the test pass: an id that no longer resolves needs an element with that id, a
 * `headingAliases` entry, or a redirect to its new place. Run it again only to ADD ids of a later build
 * (`--merge`), never to drop old ones.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { collectIds } from '../test/site/lib/known-ids.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'test/site/known-ids.json' },
    commit: { type: 'string' },
    merge: { type: 'boolean', default: false },
  },
});
const dist = values.dist!;
if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/index.html not found: build the site first (npm run build)`);
const commit = values.commit ?? execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const pages = collectIds(dist);
let merged = pages;
if (values.merge && existsSync(values.out!)) {
  const old = JSON.parse(readFileSync(values.out!, 'utf8')) as { pages: typeof pages };
  merged = { ...old.pages };
  for (const [page, ids] of Object.entries(pages)) merged[page] = { ...ids, ...old.pages[page] };
}
const file = {
  generated: new Date().toISOString().slice(0, 10),
  command: `node scripts/known-ids.ts --dist ${dist} --commit ${commit}${values.merge ? ' --merge' : ''}`,
  commit,
  note: 'Every linkable id of every page of the build of this commit. Each must still resolve: test/site/known-ids.test.ts.',
  pages: merged,
};
writeFileSync(values.out!, `${JSON.stringify(file, null, 2)}\n`);
const count = Object.values(merged).reduce((s, ids) => s + Object.keys(ids).length, 0);
console.log(`${values.out}: ${count} ids on ${Object.keys(merged).length} pages (build of ${commit})`);
