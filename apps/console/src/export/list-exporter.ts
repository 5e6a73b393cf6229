import { type Exporter, type RaRecord, type TranslateFunction } from 'react-admin';
import { type Cell } from './csv';
import { downloadCsv } from './download';

/** Records the exported ones refer to, by the referring field, then by id (unit names, item titles). */
export type RelatedRecords = Readonly<Record<string, Readonly<Record<string, RaRecord>>>>;

/** One column of a list export: its heading (a translation key) and its cell. */
export interface ExportColumn<T> {
  readonly label: string;
  readonly value: (record: T, translate: TranslateFunction, related: RelatedRecords) => Cell;
}

/** A field of the exported records naming a record of another resource, fetched once for the whole export. */
export interface ExportReference {
  readonly field: string;
  readonly reference: string;
}

/**
 * A react-admin list exporter that writes the console's CSV (one BOM, CRLF,
 * formula-safe cells) with headings in the user's language, instead of
 * react-admin's raw dump of the records' fields. `references` are fetched
 * in one go (react-admin's fetchRelatedRecords) and handed to each cell.
 */
export function listExporter<T>(
  columns: readonly ExportColumn<T>[],
  filename: string,
  translate: TranslateFunction,
  references: readonly ExportReference[] = [],
): Exporter<T & { id: string | number }> {
  return async (records, fetchRelatedRecords) => {
    const related: Record<string, Record<string, RaRecord>> = {};
    for (const { field, reference } of references)
      related[field] = await fetchRelatedRecords<RaRecord>(records, field, reference);
    const rows = [
      columns.map((column) => translate(column.label)),
      ...records.map((record) => columns.map((column) => column.value(record, translate, related))),
    ];
    downloadCsv(rows, `${filename}.csv`);
  };
}
