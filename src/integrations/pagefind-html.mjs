// @ts-check
/**
 * The copy of a built page that the search index reads (the served page is unchanged). Pagefind joins the text of
 * neighbouring elements without a space and reads headings as they are, so as built the index had "The adding
 * problem#", "FunctionRangeBounded…", "0/3 solved2 diverged" and "f(z)f′(z)" (formula labels whose formulas it
 * skips). Here:
 * - the headings' "#" permalinks are removed;
 * - table cells are kept apart (" · " after each cell, a space before each element inside one);
 * - each formula gets a plain-text form, read from its TeX source ({@link texToText}), beside the copies the index
 *   skips (KaTeX's HTML, and the MathML, with or without KaTeX's HTML beside it).
 */

/** Greek letters and symbols by TeX name. */
const SYMBOLS = /** @type {Record<string, string>} */ ({
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  cdot: '·',
  times: '×',
  odot: '⊙',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ne: '≠',
  neq: '≠',
  approx: '≈',
  to: '→',
  rightarrow: '→',
  infty: '∞',
  partial: '∂',
  nabla: '∇',
  pm: '±',
  mp: '∓',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  in: '∈',
  sum: 'Σ',
  prod: 'Π',
  prime: '′',
  lvert: '|',
  rvert: '|',
  lVert: '‖',
  rVert: '‖',
  Vert: '‖',
  mid: '|',
  implies: '⟹',
  Rightarrow: '⇒',
  iff: '⟺',
});

/** A brace group starting at `s[i] === '{'`: its inner text and the index after it (or the single character). */
function group(/** @type {string} */ s, /** @type {number} */ i) {
  if (s[i] !== '{') return { inner: s[i] ?? '', end: i + 1 };
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return { inner: s.slice(i + 1, j), end: j + 1 };
  }
  return { inner: s.slice(i + 1), end: s.length };
}

/** Wraps `t` in parentheses unless it is a single symbol or number. */
const atom = (/** @type {string} */ t) => (/^[\p{L}\p{N}.′]+$/u.test(t) ? t : `(${t})`);

/**
 * A readable plain-text form of a formula's TeX, for the search index: `\sigma(z) = \frac{1}{1+e^{-z}}` →
 * `σ(z) = 1 / (1 + e^(−z))`. Covers the TeX the articles use (Greek letters, operators, fractions, powers,
 * subscripts, roots, text and font commands); anything else loses its backslash and braces.
 */
export function texToText(/** @type {string} */ tex) {
  let out = '';
  for (let i = 0; i < tex.length;) {
    const c = tex[i];
    if (c === '\\') {
      const name = /^\\([A-Za-z]+|.)/.exec(tex.slice(i))?.[1] ?? '';
      i += name.length + 1;
      if (name === 'frac' || name === 'tfrac' || name === 'dfrac') {
        const a = group(tex, skip(tex, i));
        const b = group(tex, skip(tex, a.end));
        out += `${atom(texToText(a.inner))} / ${atom(texToText(b.inner))}`;
        i = b.end;
      } else if (name === 'sqrt') {
        const a = group(tex, skip(tex, i));
        out += `√${atom(texToText(a.inner))}`;
        i = a.end;
      } else if (/^(text|textrm|textit|mathrm|mathit|mathbf|mathcal|mathbb|operatorname|boldsymbol|bm|mbox)$/.test(name)) {
        const a = group(tex, skip(tex, i));
        out += texToText(a.inner);
        i = a.end;
      } else if (name === 'begin' || name === 'end') {
        i = group(tex, skip(tex, i)).end; // the environment's name
      } else if (name === '\\') {
        out += '; '; // a row of cases or of an aligned block
      } else if (/^(left|right|big|Big|bigg|Bigg|bigl|bigr|Bigl|Bigr|displaystyle|textstyle|limits|nolimits)$/.test(name)) {
        // sizing only
      } else if (/^[,;:! ]$/.test(name) || name === 'quad' || name === 'qquad') {
        out += ' ';
      } else if (name === '{' || name === '}' || name === '%' || name === '_' || name === '&' || name === '|') {
        out += name === '|' ? '‖' : name;
      } else {
        out += SYMBOLS[name] ?? name;
      }
    } else if (c === '^' || c === '_') {
      const a = group(tex, skip(tex, i + 1));
      const inner = texToText(a.inner);
      out += c === '^' && /^′+$/.test(inner) ? inner : `${c}${atom(inner)}`;
      i = a.end;
    } else if (c === '{' || c === '}') {
      i++;
    } else if (c === '-') {
      out += '−';
      i++;
    } else if (c === '&') {
      out += ', '; // between the columns of cases: value, condition
      i++;
    } else if (c === "'") {
      out += '′';
      i++;
    } else if (c === '~') {
      out += ' ';
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out
    .replace(/\s*([=+−<>≤≥≈×·→])\s*/g, ' $1 ')
    .replace(/\s+/g, ' ')
    .replace(/([([^_]) − /g, '$1−')
    .replace(/([=<>≤≥≈×·→,;]) − /g, '$1 −') // a minus sign after an operator is unary
    .replace(/^ − /, '−')
    .replace(/ ([,;])/g, '$1')
    .trim();
}

/** The index after white space at `i`. */
function skip(/** @type {string} */ s, /** @type {number} */ i) {
  while (s[i] === ' ') i++;
  return i;
}

const decode = (/** @type {string} */ s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const encode = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page as the search index should read it (see the top of this file). */
export function forIndex(/** @type {string} */ html) {
  return html
    .replace(/<a\b[^>]*\bclass="heading-anchor"[^>]*>[\s\S]*?<\/a>/g, '')
    .replace(
      /<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/g,
      (_, tag, attrs, inner) => `<${tag}${attrs}>${inner.replace(/<(?!\/)/g, ' <')} · </${tag}>`,
    )
    .replace(
      /(?:<span class="katex-mathml">)?<math\b[\s\S]*?<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g,
      (whole, tex) => ` <span data-formula-text>${encode(texToText(decode(tex)))}</span> ${whole}`,
    );
}
