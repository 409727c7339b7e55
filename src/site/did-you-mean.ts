/**
 * "Did you mean …?" for a misspelt name: the known names within a small edit distance of it (Damerau–Levenshtein:
 * insertions, deletions, substitutions and swaps of two neighbours), closest first.
 */

/** The optimal-string-alignment distance between `a` and `b` (a swap of two neighbours costs 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The names in `known` close to `name` (case ignored): at most 2 edits for names of 5 characters or more, 1 for
 * shorter ones, closest first.
 */
export function closeNames(name: string, known: Iterable<string>): string[] {
  const n = name.toLowerCase();
  const limit = n.length >= 5 ? 2 : 1;
  return [...known]
    .map((k) => ({ k, d: editDistance(n, k.toLowerCase()) }))
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d)
    .map(({ k }) => k);
}

/** ` (did you mean "x"?)` / ` (did you mean "x" or "y"?)`, or '' when nothing is close. `quote` wraps each name. */
export function didYouMean(name: string, known: Iterable<string>, quote = (s: string) => `"${s}"`): string {
  const close = closeNames(name, known).slice(0, 2);
  return close.length > 0 ? ` (did you mean ${close.map(quote).join(' or ')}?)` : '';
}
