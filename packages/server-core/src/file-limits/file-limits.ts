import { isPingyiError, PingyiError } from '@pingyi/domain';

/**
 * The limits every file the server reads is held to, checked while it is
 * read (never after): a file past one is refused as a whole with
 * `FILE_LIMIT_EXCEEDED`, whose details name the limit, its value and where
 * in the file it was passed, so a client can say it in its own language.
 */
export const FILE_LIMITS = {
  /** Entries in a ZIP container (an .xlsx has a dozen). */
  zipEntries: 1_000,
  /** Inflated bytes of one ZIP entry. */
  zipEntryBytes: 256 * 1024 * 1024,
  /** Inflated bytes of all entries of a ZIP together. */
  zipTotalBytes: 512 * 1024 * 1024,
  /** Inflated ÷ compressed size of an entry larger than {@link RATIO_FROM_BYTES} (real sheets stay far below). */
  zipRatio: 200,
  /** Bytes of a small XML part (workbook, relationships). */
  xmlPartBytes: 4 * 1024 * 1024,
  /** Bytes of the shared strings part. */
  sharedStringsBytes: 32 * 1024 * 1024,
  /** Shared strings (distinct cell texts) of a workbook. */
  sharedStrings: 200_000,
  /** Bytes of text of all shared strings together. */
  sharedStringsTextBytes: 8 * 1024 * 1024,
  /** Bytes of text between two XML tags: a cell's text. */
  xmlTextBytes: 32 * 1024,
  /** Bytes of one XML tag with its attributes. */
  xmlTagBytes: 16 * 1024,
  /** Row elements of a worksheet (Excel's own maximum). */
  sheetRowElements: 1_048_576,
  /** Column definitions of a worksheet (Excel's own maximum). */
  sheetColumns: 16_384,
  /** Lines of a CSV text. */
  csvLines: 50_000,
  /** Cells of one line or row. */
  cellsPerRow: 500,
  /** Characters of one CSV cell. */
  csvCellChars: 10_000,
} as const;

/** Compression ratios of entries smaller than this are not checked (small parts compress very well). */
export const RATIO_FROM_BYTES = 1024 * 1024;

export type FileLimitName = keyof typeof FILE_LIMITS | 'fileBytes' | 'rows' | 'yamlAliases' | 'yamlNodes';

/** What a refusal for a limit says besides its message: which limit, its value, where. */
export interface FileLimitDetails {
  readonly limit: FileLimitName;
  readonly max: number;
  /** Where in the file: `xl/sharedStrings.xml`, `sheet1 row 7`, `line 12`… */
  readonly where: string;
}

export const FILE_LIMIT_EXCEEDED = 'FILE_LIMIT_EXCEEDED';

/** The refusal of a file past one of its limits. */
export function fileLimitExceeded(
  limit: FileLimitName,
  max: number,
  where: string,
  what: string,
  path = 'file',
): PingyiError {
  const details: FileLimitDetails = { limit, max, where };
  const message = `${where}: ${what} (limit ${limit} = ${max})`;
  return new PingyiError(FILE_LIMIT_EXCEEDED, message, path, {
    ...details,
    messageKey: 'fileLimit',
    params: { max, detail: message },
  });
}

/** The limit a refusal names, when it is one. */
export function fileLimitOf(error: unknown): FileLimitDetails | null {
  if (!isPingyiError(error) || error.code !== FILE_LIMIT_EXCEEDED || !error.details) return null;
  const { limit, max, where } = error.details as Partial<FileLimitDetails>;
  return typeof limit === 'string' && typeof max === 'number' && typeof where === 'string'
    ? { limit, max, where }
    : null;
}
