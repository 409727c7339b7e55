/**
 * The words of the forum-claims table (src/site/forum-claims.ts, rendered at build time by
 * src/components/forum/ForumClaims.astro; no island imports this module): the verdict vocabulary, the names of the
 * two answers, each claim's one-sentence reason and the text of its link. The thread's own words stay in English in
 * every language; a Chinese page adds a gloss of each quote ({@link FORUM_GLOSS}, zh/forum-claims.ts).
 */
import type { Answer, ClaimId, Verdict } from '../site/forum-claims.ts';
import { localised, type Localised } from './core.ts';

/** Each claim's reason: plain text, or a template of pre-formatted numbers. */
export interface ForumReasons {
  /** σ′'s largest value. */
  readonly 'sigmoid-gates': (sigmoidMaxSlope: string) => string;
  /**
   * Decay threshold (percent), where tanh″ and σ″ fall below it for good; the memory-path comparison: steps, the
   * forget gate, the LSTM's gradient, the RNN's weight, its gradient holding 0 and holding tanh(1).
   */
  readonly 'second-derivative': (
    percent: string,
    tanhDecay: string,
    sigmoidDecay: string,
    steps: string,
    forget: string,
    lstmGrad: string,
    rnnWeight: string,
    rnnAtZero: string,
    rnnAtTanh1: string,
  ) => string;
  /** One-unit ReLU cells on the up-and-down task: "0/10 (0–0.28)". */
  readonly 'relu-replacement': (oneUnitRelu: string) => string;
  readonly 'sigmoid-derivative': (z: string, correct: string, literal: string, bracketed: string) => string;
  readonly 'converges-faster': string;
  /** The cost of σ′ and of tanh′ given the output y (src/i18n/activation-table.ts). */
  readonly 'cheaper-gradient': (sigmoidCost: string, tanhCost: string) => string;
  readonly formulas: string;
  readonly 'paper-link': string;
  readonly 'up-and-down': string;
  readonly 'gru-second-tanh': string;
  /** tanh′ and σ′ at their peaks, and their ratio. */
  readonly 'rescaled-sigmoid': (tanhMaxSlope: string, sigmoidMaxSlope: string, ratio: string) => string;
}

export interface ForumClaimStrings {
  /** Caption of the table. */
  readonly caption: string;
  readonly headClaim: string;
  readonly headVerdict: string;
  readonly headReason: string;
  readonly headShown: string;
  /** Lead of the verdict key, then each verdict's word and meaning. */
  readonly keyLead: string;
  readonly verdicts: { readonly [V in Verdict]: { readonly label: string; readonly meaning: string } };
  /** Lead of the answers' key, then what each answer is. */
  readonly answersLead: string;
  readonly answers: { readonly [A in Answer]: string };
  /** The row's answer: "Answer A". */
  readonly answerOf: (answer: string) => string;
  /** Text of the link to the stored copy a quote was taken from. */
  readonly copy: string;
  /** Said before a paraphrase (a claim no stored copy keeps word for word). */
  readonly paraphraseLead: string;
  /** The paraphrase of the claim that points to "this paper". */
  readonly paperLinkClaim: string;
  readonly reasons: ForumReasons;
  readonly links: { readonly [C in ClaimId]: string };
}

