import { type Exporter, type TranslateFunction } from 'react-admin';
import { type Cell } from './csv';
import { downloadCsv } from './download';

/** One column of a list export: its heading (a translation key) and its cell. */
export interface ExportColumn<T> {
  readonly label: string;
  readonly value: (record: T, translate: TranslateFunction) => Cell;
}

/**
 * A react-admin list exporter that writes the console's CSV (one BOM, CRLF,
 * formula-safe cells) with headings in the user's language, instead of
 * react-admin's raw dump of the records' fields.
 */
export function listExporter<T>(columns: readonly ExportColumn<T>[], filename: string, translate: TranslateFunction): Exporter<T & { id: string | number }> {
  return (records) => {
    const rows = [columns.map((column) => translate(column.label)), ...records.map((record) => columns.map((column) => column.value(record, translate)))];
    downloadCsv(rows, `${filename}.csv`);
  };
}
