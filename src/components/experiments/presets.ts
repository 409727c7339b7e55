/**
 * Ready-made configurations of the live figure (all of them runs of the committed grid, seed 0), shown as links
 * that set the figure's URL state.
 */
import { DEFAULT_SPEC, budgetOf } from '../../experiments/grid';
import type { RunSpec } from '../../experiments/spec';

export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly spec: RunSpec;
}

const v = (over: Partial<RunSpec>): RunSpec => ({ ...DEFAULT_SPEC, ...over });

export const PRESETS: readonly Preset[] = Object.freeze([
  { id: 'standard', label: 'Standard LSTM', spec: v({}) },
  { id: 'relu-g', label: 'ReLU candidate', spec: v({ candidate: 'relu' }) },
  { id: 'relu-g-clip', label: 'ReLU candidate, clipped', spec: v({ candidate: 'relu', clip: 1 }) },
  { id: 'relu-both', label: 'ReLU in both roles, clipped', spec: v({ candidate: 'relu', output: 'relu', clip: 1 }) },
  { id: 'noaf', label: 'No output activation', spec: v({ output: 'identity' }) },
  {
    id: 'sigmoid-g-updown',
    label: 'Sigmoid candidate, up and down',
    spec: v({ task: 'updown', candidate: 'sigmoid', steps: budgetOf('updown', 50) }),
  },
  { id: 'irnn', label: 'IRNN', spec: v({ cell: 'irnn', candidate: 'relu', clip: 1 }) },
]);
