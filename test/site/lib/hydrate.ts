/** The shared hydration helper (kept under this name for the gate tests). */
export { waitForHydration as hydrateAll } from '../../support/browser';
