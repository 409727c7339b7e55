import { settingsLine, type Setting } from '../site/print';

/**
 * Printing an article (the print styles in global.css hide every interactive control):
 * - figures inside a closed `<details>` are printed: those are opened just before printing and closed again after;
 * - each figure with controls prints its current settings as one line in their place ({@link settingsLine}),
 *   written just before printing from what the controls show.
 * The words come from the article element (`data-print-settings`, `-on`, `-off`), in the page's language. The
 * article layout loads this module once the page is idle (a reader who prints in the first moments gets the print
 * styles without these two).
 */
export function initPrint(doc: Document): void {
  const article = doc.querySelector<HTMLElement>('[data-print-settings]');
  if (!article) return;
  const words = {
    settings: article.dataset['printSettings'] ?? 'Settings:',
    on: article.dataset['printOn'] ?? 'on',
    off: article.dataset['printOff'] ?? 'off',
  };
  let opened: HTMLDetailsElement[] = [];
  const before = () => {
    opened = [...doc.querySelectorAll<HTMLDetailsElement>('details:not([open])')].filter((d) => d.querySelector('figure'));
    for (const d of opened) d.open = true;
    for (const figure of doc.querySelectorAll<HTMLElement>('main figure.fig')) {
      const line = settingsLine(figureSettings(figure, words), words);
      let p = figure.querySelector<HTMLElement>(':scope > .fig-print-settings');
      if (!line) {
        p?.remove();
        continue;
      }
      if (!p) {
        p = doc.createElement('p');
        p.className = 'fig-print-settings';
        const caption = figure.querySelector(':scope > figcaption');
        if (caption) caption.before(p);
        else figure.append(p);
      }
      p.textContent = line;
    }
  };
  const after = () => {
    for (const d of opened) d.open = false;
    opened = [];
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  article.dataset['printReady'] = ''; // for tests: the handlers are in place
}

/** A control's name: its label's text, or its `aria-label`. */
function nameOf(el: HTMLInputElement | HTMLSelectElement): string {
  return el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? '';
}

/**
 * The settings a figure's controls show, one per control: a slider with its value read-out or its exact-value text
 * field is one setting (named after the slider), a select shows its chosen option, a checkbox on or off, a radio
 * group its checked button. Buttons (presets, Run, Copy link) and the figure's data view are not settings.
 */
export function figureSettings(figure: HTMLElement, words: { on: string; off: string }): Setting[] {
  const settings: Setting[] = [];
  const done = new Set<Element>();
  const controls = figure.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select');
  for (const el of controls) {
    if (el.closest('.fig-tools') || el.type === 'hidden' || el.getClientRects().length === 0) continue;
    const box = el.parentElement;
    if (!box || done.has(box)) continue;
    if (el instanceof HTMLSelectElement) {
      settings.push({ name: nameOf(el), value: el.selectedOptions[0]?.textContent ?? el.value });
    } else if (el.type === 'checkbox') {
      settings.push({ name: nameOf(el), value: el.checked ? words.on : words.off });
    } else if (el.type === 'radio') {
      if (el.checked) settings.push({ name: nameOf(el), value: '' });
      continue; // one setting per checked button, whatever their boxes
    } else {
      // a slider and what shows its value: an exact-value field or an <output> in the same box
      const field = box.querySelector<HTMLInputElement>('input[type=text], input[type=number]');
      const output = box.querySelector('output');
      const value = field?.value ?? output?.textContent ?? el.getAttribute('aria-valuetext') ?? el.value;
      settings.push({ name: nameOf(el), value });
    }
    done.add(box);
  }
  return settings;
}
