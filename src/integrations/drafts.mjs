// @ts-check
/**
 * Drafts are shown by `astro dev`, and rendered by the check build of `npm run check` (`node scripts/build.mjs
 * --check`, which sets WHY_TANH_CHECK_BUILD=1) so that a draft's broken link or bad figure prop is found while it is
 * written; they never ship. The decision is made from the Astro command and that variable, not from
 * `import.meta.env.DEV` or `MODE`, which the environment can change (e.g. NODE_ENV=test during a build would
 * otherwise publish drafts). A check build refuses to write the site's output folder (dist/), so its pages, drafts
 * included, cannot be deployed by mistake.
 * Exposes the compile-time constant `__WHY_TANH_SHOW_DRAFTS__`.
 */
import { fileURLToPath } from 'node:url';

/** Whether this is a check build (drafts included, written outside dist/). */
export const isCheckBuild = () => process.env['WHY_TANH_CHECK_BUILD'] === '1';

/** @returns {import('astro').AstroIntegration} */
export function drafts() {
  return {
    name: 'why-tanh:drafts',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const check = command === 'build' && isCheckBuild();
        if (check && fileURLToPath(config.outDir) === fileURLToPath(new URL('./dist/', config.root))) {
          throw new Error('A check build includes drafts: it must not write dist/ (use node scripts/build.mjs --check).');
        }
        updateConfig({ vite: { define: { __WHY_TANH_SHOW_DRAFTS__: JSON.stringify(command === 'dev' || check) } } });
      },
    },
  };
}
