/**
 * The text of a PDF printed by Chromium (`page.pdf()`), for tests that ask "is this text in the printout?".
 *
 * Not a general PDF reader: it reads what Chromium's PDF back end (Skia) writes — uncompressed object syntax with
 * Flate-compressed streams, fonts with a `/ToUnicode` CMap (Type0 with two-byte codes; Type3, as Skia writes CJK
 * fonts, with one-byte codes), and text drawn with `Tj`/`TJ` under `/F<n> … Tf`,
 * where Skia names each font resource after the number of the font's object (`/F4` is `4 0 obj`). Every text
 * object (`BT … ET`) becomes one line; the order is that of the content streams, not necessarily reading order.
 */
import { inflateSync } from 'node:zlib';

/** Object number → its dictionary text and (inflated) stream, read from the file as Latin-1 so bytes survive. */
function objects(pdf: Buffer): Map<number, { dict: string; stream?: Buffer }> {
  const text = pdf.toString('latin1');
  const out = new Map<number, { dict: string; stream?: Buffer }>();
  const head = /(\d+) 0 obj\s*/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = body.search(/stream\r?\n/);
    if (s < 0) {
      out.set(Number(m[1]), { dict: body });
    } else {
      const dataStart = start + s + body.slice(s).indexOf('\n') + 1;
      const dataEnd = text.lastIndexOf('endstream', end);
      const raw = pdf.subarray(dataStart, dataEnd);
      let stream: Buffer = raw;
      if (/\/FlateDecode/.test(body.slice(0, s))) {
        try {
          stream = inflateSync(raw);
        } catch {
          stream = Buffer.alloc(0);
        }
      }
      out.set(Number(m[1]), { dict: body.slice(0, s), stream });
    }
    head.lastIndex = end;
  }
  return out;
}

const hexToString = (hex: string) =>
  String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)).filter((c) => c >= 0));

/** A `/ToUnicode` CMap: code (hex, upper case) → text, and how many hex digits a code has (4, or 2 in Type3 fonts). */
interface CMap {
  readonly map: Map<string, string>;
  readonly digits: number;
}

function cmap(source: string): CMap {
  const map = new Map<string, string>();
  const digits = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(source)?.[1]?.length ?? 4;
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(src!.toUpperCase(), hexToString(dst!));
    }
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      // dst is UTF-16BE: one code unit, or a surrogate pair (8 hex digits) for a character beyond U+FFFF such as
      // 𝑓 (U+1D453, <D835DC53>); the range steps its last code unit.
      const width = lo!.length;
      const units = (dst!.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16));
      for (let c = parseInt(lo!, 16), k = 0; c <= parseInt(hi!, 16); c++, k++) {
        const stepped = units.map((u, i) => (i === units.length - 1 ? u + k : u));
        map.set(c.toString(16).toUpperCase().padStart(width, '0'), String.fromCharCode(...stepped));
      }
    }
  }
  return { map, digits };
}

/** The printed text, one line per text object. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fonts = new Map<string, CMap>();
  for (const [n, o] of objs) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(o.dict)?.[1];
    if (/\/Type \/Font/.test(o.dict) && ref) {
      const stream = objs.get(Number(ref))?.stream;
      if (stream) fonts.set(`F${n}`, cmap(stream.toString('latin1')));
    }
  }
  const lines: string[] = [];
  for (const o of objs.values()) {
    const content = o.stream?.toString('latin1') ?? '';
    if (!/\bBT\b/.test(content)) continue;
    // A ligature is drawn as one glyph inside a span that gives its letters: `/Span<</ActualText (fi) >> BDC <0CF3> Tj
    // EMC` (or `<FEFF00660069>`) is "fi". Such a span becomes a literal string of its letters.
    const actual = content.replace(
      /\/Span\s*<<\s*\/ActualText\s*(?:<FEFF([0-9A-Fa-f]*)>|\(((?:\\.|[^\\)])*)\))\s*>>\s*BDC([\s\S]*?)EMC/g,
      (_, hex: string | undefined, literal: string | undefined, inside: string) => {
        const letters = hex !== undefined ? hexToString(hex).replace(/[\\()]/g, '\\$&') : literal;
        // a font set inside the span stays set after it
        const fonts = inside.match(/\/F\d+\s+[\d.]+\s+Tf/g) ?? [];
        return `(${letters}) ${fonts.join(' ')}`;
      },
    );
    for (const block of actual.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      let font: CMap | undefined;
      let line = '';
      // font changes and shown strings, in order: `/F4 17.6 Tf`, `<003A> Tj`, `[<0012> -250 <0034>] TJ`
      for (const t of block[1]!.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\(((?:\\.|[^\\)])*)\)/g)) {
        if (t[1]) font = fonts.get(t[1]);
        else if (t[2] !== undefined) {
          const codes = t[2].toUpperCase().match(new RegExp(`.{${font?.digits ?? 4}}`, 'g')) ?? [];
          for (const code of codes) line += font?.map.get(code) ?? '';
        } else if (t[3] !== undefined) line += t[3].replace(/\\(.)/g, '$1');
      }
      if (line) lines.push(line);
    }
  }
  return lines.join('\n');
}
