// @ts-check
/**
 * Bundler warnings nobody can act on, silenced one by one (everything else still prints):
 * - MODULE_LEVEL_DIRECTIVE for "use astro:head-inject": @astrojs/mdx marks every article module with it and Astro
 *   itself reads it; the bundler only says it does not know the directive.
 * - INEFFECTIVE_DYNAMIC_IMPORT in the server build: articles import figure code at build time, so a figure's lazy
 *   `import()` cannot split the server bundle, which no reader downloads; the client bundle still splits it.
 */

/** @typedef {{ code?: string, message: string }} Warning */

/** Whether the bundler warning `w` of the `target` build is one of the silenced ones above. */
export function isSilencedWarning(/** @type {Warning} */ w, /** @type {'client' | 'server'} */ target) {
  if (w.code === 'MODULE_LEVEL_DIRECTIVE') return w.message.includes('"use astro:head-inject"');
  if (w.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return target === 'server';
  return false;
}

/** The Vite environments that bundle for the server (static pages render in `prerender`). */
const SERVER_ENVIRONMENTS = ['prerender', 'ssr'];

/** @returns {import('astro').AstroIntegration} */
export function buildWarnings() {
  /** @param {'client' | 'server'} target */
  const rolldownOptions = (target) => ({
    /** @type {(w: import('rolldown').RollupLog, warn: (w: import('rolldown').RollupLog) => void) => void} */
    onwarn(w, warn) {
      if (!isSilencedWarning(w, target)) warn(w);
    },
  });
  return {
    name: 'why-tanh:build-warnings',
    hooks: {
      'astro:build:setup': ({ updateConfig }) => {
        const environments = Object.fromEntries(
          SERVER_ENVIRONMENTS.map((name) => [name, { build: { rolldownOptions: rolldownOptions('server') } }]),
        );
        updateConfig({ environments: { ...environments, client: { build: { rolldownOptions: rolldownOptions('client') } } } });
      },
    },
  };
}