export const FORUM_CLAIMS_TEXT: Localised<ForumClaimStrings> = localised('FORUM_CLAIMS_TEXT', {
  en: {
    caption: 'The claims of the thread, each quoted word for word from a stored copy, with its verdict.',
    headClaim: 'Claim in the thread',
    headVerdict: 'Verdict',
    headReason: 'Why',
    headShown: 'Shown by',
    keyLead: 'Verdicts',
    verdicts: {
      correct: { label: 'Correct', meaning: 'true as stated' },
      partly: { label: 'Partly right', meaning: 'part of it holds, or it holds for another reason than the one given' },
      wrong: { label: 'Wrong', meaning: 'false as stated' },
      unsupported: { label: 'Unsupported', meaning: 'nothing in the thread can be checked' },
    },
    answersLead: 'Answers',
    answers: {
      A: 'A, the list of activation functions with formulas and advantages (“Sigmoid specifically, is used as the gating function …”)',
      B: 'B, the answer that argues from the sign of the candidate (“LSTMs manage an internal state vector …”)',
    },
    answerOf: (answer) => `Answer ${answer}`,
    copy: 'copy',
    paraphraseLead: 'No copy we could read keeps its words. In ours:',
    paperLinkClaim: 'The answer ends by pointing to a paper that explains activation functions, through a link.',
    reasons: {
      'sigmoid-gates': (slope) =>
        `A gate multiplies, so a value between 0 and 1 reads as “let this fraction through”; the values in between matter as much as the ends, because σ has a slope there (at most ${slope}) for gradient descent to follow.`,
      'second-derivative': (pct, tanhDecay, sigmoidDecay, steps, f, lstm, w, rnn0, rnn1) =>
        `Vanishing gradients are products of first derivatives, not second ones, and tanh″ dies out faster than σ″ (below ${pct} % of its peak beyond z ≈ ${tanhDecay}, σ″ beyond ${sigmoidDecay}); what the LSTM adds is a memory path whose gradient does not depend on what it holds — over ${steps} steps with a forget gate of ${f} it keeps ${lstm} for any stored value, while a tanh RNN unit with weight ${w} keeps ${rnn0} holding 0 but ${rnn1} holding tanh(1).`,
      'relu-replacement': (relu) =>
        `ReLU fails the answer’s own first test, being unbounded, and monotonicity buys no convexity (an LSTM’s training loss is non-convex whatever the activation); a ReLU candidate can be trained, but it cannot store a negative value on its own (one-unit ReLU cells on the up-and-down task: ${relu} solved).`,
      'sigmoid-derivative': (z, correct, literal, bracketed) =>
        `The sign and the brackets are wrong: σ′(z) = e⁻ᶻ/(1 + e⁻ᶻ)² = σ(z)(1 − σ(z)), ${correct} at z = ${z}, where the formula as typed gives ${literal} and with the brackets added ${bracketed}.`,
      'converges-faster':
        'As a rule for hidden units, yes: LeCun et al. recommend symmetric sigmoids such as tanh over the logistic one because zero-mean outputs make the next layer learn faster. For the LSTM’s output this is the second reason; the first is that tanh bounds an unbounded memory.',
      'cheaper-gradient': (s, t) => `Once the forward pass has stored y, the two cost the same — σ′: ${s}; tanh′: ${t}.`,
      formulas:
        'Hard tanh and ReLU are right (up to the value chosen at a kink), but the leaky ReLU’s derivative is headed relu′(z), and ReLU’s derivative is 0 for z < 0 where the leaky ReLU’s is k.',
      'paper-link':
        'The link cannot be resolved from any copy of the thread we could read, so there is nothing to check; for a survey of activation functions, see the one by Dubey, Singh and Chaudhuri.',
      'up-and-down':
        'With a forget gate a non-negative candidate can make the state decrease, towards zero; what it cannot do, from c₀ = 0, is make the state negative, so one unit cannot hold a signed quantity.',
      'gru-second-tanh':
        'The GRU needs no second tanh because its state is a weighted average of bounded values; the LSTM’s memory is a sum that can grow, and removing its output tanh significantly hurt in Greff et al.’s experiments.',
      'rescaled-sigmoid': (tanhMax, sigmoidMax, ratio) =>
        `tanh(z) = 2σ(2z) − 1 exactly, so with rescaled weights one can stand in for the other; with the same weights, though, tanh′ peaks at ${tanhMax}, ${ratio} times σ′’s ${sigmoidMax}, and the shift is what makes the output zero-centred.`,
    },
    links: {
      'sigmoid-gates': 'Why the gates use a sigmoid',
      'second-derivative': 'What the second derivative does',
      'relu-replacement': 'Can I just use ReLU instead?',
      'sigmoid-derivative': 'Errata',
      'converges-faster': 'Why the output uses tanh again',
      'cheaper-gradient': 'Errata',
      formulas: 'Errata',
      'paper-link': 'The thirteen functions',
      'up-and-down': 'Why the candidate uses tanh',
      'gru-second-tanh': 'Why the GRU needs no second tanh',
      'rescaled-sigmoid': 'tanh is a rescaled sigmoid',
    },
  },
});

/**
 * A gloss of each quoted claim for a page whose language is not English (the quote itself stays in English, word for
 * word); `null` in English. The paraphrased claim needs none.
 */
export type ForumGloss = { readonly [C in ClaimId]?: string } | null;

export const FORUM_GLOSS: Localised<ForumGloss> = localised('FORUM_GLOSS', { en: null });
