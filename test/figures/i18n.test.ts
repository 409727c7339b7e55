import { describe, expect, it } from 'vitest';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { FIGURE_STRINGS } from '../../src/i18n/index';
import { LANGS } from '../../src/i18n/ui';
import { parseRich, plainRich } from '../../src/i18n/rich';
import { localised } from '../../src/i18n/core';
import { CELL, GROWTH, UPDOWN } from '../../src/i18n/lstm';
import { GRADIENT_TABLES } from '../../src/i18n/gradient-tables';
import { ACTIVATION_KINKS } from '../../src/i18n/activation-table';
import { ACTIVATION_KEYS } from '../../src/lib/nn/activations';
import ActivationExplorer from '../../src/components/figures/ActivationExplorer';
import SigmoidTanhMorph from '../../src/components/figures/SigmoidTanhMorph';
import SigmoidDerivativeErrata from '../../src/components/figures/SigmoidDerivativeErrata';
import SecondDerivatives from '../../src/components/figures/SecondDerivatives';
import CellExplorer from '../../src/components/lstm/CellExplorer';
import UpDownFigure from '../../src/components/lstm/UpDownFigure';
import GrowthFigure from '../../src/components/lstm/GrowthFigure';
import GradientFlow from '../../src/components/gradients/GradientFlow';
import { initialFlow } from '../../src/numbers/vanishing-gradients';
import { PRESETS, presetLabel } from '../../src/figures/gradients/state';

type Leaf = { path: string; value: unknown };

/** Every leaf of a nested table with its dotted path. */
function leaves(v: unknown, path = ''): Leaf[] {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    return Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
  }
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, `${path}[${i}]`));
  return [{ path, value: v }];
}

const placeholders = (n: number) => Array.from({ length: n }, (_, i) => `⟨${i}⟩`);

/** The text a leaf shows: the string itself, or the template filled with placeholders. */
const sample = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'function' ? (v as (...a: string[]) => string)(...placeholders(v.length)) : undefined;

const HAN = /\p{Script=Han}/u;

/**
 * Chinese entries allowed to equal the English: symbols, formulas and names that are the same in a Chinese textbook
 * (function names such as tanh, ReLU, GELU; the cell names LSTM and GRU).
 */
const SAME_IN_CHINESE = new Set([
  'EXPLORER.showFirst',
  'EXPLORER.showSecond',
  'GRADIENTS.preset.bptt.sigmoid',
  'GRADIENTS.preset.cec.r0',
  'GRADIENTS.cellNames.lstm',
  'GRADIENTS.cellNames.gru',
  'GRADIENTS.gamma',
  // n = 10, a dash for no value, the loss MSE, a note that is a setting and a rate side by side
  'EXPERIMENT_WORDS.n',
  'EXPERIMENT_WORDS.none',
  'EXPERIMENT_WORDS.metric.mse',
  'EXPERIMENT_WORDS.panelNote',
]);

describe('the figure string tables', () => {
  for (const [name, table] of Object.entries(FIGURE_STRINGS)) {
    it(`${name} gives every language the same keys, with no empty text`, () => {
      const en = new Map(leaves(table.en).map((l) => [l.path, l.value]));
      for (const lang of LANGS) {
        const other = leaves((table as Record<string, unknown>)[lang]);
        expect(other.map((l) => l.path).sort()).toEqual([...en.keys()].sort());
        for (const l of other) {
          const ref = { value: en.get(l.path) };
          expect(typeof l.value, `${name}.${l.path} (${lang})`).toBe(typeof ref.value);
          if (typeof l.value === 'function') {
            expect((l.value as (...a: never[]) => unknown).length, `${name}.${l.path} (${lang}) arity`).toBe(
              (ref.value as (...a: never[]) => unknown).length,
            );
          }
          const text = sample(l.value);
          if (l.value !== undefined) expect(text?.trim().length ?? 0, `${name}.${l.path} (${lang})`).toBeGreaterThan(0);
        }
      }
    });

    it(`${name}: every template uses each of its arguments, in every language`, () => {
      for (const lang of LANGS) {
        for (const l of leaves((table as Record<string, unknown>)[lang])) {
          if (typeof l.value !== 'function') continue;
          const text = sample(l.value)!;
          for (const p of placeholders(l.value.length)) expect(text, `${name}.${l.path} (${lang})`).toContain(p);
        }
      }
    });

    it(`${name}: the Chinese text is Chinese, except symbols and names a Chinese textbook keeps`, () => {
      const en = new Map(leaves(table.en).map((l) => [l.path, l.value]));
      for (const l of leaves(table.zh)) {
        const text = sample(l.value);
        if (text === undefined) continue;
        const path = `${name}.${l.path}`;
        if (SAME_IN_CHINESE.has(path) || name === 'ACTIVATION_NAMES') continue;
        expect(text === sample(en.get(l.path)) && !HAN.test(text), `${path} is not translated`).toBe(false);
      }
    });
  }

  it('says how to load a language whose words a figure reads before they are registered', () => {
    const table = localised<{ readonly word: string }>('NOT_REGISTERED');
    expect(() => table.en).toThrow(/en table NOT_REGISTERED not loaded; .*src\/i18n\/en\.ts/);
    expect(() => table.zh).toThrow(/zh table NOT_REGISTERED not loaded; .*src\/i18n\/zh\.ts/);
    expect(localised('INLINE', { en: { word: 'inline' } }).en.word).toBe('inline');
  });

  it('has a kink note in Chinese exactly where the registry has one', () => {
    for (const k of ACTIVATION_KEYS) expect(ACTIVATION_KINKS.zh[k] === undefined, k).toBe(ACTIVATION_KINKS.en[k] === undefined);
  });

  it('has Chinese button texts for every preset of the gradient figures', () => {
    for (const figure of ['bptt', 'cec'] as const) {
      for (const p of PRESETS[figure]) {
        expect(presetLabel(figure, p.id)).toBe(p.label);
        expect(presetLabel(figure, p.id, 'zh').length).toBeGreaterThan(0);
      }
    }
    expect(() => presetLabel('bptt', 'nope', 'zh')).toThrow(/No preset "nope"/);
  });
});

