import { type OfficialDocument } from '../content/document-model';
import { renderDocx } from './docx-renderer';
import { renderPdf } from './pdf-renderer';

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const DOCUMENT_TYPES: Readonly<Record<DocumentFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** One content, two files: the DOCX and the PDF draw the same model. */
export function renderDocument(doc: OfficialDocument, format: DocumentFormat): Promise<Buffer> {
  return format === 'docx' ? renderDocx(doc) : renderPdf(doc);
}
