/**
 * The site's bibliography: one typed table of every work an article cites, keyed by a stable citation key
 * (`surnameYEAR`, lower case, e.g. `hochreiter1997`). Articles cite with `<Cite k="hochreiter1997" />` and list the
 * works they cited with `<Bibliography />` (src/components/Cite.astro, src/components/Bibliography.astro).
 *
 * Rules: never rename or remove a key (links and other articles depend on it); add a new key instead. Every entry
 * has a DOI or, when the work has none, a stable URL (proceedings page, arXiv abstract).
 *
 * Pure data and string helpers: no Astro, no DOM, so unit tests and other modules can import it.
 */

/** The kind of work, which decides how the container is written. */
export type ReferenceKind = 'article' | 'inproceedings' | 'incollection' | 'preprint' | 'web';

/** One bibliography entry. Author names are written as they appear on the work ("Sepp Hochreiter"). */
export interface Reference {
  readonly kind: ReferenceKind;
  /** Authors in the order of the work. */
  readonly authors: readonly string[];
  /** Title of the work, sentence or title case as published. */
  readonly title: string;
  /** Year of publication. */
  readonly year: number;
  /** Journal, proceedings, book or site the work appeared in. */
  readonly container: string;
  /** Editors of the containing book (incollection). */
  readonly editors?: readonly string[];
  /** Publisher or series (book chapters), e.g. "Springer, LNCS 1524". */
  readonly publisher?: string;
  readonly volume?: string;
  readonly issue?: string;
  /** Page range with an en dash, e.g. "1735–1780". */
  readonly pages?: string;
  /** DOI without the resolver, e.g. "10.1162/neco.1997.9.8.1735". */
  readonly doi?: string;
  /** Canonical URL when there is no DOI (or in addition to it, e.g. an open-access copy). */
  readonly url?: string;
  /** arXiv identifier of a preprint version, e.g. "1211.5063". */
  readonly arxiv?: string;
  /** A short note shown after the entry. */
  readonly note?: string;
}

