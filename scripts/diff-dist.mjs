// @ts-check
/**
 * Compares the server-rendered HTML of two builds: `node scripts/diff-dist.mjs <old dist> <new dist>`.
 * Every `.html` file must exist in both and be byte-identical once hashed asset names (`name.Ab1_-x9Z.js`, Astro's
 * and Vite's content hashes) and CSP hashes (`'sha256-…'`, which follow the bytes of hashed scripts) are replaced by
 * placeholders. Prints one line per differing or missing page and the first differing excerpt; exits 1 on any
 * difference. Used to show that a refactor changed no page (issue 24).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`, as paths relative to it. */
function files(/** @type {string} */ dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** The page with hashed asset names and CSP hashes replaced by placeholders. */
export function normalise(/** @type {string} */ html) {
  return html
    .replace(/([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]{8}\.(js|css|woff2|png|svg|wasm)\b/g, '$1.[hash].$2')
    .replace(/'sha256-[A-Za-z0-9+/=]+'/g, "'sha256-[hash]'");
}

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/diff-dist.mjs <old dist> <new dist>');
  process.exit(2);
}
const pagesA = files(a).filter((f) => f.endsWith('.html'));
const pagesB = new Set(files(b).filter((f) => f.endsWith('.html')));
let differing = 0;
for (const p of pagesA) {
  if (!pagesB.has(p)) {
    console.log(`missing in ${b}: ${p}`);
    differing++;
    continue;
  }
  pagesB.delete(p);
  const x = normalise(readFileSync(join(a, p), 'utf8'));
  const y = normalise(readFileSync(join(b, p), 'utf8'));
  if (x !== y) {
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    console.log(
      `differs: ${p} at character ${i}\n  old: …${x.slice(Math.max(0, i - 80), i + 80)}…\n  new: …${y.slice(Math.max(0, i - 80), i + 80)}…`,
    );
    differing++;
  }
}
for (const p of pagesB) {
  console.log(`only in ${b}: ${p}`);
  differing++;
}
console.log(`${pagesA.length} pages compared, ${differing} differ`);
process.exit(differing > 0 ? 1 : 0);
