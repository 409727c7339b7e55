/**
 * README.md states the committed grid's size, seeds and run time; this keeps that sentence true to
 * data/experiments/results.json (a re-run of the grid that changes them fails here until the README follows).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Grid {
  readonly wallSeconds: number;
  readonly grid: { readonly seeds: readonly number[] };
  readonly runs: readonly unknown[];
  readonly environment: { readonly cpus: number };
}

/** The README's claim: "The committed grid is N runs, S seeds per configuration (seeds a–b), and took M min on C cores". */
export function readmeGridClaim(
  md: string,
): { runs: number; seeds: number; first: number; last: number; minutes: number; cores: number } | null {
  const m =
    /The committed grid is (\d+) runs,\s+(\d+) seeds per configuration \(seeds (\d+)–(\d+)\), and took (\d+) min on (\d+) cores/.exec(
      md.replace(/\s+/g, ' '),
    );
  if (!m) return null;
  const [runs, seeds, first, last, minutes, cores] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return { runs, seeds, first, last, minutes, cores };
}

describe('the README’s sentence about the committed grid', () => {
  it('reads the runs, seeds, minutes and cores out of the sentence, and nothing out of other text', () => {
    expect(
      readmeGridClaim('The committed grid is 12 runs,\n3 seeds per configuration (seeds 0–2), and took 5 min on 2 cores.'),
    ).toEqual({ runs: 12, seeds: 3, first: 0, last: 2, minutes: 5, cores: 2 });
    expect(readmeGridClaim('The grid took a while.')).toBeNull();
  });

  it('says what data/experiments/results.json holds', () => {
    const root = process.cwd();
    const claim = readmeGridClaim(readFileSync(join(root, 'README.md'), 'utf8'));
    const file = JSON.parse(readFileSync(join(root, 'data', 'experiments', 'results.json'), 'utf8')) as Grid;
    expect(claim).not.toBeNull();
    expect(claim).toEqual({
      runs: file.runs.length,
      seeds: file.grid.seeds.length,
      first: file.grid.seeds[0],
      last: file.grid.seeds.at(-1),
      minutes: Math.round(file.wallSeconds / 60),
      cores: file.environment.cpus,
    });
  });
});
