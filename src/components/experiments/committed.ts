/**
 * The committed outcome of every grid run, packed into one short string for the live figure's props (so that the
 * page can say whether a reader's run reproduces the precomputed one bit for bit), and unpacked again.
 * Format: runs separated by `;`, fields by a space: `key fingerprint fingerprintSteps status step loss10 final`, where
 * `loss10` is the training loss of step 10 at full precision (or of the last step, for shorter runs) and `final` the
 * held-out loss at the end to 4 significant digits (`-` for a diverged or cancelled run).
 */
import type { RunStatus } from '../../experiments/runner';

export interface CommittedRun {
  readonly fingerprint: string;
  readonly fingerprintSteps: number;
  readonly status: RunStatus;
  readonly step: number;
  /** Training loss of the last of the stored first steps (step 10 for runs that lasted that long); NaN if it was not finite. */
  readonly headLast: number;
  /** Number of that step. */
  readonly headSteps: number;
  /** Held-out loss at the end, 4 significant digits; null for diverged or cancelled runs. */
  readonly final: number | null;
}

interface PackableRun {
  readonly key: string;
  readonly fingerprint: string;
  readonly fingerprintSteps: number;
  readonly head: readonly (number | null)[];
  readonly outcome: { readonly status: string; readonly step: number; readonly final: { readonly loss: number } | null };
}

/** Packs runs (server side). */
export function packCommitted(runs: readonly PackableRun[]): string {
  return runs
    .map((r) => {
      const last = r.head.at(-1);
      const final = r.outcome.final ? Number(r.outcome.final.loss.toPrecision(4)) : '-';
      return `${r.key} ${r.fingerprint} ${r.fingerprintSteps} ${r.outcome.status} ${r.outcome.step} ${r.head.length}:${last === undefined || last === null ? '-' : String(last)} ${final}`;
    })
    .join(';');
}

/** Unpacks (client side); malformed entries are skipped. */
export function unpackCommitted(packed: string): Map<string, CommittedRun> {
  const map = new Map<string, CommittedRun>();
  for (const entry of packed.split(';')) {
    const [key, fingerprint, fps, status, step, head, final] = entry.split(' ');
    if (!key || !fingerprint || !status || !step || !fps || !head || !final) continue;
    const [hs, hl] = head.split(':');
    map.set(key, {
      fingerprint,
      fingerprintSteps: Number(fps),
      status: status as RunStatus,
      step: Number(step),
      headSteps: Number(hs),
      headLast: hl === '-' ? NaN : Number(hl),
      final: final === '-' ? null : Number(final),
    });
  }
  return map;
}

/**
 * How many significant digits two numbers share, from their relative difference: 17 (every digit of a double) when
 * they are identical, 0 when they differ in the first digit or one is not finite.
 */
export function agreeingDigits(a: number, b: number): number {
  if (Object.is(a, b)) return 17;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return 0;
  const rel = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  return Math.max(0, Math.min(16, Math.floor(-Math.log10(rel))));
}
