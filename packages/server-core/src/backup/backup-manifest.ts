import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BackupError } from './backup-error';

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'pingyi-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Tables a backup leaves out: the (flushed, empty) box, sign-in sessions, throttle counters, and TypeORM's own list (kept as `schema`). */
export const EXCLUDED_TABLES = ['ballot_box', 'auth_token', 'rate_limit', 'migrations'] as const;

/** A file of the backup with its SHA-256, relative to the backup folder. */
export interface BackupFile {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface BackupTable extends BackupFile {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: number;
}

/** `manifest.json`: what a backup holds, the schema version it was taken at, and a checksum of every file. */
export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  readonly createdAt: string;
  readonly database: 'sqlite' | 'postgres';
  /** The migrations the database had run, in order; the last one is the schema version. */
  readonly schema: { readonly version: string | null; readonly migrations: readonly string[] };
  readonly tables: readonly BackupTable[];
  readonly attachments: readonly BackupFile[];
  /** `pg_dump --format=custom` of the same snapshot (PostgreSQL with `--pg-dump`). */
  readonly pgDump: BackupFile | null;
  readonly excludedTables: readonly string[];
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function describeFile(root: string, relative: string): Promise<BackupFile> {
  const full = path.join(root, relative);
  return { file: relative, sha256: await sha256OfFile(full), bytes: fs.statSync(full).size };
}

/** Reads `manifest.json` of `dir` and checks every file it lists against its checksum and size. */
export async function readVerifiedManifest(dir: string): Promise<BackupManifest> {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new BackupError(`${dir}: not a Pingyi backup (no ${MANIFEST_FILE})`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  } catch (error) {
    throw new BackupError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`${file}: "format" must be "${BACKUP_FORMAT}"`);
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new BackupError(
      `${file}: format version ${String(manifest.formatVersion)} is not ${BACKUP_FORMAT_VERSION}; use the Pingyi version that wrote it`,
    );
  const listed = [...manifest.tables, ...manifest.attachments, ...(manifest.pgDump ? [manifest.pgDump] : [])];
  for (const entry of listed) {
    const full = path.join(dir, entry.file);
    if (path.relative(dir, full).startsWith('..'))
      throw new BackupError(`${file}: "${entry.file}" points outside the backup folder`);
    if (!fs.existsSync(full)) throw new BackupError(`${full}: missing (listed in ${MANIFEST_FILE})`);
    const bytes = fs.statSync(full).size;
    if (bytes !== entry.bytes || (await sha256OfFile(full)) !== entry.sha256)
      throw new BackupError(`${full}: checksum does not match ${MANIFEST_FILE} (the file was changed or truncated)`);
  }
  return manifest;
}
