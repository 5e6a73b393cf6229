import yauzl from 'yauzl';
import { type ScanLimits, ScanInputError } from './errors.js';

/** Entries that archivers and desktops add, never scans. */
const JUNK = /(^|\/)(__MACOSX\/|\.[^/]*$|Thumbs\.db$|desktop\.ini$)/i;

/** One file of a ZIP, in name order, read only when asked (counted against the limits as it streams). */
export interface ZipFileEntry {
  readonly name: string;
  read(): Promise<Uint8Array>;
}

function openZip(file: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(file.buffer, file.byteOffset, file.length),
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

/**
 * The file entries of a ZIP in name order (directories and __MACOSX, dot
 * files, Thumbs.db skipped). Throws 'corrupt-file' when the archive does not
 * parse and 'too-large' past the entry-count limit; each entry's read()
 * throws 'too-large' as soon as its inflated bytes pass the per-entry or the
 * running total limit (whatever the sizes the archive declares).
 */
export async function zipEntries(file: Uint8Array, limits: ScanLimits): Promise<ZipFileEntry[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (err) {
    throw new ScanInputError('corrupt-file', `ZIP does not parse: ${(err as Error).message}`);
  }
  if (zip.entryCount > limits.maxZipEntries)
    throw new ScanInputError(
      'too-large',
      `ZIP holds ${zip.entryCount} entries, over the limit of ${limits.maxZipEntries}`,
    );
  const entries = await new Promise<yauzl.Entry[]>((resolve, reject) => {
    const all: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      all.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(all));
    zip.on('error', (err: Error) => reject(new ScanInputError('corrupt-file', `ZIP does not parse: ${err.message}`)));
    zip.readEntry();
  });
  let total = 0;
  const files = entries
    .filter((e) => !e.fileName.endsWith('/') && !JUNK.test(e.fileName))
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  return files.map((e) => ({
    name: e.fileName,
    read: () =>
      new Promise<Uint8Array>((resolve, reject) => {
        const name = e.fileName;
        const over = (what: string): ScanInputError => new ScanInputError('too-large', what, name);
        if (e.uncompressedSize > limits.maxZipEntryBytes)
          return reject(over(`entry inflates to ${e.uncompressedSize} bytes, over the limit`));
        if (total + e.uncompressedSize > limits.maxZipTotalBytes)
          return reject(over('ZIP inflates past the total limit'));
        zip.openReadStream(e, (err, stream) => {
          if (err || !stream)
            return reject(new ScanInputError('corrupt-file', `entry does not open: ${err?.message ?? ''}`, name));
          const chunks: Buffer[] = [];
          let size = 0;
          let failed = false;
          const fail = (error: ScanInputError): void => {
            if (failed) return;
            failed = true;
            stream.destroy();
            reject(error);
          };
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            total += chunk.length;
            if (size > limits.maxZipEntryBytes) return fail(over('entry inflates past the per-entry limit'));
            if (total > limits.maxZipTotalBytes) return fail(over('ZIP inflates past the total limit'));
            chunks.push(chunk);
          });
          stream.on('error', (error: Error) =>
            fail(new ScanInputError('corrupt-file', `entry does not inflate: ${error.message}`, name)),
          );
          stream.on('end', () => {
            if (failed) return;
            const buf = Buffer.concat(chunks);
            resolve(new Uint8Array(buf.buffer, buf.byteOffset, buf.length));
          });
        });
      }),
  }));
}
