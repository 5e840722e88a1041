/**
 * Word lists out of the reader: CSV for a spreadsheet, and a tab-separated file Anki imports as
 * cards (front: the word; back: pinyin, definition, the sentence with its English, the link).
 * https://docs.ankiweb.net/importing/text-files.html (the `#separator`, `#html` and `#columns`
 * header lines are read by Anki 2.1.55 and later; older versions skip them as comments).
 */

export interface ExportRow {
  word: string;
  pinyin: string;
  traditional: string;
  definition: string;
  /** HSK level, 0 for none. */
  hsk: number;
  zh: string;
  en: string;
  url: string;
}

export const CSV_COLUMNS = ['word', 'pinyin', 'traditional', 'definition', 'hsk', 'sentence', 'english', 'link'] as const;

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV with a header row and CRLF line ends, preceded by a BOM so spreadsheets read UTF-8. */
export function toCsv(rows: ExportRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push([r.word, r.pinyin, r.traditional, r.definition, r.hsk ? String(r.hsk) : '', r.zh, r.en, r.url].map(csvField).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A tab or line break would end the field or the note. */
const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, ' ').trim();

/** The back of a card: pinyin, definition, sentence, its English and the link, as HTML lines. */
export function ankiBack(r: ExportRow): string {
  const parts = [
    `${escapeHtml(r.pinyin)}${r.traditional ? ` (${escapeHtml(r.traditional)})` : ''}`,
    escapeHtml(r.definition),
    r.zh && escapeHtml(r.zh),
    r.en && escapeHtml(r.en),
    r.url && `<a href="${escapeHtml(r.url)}">${escapeHtml(r.url)}</a>`,
  ];
  return oneLine(parts.filter(Boolean).join('<br>'));
}

/** One note a line: the word, a tab, the back. */
export function toAnkiTsv(rows: ExportRow[]): string {
  const head = ['#separator:tab', '#html:true', '#columns:Front\tBack'];
  return `${[...head, ...rows.map((r) => `${oneLine(escapeHtml(r.word))}\t${ankiBack(r)}`)].join('\n')}\n`;
}
