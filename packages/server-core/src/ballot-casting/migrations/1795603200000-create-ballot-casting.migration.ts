import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { isPostgres } from '../../database/migration-columns';

// SQLite keeps rows of an ordinary table in insertion order (the rowid), so a
// dump would list ballots, ratings and opinions in the order they were cast,
// which could be lined up against anything else kept in time order. As
// WITHOUT ROWID tables they are stored in the order of their random ids.
const ANONYMOUS_TABLES = ['ballot', 'rating', 'opinion'];

async function rebuild(queryRunner: QueryRunner, table: string, withoutRowid: boolean): Promise<void> {
  const [definition] = (await queryRunner.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [
    table,
  ])) as { sql: string }[];
  if (!definition) throw new Error(`table ${table} is missing`);
  const bare = definition.sql.replace(/\s*WITHOUT ROWID\s*$/i, '');
  if (withoutRowid === /WITHOUT ROWID\s*$/i.test(definition.sql)) return;
  const indexes = (await queryRunner.query(
    "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
    [table],
  )) as { sql: string }[];
  const temporary = `temporary_${table}`;
  const created = bare.replace(/^CREATE TABLE\s+("?)[\w]+\1/i, `CREATE TABLE "${temporary}"`);
  if (created === bare) throw new Error(`cannot read the definition of table ${table}`);
  await queryRunner.query(withoutRowid ? `${created} WITHOUT ROWID` : created);
  await queryRunner.query(`INSERT INTO "${temporary}" SELECT * FROM "${table}"`);
  await queryRunner.query(`DROP TABLE "${table}"`);
  await queryRunner.query(`ALTER TABLE "${temporary}" RENAME TO "${table}"`);
  for (const index of indexes) await queryRunner.query(index.sql);
}

export class CreateBallotCasting1795603200000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'code_guess_throttle',
        columns: [
          { name: 'throttle_key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'guesses', type: 'integer' },
          { name: 'window_start_ms', type: 'bigint' },
        ],
      }),
    );
    // TypeORM runs migrations with foreign keys off on SQLite, so dropping the
    // old tables cascades nothing.
    if (!isPostgres(queryRunner)) for (const table of ANONYMOUS_TABLES) await rebuild(queryRunner, table, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isPostgres(queryRunner)) for (const table of ANONYMOUS_TABLES) await rebuild(queryRunner, table, false);
    await queryRunner.dropTable('code_guess_throttle');
  }
}
