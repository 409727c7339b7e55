/**
 * What a printed figure says instead of its controls: one line with every setting the reader chose, e.g.
 * "Settings: Activation tanh · z range ± −6 to 6 · f′ on · f″ off". Pure; the page reads the controls
 * (src/client/print.ts).
 */

/** One control of a figure as the reader sees it: its name and its current value, both as displayed. */
export interface Setting {
  readonly name: string;
  readonly value: string;
}

/** The words of the line, in the page's language. */
export interface SettingsWords {
  /** What starts the line, with its colon: "Settings:", "设置：". */
  readonly settings: string;
}

/** Collapses runs of white space and trims; a name loses a trailing colon ("Seed:" → "Seed"). */
function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The line for `settings`, or `''` when there are none (a figure without controls prints no line). */
export function settingsLine(settings: readonly Setting[], words: SettingsWords): string {
  const items = settings
    .map((s) => ({ name: clean(s.name).replace(/[:：]$/, ''), value: clean(s.value) }))
    .filter((s) => s.name !== '' || s.value !== '')
    .map((s) => (s.name === '' ? s.value : s.value === '' ? s.name : `${s.name} ${s.value}`));
  if (items.length === 0) return '';
  // a full-width colon carries its own space
  return `${words.settings}${words.settings.endsWith('：') ? '' : ' '}${items.join(' · ')}`;
}
