/**
 * Text of the figure kit shared by every figure: the figure shell (src/components/figures/Figure.tsx), the function
 * plot, the copy-link status and the sentences of a plot's text alternative (src/figures/function-plot.ts).
 */
import { localised, type Localised } from './core.ts';

export interface KitStrings {
  /** Heading of the notice shown when a link's figure settings were partly invalid. */
  readonly linkProblems: string;
  /** Summary of the collapsible data view. */
  readonly data: string;
  /** Accessible name of the data table's scroll region. */
  readonly plottedValues: (title: string) => string;
  /** Default caption of a function plot's data table. */
  readonly dataCaption: string;
  readonly copyLink: string;
  readonly linkCopied: string;
  readonly linkNotCopied: string;
  /** Group label of a figure's controls. */
  readonly figureControls: string;
  readonly legend: string;
  /** Accessible name of a plot that is a slider. */
  readonly cursorPosition: (label: string) => string;
  /** Hint under an interactive plot; `pan` is `panHint` or ''. */
  readonly plotHint: (pan: string, lo: string, hi: string) => string;
  readonly panHint: string;
  /** Control label of a zoom slider ("z range ±"). */
  readonly zoomLabel: string;
  /** "−6 to 6" next to a zoom slider. */
  readonly rangeDisplay: (lo: string, hi: string) => string;
  // The text alternative of a function plot.
  readonly plottedFor: (domain: string) => string;
  readonly domain: (x: string, lo: string, hi: string) => string;
  readonly constant: (label: string, v: string) => string;
  readonly rises: (label: string, a: string, b: string) => string;
  readonly falls: (label: string, b: string, a: string) => string;
  readonly varies: (label: string, a: string, b: string) => string;
  readonly risesThenFalls: (label: string, a: string, b: string) => string;
  readonly fallsThenRises: (label: string, a: string, b: string) => string;
  readonly peaking: (x: string, v: string) => string;
  readonly lowest: (x: string, v: string) => string;
  /** Appends one extremum ("peaking at …") to a curve's sentence. */
  readonly oneExtremum: (e: string) => string;
  /** Appends both extrema ("peaking at …", "lowest at …"). */
  readonly twoExtrema: (peak: string, low: string) => string;
  readonly gaps: string;
  /** End of a sentence. */
  readonly stop: string;
  readonly shaded: (label: string, where: string) => string;
  /** Joins the shaded intervals. */
  readonly and: string;
  readonly allX: (x: string) => string;
}

export const KIT: Localised<KitStrings> = localised('KIT', {
  en: {
    linkProblems: 'This link’s figure settings were partly invalid; showing the closest valid view.',
    data: 'Data',
    plottedValues: (title) => `Plotted values: ${title}`,
    dataCaption: 'Values of the plotted curves at round values of z (4 significant digits).',
    copyLink: 'Copy link to this figure',
    linkCopied: 'Link copied to the clipboard.',
    linkNotCopied: 'Could not use the clipboard: the link is in the address bar.',
    figureControls: 'Figure controls',
    legend: 'Legend',
    cursorPosition: (label) => `${label}: cursor position`,
    plotHint: (pan, lo, hi) => `Hover or tap the plot, or focus it and use ← →${pan}. Range shown: ${lo} to ${hi}.`,
    panHint: '; + and − zoom, drag pans',
    zoomLabel: 'z range ±',
    rangeDisplay: (lo, hi) => `${lo} to ${hi}`,
    plottedFor: (domain) => `Plotted for ${domain}.`,
    domain: (x, lo, hi) => `${x} from ${lo} to ${hi}`,
    constant: (label, v) => `${label} is constant at ${v}`,
    rises: (label, a, b) => `${label} rises from ${a} to ${b}`,
    falls: (label, b, a) => `${label} falls from ${b} to ${a}`,
    varies: (label, a, b) => `${label} varies between ${a} and ${b}`,
    risesThenFalls: (label, a, b) => `${label} rises, then falls, between ${a} and ${b}`,
    fallsThenRises: (label, a, b) => `${label} falls, then rises, between ${a} and ${b}`,
    peaking: (x, v) => `peaking at ${x} = ${v}`,
    lowest: (x, v) => `lowest at ${x} = ${v}`,
    oneExtremum: (e) => `, ${e}`,
    twoExtrema: (peak, low) => `, ${peak} and ${low}`,
    gaps: ' (with gaps where it is not a finite number)',
    stop: '.',
    shaded: (label, where) => `Shaded: ${label}, ${where}.`,
    and: ' and ',
    allX: (x) => `all ${x}`,
  },
});
