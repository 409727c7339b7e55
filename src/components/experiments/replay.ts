/**
 * A committed run as the live figure replays it, and its two curves: the training loss and the largest |c| (LSTM) or
 * |h| of each window, both on log axes, the end of a diverged run marked. Pure and small: the island ships it, and
 * the preset cards (src/site/share-presets.ts) draw the same curves at build time.
 */
import type { LossSeries, Tone } from './curves.ts';

/** How a run ended (RunOutcome['status']). */
export type ReplayStatus = 'solved' | 'budget' | 'diverged' | 'cancelled';

/** A committed run, as the page carries it. */
export interface ReplayRun {
  readonly key: string;
  /** Steps per point: the file's windows, or 1 for a run that ended within its first window (recomputed per step). */
  readonly every: number;
  /** Mean training loss per window (null: not a finite number). */
  readonly loss: readonly (number | null)[];
  /** Largest |c| or |h| per window; null when the committed results predate these curves. */
  readonly state: readonly (number | null)[] | null;
  readonly status: ReplayStatus;
  /** The step it ended at. */
  readonly step: number;
  /** Largest |c| or |h| of the whole run (finite values). */
  readonly maxState: number;
  /** The task's baseline loss and success threshold at this length. */
  readonly baseline: number;
  readonly threshold: number;
}

/** A replay as the page carries it: its curves as text ("0.3134 0.1633 -", `-` for null), about half the bytes. */
export type PackedReplay = Omit<ReplayRun, 'loss' | 'state'> & { readonly loss: string; readonly state: string | null };

const pack = (values: readonly (number | null)[]) => values.map((v) => (v === null ? '-' : String(v))).join(' ');
const unpack = (text: string) => (text === '' ? [] : text.split(' ').map((v) => (v === '-' ? null : Number(v))));

/** Packs a replay for the island's props (build time). */
export function packReplay(r: ReplayRun): PackedReplay {
  return { ...r, loss: pack(r.loss), state: r.state === null ? null : pack(r.state) };
}

/** Unpacks a replay in the island. */
export function unpackReplay(p: PackedReplay): ReplayRun {
  return { ...p, loss: unpack(p.loss), state: p.state === null ? null : unpack(p.state) };
}

/** A preset of the live figure as a link: what it is called, the fragment that sets it, its run's key. */
export interface PresetLink {
  readonly id: string;
  readonly label: string;
  readonly href: string;
  readonly key: string;
}

/** The y range of the state plot: from 10⁻² to past the divergence bound (10⁶). */
export const STATE_DOMAIN: readonly [number, number] = [1e-2, 1e7];

/** The step of each point of a replay. */
const stepsOf = (r: ReplayRun, n: number) => Array.from({ length: n }, (_, i) => Math.min((i + 1) * r.every, r.step));

/** The replay's curves: its loss (dashed, muted: the precomputed run) and, when the file has it, its state. */
export function replaySeries(r: ReplayRun, tone: Tone = 'cm'): { loss: LossSeries; state: LossSeries | null } {
  const end = r.status === 'diverged' ? 'diverged' : r.status === 'solved' ? 'solved' : null;
  const at = stepsOf(r, Math.max(r.loss.length, r.state?.length ?? 0));
  return {
    loss: { id: 'committed', points: r.loss.map((v, i) => [at[i]!, v] as const), tone, dash: 'dash', end },
    state: r.state
      ? {
          id: 'committed-state',
          points: r.state.map((v, i) => [at[i]!, v] as const),
          tone,
          dash: 'dash',
          end: r.status === 'diverged' ? 'diverged' : null,
          toEdge: false,
        }
      : null,
  };
}

/**
 * The last step the x axis shows: the step budget, or — for a run that diverged within its first tenth — a round
 * number just past its end (10, 20, 50, 100 …), so that its few steps are not squeezed into a pixel.
 */
export function xExtent(steps: number, end: { readonly status: string; readonly step: number } | null): number {
  if (!end || end.status !== 'diverged' || end.step * 10 > steps) return steps;
  for (let p = 10; ; p *= 10) for (const m of [1, 2, 5]) if (m * p >= end.step) return Math.min(steps, m * p);
}