const table = {
  hochreiter1997: {
    kind: 'article',
    authors: ['Sepp Hochreiter', 'Jürgen Schmidhuber'],
    title: 'Long Short-Term Memory',
    year: 1997,
    container: 'Neural Computation',
    volume: '9',
    issue: '8',
    pages: '1735–1780',
    doi: '10.1162/neco.1997.9.8.1735',
  },
  gers2000: {
    kind: 'article',
    authors: ['Felix A. Gers', 'Jürgen Schmidhuber', 'Fred Cummins'],
    title: 'Learning to Forget: Continual Prediction with LSTM',
    year: 2000,
    container: 'Neural Computation',
    volume: '12',
    issue: '10',
    pages: '2451–2471',
    doi: '10.1162/089976600300015015',
  },
  cho2014: {
    kind: 'inproceedings',
    authors: [
      'Kyunghyun Cho',
      'Bart van Merriënboer',
      'Caglar Gulcehre',
      'Dzmitry Bahdanau',
      'Fethi Bougares',
      'Holger Schwenk',
      'Yoshua Bengio',
    ],
    title: 'Learning Phrase Representations using RNN Encoder–Decoder for Statistical Machine Translation',
    year: 2014,
    container: 'Proceedings of the 2014 Conference on Empirical Methods in Natural Language Processing (EMNLP)',
    pages: '1724–1734',
    doi: '10.3115/v1/D14-1179',
    arxiv: '1406.1078',
  },
  pascanu2013: {
    kind: 'inproceedings',
    authors: ['Razvan Pascanu', 'Tomas Mikolov', 'Yoshua Bengio'],
    title: 'On the difficulty of training recurrent neural networks',
    year: 2013,
    container: 'Proceedings of the 30th International Conference on Machine Learning (ICML), PMLR',
    volume: '28',
    issue: '3',
    pages: '1310–1318',
    url: 'https://proceedings.mlr.press/v28/pascanu13.html',
    arxiv: '1211.5063',
  },
  greff2017: {
    kind: 'article',
    authors: ['Klaus Greff', 'Rupesh K. Srivastava', 'Jan Koutník', 'Bas R. Steunebrink', 'Jürgen Schmidhuber'],
    title: 'LSTM: A Search Space Odyssey',
    year: 2017,
    container: 'IEEE Transactions on Neural Networks and Learning Systems',
    volume: '28',
    issue: '10',
    pages: '2222–2232',
    doi: '10.1109/TNNLS.2016.2582924',
    arxiv: '1503.04069',
  },
  jozefowicz2015: {
    kind: 'inproceedings',
    authors: ['Rafal Jozefowicz', 'Wojciech Zaremba', 'Ilya Sutskever'],
    title: 'An Empirical Exploration of Recurrent Network Architectures',
    year: 2015,
    container: 'Proceedings of the 32nd International Conference on Machine Learning (ICML), PMLR',
    volume: '37',
    pages: '2342–2350',
    url: 'https://proceedings.mlr.press/v37/jozefowicz15.html',
  },
  lecun1998: {
    kind: 'incollection',
    authors: ['Yann LeCun', 'Léon Bottou', 'Genevieve B. Orr', 'Klaus-Robert Müller'],
    title: 'Efficient BackProp',
    year: 1998,
    container: 'Neural Networks: Tricks of the Trade',
    editors: ['Genevieve B. Orr', 'Klaus-Robert Müller'],
    publisher: 'Springer, Lecture Notes in Computer Science 1524',
    pages: '9–50',
    doi: '10.1007/3-540-49430-8_2',
  },
  glorot2010: {
    kind: 'inproceedings',
    authors: ['Xavier Glorot', 'Yoshua Bengio'],
    title: 'Understanding the difficulty of training deep feedforward neural networks',
    year: 2010,
    container: 'Proceedings of the Thirteenth International Conference on Artificial Intelligence and Statistics (AISTATS), PMLR',
    volume: '9',
    pages: '249–256',
    url: 'https://proceedings.mlr.press/v9/glorot10a.html',
  },
  le2015: {
    kind: 'preprint',
    authors: ['Quoc V. Le', 'Navdeep Jaitly', 'Geoffrey E. Hinton'],
    title: 'A Simple Way to Initialize Recurrent Networks of Rectified Linear Units',
    year: 2015,
    container: 'arXiv',
    url: 'https://arxiv.org/abs/1504.00941',
    arxiv: '1504.00941',
  },
  bengio1994: {
    kind: 'article',
    authors: ['Yoshua Bengio', 'Patrice Simard', 'Paolo Frasconi'],
    title: 'Learning long-term dependencies with gradient descent is difficult',
    year: 1994,
    container: 'IEEE Transactions on Neural Networks',
    volume: '5',
    issue: '2',
    pages: '157–166',
    doi: '10.1109/72.279181',
  },
  clevert2016: {
    kind: 'inproceedings',
    authors: ['Djork-Arné Clevert', 'Thomas Unterthiner', 'Sepp Hochreiter'],
    title: 'Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)',
    year: 2016,
    container: 'International Conference on Learning Representations (ICLR)',
    url: 'https://arxiv.org/abs/1511.07289',
    arxiv: '1511.07289',
  },
  hendrycks2016: {
    kind: 'preprint',
    authors: ['Dan Hendrycks', 'Kevin Gimpel'],
    title: 'Gaussian Error Linear Units (GELUs)',
    year: 2016,
    container: 'arXiv',
    url: 'https://arxiv.org/abs/1606.08415',
    arxiv: '1606.08415',
  },
  elfwing2018: {
    kind: 'article',
    authors: ['Stefan Elfwing', 'Eiji Uchibe', 'Kenji Doya'],
    title: 'Sigmoid-weighted linear units for neural network function approximation in reinforcement learning',
    year: 2018,
    container: 'Neural Networks',
    volume: '107',
    pages: '3–11',
    doi: '10.1016/j.neunet.2017.12.012',
    arxiv: '1702.03118',
  },
  maas2013: {
    kind: 'inproceedings',
    authors: ['Andrew L. Maas', 'Awni Y. Hannun', 'Andrew Y. Ng'],
    title: 'Rectifier Nonlinearities Improve Neural Network Acoustic Models',
    year: 2013,
    container: 'ICML Workshop on Deep Learning for Audio, Speech and Language Processing',
    url: 'https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf',
  },
  nair2010: {
    kind: 'inproceedings',
    authors: ['Vinod Nair', 'Geoffrey E. Hinton'],
    title: 'Rectified Linear Units Improve Restricted Boltzmann Machines',
    year: 2010,
    container: 'Proceedings of the 27th International Conference on Machine Learning (ICML)',
    pages: '807–814',
    url: 'https://www.cs.toronto.edu/~hinton/absps/reluICML.pdf',
  },
  sotanhlstm2016: {
    kind: 'web',
    authors: ['Stack Overflow contributors'],
    title: 'What is the intuition of using tanh in LSTM? (question and accepted answer)',
    year: 2016,
    container: 'Stack Overflow',
    url: 'https://stackoverflow.com/questions/40761185/what-is-the-intuition-of-using-tanh-in-lstm',
    note: 'Widely copied; quoted here only to correct it.',
  },
  hochreiter1991: {
    kind: 'preprint',
    authors: ['Sepp Hochreiter'],
    title: 'Untersuchungen zu dynamischen neuronalen Netzen',
    year: 1991,
    container: 'Diploma thesis, Institut für Informatik, Technische Universität München',
    url: 'https://people.idsia.ch/~juergen/SeppHochreiter1991ThesisAdvisorSchmidhuber.pdf',
    note: 'In German (“Investigations of dynamic neural networks”); advisor Jürgen Schmidhuber. Analyses why error signals vanish or explode in recurrent networks.',
  },
  arjovsky2016: {
    kind: 'inproceedings',
    authors: ['Martin Arjovsky', 'Amar Shah', 'Yoshua Bengio'],
    title: 'Unitary Evolution Recurrent Neural Networks',
    year: 2016,
    container: 'Proceedings of the 33rd International Conference on Machine Learning (ICML), PMLR',
    volume: '48',
    pages: '1120–1128',
    url: 'https://proceedings.mlr.press/v48/arjovsky16.html',
    arxiv: '1511.06464',
  },
  kingma2015: {
    kind: 'inproceedings',
    authors: ['Diederik P. Kingma', 'Jimmy Ba'],
    title: 'Adam: A Method for Stochastic Optimization',
    year: 2015,
    container: 'International Conference on Learning Representations (ICLR)',
    url: 'https://arxiv.org/abs/1412.6980',
    arxiv: '1412.6980',
  },
} as const satisfies Record<string, Reference>;

