/**
 * The works-council register as files for the consultation: CSV (semicolons, as French
 * spreadsheets expect, with a BOM so accents open right) and JSON; and a file size in words.
 */

export interface RegisterEntry {
  key: string;
  data: string;
  purpose: string;
  seenBy: readonly string[];
  retention: string;
  recipients: readonly string[];
}

export interface RegisterHeadings {
  data: string;
  purpose: string;
  seenBy: string;
  retention: string;
  recipients: string;
}

function cell(text: string): string {
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line per kind of data; lists joined with « | ». */
export function registerCsv(entries: readonly RegisterEntry[], headings: RegisterHeadings): string {
  const rows = [
    [headings.data, headings.purpose, headings.seenBy, headings.retention, headings.recipients],
    ...entries.map((e) => [e.data, e.purpose, e.seenBy.join(' | '), e.retention, e.recipients.join(' | ')]),
  ];
  return '\uFEFF' + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}

export function registerJson(entries: readonly RegisterEntry[], organisationNote: { generatedAt: string }): string {
  return JSON.stringify({ generatedAt: organisationNote.generatedAt, entries }, null, 2);
}

/** « 12 Ko », "1.4 MB": a download's size in the reader's language. */
export function fileSize(bytes: number, locale: string): string {
  const french = locale.startsWith('fr');
  const units = french ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
