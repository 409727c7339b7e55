/**
 * Native, labelled form controls for figures: range sliders with an `<output>` and `aria-valuetext`, selects and
 * checkboxes. Keyboard operable as the platform makes them; styled (focus ring, light/dark) in figures.css.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { committedNumber } from '../../figures/number-field';

export interface SliderProps {
  readonly id: string;
  readonly label: ComponentChildren;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly value: number;
  /** Visible value next to the slider (in an `<output>`). */
  readonly display: string;
  /**
   * The widest text `display` takes over the slider's range (for example its value at one end). The output keeps
   * that width whatever it shows, so that moving the slider never re-wraps the row of controls and moves the page.
   */
  readonly widest?: string | undefined;
  /** What a screen reader announces, e.g. "z from −6 to 6". Defaults to `display`. */
  readonly valueText?: string | undefined;
  readonly onValue: (v: number) => void;
}

export function Slider(p: SliderProps) {
  return (
    <div class="ctl ctl-range">
      <label for={p.id}>{p.label}</label>
      <input
        type="range"
        id={p.id}
        min={p.min}
        max={p.max}
        step={p.step}
        value={p.value}
        aria-valuetext={p.valueText ?? p.display}
        onInput={(e) => p.onValue(Number((e.currentTarget as HTMLInputElement).value))}
      />
      <output for={p.id} aria-live="off" data-widest={p.widest}>
        <span>{p.display}</span>
      </output>
    </div>
  );
}

export interface SelectProps<T extends string> {
  readonly id: string;
  readonly label: ComponentChildren;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onValue: (v: T) => void;
}

export function Select<T extends string>(p: SelectProps<T>) {
  return (
    <div class="ctl ctl-select">
      <label for={p.id}>{p.label}</label>
      <select id={p.id} value={p.value} onChange={(e) => p.onValue((e.currentTarget as HTMLSelectElement).value as T)}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface ToggleProps {
  readonly id: string;
  readonly label: ComponentChildren;
  readonly checked: boolean;
  readonly onValue: (v: boolean) => void;
}

export function Toggle(p: ToggleProps) {
  return (
    <div class="ctl ctl-check">
      <input
        type="checkbox"
        id={p.id}
        checked={p.checked}
        onChange={(e) => p.onValue((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={p.id}>{p.label}</label>
    </div>
  );
}

export interface NumberFieldProps {
  readonly id: string;
  readonly label: ComponentChildren;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** 1 for whole numbers (typed fractions are rounded), `'any'` for any number in range. */
  readonly step: 1 | 'any';
  readonly onValue: (v: number) => void;
}

/**
 * A number field (`<input type="number">`). What the reader types is kept as typed until they leave the field (or
 * press Enter): a figure re-rendering meanwhile does not overwrite it. Then it is rounded and clamped
 * ({@link committedNumber}); an empty field (cleared, or a number beyond float64 such as "1e400", which the browser
 * reports as empty) gets back the value it had, as does Escape.
 */
export function NumberField(p: NumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (input: HTMLInputElement) => {
    const v = committedNumber(input.value, { min: p.min, max: p.max, integer: p.step !== 'any' }) ?? p.value;
    setDraft(null);
    input.value = String(v);
    if (v !== p.value) p.onValue(v);
  };
  return (
    <div class="ctl ctl-number">
      <label for={p.id}>{p.label}</label>
      <input
        type="number"
        id={p.id}
        min={p.min}
        max={p.max}
        step={p.step}
        value={draft ?? p.value}
        onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        onChange={(e) => commit(e.currentTarget as HTMLInputElement)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || draft === null) return;
          setDraft(null);
          (e.currentTarget as HTMLInputElement).value = String(p.value);
        }}
      />
    </div>
  );
}

/** A row of controls. */
export function Controls({ children, label }: { children: ComponentChildren; label: string }) {
  return (
    <div class="fig-controls" role="group" aria-label={label}>
      {children}
    </div>
  );
}
