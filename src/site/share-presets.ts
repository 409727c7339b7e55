/**
 * The share pages of figure presets (filled in with the live-run presets).
 */
import type { BuiltArticle } from './share.ts';
import type { ShareItem } from './share-build.ts';

/** The share items of the figure presets of one built article. */
export function presetShareItems(_slug: string, _article: BuiltArticle): ShareItem[] {
  return [];
}
