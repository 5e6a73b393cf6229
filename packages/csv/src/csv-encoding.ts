import { CsvReadError } from './csv-read-error.js';

/** Re-opens the file's bytes (the encoding is decided in a first pass, the text read in a second). */
export type ByteSource = () => AsyncIterable<Uint8Array>;

/** The encodings a CSV may have: UTF-8 (with or without BOM), or GB18030/GBK as Excel saves it in China. */
export type CsvEncoding = 'utf-8' | 'gb18030';

/**
 * Decides the encoding by reading the bytes once: UTF-8 when every byte
 * sequence is valid UTF-8, otherwise GB18030 (which includes GBK) when that
 * decodes them. UTF-16, ZIP archives, old .xls workbooks, NUL bytes and
 * anything else throw {@link CsvReadError} (line 0: the file as a whole).
 */
export async function detectCsvEncoding(open: ByteSource): Promise<CsvEncoding> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let valid = true;
  for await (const chunk of open()) {
    if (first) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
        throw new CsvReadError('utf16', 0);
      if (chunk[0] === 0x50 && chunk[1] === 0x4b) throw new CsvReadError('zip', 0);
      if (chunk[0] === 0xd0 && chunk[1] === 0xcf) throw new CsvReadError('xls', 0);
    }
    if (chunk.includes(0)) throw new CsvReadError('nul', 0);
    if (valid) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        valid = false;
      }
    }
  }
  if (valid) {
    try {
      utf8.decode();
      return 'utf-8';
    } catch {
      // a sequence cut off at the end
    }
  }
  const gb = new TextDecoder('gb18030', { fatal: true });
  try {
    for await (const chunk of open()) gb.decode(chunk, { stream: true });
    gb.decode();
  } catch {
    throw new CsvReadError('unknownEncoding', 0);
  }
  return 'gb18030';
}

/**
 * The bytes as text chunks in `encoding`, strictly (a BOM is kept for the
 * reader to drop); `onBytes` hears of each chunk's size. Bytes invalid in the
 * encoding throw `badBytes`, a character cut off at the end `cutCharacter`.
 */
export async function* decodeCsvChunks(
  chunks: AsyncIterable<Uint8Array>,
  encoding: CsvEncoding,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let lines = 1;
  for await (const chunk of chunks) {
    onBytes(chunk.length);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new CsvReadError('badBytes', lines);
    }
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines += 1;
    yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new CsvReadError('cutCharacter', lines);
  }
}

/** Strict UTF-8 text of the bytes (a BOM is kept for the reader to drop); `null` when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
