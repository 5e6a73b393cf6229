import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

// Brings who-did-what-when columns onto one convention (database/record-columns.ts):
// `<verb>_by` the username, `<verb>_by_user_id` the id, `<verb>_at` the instant,
// `<verb>_on` the local day,
// and the act's name on a row whose insert is the act. Plain RENAME COLUMN
// (both databases) keeps data, defaults and foreign keys; the indices on a
// renamed column are rebuilt under the name TypeORM gives the new columns.

interface Rename {
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

const RENAMES: readonly Rename[] = [
  { table: 'audit_entry', from: 'at', to: 'called_at' },
  { table: 'audit_entry', from: 'username', to: 'called_by' },
  { table: 'audit_entry', from: 'user_id', to: 'called_by_user_id' },
  { table: 'rectification_history', from: 'at', to: 'acted_at' },
  { table: 'rectification_history', from: 'actor_username', to: 'acted_by' },
  { table: 'rectification_history', from: 'actor_user_id', to: 'acted_by_user_id' },
  { table: 'rectification_history', from: 'actor_unit_code', to: 'acted_by_unit_code' },
  { table: 'rectification_history', from: 'date', to: 'acted_on' },
  { table: 'attachment', from: 'created_at', to: 'uploaded_at' },
  { table: 'work_item_update', from: 'created_at', to: 'reported_at' },
];

/** The indices on renamed columns, as their columns read before the renames. */
const INDICES: readonly { readonly table: string; readonly columns: readonly string[] }[] = [
  { table: 'audit_entry', columns: ['bureau_id', 'at'] },
  { table: 'rectification_history', columns: ['item_id', 'at'] },
];

const renamed = (table: string, column: string): string =>
  RENAMES.find((rename) => rename.table === table && rename.from === column)?.to ?? column;

async function renameAll(queryRunner: QueryRunner, direction: 'up' | 'down'): Promise<void> {
  const naming = queryRunner.connection.namingStrategy;
  const indices = INDICES.map((index) => {
    const after = index.columns.map((column) => renamed(index.table, column));
    const [from, to] = direction === 'up' ? [index.columns, after] : [after, index.columns];
    return { table: index.table, from: naming.indexName(index.table, [...from]), to: [...to] };
  });
  for (const index of indices) await queryRunner.dropIndex(index.table, index.from);
  for (const rename of direction === 'up' ? RENAMES : [...RENAMES].reverse()) {
    const [from, to] = direction === 'up' ? [rename.from, rename.to] : [rename.to, rename.from];
    await queryRunner.query(`ALTER TABLE "${rename.table}" RENAME COLUMN "${from}" TO "${to}"`);
  }
  for (const index of indices) await queryRunner.createIndex(index.table, new TableIndex({ columnNames: index.to }));
}

export class RecordColumnNames1796800000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await renameAll(queryRunner, 'up');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await renameAll(queryRunner, 'down');
  }
}
