/**
 * The shell of every figure: `<figure class="figure l-body|l-page|l-screen">` with the figure's controls and plot
 * (children), a polite notice for problems with the link it was opened from, the caption, a "Data" view (the text
 * alternative in words and the plotted numbers as a table) and a "Copy link" button.
 */
import type { ComponentChildren } from 'preact';
import type { DataTable } from '../../figures/function-plot';
import { noticeLines } from '../../figures/url-state';
import { KIT } from '../../i18n/kit';
import type { Lang } from '../../i18n/core';
import '../../styles/figures.css';

export type FigureWidth = 'body' | 'page' | 'screen';

export interface FigureProps {
  /** Element id, also the figure's URL key: `fig-act`. */
  readonly id: string;
  readonly width?: FigureWidth | undefined;
  /** Bold first words of the caption. */
  readonly title: string;
  /** Rest of the caption (text, or the MDX children of the island). */
  readonly caption?: ComponentChildren;
  /** What the figure shows, in words, for its current state (the text alternative; also `aria-describedby`). */
  readonly description: string;
  /** The plotted numbers. */
  readonly data: DataTable;
  /** Caption of the data table. */
  readonly dataCaption?: string | undefined;
  /**
   * Where the full data table is printed instead, when it is too long for the article (issue 19: it lives in the
   * appendix, <DataTableView> there): the Data view then keeps the text alternative and links to it.
   */
  readonly dataAt?: { readonly href: string; readonly text: string } | undefined;
  /** Problems with the link the page was opened with: shown as a polite notice (plain text; repeats grouped, capped). */
  readonly problems?: readonly string[] | undefined;
  /** A one-off status line ("Link copied"). */
  readonly status?: string | undefined;
  /** Shows the "Copy link to this figure" button (after hydration; it needs JavaScript). */
  readonly onCopyLink?: (() => void) | undefined;
  readonly hydrated?: boolean | undefined;
  /**
   * Downloads the plotted data as CSV (src/figures/csv.ts): shows a "Download CSV" button. The figure loads its table
   * builder only when the reader asks.
   */
  readonly onCsv?: (() => void) | undefined;
  /** More buttons for the tools row (e.g. "Use my own weights"). */
  readonly tools?: ComponentChildren;
  /** Language of the shell's own words (default English). */
  readonly lang?: Lang | undefined;
  readonly children: ComponentChildren;
}

/** A button of the tools row: kept in place but hidden and inert until the island has hydrated (no layout shift). */
export function Tool(p: { name: string; hydrated?: boolean | undefined; onClick: () => void; children: ComponentChildren }) {
  return (
    <button
      type="button"
      class={`fig-tool fig-${p.name}${p.hydrated ? '' : ' pending'}`}
      aria-hidden={p.hydrated ? undefined : 'true'}
      tabIndex={p.hydrated ? undefined : -1}
      onClick={p.onClick}
    >
      {p.children}
    </button>
  );
}

/** A figure's plotted numbers as a table that scrolls in a focusable, named region (in its Data view, or on the appendix). */
export function DataTableView(p: {
  readonly title: string;
  readonly data: DataTable;
  readonly caption?: string | undefined;
  readonly lang?: Lang | undefined;
  readonly id?: string | undefined;
}) {
  const k = KIT[p.lang ?? 'en'];
  return (
    <div class="table-scroll" id={p.id} tabIndex={0} role="region" aria-label={k.plottedValues(p.title)}>
      <table>
        <caption>{p.caption ?? k.dataCaption}</caption>
        <thead>
          <tr>
            {p.data.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.data.rows.map((r) => (
            <tr key={r[0]}>
              {r.map((v, i) =>
                i === 0 ? (
                  <th scope="row" key={i}>
                    {v}
                  </th>
                ) : (
                  <td key={i}>{v}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Element id of a figure's description (its text alternative). */
export const descriptionId = (id: string): string => `${id}-desc`;

export function Figure(p: FigureProps) {
  const problems = noticeLines(p.problems ?? []);
  const k = KIT[p.lang ?? 'en'];
  return (
    <figure
      class={`figure fig l-${p.width ?? 'body'}`}
      id={p.id}
      data-figure={p.id.replace(/^fig-/, '')}
      aria-labelledby={`${p.id}-title`}
    >
      <div class="fig-notice" role="status">
        {problems.length > 0 && (
          <>
            <strong>{k.linkProblems}</strong>
            <ul>
              {problems.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </>
        )}
        {p.status ? <span class="fig-status">{p.status}</span> : null}
      </div>
      {p.children}
      <figcaption>
        <strong id={`${p.id}-title`} class="fig-title">
          {p.title}
        </strong>{' '}
        {p.caption}
      </figcaption>
      <div class="fig-tools">
        <details class="fig-data">
          <summary>{k.data}</summary>
          <p id={descriptionId(p.id)} class="fig-desc">
            {p.description}
          </p>
          {p.dataAt ? (
            <p class="fig-data-at">
              <a href={p.dataAt.href}>{p.dataAt.text}</a>
            </p>
          ) : (
            <DataTableView title={p.title} data={p.data} caption={p.dataCaption} lang={p.lang} />
          )}
        </details>
        {p.onCsv && (
          <Tool name="csv" hydrated={p.hydrated} onClick={p.onCsv}>
            {k.csv}
          </Tool>
        )}
        {p.tools}
        {p.onCopyLink && (
          <Tool name="copy" hydrated={p.hydrated} onClick={p.onCopyLink}>
            {k.copyLink}
          </Tool>
        )}
      </div>
    </figure>
  );
}
