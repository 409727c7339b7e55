/** True under `astro dev` only: drafts are listed and rendered (see src/integrations/drafts.mjs). */
declare const __WHY_TANH_SHOW_DRAFTS__: boolean;
