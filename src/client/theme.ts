import { nextTheme, resolveTheme, type Theme } from '../site/theme';

const STORAGE_KEY = 'why-tanh:theme';

/** Wires every `[data-theme-toggle]` button: flips light/dark, persists the choice, keeps its label truthful. */
export function initThemeToggle(doc: Document): void {
  const root = doc.documentElement;
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const current = (): Theme => resolveTheme(root.dataset['theme'], media.matches);
  const label = () => {
    const to = nextTheme(current());
    for (const b of doc.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
      const text = (to === 'dark' ? b.dataset['labelDark'] : b.dataset['labelLight']) ?? `Switch to ${to} theme`;
      b.setAttribute('aria-label', text);
      b.title = text;
    }
  };
  for (const button of doc.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.addEventListener('click', () => {
      const to = nextTheme(current());
      root.dataset['theme'] = to;
      try {
        localStorage.setItem(STORAGE_KEY, to);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
      label();
    });
  }
  media.addEventListener('change', label);
  label();
}
