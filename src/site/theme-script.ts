import { createHash } from 'node:crypto';

/**
 * Applies the reader's saved theme before first paint (no flash); with no saved choice the CSS follows the system.
 * Inlined at the top of <body>; its hash goes into the page's Content-Security-Policy.
 */
export const THEME_SCRIPT =
  "try{const t=localStorage.getItem('why-tanh:theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";

/** CSP hash of {@link THEME_SCRIPT}. */
export const THEME_SCRIPT_HASH = `sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}` as const;
