import { PingyiError } from '@pingyi/domain';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { TempFolder } from '../file-limits/temp-folder';

/** An uploaded file kept on disk until it is checked: where, how big, its SHA-256. */
export interface ReceivedFile {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  /** The first bytes, to tell XLSX (a ZIP) from CSV. */
  readonly head: Uint8Array;
}

/** Largest keyed file accepted: a CSV of 10,000 ballots × 80 units is about 6 MB. */
export const MAX_PAPER_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Uploaded keyings, streamed to the server's temporary folder
 * (`<dataDir>/tmp`, swept at start) while their SHA-256 is computed (never
 * held in memory), removed once checked or refused.
 */
export class PaperUploadStore {
  private readonly temp: TempFolder;

  constructor(dataDir: string) {
    this.temp = new TempFolder(dataDir);
  }

  /** The folder the uploads are kept in while they are checked. */
  get dir(): string {
    return this.temp.dir;
  }

  /** Streams the body to a new file; refuses (`PAYLOAD_TOO_LARGE`) past `maxBytes` and an empty body, keeping nothing. */
  async receive(chunks: AsyncIterable<Uint8Array>, maxBytes = MAX_PAPER_FILE_BYTES): Promise<ReceivedFile> {
    const file = await this.temp.newPath();
    const handle = await fsp.open(file, 'wx');
    const hash = createHash('sha256');
    let size = 0;
    let head = new Uint8Array(0);
    try {
      for await (const chunk of chunks) {
        size += chunk.length;
        if (size > maxBytes)
          throw new PingyiError(
            'PAYLOAD_TOO_LARGE',
            `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; split the batch`,
            'body',
          );
        if (head.length < 8) head = Uint8Array.from([...head, ...chunk.subarray(0, 8 - head.length)]);
        hash.update(chunk);
        await handle.write(chunk);
      }
      if (size === 0) throw new PingyiError('INVALID_ARGUMENT', 'the file is empty', 'body');
      await handle.close();
      return { path: file, size, sha256: hash.digest('hex'), head };
    } catch (error) {
      await handle.close().catch(() => undefined);
      await fsp.rm(file, { force: true });
      throw error;
    }
  }

  /** Where a received file is, from its name (as background work carries it); refuses anything but a plain name. */
  pathOf(name: string): string {
    if (path.basename(name) !== name || name.startsWith('.')) throw new Error(`not an upload's name: ${name}`);
    return path.join(this.temp.dir, name);
  }

  /** Reads a received file in 64 KiB chunks (each call opens it again). */
  opener(file: string): () => AsyncIterable<Uint8Array> {
    return () => fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  }

  async exists(file: string): Promise<boolean> {
    return fsp.stat(file).then(
      (stat) => stat.isFile(),
      () => false,
    );
  }

  async remove(file: string): Promise<void> {
    await fsp.rm(file, { force: true });
  }
}
