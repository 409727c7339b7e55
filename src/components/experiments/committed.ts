/**
 * The committed outcome of every grid run, packed into one short string for the live figure's props (so that the
 * page can say whether a reader's run reproduces the precomputed one bit for bit), and unpacked again.
 * Format: runs separated by `;`, fields by a space: `key fingerprint fingerprintSteps status step`.
 */
import type { RunStatus } from '../../experiments/runner';

export interface CommittedRun {
  readonly fingerprint: string;
  readonly fingerprintSteps: number;
  readonly status: RunStatus;
  readonly step: number;
}

/** Packs runs (server side). */
export function packCommitted(runs: readonly { readonly key: string; readonly fingerprint: string; readonly fingerprintSteps: number; readonly outcome: { readonly status: string; readonly step: number } }[]): string {
  return runs.map((r) => `${r.key} ${r.fingerprint} ${r.fingerprintSteps} ${r.outcome.status} ${r.outcome.step}`).join(';');
}

/** Unpacks (client side); malformed entries are skipped. */
export function unpackCommitted(packed: string): Map<string, CommittedRun> {
  const map = new Map<string, CommittedRun>();
  for (const entry of packed.split(';')) {
    const [key, fingerprint, fps, status, step] = entry.split(' ');
    if (!key || !fingerprint || !status || !step || !fps) continue;
    map.set(key, { fingerprint, fingerprintSteps: Number(fps), status: status as RunStatus, step: Number(step) });
  }
  return map;
}
