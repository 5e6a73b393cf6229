import { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { FILE_LIMITS, fileLimitExceeded, RATIO_FROM_BYTES } from './file-limits';
import { type XmlPartLimits, XmlLimitScanner } from './xml-limit-scanner';

/** What reading one entry may inflate to, and how its XML is counted. */
export interface EntryLimits {
  /** Most inflated bytes of this entry (below {@link FILE_LIMITS.zipEntryBytes}). */
  readonly maxBytes: number;
  readonly maxBytesLimit: 'zipEntryBytes' | 'xmlPartBytes' | 'sharedStringsBytes';
  readonly xml?: Omit<XmlPartLimits, 'part'>;
}

/**
 * A ZIP container on disk (an .xlsx), read with yauzl from its central
 * directory: the number of entries, each entry's declared size and
 * compression ratio, and their total are checked before anything is inflated;
 * inflated bytes are counted while they stream (yauzl also refuses an entry
 * that inflates past its declared size), and XML entries go through an
 * {@link XmlLimitScanner}. Nothing is written anywhere.
 */
export class LimitedZip {
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    /** Entries by name, in the order of the central directory. */
    readonly entries: ReadonlyMap<string, yauzl.Entry>,
  ) {}

  /** Opens and checks the directory; throws `FILE_LIMIT_EXCEEDED` or the zip library's error. */
  static async open(file: string): Promise<LimitedZip> {
    const zip = await yauzl.openPromise(file, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
    try {
      if (zip.entryCount > FILE_LIMITS.zipEntries)
        throw fileLimitExceeded(
          'zipEntries',
          FILE_LIMITS.zipEntries,
          'the archive',
          `it holds ${zip.entryCount} entries`,
        );
      const entries = new Map<string, yauzl.Entry>();
      let total = 0;
      for await (const entry of zip.eachEntry()) {
        const where = entry.fileName.slice(0, 200);
        if (entry.uncompressedSize > FILE_LIMITS.zipEntryBytes) {
          throw fileLimitExceeded(
            'zipEntryBytes',
            FILE_LIMITS.zipEntryBytes,
            where,
            `it inflates to ${entry.uncompressedSize} bytes`,
          );
        }
        if (
          entry.uncompressedSize > RATIO_FROM_BYTES &&
          entry.uncompressedSize > FILE_LIMITS.zipRatio * Math.max(1, entry.compressedSize)
        ) {
          throw fileLimitExceeded(
            'zipRatio',
            FILE_LIMITS.zipRatio,
            where,
            `it inflates ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times`,
          );
        }
        if ((total += entry.uncompressedSize) > FILE_LIMITS.zipTotalBytes) {
          throw fileLimitExceeded(
            'zipTotalBytes',
            FILE_LIMITS.zipTotalBytes,
            'the archive',
            'its entries inflate to too many bytes together',
          );
        }
        if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
      }
      return new LimitedZip(zip, entries);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  /** The inflated bytes of an entry, counted and scanned as they stream; `onBytes` gets each chunk's size and the compressed bytes it stands for. */
  read(
    name: string,
    limits: EntryLimits,
    onBytes: (inflated: number, compressed: number) => void = () => undefined,
  ): Readable {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no entry ${name}`);
    const scanner = limits.xml ? new XmlLimitScanner({ part: name, ...limits.xml }) : null;
    const ratio = entry.compressedSize / Math.max(1, entry.uncompressedSize);
    const count = (bytes: number): void => {
      if ((this.inflated += bytes) > FILE_LIMITS.zipTotalBytes) {
        throw fileLimitExceeded(
          'zipTotalBytes',
          FILE_LIMITS.zipTotalBytes,
          'the archive',
          'its entries inflate to too many bytes together',
        );
      }
    };
    const opened = this.zip.openReadStreamPromise(entry);
    opened.catch(() => undefined); // awaited below; never an unhandled rejection
    return Readable.from(
      (async function* inflate() {
        const stream = await opened;
        let bytes = 0;
        let reported = 0; // compressed bytes reported so far (whole bytes: progress columns are integers)
        try {
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            bytes += chunk.length;
            if (bytes > limits.maxBytes)
              throw fileLimitExceeded(
                limits.maxBytesLimit,
                limits.maxBytes,
                name,
                'the part inflates to too many bytes',
              );
            count(chunk.length);
            scanner?.scan(chunk);
            const compressed = Math.floor(bytes * ratio) - reported;
            reported += compressed;
            onBytes(chunk.length, compressed);
            yield chunk;
          }
        } finally {
          stream.destroy();
        }
      })(),
      { objectMode: false },
    );
  }

  close(): void {
    this.zip.close();
  }
}
