/**
 * The share pages of the live figure's presets (issue 20): `s/<slug>/fig-run/<preset>/`, whose card is the preset's
 * committed run drawn at build time — its training loss and its largest |c| or |h| against the step, on log axes, a
 * divergence crossed — and whose page sends the reader on to the figure in that state.
 */
import { readFileSync } from 'node:fs';
import { t } from '../i18n/ui.ts';
import { formatNumber } from '../figures/format.ts';
import {
  buildLossPlot,
  lossDomain,
  type LossPlotModel,
  type LossSeries,
  type RefLine,
} from '../components/experiments/curves.ts';
import { STATE_DOMAIN, replaySeries, xExtent, type ReplayRun } from '../components/experiments/replay.ts';
import { presetRuns, replayOf } from '../components/experiments/replays.ts';
import { hrefOf, liveState } from '../components/experiments/state.ts';
import type { ResultsFile } from '../experiments/results.ts';
import { PROTOCOL, variantLabel, type RunSpec } from '../experiments/spec.ts';
import type { CardPicture, PictureLabel } from './og-image.ts';
import { articlePathOf, cardPathOf, presetSharePath, type BuiltArticle } from './share.ts';
import type { ShareItem } from './share-build.ts';

/** The committed results (the same file the article reads). */
export function readResults(): ResultsFile {
  return JSON.parse(readFileSync(new URL('../../data/experiments/results.json', import.meta.url), 'utf8')) as ResultsFile;
}

/** How a committed run ended, in a sentence: "… no clipping, seed 0: diverged at step 8; the largest |c| or |h| was 6.51 × 10⁵." */
export function presetSummary(spec: RunSpec, run: ReplayRun): string {
  const setting = `${spec.clip > 0 ? `clipping at ${spec.clip}` : 'no clipping'}, seed ${spec.seed}`;
  const what = `${variantLabel(spec)} on the ${TASK_PHRASE[spec.task]}, T = ${spec.T}, ${setting}`;
  const ended =
    run.status === 'solved'
      ? `solved at step ${run.step}`
      : run.status === 'diverged'
        ? `diverged at step ${run.step}`
        : `not solved within ${run.step} steps`;
  const top = run.maxState >= 1e4 ? GROUPED.format(run.maxState) : formatNumber(run.maxState, 3);
  return `${what}: ${ended}; the largest |c|\u00a0or\u00a0|h| was ${top}.`;
}

/** Large numbers in words a card can set: "651,000" (no superscript digits). */
const GROUPED = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** The tasks as a sentence names them. */
const TASK_PHRASE: Readonly<Record<RunSpec['task'], string>> = {
  adding: 'adding problem',
  updown: 'up-and-down task',
  copy: 'copy task',
};

