import { refusal } from '@pingyi/domain';
import { type DocTable, type OfficialDocument } from './content/document-model';

/** The most rows one table of a document may hold (a notice of 80 units has 80). */
export const MAX_DOCUMENT_ROWS = 5_000;

/** Refuses a document any of whose tables would exceed {@link MAX_DOCUMENT_ROWS} rows. */
export function assertDocumentSize(doc: OfficialDocument): OfficialDocument {
  const tables = doc.sections
    .flatMap((section) => [...section.blocks, ...(section.subsections ?? []).flatMap((sub) => sub.blocks)])
    .filter((block): block is DocTable => block.type === 'table');
  const largest = Math.max(0, ...tables.map((table) => table.rows.length));
  if (largest > MAX_DOCUMENT_ROWS)
    throw refusal('DOCUMENT_TOO_LARGE', 'documentTooLarge', {
      count: largest,
      max: MAX_DOCUMENT_ROWS,
      what: 'table rows',
      whatZh: '表格行',
    });
  return doc;
}

/** The issuing office of a bureau's documents. */
export const issuerOf = (bureauName: string): string => `${bureauName}民主评议办公室`;
