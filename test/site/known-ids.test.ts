import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE, DIST } from '../support/site';
import { pageTargets, resolveId, type PageTargets } from './lib/known-ids';
import { fileOf, plantedCopy } from './lib/plant';

interface KnownIds {
  readonly generated: string;
  readonly commit: string;
  readonly pages: Readonly<Record<string, Readonly<Record<string, string>>>>;
}
/** Every linkable id of the site before issue 19 shortened the articles (scripts/known-ids.ts wrote it once). */
const KNOWN: KnownIds = JSON.parse(readFileSync(join(import.meta.dirname, 'known-ids.json'), 'utf8'));

const cleanup: (() => void)[] = [];
afterAll(() => cleanup.forEach((f) => f()));

/** Page targets read from a built site, cached per page. */
function siteTargets(dist: string): (page: string) => PageTargets | undefined {
  const cache = new Map<string, PageTargets | undefined>();
  return (page) => {
    if (!cache.has(page)) {
      const file = join(dist, fileOf(page));
      cache.set(page, existsSync(file) ? pageTargets(readFileSync(file, 'utf8')) : undefined);
    }
    return cache.get(page);
  };
}

/** Each known id checked on `dist`: where it lands, or why it does not. */
function check(dist: string) {
  const targetsOf = siteTargets(dist);
  const landed: { from: string; to: string }[] = [];
  const lost: string[] = [];
  for (const [page, ids] of Object.entries(KNOWN.pages)) {
    for (const [id, tag] of Object.entries(ids)) {
      const r = resolveId(page, id, targetsOf, BASE);
      if ('reason' in r) lost.push(`/${page}#${id} (a ${tag} on ${KNOWN.commit}) no longer resolves: ${r.reason}`);
      else landed.push({ from: `${page}#${id}`, to: `${r.page}#${r.id}` });
    }
  }
  return { landed, lost };
}

describe('old section links', () => {
  it('lists the ids of the site before issue 19 changed any content', () => {
    expect(KNOWN.commit).toBe('b7b02d8');
    expect(KNOWN.pages['articles/why-sigmoid-and-tanh/']).toMatchObject({ 'lstm-equations': 'h2', 'fig-cell': 'figure' });
    expect(KNOWN.pages['articles/relu-experiments/']).toMatchObject({ reproduce: 'h2', 'ref-greff2017': 'li' });
    expect(Object.keys(KNOWN.pages)).toContain('zh/articles/why-sigmoid-and-tanh/');
  });

  it(`every id of the list still resolves on the built site: on its page, through a heading alias, or redirected to its new place`, () => {
    const { landed, lost } = check(DIST);
    const moved = landed.filter((l) => l.from !== l.to);
    console.log(
      `known ids (${KNOWN.commit}, ${KNOWN.generated}): ${landed.length + lost.length} ids, ${landed.length - moved.length} in place, ` +
        `${moved.length} through aliases, ${lost.length} lost` +
        moved.map((m) => `\n  /${m.from} → /${m.to}`).join(''),
    );
    expect(lost).toEqual([]);
  });

  it('fails on a planted renamed heading, accepts it with an alias to its new id or to the appendix, and fails on an alias to a place that does not exist', () => {
    const page = 'articles/why-sigmoid-and-tanh/';
    const renamed = (html: string) => html.replace(' id="why-tanh-output"', ' id="why-tanh-output-renamed"');
    const withAliases = (aliases: Record<string, string>) => (html: string) =>
      renamed(html).replace(
        /data-heading-aliases="[^"]*"/,
        `data-heading-aliases="${JSON.stringify(aliases).replaceAll('"', '&quot;')}"`,
      );

    const site = plantedCopy(DIST);
    cleanup.push(site.remove);
    const original = readFileSync(join(DIST, fileOf(page)), 'utf8');
    expect(original).toContain(' id="why-tanh-output"');

    site.edit(fileOf(page), renamed);
    expect(check(site.dir).lost).toEqual([
      `/${page}#why-tanh-output (a h2 on b7b02d8) no longer resolves: no element with id "why-tanh-output" and no heading alias on /${page}`,
    ]);

    site.edit(fileOf(page), () => withAliases({ 'why-tanh-output': 'why-tanh-output-renamed' })(original));
    expect(check(site.dir).lost).toEqual([]);

    site.edit(fileOf(page), () => withAliases({ 'why-tanh-output': 'appendix/#numbers' })(original));
    expect(check(site.dir).lost).toEqual([]);

    site.edit(fileOf(page), () => withAliases({ 'why-tanh-output': 'appendix/#no-such-section' })(original));
    expect(check(site.dir).lost).toEqual([
      `/${page}#why-tanh-output (a h2 on b7b02d8) no longer resolves: no element with id "no-such-section" and no heading alias on /${page}appendix/`,
    ]);
  });
});
