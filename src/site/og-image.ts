import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { Activations } from '../lib/nn/activations';

/** Open Graph image size recommended by the major link-preview consumers. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

const require = createRequire(import.meta.url);
const font = (weight: 400 | 700) =>
  readFileSync(require.resolve(`@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-${weight}-normal.woff`));

/** The key figure of the site, drawn small: tanh and σ on [−5, 5], as an SVG string. */
export function curvesSvg(width: number, height: number): string {
  const pad = 8;
  const x = (z: number) => pad + ((z + 5) / 10) * (width - 2 * pad);
  const y = (v: number) => pad + ((1.1 - v) / 2.2) * (height - 2 * pad);
  const path = (f: (z: number) => number) => {
    let d = '';
    for (let k = 0; k <= 120; k++) {
      const z = -5 + (10 * k) / 120;
      d += `${k === 0 ? 'M' : 'L'}${x(z).toFixed(1)},${y(f(z)).toFixed(1)}`;
    }
    return d;
  };
  const axis = `M${pad},${y(0)}H${width - pad}M${x(0)},${pad}V${height - pad}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<path d="${axis}" stroke="#8a8a94" stroke-width="2" fill="none"/>` +
    `<path d="${path(Activations.sigmoid.f)}" stroke="#d55e00" stroke-width="7" fill="none" stroke-linecap="round"/>` +
    `<path d="${path(Activations.tanh.f)}" stroke="#0072b2" stroke-width="7" fill="none" stroke-linecap="round"/>` +
    `</svg>`
  );
}

type Node = { type: string; props: Record<string, unknown> & { children?: unknown } };
const h = (type: string, style: Record<string, unknown>, children?: unknown, extra: Record<string, unknown> = {}): Node => ({
  type,
  props: { style, children, ...extra },
});

/** Renders the link-preview image of a page (title, a line of text, the tanh/σ figure) to PNG bytes. */
export async function renderOgImage(page: { title: string; kicker?: string }): Promise<Uint8Array> {
  const curves = `data:image/svg+xml;base64,${Buffer.from(curvesSvg(420, 300)).toString('base64')}`;
  const tree = h(
    'div',
    {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      display: 'flex',
      flexDirection: 'row',
      alignItems: 'center',
      background: '#fdfdfb',
      padding: '64px',
      fontFamily: 'IBM Plex Sans',
      borderTop: '18px solid #0072b2',
    },
    [
      h('div', { display: 'flex', flexDirection: 'column', width: 620, marginRight: 36 }, [
        h('div', { fontSize: 34, color: '#0072b2', fontWeight: 700, marginBottom: 24 }, page.kicker ?? 'Why tanh?'),
        h('div', { fontSize: page.title.length > 50 ? 58 : 68, fontWeight: 700, color: '#1d1d1f', lineHeight: 1.1 }, page.title),
        h('div', { fontSize: 28, color: '#55555c', marginTop: 28 }, 'Formulas checked by code · live simulations'),
      ]),
      h('img', { width: 420, height: 300, flexShrink: 0 }, undefined, { src: curves, width: 420, height: 300 }),
    ],
  );
  const svg = await satori(tree as never, {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: [
      { name: 'IBM Plex Sans', data: font(400), weight: 400, style: 'normal' },
      { name: 'IBM Plex Sans', data: font(700), weight: 700, style: 'normal' },
    ],
  });
  return new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH } }).render().asPng();
}
