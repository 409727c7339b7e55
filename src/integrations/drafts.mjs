// @ts-check
/**
 * Drafts are shown by `astro dev` only. The decision is made from the Astro command, not from `import.meta.env.DEV`
 * or `MODE`, which the environment can change (e.g. NODE_ENV=test during a build would otherwise publish drafts).
 * Exposes the compile-time constant `__WHY_TANH_SHOW_DRAFTS__`.
 * @returns {import('astro').AstroIntegration}
 */
export function drafts() {
  return {
    name: 'why-tanh:drafts',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { __WHY_TANH_SHOW_DRAFTS__: JSON.stringify(command === 'dev') } } });
      },
    },
  };
}
