/**
 * A figure's plotted data as CSV (RFC 4180): one header row whose names carry their units ("lag T − t (steps)",
 * "log10 ‖∂L/∂h_t‖ (log10 of a norm)"), then one row per plotted point. Numbers are written as the shortest text
 * that reads back as the same double (`String`, with −0 kept as `-0`; NaN and ±Infinity as `NaN`, `Infinity`,
 * `-Infinity`), so what a reader downloads is exactly what the figure plotted, bit for bit ({@link parseCsv} reads
 * it back). Figures load this module only when the reader asks for a download.
 *
 * @module
 */

/** A figure's data: header names (with units) and rows of numbers or text. */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (number | string)[])[];
}

/** A number as the shortest text that parses back to the same double (−0 included). */
export function csvNumber(v: number): string {
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

/** A field, quoted when it holds a comma, a quote or a line break (quotes doubled). */
function field(v: number | string): string {
  if (typeof v === 'number') return csvNumber(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The CSV text of a table: CRLF line ends, as RFC 4180 writes them; every row as long as the header. */
export function toCsv(table: CsvTable): string {
  const n = table.columns.length;
  table.rows.forEach((r, k) => {
    if (r.length !== n) throw new RangeError(`toCsv: row ${k} has ${r.length} fields, the header ${n}`);
  });
  return [table.columns, ...table.rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Reads CSV text back into rows of fields (quotes removed); the inverse of {@link toCsv} for its output. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') {
        cur += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cur);
      cur = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[k + 1] === '\n') k++;
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
    } else cur += ch;
  }
  if (cur !== '' || row.length > 0) {
    row.push(cur);
    rows.push(row);
  }
  return rows;
}

/** Offers `text` as a download named `fileName` (a Blob behind a temporary link; nothing is sent anywhere). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers a figure's table as `<figure id>.csv`. */
export function downloadCsv(table: CsvTable, figureId: string): void {
  downloadText(toCsv(table), `${figureId.replace(/^fig-/, '')}.csv`, 'text/csv;charset=utf-8');
}
