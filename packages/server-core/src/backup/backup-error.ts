/**
 * A backup or restore that cannot go on: a full sentence naming what and
 * where (the file, the table, the setting). The `pingyi backup` / `restore`
 * commands print it as one line and exit 2.
 */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}
