import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ANSWERS,
  CLAIM_IDS,
  COPIES,
  FORUM_CLAIMS,
  VERDICTS,
  beforeFullStop,
  checkForumClaims,
  forumKeys,
  forumRows,
  rowId,
  type ForumClaim,
  type ForumNumbers,
} from '../../src/site/forum-claims';
import { FORUM_GLOSS } from '../../src/i18n/forum-claims';
import { LANGS } from '../../src/i18n/ui';
import '../../src/i18n/zh';

/** Numbers of the right shape and size (the real ones are checked in test/numbers/why-sigmoid-and-tanh.test.ts). */
const NUMBERS: ForumNumbers = {
  sigmoidMaxSlope: 0.25,
  tanhMaxSlope: 1,
  decayFraction: 0.01,
  tanhDecay: 3.47,
  sigmoidDecay: 6.94,
  hold: { steps: 50, forget: 0.99, lstmGrad: 0.605, rnnWeight: 1, rnnAtZero: 1, rnnAtTanh1: 1.47e-19 },
  forum: { z: 1, correct: 0.1966, literal: -0.2325, bracketed: -0.1966 },
  oneUnitRelu: { solved: 0, n: 10, interval: [0, 0.2775] },
};

const ARTICLES = {
  en: 'content/articles/why-sigmoid-and-tanh.mdx',
  zh: 'content/articles/zh/why-sigmoid-and-tanh.mdx',
} as const;
const mdx = (lang: keyof typeof ARTICLES) => readFileSync(new URL(`../../${ARTICLES[lang]}`, import.meta.url), 'utf8');

