/**
 * The one errata table for the Stack Overflow thread most readers arrive from ("What is the intuition of using tanh
 * in LSTM?", question 40761185, 2016; bib key `sotanhlstm2016`): each claim of its two answers, quoted word for word
 * from a stored copy of the thread (typos kept), its verdict, and the section or figure of this site that shows why.
 * Rendered by src/components/forum/ForumClaims.astro in the core article, in both languages; the words (verdicts,
 * reasons, link texts) are in src/i18n/forum-claims.ts and src/i18n/zh/forum-claims.ts. Where the quotes were found:
 * /work/notes/forum-thread.md.
 *
 * A claim whose exact words no stored copy keeps is given as a paraphrase, marked as one and never put in quotation
 * marks.
 *
 * @module
 */
import type { WhySigmoidNumbers } from '../numbers/why-sigmoid-and-tanh';
import { formatNumber, formatScientific } from '../figures/format';
import { ACTIVATION_COSTS } from '../i18n/activation-table';
import { FORUM_CLAIMS_TEXT, FORUM_GLOSS } from '../i18n/forum-claims';
import type { Lang } from '../i18n/core';
import { Activations } from '../lib/nn/activations';

/** The verdicts, in the order the table's key lists them. One vocabulary for every claim. */
export const VERDICTS = ['correct', 'partly', 'wrong', 'unsupported'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * The thread's two answers, named by what they say (no stored copy shows their authors or scores): A lists activation
 * functions with formulas and advantages; B argues from the sign of the candidate and links Olah's and Socher's notes.
 */
export const ANSWERS = ['A', 'B'] as const;
export type Answer = (typeof ANSWERS)[number];

/** The canonical address of the thread. */
export const THREAD_URL = 'https://stackoverflow.com/questions/40761185/what-is-the-intuition-of-using-tanh-in-lstm';

/** Stored copies of the thread the quotes were taken from (the live page could not be read). */
export const COPIES = Object.freeze({
  /** The question and answer A's first paragraph, an early revision. */
  elearn: 'https://e-learn.cn/tag/activation-function?page=3',
  /** Answer B in full and answer A's first three paragraphs, a later revision. */
  newbe: 'https://newbe.dev/index.php/what-is-the-intuition-of-using-tanh-in-lstm',
  /** Answer A's formula block (the copy rewords the prose around it; only formula lines are quoted from it). */
  intellipaat: 'https://intellipaat.com/community/5056/what-is-the-intuition-of-using-tanh-in-lstm',
} as const);
export type CopyName = keyof typeof COPIES;

/** The claims, in table order. */
export const CLAIM_IDS = [
  'sigmoid-gates',
  'second-derivative',
  'relu-replacement',
  'sigmoid-derivative',
  'converges-faster',
  'cheaper-gradient',
  'formulas',
  'paper-link',
  'up-and-down',
  'gru-second-tanh',
  'rescaled-sigmoid',
] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

/** What the table shows of a claim: the thread's own words, or (marked) a paraphrase where no copy keeps them. */
export type ClaimText =
  | {
      readonly kind: 'verbatim';
      /** Exact words of the copy; " … " joins non-adjacent pieces of one answer. */
      readonly text: string;
      readonly copy: CopyName;
    }
  /** No copy keeps the words: the table says what the answer does, in the page's language (src/i18n/forum-claims.ts). */
  | { readonly kind: 'paraphrase' };

/** Where on the site a claim is shown: an id on this page, or an id on another article's page. */
export type ClaimLink = { readonly page: 'self'; readonly id: string } | { readonly page: ArticleSlug; readonly id: string };

/** The articles a claim may link to. */
export type ArticleSlug = 'why-sigmoid-and-tanh' | 'activation-functions' | 'vanishing-gradients' | 'relu-experiments';

export interface ForumClaim {
  readonly id: ClaimId;
  readonly answer: Answer;
  readonly claim: ClaimText;
  readonly verdict: Verdict;
  readonly link: ClaimLink;
  /**
   * Works the reason cites, in order. The article passes the citation itself (`[@key]` in a slot named after the
   * claim) because citations are numbered by the Markdown pipeline; a test checks the two agree.
   */
  readonly cites: readonly string[];
}

const verbatim = (copy: CopyName, text: string): ClaimText => ({ kind: 'verbatim', copy, text });

export const FORUM_CLAIMS: readonly ForumClaim[] = Object.freeze([
  {
    id: 'sigmoid-gates',
    answer: 'A',
    claim: verbatim(
      'elearn',
      'Sigmoid specifically, is used as the gating function for the 3 gates(in, out, forget) in LSTM , since it outputs a value between 0 and 1, it can either let no flow or complete flow of information throughout the gates.',
    ),
    verdict: 'correct',
    link: { page: 'self', id: 'why-sigmoid-gates' },
    cites: [],
  },
  {
    id: 'second-derivative',
    answer: 'A',
    claim: verbatim(
      'newbe',
      'On the other hand, to overcome the vanishing gradient problem, we need a function whose second derivative can sustain for a long range before going to zero. Tanh is a good function with the above property.',
    ),
    verdict: 'wrong',
    link: { page: 'activation-functions', id: 'second-derivative' },
    cites: ['bengio1994', 'pascanu2013'],
  },
  {
    id: 'relu-replacement',
    answer: 'A',
    claim: verbatim(
      'newbe',
      'A good neuron unit should be bounded, easily differentiable, monotonic (good for convex optimization) and easy to handle. If you consider these qualities, then I believe you can use ReLU in place of the tanh function since they are very good alternatives of each other.',
    ),
    verdict: 'partly',
    link: { page: 'self', id: 'can-i-use-relu' },
    cites: [],
  },
  {
    id: 'sigmoid-derivative',
    answer: 'A',
    claim: verbatim('intellipaat', "sigmoid'(z) = -exp(-z) / 1 + exp(-z)^2"),
    verdict: 'wrong',
    link: { page: 'activation-functions', id: 'errata' },
    cites: [],
  },
  {
    id: 'converges-faster',
    answer: 'A',
    claim: verbatim('intellipaat', '(1) Often found to converge faster in practice'),
    verdict: 'correct',
    link: { page: 'self', id: 'why-tanh-output' },
    cites: ['lecun1998'],
  },
  {
    id: 'cheaper-gradient',
    answer: 'A',
    claim: verbatim('intellipaat', '(2) Gradient computation is less expensive'),
    verdict: 'wrong',
    link: { page: 'activation-functions', id: 'errata' },
    cites: [],
  },
  {
    id: 'formulas',
    answer: 'A',
    claim: verbatim(
      'intellipaat',
      "hardtanh(z) = -1 if z < -1; z if -1 <= z <= 1; 1 if z > 1 … relu(z) = max(z, 0) … leaky(z) = max(z, k dot z) where 0 < k < 1 … 1st order derivative: relu'(z)",
    ),
    verdict: 'partly',
    link: { page: 'activation-functions', id: 'errata' },
    cites: [],
  },
  {
    id: 'paper-link',
    answer: 'A',
    claim: { kind: 'paraphrase' },
    verdict: 'unsupported',
    link: { page: 'activation-functions', id: 'the-functions' },
    cites: ['dubey2022'],
  },
  {
    id: 'up-and-down',
    answer: 'B',
    claim: verbatim(
      'newbe',
      'LSTMs manage an internal state vector whose values should be able to increase or decrease when we add the output of some function. Sigmoid output is always non-negative; values in the state would only increase.',
    ),
    verdict: 'partly',
    link: { page: 'self', id: 'why-tanh-candidate' },
    cites: [],
  },
  {
    id: 'gru-second-tanh',
    answer: 'B',
    claim: verbatim(
      'newbe',
      "The GRU cousin of the LSTM doesn't have a second tanh, so in a sense the second one is not necessary.",
    ),
    verdict: 'partly',
    link: { page: 'self', id: 'gru-no-second-tanh' },
    cites: ['greff2017'],
  },
  {
    id: 'rescaled-sigmoid',
    answer: 'B',
    claim: verbatim(
      'newbe',
      "There aren't really meaningful differences between the derivatives of sigmoid and tanh; tanh is just a rescaled and shifted sigmoid",
    ),
    verdict: 'partly',
    link: { page: 'activation-functions', id: 'tanh-is-a-rescaled-sigmoid' },
    cites: [],
  },
] satisfies readonly ForumClaim[]);

/** The id of a claim's row in the table (a link target: `#forum-claim-up-and-down`). */
export const rowId = (id: ClaimId): string => `forum-claim-${id}`;

/** The site path (before the base path and the language prefix) and hash a claim's link points to. */
export function linkTarget(link: ClaimLink): { readonly slug: ArticleSlug | null; readonly hash: string } {
  return { slug: link.page === 'self' ? null : link.page, hash: link.id };
}

/**
 * Checks the table's data: every claim once, in {@link CLAIM_IDS} order, a known verdict and answer, and a verbatim
 * text that is not empty, names a copy and is not wrapped in quotation marks of its own. Returns the problems found.
 */
export function checkForumClaims(claims: readonly ForumClaim[] = FORUM_CLAIMS): string[] {
  const problems: string[] = [];
  const ids = claims.map((c) => c.id);
  if (ids.join() !== CLAIM_IDS.join()) problems.push(`claims are ${ids.join(', ')}, expected ${CLAIM_IDS.join(', ')}`);
  for (const c of claims) {
    if (!(VERDICTS as readonly string[]).includes(c.verdict)) problems.push(`${c.id}: unknown verdict "${c.verdict}"`);
    if (!(ANSWERS as readonly string[]).includes(c.answer)) problems.push(`${c.id}: unknown answer "${c.answer}"`);
    if (c.claim.kind === 'verbatim') {
      if (c.claim.text.trim() === '') problems.push(`${c.id}: empty claim text`);
      if (/^["“'‘]|["”'’]$/.test(c.claim.text)) problems.push(`${c.id}: the claim text carries its own quotation marks`);
      if (!(c.claim.copy in COPIES)) problems.push(`${c.id}: unknown copy "${c.claim.copy}"`);
    }
    if (c.link.id.trim() === '' || c.link.id.startsWith('#')) problems.push(`${c.id}: link id "${c.link.id}" (no "#")`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// The rows as a page shows them
// ---------------------------------------------------------------------------------------------------------------

/** The computed numbers the reasons quote (src/numbers/why-sigmoid-and-tanh.ts, see {@link forumNumbersOf}). */
export interface ForumNumbers {
  readonly sigmoidMaxSlope: number;
  readonly tanhMaxSlope: number;
  /** "Died out": below this fraction of the peak; where |tanh″| and |σ″| stay below it. */
  readonly decayFraction: number;
  readonly tanhDecay: number;
  readonly sigmoidDecay: number;
  /** Holding a value: steps, forget gate, the LSTM's gradient, the RNN's weight, its gradient holding 0 and tanh(1). */
  readonly hold: {
    readonly steps: number;
    readonly forget: number;
    readonly lstmGrad: number;
    readonly rnnWeight: number;
    readonly rnnAtZero: number;
    readonly rnnAtTanh1: number;
  };
  /** σ′ at z: correct, as the thread typed it, with the brackets added. */
  readonly forum: { readonly z: number; readonly correct: number; readonly literal: number; readonly bracketed: number };
  /** One-unit ReLU cells on the up-and-down task: solved runs, runs, 95 % interval. */
  readonly oneUnitRelu: { readonly solved: number; readonly n: number; readonly interval: readonly [number, number] };
}

/** The subset of the core article's numbers the table quotes. */
export function forumNumbersOf(n: WhySigmoidNumbers, decayFraction: number): ForumNumbers {
  const d = n.derivatives;
  const rows = n.hold.rows;
  const at = (v: number) => {
    const r = rows.find((x) => x.v === v);
    if (!r) throw new Error(`forum claims: the memory-path comparison has no stored value ${v}`);
    return r;
  };
  const relu = n.updown.sweep('relu', 1);
  return {
    sigmoidMaxSlope: d.sigmoidMaxSlope,
    tanhMaxSlope: d.tanhMaxSlope,
    decayFraction,
    tanhDecay: d.decay.tanh,
    sigmoidDecay: d.decay.sigmoid,
    hold: {
      steps: n.hold.steps,
      forget: n.hold.forget,
      lstmGrad: at(Activations.tanh.f(1)).lstmGrad,
      rnnWeight: n.hold.rnnWeight,
      rnnAtZero: at(0).rnnGrad,
      rnnAtTanh1: at(Activations.tanh.f(1)).rnnGrad,
    },
    forum: d.forum,
    oneUnitRelu: { solved: relu.solved, n: relu.n, interval: relu.interval },
  };
}

/** One row of the table, every text resolved for one language. */
export interface ForumRow {
  readonly id: ClaimId;
  /** The row's element id. */
  readonly rowId: string;
  readonly answer: string;
  /** The thread's words (English, verbatim) or a paraphrase in the page's language, led by a note that it is one. */
  readonly claim:
    | { readonly kind: 'verbatim'; readonly text: string; readonly copyUrl: string }
    | { readonly kind: 'paraphrase'; readonly text: string };
  /** A gloss of the quote in the page's language (not on English pages). */
  readonly gloss: string | null;
  readonly verdict: Verdict;
  readonly verdictLabel: string;
  readonly reason: string;
  /** Another article (`slug`) or this page (`null`), the id to link to, and the link's text. */
  readonly link: { readonly slug: ArticleSlug | null; readonly hash: string; readonly text: string };
  readonly cites: readonly string[];
}

/** The verdict key ("Correct: true as stated", …) and the answers' key, for one language. */
export function forumKeys(lang: Lang): {
  readonly verdicts: readonly { readonly verdict: Verdict; readonly label: string; readonly meaning: string }[];
  readonly answers: readonly { readonly answer: Answer; readonly text: string }[];
} {
  const w = FORUM_CLAIMS_TEXT[lang];
  return {
    verdicts: VERDICTS.map((v) => ({ verdict: v, ...w.verdicts[v] })),
    answers: ANSWERS.map((a) => ({ answer: a, text: w.answers[a] })),
  };
}

/** The table's rows in one language, every number formatted, every reason filled in. */
export function forumRows(lang: Lang, n: ForumNumbers, claims: readonly ForumClaim[] = FORUM_CLAIMS): ForumRow[] {
  const w = FORUM_CLAIMS_TEXT[lang];
  const gloss = FORUM_GLOSS[lang];
  const costs = ACTIVATION_COSTS[lang];
  const f = (v: number, sig = 3) => formatNumber(v, sig);
  const sci = (v: number) => formatScientific(v, 2);
  const r = w.reasons;
  const reason = (id: ClaimId): string => {
    switch (id) {
      case 'sigmoid-gates':
        return r[id](f(n.sigmoidMaxSlope));
      case 'second-derivative': {
        const h = n.hold;
        const g = (v: number) => (v < 1e-3 ? sci(v) : f(v));
        return r[id](
          f(100 * n.decayFraction),
          f(n.tanhDecay),
          f(n.sigmoidDecay),
          String(h.steps),
          f(h.forget),
          g(h.lstmGrad),
          f(h.rnnWeight),
          g(h.rnnAtZero),
          g(h.rnnAtTanh1),
        );
      }
      case 'relu-replacement': {
        const u = n.oneUnitRelu;
        return r[id](`${u.solved}/${u.n} (${f(u.interval[0], 2)}–${f(u.interval[1], 2)})`);
      }
      case 'sigmoid-derivative':
        return r[id](f(n.forum.z), f(n.forum.correct, 4), f(n.forum.literal, 4), f(n.forum.bracketed, 4));
      case 'cheaper-gradient':
        return r[id](costs.sigmoid, costs.tanh);
      case 'rescaled-sigmoid':
        return r[id](f(n.tanhMaxSlope), f(n.sigmoidMaxSlope), f(n.tanhMaxSlope / n.sigmoidMaxSlope));
      default:
        return r[id];
    }
  };
  return claims.map((c) => ({
    id: c.id,
    rowId: rowId(c.id),
    answer: w.answerOf(c.answer),
    claim:
      c.claim.kind === 'verbatim'
        ? { kind: 'verbatim', text: c.claim.text, copyUrl: COPIES[c.claim.copy] }
        : { kind: 'paraphrase', text: `${w.paraphraseLead}${lang === 'zh' ? '' : ' '}${w.paperLinkClaim}` },
    gloss: c.claim.kind === 'verbatim' && gloss ? (gloss[c.id] ?? null) : null,
    verdict: c.verdict,
    verdictLabel: w.verdicts[c.verdict].label,
    reason: reason(c.id),
    link: { ...linkTarget(c.link), text: w.links[c.id] },
    cites: c.cites,
  }));
}

/** A reason split before its closing full stop, so that a citation can go in front of it: "… faster [3]." */
export function beforeFullStop(text: string): { readonly body: string; readonly stop: string } {
  const m = /[.。]$/.exec(text);
  return m ? { body: text.slice(0, -1), stop: m[0] } : { body: text, stop: '' };
}
