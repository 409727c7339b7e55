import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, DIST } from '../support/site';
import { fragmentTargets, scanTags } from './lib/html';
import { fileOf } from './lib/plant';
import { COPIES, FORUM_CLAIMS, VERDICTS, rowId } from '../../src/site/forum-claims';

/**
 * The forum-claims table on the built core article (src/site/forum-claims.ts): one row per claim, in order, in both
 * languages, each with a verdict of the vocabulary and a "shown by" link whose target id exists on the page it names.
 */
const PAGES = { en: 'articles/why-sigmoid-and-tanh/', zh: 'zh/articles/why-sigmoid-and-tanh/' } as const;
const html = (page: string) => readFileSync(join(DIST, fileOf(page)), 'utf8');

/** The site path and fragment an href of `page` points to. */
function resolve(page: string, href: string): { page: string; id: string } {
  const url = new URL(href, `https://site.test${BASE}${page}`);
  const path = url.pathname.slice(BASE.length);
  return { page: path, id: decodeURIComponent(url.hash.slice(1)) };
}

describe('the forum-claims table on the built site', () => {
  for (const [lang, page] of Object.entries(PAGES)) {
    const source = html(page);
    const tags = scanTags(source);
    const rows = tags.filter((t) => t.name === 'tr' && t.attrs.get('id')?.startsWith('forum-claim-'));

    it(`(${lang}) has one row per claim, in the order of the data`, () => {
      expect(rows.map((t) => t.attrs.get('id'))).toEqual(FORUM_CLAIMS.map((c) => rowId(c.id)));
    });

    it(`(${lang}) gives each row its verdict, from the one vocabulary`, () => {
      for (const [k, row] of rows.entries()) {
        const end = rows[k + 1]?.offset ?? source.indexOf('</table>', row.offset);
        const inRow = tags.filter((t) => t.offset > row.offset && t.offset < end);
        const verdicts = inRow
          .filter((t) => t.name === 'span' && /\bverdict-/.test(t.attrs.get('class') ?? ''))
          .map((t) => /\bverdict-([a-z]+)/.exec(t.attrs.get('class')!)![1]);
        expect(verdicts, row.attrs.get('id')).toEqual([FORUM_CLAIMS[k]!.verdict]);
        expect(VERDICTS).toContain(verdicts[0]);
      }
    });

    it(`(${lang}) links each claim to an id that exists on the page it names, and each quote to its copy`, () => {
      const targets = new Map<string, Set<string>>();
      const idsOf = (p: string) => {
        if (!targets.has(p)) targets.set(p, fragmentTargets(scanTags(html(p))));
        return targets.get(p)!;
      };
      for (const [k, row] of rows.entries()) {
        const claim = FORUM_CLAIMS[k]!;
        const end = rows[k + 1]?.offset ?? source.indexOf('</table>', row.offset);
        const links = tags.filter((t) => t.name === 'a' && t.offset > row.offset && t.offset < end);
        const copy = links.filter((t) => t.attrs.get('class') === 'forum-copy').map((t) => t.attrs.get('href'));
        expect(copy).toEqual(claim.claim.kind === 'verbatim' ? [COPIES[claim.claim.copy]] : []);
        const shown = links.filter((t) => t.attrs.get('class') === undefined && !t.attrs.has('data-cite'));
        expect(shown, claim.id).toHaveLength(1);
        const target = resolve(page, shown[0]!.attrs.get('href')!);
        expect(target.id).toBe(claim.link.id);
        expect(target.page).toBe(claim.link.page === 'self' ? page : `${lang === 'zh' ? 'zh/' : ''}articles/${claim.link.page}/`);
        expect(idsOf(target.page).has(target.id), `${claim.id} → /${target.page}#${target.id}`).toBe(true);
      }
    });
  }
});
