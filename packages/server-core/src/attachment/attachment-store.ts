import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { PingyiError } from '@pingyi/domain';
import { TempFolder } from '../file-limits/temp-folder';
import { sniffedMatches } from './attachment-rules';
import { sniffFile } from './attachment-sniff';

/** A stored file: where, how big, its SHA-256. */
export interface StoredFile {
  readonly sha256: string;
  readonly size: number;
}

/**
 * Evidence files on disk under `<dataDir>/attachments/`, named by their
 * SHA-256. A file is written to a temporary name (in `<dataDir>/tmp`), flushed to disk, then
 * renamed into place, so a crash never leaves a half-written file under a
 * name a metadata row can point at; identical uploads share one file.
 */
export class AttachmentStore {
  readonly dir: string;
  private readonly temp: TempFolder;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'attachments');
    this.temp = new TempFolder(dataDir);
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(this.dir, sha256);
  }

  /**
   * Streams `chunks` to disk. Refuses (`PAYLOAD_TOO_LARGE`) past `maxBytes`,
   * (`UNSUPPORTED_MEDIA_TYPE`) when the content does not sniff as `type`, and an
   * empty file; nothing is kept when it refuses.
   */
  async save(chunks: AsyncIterable<Uint8Array>, type: string, maxBytes: number): Promise<StoredFile> {
    await fs.mkdir(this.dir, { recursive: true });
    const temp = await this.temp.newPath(); // on the data volume, swept at start, renamed into place
    const handle = await fs.open(temp, 'wx');
    let closed = false;
    try {
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of chunks) {
        size += chunk.length;
        if (size > maxBytes)
          throw new PingyiError('PAYLOAD_TOO_LARGE', `the file is larger than ${maxBytes} bytes`, 'body');
        hash.update(chunk);
        await handle.write(chunk);
      }
      if (size === 0) throw new PingyiError('INVALID_ARGUMENT', 'the file is empty', 'body');
      const sniffed = await sniffFile(temp);
      if (!sniffedMatches(type, sniffed))
        throw new PingyiError(
          'UNSUPPORTED_MEDIA_TYPE',
          `the content is not a ${type} file (it looks like ${sniffed ?? 'an unknown type'})`,
          'body',
        );
      await handle.sync();
      await handle.close();
      closed = true;
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      await fs.rename(temp, target);
      await this.syncDir();
      return { sha256, size };
    } catch (error) {
      if (!closed) await handle.close().catch(() => undefined);
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  // the rename itself must reach the disk too
  private async syncDir(): Promise<void> {
    const dir = await fs.open(this.dir, 'r');
    try {
      await dir.sync();
    } catch {
      // some file systems refuse fsync on directories; the rename is still atomic
    } finally {
      await dir.close();
    }
  }
}