/** A citation key, e.g. `'hochreiter1997'`. */
export type RefKey = keyof typeof table;

/** Every reference, keyed by citation key. Frozen. */
export const BIBLIOGRAPHY: { readonly [K in RefKey]: Reference } = Object.freeze(table);

/** Every citation key, in table order. */
export const REF_KEYS: readonly RefKey[] = Object.freeze(Object.keys(table) as RefKey[]);

/** Whether `s` is a citation key (own keys only). */
export function isRefKey(s: string): s is RefKey {
  return Object.hasOwn(table, s);
}

/**
 * The entry for `key`.
 *
 * @param where - where the citation was written (file or page), named in the error.
 * @throws Error naming the unknown key, `where`, the closest known keys and the file to add entries to.
 */
export function getReference(key: string, where = 'an article'): Reference {
  if (!isRefKey(key)) {
    const near = REF_KEYS.filter((k) => k.slice(0, 3) === key.slice(0, 3) || k.replace(/\d+$/, '') === key.replace(/\d+$/, ''));
    const hint = near.length > 0 ? ` Did you mean ${near.map((k) => `"${k}"`).join(' or ')}?` : '';
    throw new Error(
      `Unknown citation key "${key}" in ${where}.${hint} Known keys: ${REF_KEYS.join(', ')}. ` +
        'Add new works to src/site/bibliography.ts.',
    );
  }
  return table[key];
}

/**
 * Splits a `k` attribute into keys: `"gers2000, cho2014"` → `['gers2000', 'cho2014']`. Does not validate.
 */
