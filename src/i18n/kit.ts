/**
 * Text of the figure kit shared by every figure: the figure shell (src/components/figures/Figure.tsx) and the
 * copy-link status. The words of the function plot, which only the function figures draw, are in
 * ./function-figures.ts (`FUNCTION_PLOT`), so that no other figure's page carries them.
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
  /** The button that downloads the plotted data as CSV. */
  readonly csv: string;
  readonly linkCopied: string;
  readonly linkNotCopied: string;
}

export const KIT: Localised<KitStrings> = /* @__PURE__ */ localised('KIT', {
  en: {
    linkProblems: 'This link’s figure settings were partly invalid; showing the closest valid view.',
    data: 'Data',
    plottedValues: (title) => `Plotted values: ${title}`,
    dataCaption: 'Values of the plotted curves at round values of z (4 significant digits).',
    copyLink: 'Copy link to this figure',
    csv: 'Download CSV',
    linkCopied: 'Link copied to the clipboard.',
    linkNotCopied: 'Could not use the clipboard: the link is in the address bar.',
  },
});