describe('caption markup', () => {
  it('sets variables, subscripts, superscripts and emphasis', () => {
    expect(parseRich('the input {x_t} and {i}, W{_hh}, f{^n}, *trained*.')).toEqual([
      { kind: 'text', text: 'the input ' },
      { kind: 'var', name: 'x', sub: 't' },
      { kind: 'text', text: ' and ' },
      { kind: 'var', name: 'i', sub: undefined },
      { kind: 'text', text: ', W' },
      { kind: 'sub', text: 'hh' },
      { kind: 'text', text: ', f' },
      { kind: 'sup', text: 'n' },
      { kind: 'text', text: ', ' },
      { kind: 'em', text: 'trained' },
      { kind: 'text', text: '.' },
    ]);
    expect(plainRich('{h_t−1} = W{_hh}')).toBe('h_t−1 = W_hh');
  });

  it('rejects unbalanced markup with a message that says how to write it', () => {
    expect(() => parseRich('the input {x_t')).toThrow(/Unbalanced rich-text markup.*\{v_sub\}/);
  });

  it('parses every caption of every language', () => {
    for (const lang of LANGS) {
      const args = placeholders(8);
      const captions = [
        CELL[lang].caption,
        UPDOWN[lang].caption(...(args.slice(0, 4) as [string, string, string, string])),
        GROWTH[lang].caption(...(args as [string, string, string, string, string, string, string, string])),
        GRADIENT_TABLES[lang].cecCaption,
        GRADIENT_TABLES[lang].clipCaption('1', '2', '3'),
        GRADIENT_TABLES[lang].gammaCaption('20'),
        GRADIENT_TABLES[lang].boundCaption('199'),
        GRADIENT_TABLES[lang].boundColumn('199'),
      ];
      for (const c of captions) expect(() => parseRich(c)).not.toThrow();
    }
  });
});

/** Words of four or more Latin letters that may appear on a Chinese figure: names of functions, cells, tools. */
const LATIN_OK = new Set(
  'tanh sigmoid Sigmoid Hard hard LeCun Softsign Softplus SiLU swish GELU ReLU Leaky LSTM Adam float64 PyTorch clipGradNorm clip_grad_norm_ W_hh'
    .split(' ')
    .map((w) => w.toLowerCase()),
);

/** Latin words in the visible text and the accessible names of server-rendered markup. */
function latinWords(html: string): string[] {
  const attrs = [...html.matchAll(/(?:aria-label|aria-valuetext|title)="([^"]*)"/g)].map((m) => m[1]);
  const text = html.replace(/<[^>]+>/g, ' ');
  return [...`${text} ${attrs.join(' ')}`.matchAll(/[A-Za-z][A-Za-z_0-9]{3,}/g)]
    .map((m) => m[0])
    .filter((w) => !LATIN_OK.has(w.toLowerCase()));
}

describe('figures rendered in Chinese', () => {
  /** Server-rendered markup of each figure in Chinese. */
  const islands: Record<string, () => string> = {
    ActivationExplorer: () => renderToString(h(ActivationExplorer, { lang: 'zh' })),
    SigmoidTanhMorph: () => renderToString(h(SigmoidTanhMorph, { lang: 'zh' })),
    SigmoidDerivativeErrata: () => renderToString(h(SigmoidDerivativeErrata, { lang: 'zh' })),
    SecondDerivatives: () => renderToString(h(SecondDerivatives, { lang: 'zh' })),
    CellExplorer: () => renderToString(h(CellExplorer, { lang: 'zh' })),
    UpDownFigure: () => renderToString(h(UpDownFigure, { lang: 'zh' })),
    GrowthFigure: () => renderToString(h(GrowthFigure, { lang: 'zh' })),
    'GradientFlow (bptt)': () => renderToString(h(GradientFlow, { figure: 'bptt', initial: initialFlow('bptt'), lang: 'zh' })),
    'GradientFlow (cec)': () => renderToString(h(GradientFlow, { figure: 'cec', initial: initialFlow('cec'), lang: 'zh' })),
  };
  for (const [name, make] of Object.entries(islands)) {
    it(`${name} shows no English words, only names that Chinese textbooks keep`, () => {
      const html = make();
      expect(html).toMatch(HAN);
      expect(latinWords(html)).toEqual([]);
      expect(html).not.toMatch(/NaN|Infinity/);
    });
  }

  it('leaves the English figures as they were (the default language is English)', () => {
    const html = renderToString(h(CellExplorer, { lang: 'en' }));
    expect(html).toContain('The LSTM cell, one step.');
    expect(html).toContain('Presets');
    expect(html).not.toMatch(HAN);
  });
});
