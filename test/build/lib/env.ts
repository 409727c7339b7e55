/**
 * The environment for an `astro build` spawned from a test. Vitest puts its own `import.meta.env` into process.env
 * (BASE_URL=/, MODE=test, DEV=1, PROD='', SSR=1, NODE_ENV=test, VITEST…), and Astro reads `import.meta.env.X` from
 * process.env at build time — so a child build would inherit BASE_URL=/ (ignoring BASE_PATH) and DEV=1. Strip them,
 * then apply `extra`.
 */
const VITEST_ENV = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST(_.*)?)$/;

export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!VITEST_ENV.test(k)) env[k] = v;
  return { ...env, ...extra };
}
