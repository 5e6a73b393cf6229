import { type QueryRunner, TableColumn, type TableColumnOptions, TableForeignKey } from 'typeorm';

// Helpers for migrations written with TypeORM's Table API so that one
// migration runs unchanged on SQLite and PostgreSQL.

/** `true` when the migration runs on PostgreSQL. */
export const isPostgres = (queryRunner: QueryRunner): boolean => queryRunner.connection.options.type === 'postgres';

/** Date-time column type: `timestamptz` on PostgreSQL (time-zone safe), `datetime` on SQLite (UTC text). */
export const dateTimeType = (queryRunner: QueryRunner): string =>
  isPostgres(queryRunner) ? 'timestamptz' : 'datetime';

/** Auto-increment integer primary key `id`. */
export const idColumn = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});

/** The tenant column every bureau-owned table carries. */
export const bureauIdColumn = (): TableColumnOptions => ({ name: 'bureau_id', type: 'integer', isNullable: false });

/** A date-time column; `defaultNow` fills it with the insert time (for `@CreateDateColumn`). */
export const dateTimeColumn = (
  queryRunner: QueryRunner,
  name: string,
  options: { nullable?: boolean; defaultNow?: boolean } = {},
): TableColumnOptions => ({
  name,
  type: dateTimeType(queryRunner),
  isNullable: options.nullable ?? false,
  // the defaults TypeORM itself uses for @CreateDateColumn, so schema diffs stay empty
  ...(options.defaultNow ? { default: isPostgres(queryRunner) ? 'now()' : "datetime('now')" } : {}),
});

/** `created_at` filled by the database on insert. */
export const createdAtColumn = (queryRunner: QueryRunner): TableColumnOptions =>
  dateTimeColumn(queryRunner, 'created_at', { defaultNow: true });

/** Foreign key `bureau_id` → `bureau.id`, rows deleted with their bureau. */
export const bureauForeignKey = (): TableForeignKey =>
  new TableForeignKey({
    columnNames: ['bureau_id'],
    referencedTableName: 'bureau',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

/** Foreign key `campaign_id` → `campaign.id`, rows deleted with their campaign. */
export const campaignForeignKey = (): TableForeignKey =>
  new TableForeignKey({
    columnNames: ['campaign_id'],
    referencedTableName: 'campaign',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

/** Foreign key `(bureau_id, campaign_id)` → `campaign(bureau_id, id)`, as `CampaignOwned` entities declare it: the row's bureau is its campaign's. */
export const campaignOfBureauForeignKey = (): TableForeignKey =>
  new TableForeignKey({
    columnNames: ['bureau_id', 'campaign_id'],
    referencedTableName: 'campaign',
    referencedColumnNames: ['bureau_id', 'id'],
    onDelete: 'CASCADE',
  });

/** A column built from options, for `addColumn` in later migrations. */
export const column = (options: TableColumnOptions): TableColumn => new TableColumn(options);
