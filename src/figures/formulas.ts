/**
 * The formulas the article typesets for each activation: exactly the registry's LaTeX strings (`latex.f`,
 * `latex.df`), plus the definitions of the named functions they use (σ, Φ from `LATEX_NOTATION`). Components
 * render these strings unchanged, so tests can compare the page's TeX annotations with the registry.
 */
import { ACTIVATION_KEYS, Activations, LATEX_NOTATION, type ActivationKey, type LatexNotation } from '../lib/nn/activations';

export interface FormulaEntry {
  readonly key: ActivationKey;
  readonly label: string;
  /** `latex.f` of the registry, verbatim. */
  readonly f: string;
  /** `latex.df` of the registry, verbatim. */
  readonly df: string;
  /** `latex.d2f` of the registry, verbatim (may be undefined). */
  readonly d2f?: string | undefined;
  /** Named functions used by f or f′ (σ, Φ), with their definitions. */
  readonly notation: readonly LatexNotation[];
  /** The registry's note on kinks, if any. */
  readonly kink?: string | undefined;
}

/** The command a named function starts with in LaTeX: `\sigma(z)` → `\sigma`. */
function command(n: LatexNotation): string {
  return n.symbol.replace(/\(.*$/, '');
}

/** Named functions from {@link LATEX_NOTATION} that occur in `tex` (as `\sigma(`, `\Phi(`). */
export function notationIn(tex: string): LatexNotation[] {
  return LATEX_NOTATION.filter((n) => new RegExp(`${command(n).replace(/\\/g, '\\\\')}(?![A-Za-z])`).test(tex));
}

/** Formula entries for `keys` (default: every registry key, in display order). */
export function activationFormulas(keys: readonly ActivationKey[] = ACTIVATION_KEYS): FormulaEntry[] {
  return keys.map((key) => {
    const a = Activations[key];
    return {
      key,
      label: a.label,
      f: a.latex.f,
      df: a.latex.df,
      d2f: a.latex.d2f,
      // σ's own card defines σ in its first line already.
      notation: notationIn(`${a.latex.f} ${a.latex.df}`).filter((n) => n.definition !== a.latex.f),
      kink: a.kink,
    };
  });
}

/** The left-hand sides formulas are shown with (the name of the function is the card's heading). */
export const LHS = Object.freeze({ f: 'f(z)', df: "f'(z)", d2f: "f''(z)" });
