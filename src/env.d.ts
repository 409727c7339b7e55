/** True under `astro dev` and in the check build of `npm run check`: drafts are listed and rendered (src/integrations/drafts.mjs). */
declare const __WHY_TANH_SHOW_DRAFTS__: boolean;
