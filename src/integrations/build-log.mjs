// @ts-check
/**
 * The build's log (astro.config.mjs `logger`): Astro's own Node log, minus
 * - warnings about this project's deliberate configuration, each listed below with the reason nobody needs to act;
 * - under scripts/build.mjs (`npm run build`), Astro's own lines about a failed build ("Caught error rendering …",
 *   "Build failed in …", a content error's stack): the script prints the failure once, at the article's file and
 *   line, instead. The page that
 *   failed to render is kept for it in {@link buildLogState}.
 */
import nodeDestination from 'astro/logger/node';

/** Shared with scripts/build.mjs (same process): whether it runs the build, and the page whose rendering failed. */
export const buildLogState = /** @type {{ quietFailures: boolean, failedPage: string | undefined }} */ (
  /** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for('why-tanh:build-log')] ??= {
    quietFailures: false,
    failedPage: undefined,
  }
);

/** Warnings with nothing to act on: `label`, a pattern of the message, and why it is silenced. */
export const SILENCED = [
  {
    label: 'csp',
    pattern: /`style-src-attr` override `style-src`/,
    reason: "KaTeX's style attributes are the only thing style-src-attr allows; 'self' is meant for stylesheets only",
  },
];

/** @param {import('astro/logger/node').NodeHandlerConfig} [config] */
export default function buildLog(config) {
  const out = nodeDestination(config);
  return {
    /** @param {import('astro').AstroLoggerMessage} event */
    write(event) {
      const text = String(event.message);
      if (SILENCED.some((s) => s.label === event.label && s.pattern.test(text))) return;
      if (buildLogState.quietFailures && event.level === 'error') {
        const rendering = /^Caught error rendering (\S+?):/.exec(text);
        if (rendering) {
          buildLogState.failedPage = rendering[1];
          return;
        }
        if (event.label === 'vite' && /Build failed in/.test(text)) return;
        if (text.startsWith('ContentError: ')) return; // a page handler's log of the error, stack and all
      }
      out.write(event);
    },
  };
}
