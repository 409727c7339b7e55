// @ts-check
/**
 * The project runs on its pinned Node (the `node` devDependency, node_modules/.bin/node). `npm run …` and `npx …` put
 * node_modules/.bin first on PATH, so they use it; `node scripts/x.mjs` started by hand uses whatever `node` the shell
 * finds (often an older system Node). `onPinnedNode()` makes both work: on any other Node it re-runs the calling
 * script on the pinned one, with node_modules/.bin first on PATH (so `astro`, `vitest` and `npx` resolve too), and
 * exits with its status. Only Node built-ins are imported here, so this file loads on any Node ≥ 18.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** node_modules/.bin of the repository. */
export const BIN = join(ROOT, 'node_modules', '.bin');
/** The pinned Node binary. */
export const PINNED_NODE = join(BIN, 'node');

/** `env` with node_modules/.bin first on PATH. */
export function withBinOnPath(env = process.env) {
  return { ...env, PATH: [BIN, env['PATH'] ?? ''].filter(Boolean).join(delimiter) };
}

/**
 * Returns when this process already runs on the pinned Node; otherwise re-runs `script` (the caller's
 * `import.meta.url`) with the same arguments on the pinned Node and exits with its status.
 * @param {string} script
 */
export function onPinnedNode(script) {
  if (!existsSync(PINNED_NODE)) {
    console.error('node_modules/.bin/node is missing: run `npm ci` first (it installs the pinned Node the project runs on).');
    process.exit(1);
  }
  if (realpathSync(PINNED_NODE) === realpathSync(process.execPath)) {
    process.env['PATH'] = withBinOnPath().PATH;
    return;
  }
  const r = spawnSync(PINNED_NODE, [fileURLToPath(script), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: withBinOnPath(),
  });
  process.exit(r.status ?? 1);
}
