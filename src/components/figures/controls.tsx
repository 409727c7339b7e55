/**
 * Native, labelled form controls for figures: range sliders with an `<output>` and `aria-valuetext`, selects and
 * checkboxes. Keyboard operable as the platform makes them; styled (focus ring, light/dark) in figures.css.
 */
import type { ComponentChildren } from 'preact';

export interface SliderProps {
  readonly id: string;
  readonly label: ComponentChildren;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly value: number;
  /** Visible value next to the slider (in an `<output>`). */
  readonly display: string;
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
      <output for={p.id} aria-live="off">
        {p.display}
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

/** A row of controls. */
export function Controls({ children, label }: { children: ComponentChildren; label: string }) {
  return (
    <div class="fig-controls" role="group" aria-label={label}>
      {children}
    </div>
  );
}
