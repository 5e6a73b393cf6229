import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

/** Files older than this are removed by any server's sweep (an upload never takes that long). */
const ABANDONED_AFTER_MS = 3_600_000;

const hostTag = (): string =>
  os
    .hostname()
    .replace(/[^A-Za-z0-9_.]/g, '_')
    .slice(0, 40) || 'host';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The server's temporary files (uploads being received and checked), all in
 * `<dataDir>/tmp`, never in the system's temp folder: on the data volume, so a
 * finished file is renamed into place, and swept when the server starts.
 * Names carry the host and process id (`<host>~<pid>~<time>~<random>.part`),
 * so a sweep removes what a stopped process left and never the files of a
 * live one sharing the folder.
 */
export class TempFolder {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'tmp');
  }

  /** A new, unused path in the folder (created on first use). */
  async newPath(): Promise<string> {
    await fsp.mkdir(this.dir, { recursive: true });
    return path.join(this.dir, `${hostTag()}~${process.pid}~${Date.now()}~${randomBytes(6).toString('hex')}.part`);
  }

  /**
   * Removes the files left by stopped processes of this host (a crash), by
   * this very process id (a restart that got it again), and anything older
   * than an hour; also the given legacy files. Returns how many it removed.
   */
  async sweep(now = Date.now(), legacy: readonly string[] = []): Promise<number> {
    const names = await fsp.readdir(this.dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const [host, pid, stamp] = name.split('~');
      const file = path.join(this.dir, name);
      const stale =
        (host === hostTag() && (Number(pid) === process.pid || !alive(Number(pid)))) ||
        !(Number(stamp) > now - ABANDONED_AFTER_MS) ||
        (await fsp.stat(file).then(
          (stat) => stat.mtimeMs < now - ABANDONED_AFTER_MS,
          () => false,
        ));
      if (stale && name.endsWith('.part')) {
        await fsp.rm(file, { force: true });
        removed += 1;
      }
    }
    for (const file of legacy) {
      await fsp.rm(file, { force: true });
      removed += 1;
    }
    return removed;
  }
}
