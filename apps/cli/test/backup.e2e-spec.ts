// pingyi backup / restore from the command line, on SQLite data folders
// (the server-side behaviour, PostgreSQL included, is apps/server/test/backup-restore).
import {
  buildDataSourceOptions,
  collectEntities,
  collectMigrations,
  featuresOf,
  initializeDataSource,
  loadConfig,
} from '@pingyi/server-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { run } from './cli-harness.js';

const SECRET = 'cli-backup-test-secret-0123456789abcdef';
let dirs: string[] = [];
const saved = { ...process.env };
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pingyi-cli-backup-'));
  dirs.push(dir);
  return dir;
};
beforeEach(() => {
  process.env.PINGYI_SECRET = SECRET;
  delete process.env.DATABASE_URL;
});
afterEach(() => {
  process.env = { ...saved };
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

it('backs up a data folder and restores it into another, printing one line each', async () => {
  const source = temp();
  const features = featuresOf();
  const config = loadConfig({ NODE_ENV: 'test', PINGYI_DATA_DIR: source });
  const db = await initializeDataSource(
    buildDataSourceOptions(config, { entities: collectEntities(features), migrations: collectMigrations(features) }),
  );
  await db.query("INSERT INTO bureau (code, name, host) VALUES ('default', '市公安局', 1)");
  await db.destroy();
  const out = join(temp(), 'backup');
  process.env.PINGYI_DATA_DIR = source;
  const backup = await run('backup', '--out', out);
  expect(backup.stderr).toMatch(/^\d+ tables, 1 rows\n$/); // progress on stderr
  expect(backup.code).toBe(0);
  expect(backup.stdout).toMatch(
    new RegExp(`^${out}: sqlite at \\S+, \\d+ tables, 1 rows, 0 attachments, \\d+ bytes\\n$`),
  );
  expect(
    JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).tables.find(
      (t: { name: string }) => t.name === 'bureau',
    ).rows,
  ).toBe(1);

  process.env.PINGYI_DATA_DIR = temp();
  const restore = await run('restore', '--from', out);
  expect(restore.code).toBe(0);
  expect(restore.stdout).toBe(`${out}: 1 rows and 0 attachments restored\n`);
  // a second restore finds the database no longer empty
  const again = await run('restore', '--from', out);
  expect(again.code).toBe(2);
  expect(again.stdout).toBe('');
  expect(again.stderr).toMatch(
    /^pingyi restore: .*pingyi\.sqlite: the database is not empty; restore into a new data folder \(PINGYI_DATA_DIR\)\n$/,
  );
}, 60_000);

it('names what is missing: --out, a data folder without a database, a folder that is no backup', async () => {
  expect(await run('backup')).toMatchObject({
    code: 2,
    stdout: '',
    stderr: 'pingyi backup: --out DIR is required (see pingyi backup --help)\n',
  });
  process.env.PINGYI_DATA_DIR = temp();
  const none = await run('backup', '--out', join(temp(), 'b'));
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/no SQLite database there \(set PINGYI_DATA_DIR to the server's data folder\)\n$/);
  const empty = temp();
  expect((await run('restore', '--from', empty)).stderr).toBe(
    `pingyi restore: ${empty}: not a Pingyi backup (no manifest.json)\n`,
  );
  expect((await run('backup', '--help')).stdout).toContain('Usage: pingyi backup --out DIR [--pg-dump]');
  expect((await run('--help')).stdout).toMatch(/backup .*\n.*restore /);
});
