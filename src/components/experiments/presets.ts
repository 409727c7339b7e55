/**
 * Ready-made configurations of the live figure, shown as links that set the figure's URL state; each is a run of the
 * committed grid, which the figure replays as soon as the preset is opened (its loss and its largest |c| or |h|).
 * Most are fixed (seed 0); the blow-up is chosen from the committed results ({@link choosePresets}), so that it shows
 * a run that really diverged, whatever the seed.
 */
import { DEFAULT_SPEC, budgetOf } from '../../experiments/grid.ts';
import { normalizeSpec, runKey, type RunSpec } from '../../experiments/spec.ts';

export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly spec: RunSpec;
}

const v = (over: Partial<RunSpec>): RunSpec => ({ ...DEFAULT_SPEC, ...over });

/** The presets that do not depend on the results (seed 0), in the order the figure lists them. */
export const PRESETS: readonly Preset[] = Object.freeze([
  { id: 'standard', label: 'tanh candidate (standard LSTM)', spec: v({}) },
  { id: 'relu-g', label: 'ReLU candidate, no clipping', spec: v({ candidate: 'relu' }) },
  { id: 'relu-g-clip', label: 'ReLU candidate with clipping', spec: v({ candidate: 'relu', clip: 1 }) },
  { id: 'relu-both', label: 'ReLU in both roles, clipped', spec: v({ candidate: 'relu', output: 'relu', clip: 1 }) },
  { id: 'noaf', label: 'No output activation', spec: v({ output: 'identity' }) },
  {
    id: 'sigmoid-g-updown',
    label: 'Sigmoid candidate, up and down',
    spec: v({ task: 'updown', candidate: 'sigmoid', steps: budgetOf('updown', 50) }),
  },
  { id: 'irnn', label: 'IRNN', spec: v({ cell: 'irnn', candidate: 'relu', clip: 1 }) },
]);

/** Id of the blow-up preset. */
export const BLOW_UP = 'relu-both-blowup';

/** What {@link choosePresets} reads of a committed run. */
export interface PresetCandidate {
  readonly spec: RunSpec;
  readonly outcome: { readonly status: string };
}

/**
 * The presets for a set of committed runs: the fixed ones, and after the clipped ReLU candidate the first run (lowest
 * seed) of ReLU in both roles without clipping, in the default setting otherwise, that diverged — labelled as the
 * blow-up it is. There is no such preset when no such run diverged.
 */
export function choosePresets(runs: readonly PresetCandidate[]): Preset[] {
  // The same run as the one sought, but for its seed.
  const like = runKey(v({ candidate: 'relu', output: 'relu', seed: 0 }));
  const diverged = runs
    .filter((r) => r.outcome.status === 'diverged' && runKey({ ...r.spec, seed: 0 }) === like)
    .map((r) => normalizeSpec(r.spec))
    .sort((a, b) => a.seed - b.seed)[0];
  const out = [...PRESETS];
  if (diverged) {
    const blowUp = { id: BLOW_UP, label: 'ReLU in both roles, no clipping: the state blows up', spec: diverged };
    out.splice(out.findIndex((p) => p.id === 'relu-g-clip') + 1, 0, blowUp);
  }
  return out;
}
