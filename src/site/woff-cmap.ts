/**
 * Which characters a WOFF (1.0) font has a glyph for, read from its `cmap` table. A Fontsource subset's CSS
 * `unicode-range` is wider than what the file holds (Noto Sans SC's subset 91 names U+2070–U+207B and has only ⁴),
 * so the cards choose their fonts by this, not by the range alone.
 */
import { inflateSync } from 'node:zlib';

/** The SFNT table `tag` of a WOFF file, decompressed. */
function table(woff: Buffer, tag: string): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const count = woff.readUInt16BE(12);
  for (let i = 0; i < count; i++) {
    const at = 44 + 20 * i;
    if (woff.toString('latin1', at, at + 4) !== tag) continue;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return compLength < origLength ? inflateSync(raw) : raw;
  }
  throw new Error(`no ${tag} table`);
}

/** The glyph index of every code point the font maps (index 0, .notdef, left out). */
export function cmapOf(woff: Buffer): Map<number, number> {
  const cmap = table(woff, 'cmap');
  const records = cmap.readUInt16BE(2);
  const subtables: { platform: number; encoding: number; offset: number }[] = [];
  for (let i = 0; i < records; i++) {
    const at = 4 + 8 * i;
    subtables.push({ platform: cmap.readUInt16BE(at), encoding: cmap.readUInt16BE(at + 2), offset: cmap.readUInt32BE(at + 4) });
  }
  const map = new Map<number, number>();
  const set = (cp: number, glyph: number) => {
    if (glyph !== 0) map.set(cp, glyph);
  };
  for (const { offset } of subtables) {
    const format = cmap.readUInt16BE(offset);
    if (format === 12) {
      const groups = cmap.readUInt32BE(offset + 12);
      for (let g = 0; g < groups; g++) {
        const at = offset + 16 + 12 * g;
        const start = cmap.readUInt32BE(at);
        const end = cmap.readUInt32BE(at + 4);
        const glyph = cmap.readUInt32BE(at + 8);
        for (let cp = start; cp <= end; cp++) set(cp, glyph + cp - start);
      }
    } else if (format === 4) {
      const segCount = cmap.readUInt16BE(offset + 6) / 2;
      const ends = offset + 14;
      const starts = ends + 2 * segCount + 2;
      const deltas = starts + 2 * segCount;
      const rangeOffsets = deltas + 2 * segCount;
      for (let s = 0; s < segCount; s++) {
        const end = cmap.readUInt16BE(ends + 2 * s);
        const start = cmap.readUInt16BE(starts + 2 * s);
        const delta = cmap.readInt16BE(deltas + 2 * s);
        const rangeAt = rangeOffsets + 2 * s;
        const range = cmap.readUInt16BE(rangeAt);
        for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
          if (range === 0) set(cp, (cp + delta) & 0xffff);
          else {
            const g = cmap.readUInt16BE(rangeAt + range + 2 * (cp - start));
            set(cp, g === 0 ? 0 : (g + delta) & 0xffff);
          }
        }
      }
    }
  }
  return map;
}
