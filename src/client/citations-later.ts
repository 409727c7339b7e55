/**
 * Wires the page's citation previews when imported: the article page imports this once it is idle. A module of its
 * own, so that src/client/citations.ts, which the appendix page loads up front, is never imported dynamically (that
 * would add a module-namespace object to its chunk, and bytes to the appendix's small script budget).
 */
import { initCitations } from './citations';

initCitations(document);
