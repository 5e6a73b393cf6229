/** Why a scan file (or one page of it) could not be read. */
export type ScanInputErrorCode = 'unsupported-format' | 'corrupt-file' | 'too-many-pages' | 'too-large';

/** A scan file, a ZIP entry or a page that could not be read; `detail` is English for the log and the operator. */
export class ScanInputError extends Error {
  override readonly name = 'ScanInputError';
  constructor(
    readonly code: ScanInputErrorCode,
    readonly detail: string,
    /** The ZIP entry, when the file is a ZIP. */
    readonly entry?: string,
    /** The 0-based page index over the file, when known. */
    readonly page?: number,
  ) {
    super(`${code}: ${detail}${entry ? ` (entry ${entry})` : ''}${page !== undefined ? ` (page ${page})` : ''}`);
  }
}

/** Limits on one scan file, checked while it is read. */
export interface ScanLimits {
  /** Pages (over every entry of a ZIP). */
  readonly maxPages: number;
  /** Pixels of one page image. */
  readonly maxPixelsPerPage: number;
  /** Bytes of a ZIP's entries once inflated, all together. */
  readonly maxZipTotalBytes: number;
  /** Bytes of one ZIP entry once inflated. */
  readonly maxZipEntryBytes: number;
  /** Entries of a ZIP (directories included). */
  readonly maxZipEntries: number;
}

/** The default limits: 400 pages, 60 megapixels a page, ZIPs of 2 GB inflated, 200 MB an entry, 2,000 entries. */
export const DEFAULT_SCAN_LIMITS: ScanLimits = {
  maxPages: 400,
  maxPixelsPerPage: 60_000_000,
  maxZipTotalBytes: 2 * 1024 ** 3,
  maxZipEntryBytes: 200 * 1024 ** 2,
  maxZipEntries: 2000,
};

/** A file's format, told by its first bytes. */
export type ScanFormat = 'pdf' | 'tiff' | 'png' | 'jpeg' | 'zip';

/** The format by magic bytes (a PDF's header may follow up to 1 KB of junk), or null. */
export function detectFormat(file: Uint8Array): ScanFormat | null {
  const b = (i: number): number => file[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (
    (b(0) === 0x49 && b(1) === 0x49 && (b(2) === 0x2a || b(2) === 0x2b) && b(3) === 0) ||
    (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0 && (b(3) === 0x2a || b(3) === 0x2b))
  )
    return 'tiff';
  if (b(0) === 0x50 && b(1) === 0x4b && ((b(2) === 3 && b(3) === 4) || (b(2) === 5 && b(3) === 6))) return 'zip';
  const head = Buffer.from(file.buffer, file.byteOffset, Math.min(file.length, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  return null;
}