describe('the forum-claims data', () => {
  it('has every claim once, in order, with a verdict and an answer from their vocabularies', () => {
    expect(checkForumClaims()).toEqual([]);
    expect(FORUM_CLAIMS.map((c) => c.id)).toEqual([...CLAIM_IDS]);
    for (const c of FORUM_CLAIMS) {
      expect(VERDICTS).toContain(c.verdict);
      expect(ANSWERS).toContain(c.answer);
    }
  });

  it('uses every verdict of the vocabulary at least once, and both answers', () => {
    expect(new Set(FORUM_CLAIMS.map((c) => c.verdict))).toEqual(new Set(VERDICTS));
    expect(new Set(FORUM_CLAIMS.map((c) => c.answer))).toEqual(new Set(ANSWERS));
  });

  it('takes every quote from a named stored copy of the thread, as https addresses', () => {
    for (const c of FORUM_CLAIMS) if (c.claim.kind === 'verbatim') expect(COPIES[c.claim.copy]).toMatch(/^https:\/\//);
    expect(FORUM_CLAIMS.filter((c) => c.claim.kind === 'paraphrase').map((c) => c.id)).toEqual(['paper-link']);
  });

  it('rejects a planted claim with an unknown verdict, a quote in its own quotation marks, or a link id with "#"', () => {
    const good = FORUM_CLAIMS[0]!;
    const planted: ForumClaim[] = [
      { ...good, verdict: 'maybe' as never },
      ...FORUM_CLAIMS.slice(1, -1),
      { ...FORUM_CLAIMS.at(-1)!, claim: { kind: 'verbatim', copy: 'newbe', text: '“tanh is just a rescaled sigmoid”' } },
    ];
    planted.push({ ...good, id: 'sigmoid-gates', link: { page: 'self', id: '#why-sigmoid-gates' } });
    const problems = checkForumClaims(planted);
    expect(problems.join('\n')).toMatch(/sigmoid-gates: unknown verdict "maybe"/);
    expect(problems.join('\n')).toMatch(/rescaled-sigmoid: the claim text carries its own quotation marks/);
    expect(problems.join('\n')).toMatch(/link id "#why-sigmoid-gates"/);
    expect(problems.join('\n')).toMatch(/^claims are /m);
  });
});

describe('the forum-claims rows', () => {
  for (const lang of LANGS) {
    it(`fill in every reason and link text in ${lang}, with no missing number`, () => {
      const rows = forumRows(lang, NUMBERS);
      expect(rows.map((r) => r.id)).toEqual([...CLAIM_IDS]);
      for (const r of rows) {
        expect(r.rowId).toBe(rowId(r.id));
        expect(r.reason.trim().length).toBeGreaterThan(20);
        expect(r.reason).not.toMatch(/undefined|NaN|\[object/);
        expect(r.link.text.trim().length).toBeGreaterThan(0);
        expect(r.verdictLabel.trim().length).toBeGreaterThan(0);
      }
    });

    it(`keep the thread's words in English in ${lang}, verbatim from the data`, () => {
      const rows = forumRows(lang, NUMBERS);
      for (const [k, r] of rows.entries()) {
        const c = FORUM_CLAIMS[k]!.claim;
        if (c.kind === 'verbatim') expect(r.claim).toEqual({ kind: 'verbatim', text: c.text, copyUrl: COPIES[c.copy] });
        else expect(r.claim.kind).toBe('paraphrase');
      }
    });
  }

  it('gloss every quote on a Chinese page and none on an English one', () => {
    const zh = forumRows('zh', NUMBERS);
    for (const r of zh) {
      if (r.claim.kind === 'verbatim') expect(r.gloss, r.id).toMatch(/\p{Script=Han}/u);
      else expect(r.gloss).toBeNull();
    }
    expect(forumRows('en', NUMBERS).every((r) => r.gloss === null)).toBe(true);
    expect(FORUM_GLOSS.en).toBeNull();
  });

  it('put the computed numbers into the reasons (σ′ at z = 1, the memory-path gradients, the ReLU rate)', () => {
    const en = Object.fromEntries(forumRows('en', NUMBERS).map((r) => [r.id, r.reason]));
    expect(en['sigmoid-derivative']).toContain('0.1966 at z = 1');
    expect(en['sigmoid-derivative']).toContain('−0.2325');
    expect(en['second-derivative']).toContain('1.5 × 10⁻¹⁹');
    expect(en['second-derivative']).toContain('0.605');
    expect(en['relu-replacement']).toContain('0/10 (0–0.28)');
    expect(en['rescaled-sigmoid']).toContain('4 times');
  });

  it('define every verdict once, in both languages', () => {
    for (const lang of LANGS) {
      const keys = forumKeys(lang);
      expect(keys.verdicts.map((v) => v.verdict)).toEqual([...VERDICTS]);
      expect(new Set(keys.verdicts.map((v) => v.label)).size).toBe(VERDICTS.length);
      expect(keys.answers.map((a) => a.answer)).toEqual([...ANSWERS]);
    }
  });

  it('put a citation before the closing full stop of a reason', () => {
    expect(beforeFullStop('faster.')).toEqual({ body: 'faster', stop: '.' });
    expect(beforeFullStop('更快。')).toEqual({ body: '更快', stop: '。' });
    expect(beforeFullStop('no stop')).toEqual({ body: 'no stop', stop: '' });
  });
});

describe('the core article and its Chinese edition', () => {
  for (const lang of Object.keys(ARTICLES) as (keyof typeof ARTICLES)[]) {
    const text = mdx(lang);

    it(`(${lang}) show the one errata table for the thread, and no hand-written forum table`, () => {
      expect(text.match(/<ForumClaims[ >]/g)).toHaveLength(1);
      expect(text).not.toMatch(/forum-table|class="verdict/);
    });

    it(`(${lang}) pass each claim exactly the citations the data lists, in a slot named after it`, () => {
      const block = text.slice(text.indexOf('<ForumClaims'), text.indexOf('</ForumClaims>'));
      const slots = new Map(
        [...block.matchAll(/<Fragment slot="([a-z-]+)">([^<]*)<\/Fragment>/g)].map((m) => [
          m[1]!,
          [...m[2]!.matchAll(/@([a-z0-9]+)/g)].map((k) => k[1]),
        ]),
      );
      for (const c of FORUM_CLAIMS) expect(slots.get(c.id) ?? [], c.id).toEqual(c.cites);
      for (const id of slots.keys()) expect(CLAIM_IDS as readonly string[]).toContain(id);
    });
  }

  it('says in both languages how many seeds the up-and-down table uses, from the numbers module', () => {
    for (const lang of Object.keys(ARTICLES) as (keyof typeof ARTICLES)[]) {
      expect(mdx(lang)).toContain('{UPDOWN.seeds.length}');
      expect(mdx(lang)).not.toMatch(/many seeds|多个随机种子|单单元的 LSTM 都失败了/);
    }
  });
});
