/** The two colour themes. */
export type Theme = 'light' | 'dark';

/** The theme in effect: an explicit saved choice wins, otherwise the system preference. */
export function resolveTheme(saved: string | undefined | null, systemPrefersDark: boolean): Theme {
  if (saved === 'light' || saved === 'dark') return saved;
  return systemPrefersDark ? 'dark' : 'light';
}

/** The theme a toggle switches to. */
export function nextTheme(current: Theme): Theme {
  return current === 'dark' ? 'light' : 'dark';
}
