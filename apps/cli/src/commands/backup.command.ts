import { CliInputError, EXIT_OK, type CliIo } from '../cli-io.js';
import { parseOptions } from '../parse-options.js';
import { loadServerCore, type ServerCore } from '../plugins.js';
import type { Command } from './command.js';

const BACKUP_HELP = `Usage: pingyi backup --out DIR [--pg-dump]

Backs up the server's database and evidence files into DIR (new or empty),
while the server runs. The database is the one the server uses, from the
environment: DATABASE_URL (PostgreSQL), else the SQLite file in
PINGYI_DATA_DIR (default ./data); attachments come from PINGYI_DATA_DIR.

DIR holds one gzip JSON-lines file per table (tables/*.jsonl.gz), the
attachments, and manifest.json: the schema version (migrations run) and a
SHA-256 per file. SQLite is copied with its online backup API; PostgreSQL is
read in one REPEATABLE READ snapshot. Ballots waiting in the ballot box are
counted first (this needs the server secret: PINGYI_SECRET, or the data
folder's server-secret); the secret itself, sign-in tokens and throttle
counters are never copied.

Options:
  --out DIR    the backup folder
  --pg-dump    PostgreSQL: also pg_dump --format=custom of the same snapshot
               into DIR/database.pgdump (restore it with pg_restore)
  -h, --help   show this help

Exit status: 0 done (one line on stdout: the folder, tables, rows, bytes),
2 when it cannot (one line on stderr naming the problem).
`;

const RESTORE_HELP = `Usage: pingyi restore --from DIR

Restores a backup written by pingyi backup into an EMPTY database: the one
the environment names (DATABASE_URL, else the SQLite file in PINGYI_DATA_DIR),
with the attachments into PINGYI_DATA_DIR. Stop the server first, or point
it at a new database. Every file is checked against manifest.json; the
schema is built up to the backup's version, the rows are inserted, then the
migrations newer than the backup run. Start the server afterwards as usual.

Options:
  --from DIR   the backup folder
  -h, --help   show this help

Exit status: 0 done, 2 when it cannot (a changed file, a database that is
not empty, a backup of the other database kind or of a newer Pingyi).
`;

async function asBackupError<T>(core: ServerCore, command: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof core.BackupError) throw new CliInputError(`${command}: ${error.message}`, { cause: error });
    if (core.isPingyiError(error)) throw new CliInputError(`${command}: ${error.message}`, { cause: error });
    throw error;
  }
}

const log = (io: CliIo) => (line: string) => void io.stderr.write(`${line}\n`);

/** `pingyi backup`: a consistent, anonymous backup of a running server's data. */
export const backupCommand: Command = {
  name: 'backup',
  summary: 'back up the database and evidence files into a folder, with checksums (while the server runs)',
  help: BACKUP_HELP,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const command = 'pingyi backup';
    const options = parseOptions(
      argv,
      { out: { type: 'string' }, 'pg-dump': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const,
      command,
    );
    if (options.help) {
      io.stdout.write(BACKUP_HELP);
      return EXIT_OK;
    }
    if (!options.out) throw new CliInputError(`${command}: --out DIR is required (see ${command} --help)`);
    const out = options.out;
    const core = await loadServerCore();
    const result = await asBackupError(core, command, () =>
      core.createBackup(core.loadConfig(process.env), { out, pgDump: options['pg-dump'] === true, log: log(io) }),
    );
    const rows = result.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    io.stdout.write(
      `${out}: ${result.manifest.database} at ${result.manifest.schema.version ?? 'no migration'}, ${result.manifest.tables.length} tables, ${rows} rows, ${result.manifest.attachments.length} attachments, ${result.bytes} bytes\n`,
    );
    return EXIT_OK;
  },
};

/** `pingyi restore`: a backup into an empty database, migrated to this version. */
export const restoreCommand: Command = {
  name: 'restore',
  summary: 'restore a backup folder into an empty database (then start the server)',
  help: RESTORE_HELP,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const command = 'pingyi restore';
    const options = parseOptions(
      argv,
      { from: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const,
      command,
    );
    if (options.help) {
      io.stdout.write(RESTORE_HELP);
      return EXIT_OK;
    }
    if (!options.from) throw new CliInputError(`${command}: --from DIR is required (see ${command} --help)`);
    const from = options.from;
    const core = await loadServerCore();
    const result = await asBackupError(core, command, () =>
      core.restoreBackup(core.loadConfig(process.env), { from, log: log(io) }),
    );
    io.stdout.write(
      `${from}: ${result.rows} rows and ${result.manifest.attachments.length} attachments restored${result.upgradedBy.length ? `, schema upgraded by ${result.upgradedBy.length} migrations` : ''}\n`,
    );
    return EXIT_OK;
  },
};