export function splitKeys(k: string): string[] {
  return k
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The element id of an entry in a page's bibliography: `ref-hochreiter1997`. */
export function refId(key: RefKey): string {
  return `ref-${key}`;
}

/** The surname of a name written "Given Family" (particles kept: "van Merriënboer"). */
export function surname(name: string): string {
  const parts = name.trim().split(/\s+/);
  const i = parts.findIndex((p, j) => j > 0 && /^(van|von|de|der|den|da|di|le|la)$/.test(p));
  return i > 0 ? parts.slice(i).join(' ') : (parts.at(-1) ?? name);
}

/** "Hochreiter & Schmidhuber 1997", "LeCun et al. 1998": the short form used in link titles and text. */
export function shortCitation(ref: Reference): string {
  const names = ref.authors.map(surname);
  const who =
    ref.kind === 'web'
      ? ref.container
      : names.length === 1
        ? names[0]
        : names.length === 2
          ? `${names[0]} & ${names[1]}`
          : `${names[0]} et al.`;
  return `${who} ${ref.year}`;
}

/** Joins names as "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The resolvable link of an entry: its DOI, else its URL, else its arXiv abstract page. */
export function referenceLink(ref: Reference): string | undefined {
  if (ref.doi) return `https://doi.org/${ref.doi}`;
  if (ref.url) return ref.url;
  if (ref.arxiv) return `https://arxiv.org/abs/${ref.arxiv}`;
  return undefined;
}

/** The parts of a formatted entry, so a component can put the title in italics and the link in an <a>. */
export interface FormattedReference {
  /** "Sepp Hochreiter and Jürgen Schmidhuber (1997)." */
  readonly lead: string;
  /** The title. */
  readonly title: string;
  /** "Neural Computation 9(8), 1735–1780." */
  readonly rest: string;
  /** The DOI/URL shown and linked, if any. */
  readonly link?: { readonly href: string; readonly text: string } | undefined;
}

/** Formats an entry as its parts (see {@link FormattedReference}). */
export function formatReference(ref: Reference): FormattedReference {
  const lead = `${joinNames(ref.authors)} (${ref.year}).`;
  let where = ref.container;
  if (ref.kind === 'incollection') {
    const eds = ref.editors && ref.editors.length > 0 ? ` (${joinNames(ref.editors)}, eds.)` : '';
    where = `In ${ref.container}${eds}`;
    if (ref.publisher) where += `. ${ref.publisher}`;
  } else if (ref.kind === 'inproceedings') {
    where = `In ${ref.container}`;
  } else if (ref.kind === 'preprint' && ref.arxiv) {
    where = `arXiv preprint arXiv:${ref.arxiv}`;
  }
  if (ref.volume) where += ` ${ref.volume}${ref.issue ? `(${ref.issue})` : ''}`;
  if (ref.pages) where += `${ref.kind === 'article' ? ',' : ', pp.'} ${ref.pages}`;
  where += '.';
  if (ref.kind !== 'preprint' && ref.arxiv && (ref.doi || (ref.url && !ref.url.includes(ref.arxiv)))) {
    where += ` arXiv:${ref.arxiv}.`;
  }
  if (ref.note) where += ` ${ref.note}`;
  const href = referenceLink(ref);
  const link = href ? { href, text: ref.doi ? `doi:${ref.doi}` : href.replace(/^https?:\/\//, '') } : undefined;
  return { lead, title: ref.title, rest: where, link };
}

/** The whole entry as plain text (for tests, feeds and title attributes). */
export function referenceText(ref: Reference): string {
  const f = formatReference(ref);
  return `${f.lead} ${f.title}. ${f.rest}${f.link ? ` ${f.link.text}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbering within a page
// ---------------------------------------------------------------------------------------------------------------

/**
 * The citations of one page, numbered in order of first citation ([1] is the first work cited). `<Cite>` calls
 * {@link CitationRegistry.cite}; `<Bibliography>` lists {@link CitationRegistry.entries}.
 */
export class CitationRegistry {
  readonly #numbers = new Map<RefKey, number>();
  #closed = false;

  /** Number of `key` on this page, assigning the next number on first citation. */
  cite(key: RefKey): number {
    const n = this.#numbers.get(key);
    if (n !== undefined) return n;
    if (this.#closed) {
      throw new Error(`"${key}" is cited after the bibliography was rendered; put <Bibliography /> after every <Cite />.`);
    }
    const next = this.#numbers.size + 1;
    this.#numbers.set(key, next);
    return next;
  }

  /** The cited works in citation order; marks the registry closed (a later new citation throws). */
  entries(): { key: RefKey; n: number; ref: Reference }[] {
    this.#closed = true;
    return [...this.#numbers].map(([key, n]) => ({ key, n, ref: table[key] }));
  }
}

const registries = new WeakMap<object, CitationRegistry>();

/**
 * The registry of the page being rendered. `scope` is any object unique to one page render; the Astro components
 * pass `Astro.locals`, which Astro creates per request and shares between every component of the page.
 */
export function citationRegistry(scope: object): CitationRegistry {
  let r = registries.get(scope);
  if (!r) {
    r = new CitationRegistry();
    registries.set(scope, r);
  }
  return r;
}

/**
 * The article file a page was built from, for error messages: `/articles/why-tanh/` → `content/articles/why-tanh.mdx`
 * (honours `WHY_TANH_CONTENT_DIR`, like src/content.config.ts). Falls back to the page path.
 */
export function sourceFileOfPage(pathname: string, base = '/', contentDir = 'content/articles'): string {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const m = /^\/?articles\/([a-z0-9-]+)\/?$/.exec(rest);
  return m ? `${contentDir.replace(/\/+$/, '')}/${m[1]}.mdx` : `the page ${pathname}`;
}
