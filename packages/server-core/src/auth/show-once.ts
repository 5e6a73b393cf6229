import { type Logger } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where generated passwords go when no terminal is attached (inside the data directory, mode 0600). */
export const GENERATED_PASSWORDS_FILE = 'generated-passwords.txt';

/** Writes `text` to the controlling terminal; false when the process has none (a service, a container without -t). */
function writeToTerminal(text: string): boolean {
  if (process.stdout.isTTY) {
    process.stdout.write(text);
    return true;
  }
  let fd: number | undefined;
  try {
    fd = fs.openSync('/dev/tty', 'w');
    fs.writeSync(fd, text);
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Shows generated passwords once, never through the server log (which is
 * kept, shipped and read by others): on the terminal when there is one (stdout
 * when it is a TTY, else `/dev/tty`, so `npm start | tee log` keeps them out of
 * the log); without a terminal, appended to {@link GENERATED_PASSWORDS_FILE}
 * in the data directory, readable by the server's account only, and the log
 * says where.
 */
export function showPasswordsOnce(dataDir: string, what: string, text: string, logger: Logger): void {
  if (writeToTerminal(`\n${text}\n`)) {
    logger.log(`${what}: shown once on the terminal (not written to this log)`);
    return;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, GENERATED_PASSWORDS_FILE);
  fs.appendFileSync(file, `${new Date().toISOString()}\n${text}\n\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  logger.warn(
    `${what}: no terminal is attached, so they are in ${file} (readable by this account only, not in this log); read them, then delete the file`,
  );
}
