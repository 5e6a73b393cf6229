import { DataSource, type DataSourceOptions } from 'typeorm';
import { installSqliteGate } from './sqlite-gate';

/**
 * Adjusts entity metadata to the database before anything touches the schema.
 * Entities are shared by SQLite and PostgreSQL, and TypeORM maps a `Date`
 * column to `timestamp` (without time zone) on PostgreSQL; Pingyi stores
 * instants, so there they become `timestamptz`, as the migrations create them.
 */
export function adaptMetadataToDialect(dataSource: DataSource): void {
  if (dataSource.options.type !== 'postgres') return;
  for (const entity of dataSource.entityMetadatas) {
    for (const column of entity.columns) {
      const type: unknown = column.type;
      if (type === Date || type === 'timestamp' || type === 'timestamp without time zone') column.type = 'timestamptz';
    }
  }
}

/**
 * Opens a connection the Pingyi way: metadata adapted to the dialect, then
 * the migrations (or, for throwaway test databases, `synchronize`) as the
 * options ask. Use it wherever a DataSource is created (server, scripts, tests).
 */
export async function initializeDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource({ ...options, migrationsRun: false, synchronize: false });
  await dataSource.initialize();
  try {
    installSqliteGate(dataSource);
    adaptMetadataToDialect(dataSource);
    if (options.synchronize) await dataSource.synchronize();
    else if (options.migrationsRun) await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