const INK = { curve: '#0072b2', cross: '#d55e00', dot: '#009e73', grid: '#e6e4dd', axis: '#6b6b72', ref: '#8a8a94' } as const;

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A tick label right-aligned at (x, y): "10⁻³" as "10" and a raised "−3" (the fonts have no superscript digits). */
function decade(label: string, x: number, y: number): PictureLabel[] {
  const m = /^10(⁻?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(label);
  if (!m) return [{ x, y, text: label, anchor: 'end', size: 18 }];
  const exponent = (m[1] ? '−' : '') + [...m[2]!].map((c) => String(SUPERSCRIPT.indexOf(c))).join('');
  const width = 8.5 * exponent.length;
  return [
    { x: x - width, y, text: '10', anchor: 'end', size: 18 },
    { x: x - width + 1, y: y - 8, text: exponent, anchor: 'start', size: 13 },
  ];
}

/** One panel of the card's plot as SVG (no text) and its labels, `dy` pixels down the picture. */
function panel(model: LossPlotModel, dy: number, name: string): { svg: string; labels: PictureLabel[] } {
  const { frame } = model;
  const lines = [
    ...model.xTicks.map((tk) => `M${tk.px} ${frame.y0}V${frame.y1}`),
    ...model.yTicks.map((tk) => `M${frame.x0} ${tk.py}H${frame.x1}`),
  ].join('');
  const refs = model.refs.map((r) => `M${frame.x0} ${r.y}H${frame.x1}`).join('');
  const curves = model.paths.map(
    (p) => `<path d="${p.d}" stroke="${INK.curve}" stroke-width="3.5" fill="none" stroke-linejoin="round"/>`,
  );
  const ends = model.ends.map((e) =>
    e.kind === 'diverged'
      ? `<path d="M${e.x - 9} ${e.y - 9}L${e.x + 9} ${e.y + 9}M${e.x - 9} ${e.y + 9}L${e.x + 9} ${e.y - 9}" stroke="${INK.cross}" stroke-width="4"/>`
      : `<circle cx="${e.x}" cy="${e.y}" r="7" fill="${INK.dot}"/>`,
  );
  const svg =
    `<g transform="translate(0 ${dy})">` +
    `<path d="${lines}" stroke="${INK.grid}" stroke-width="1.5" fill="none"/>` +
    `<path d="${refs}" stroke="${INK.ref}" stroke-width="2" stroke-dasharray="6 5" fill="none"/>` +
    `<path d="M${frame.x0} ${frame.y0}V${frame.y1}H${frame.x1}" stroke="${INK.axis}" stroke-width="2" fill="none"/>` +
    curves.join('') +
    ends.join('') +
    `</g>`;
  const labels: PictureLabel[] = [
    ...model.yTicks.flatMap((tk) => decade(tk.label, frame.x0 - 8, dy + tk.py + 7)),
    ...model.xTicks.map((tk) => ({ x: tk.px, y: dy + frame.y1 + 24, text: tk.label, anchor: 'middle' as const, size: 18 })),
    ...model.refs.map((r) => ({ x: frame.x1 - 6, y: dy + r.y - 6, text: r.label, anchor: 'end' as const, size: 17 })),
    { x: frame.x0 + 10, y: dy + frame.y0 + 24, text: name, size: 20, color: '#1d1d1f', bold: true },
  ];
  return { svg, labels };
}

/** The card's picture of a committed run: training loss above, the largest |c| or |h| below, against the step. */
export function presetPicture(run: ReplayRun, steps: number, task: RunSpec['task']): CardPicture {
  const width = 600;
  const top = 250;
  const bottom = 186;
  const xMax = xExtent(steps, run);
  const { loss, state } = replaySeries(run, 'c1');
  const solid = (s: LossSeries): LossSeries => ({ ...s, dash: 'solid' });
  const lossRefs: RefLine[] = [{ id: 'baseline', value: run.baseline, label: 'baseline' }];
  const lossModel = buildLossPlot([solid(loss)], lossRefs, {
    steps: xMax,
    yDomain: task === 'copy' ? lossDomain(run.baseline / 100, run.baseline) : lossDomain(run.threshold, run.baseline),
    width,
    height: top,
    margin: { top: 10, right: 12, bottom: 34, left: 74 },
  });
  const stateModel = buildLossPlot(
    state ? [solid(state)] : [],
    [{ id: 'bound', value: PROTOCOL.bounds.state, label: 'divergence bound' }],
    { steps: xMax, yDomain: STATE_DOMAIN, width, height: bottom, margin: { top: 10, right: 12, bottom: 34, left: 74 } },
  );
  const a = panel(lossModel, 0, 'training loss');
  const b = panel(stateModel, top, state ? 'largest |c| or |h|' : 'largest |c| or |h|: not in these results');
  const height = top + bottom + 24;
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${a.svg}${b.svg}</svg>`,
    width,
    height,
    labels: [...a.labels, ...b.labels, { x: width / 2 + 37, y: height - 2, text: 'training step', anchor: 'middle', size: 18 }],
  };
}

/** The share items of the live figure's presets, on the article that has the figure. */
export function presetShareItems(slug: string, article: BuiltArticle, results: ResultsFile = readResults()): ShareItem[] {
  if (!article.figures.includes(liveState.key)) return [];
  const { lang } = article;
  return presetRuns(results).flatMap(({ preset, run }) => {
    if (!run) return [];
    const replay = replayOf(results, run);
    const path = presetSharePath(lang, slug, liveState.key, preset.id);
    const title = `${preset.label} · ${article.title}`;
    const summary = presetSummary(preset.spec, replay);
    return [
      {
        page: {
          lang,
          path,
          title,
          description: summary,
          card: cardPathOf(path),
          cardAlt: `${preset.label}: ${summary}`,
          target: `${articlePathOf(lang, slug)}${hrefOf(preset.spec)}`,
          linkText: t(lang, 'share.figure'),
        },
        card: {
          title: preset.label,
          kicker: article.title,
          footer: summary.slice(summary.indexOf(': ') + 2),
          lang,
          picture: presetPicture(replay, preset.spec.steps, preset.spec.task),
        },
      },
    ];
  });
}
