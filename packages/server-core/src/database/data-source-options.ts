import * as fs from 'node:fs';
import * as path from 'node:path';
import { type DataSourceOptions, type Logger } from 'typeorm';
import { assertConfigSafe, type PingyiConfig } from '../config/pingyi-config';
import { type MigrationClass } from '../common/pingyi-feature';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** What the composed features contribute to the database connection. */
export interface DataSourceParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: readonly Function[];
  readonly migrations: readonly MigrationClass[];
  /** Statement logger (the test kit's {@link StatementCounter}); none by default. */
  readonly logger?: Logger;
}

/**
 * TypeORM options for the configured database: better-sqlite3 on a file in
 * the data directory (WAL, foreign keys, busy timeout) or `pg` on DATABASE_URL.
 * Migrations run at start; `synchronize` only for throwaway test databases.
 */
export function buildDataSourceOptions(config: PingyiConfig, parts: DataSourceParts): DataSourceOptions {
  assertConfigSafe(config);
  const common = {
    entities: [...parts.entities],
    migrations: [...parts.migrations],
    migrationsRun: !config.synchronize,
    migrationsTransactionMode: 'each' as const,
    synchronize: config.synchronize,
    namingStrategy: new SnakeNamingStrategy(),
    ...(parts.logger ? { logger: parts.logger, logging: ['query' as const] } : { logging: false as const }),
  };
  if (config.database.type === 'postgres') {
    const readUrls = config.database.readUrls ?? [];
    return {
      ...common,
      type: 'postgres',
      // Pool per instance (and per replica); several instances share one server.
      extra: { max: 10, connectionTimeoutMillis: 10_000 },
      ...(readUrls.length === 0
        ? { url: config.database.url }
        : {
            // Every statement reads the primary unless it asks for a replica (Transactions.read with
            // `replica`, paginate): TypeORM would otherwise send every SELECT to a replica, and a
            // replica lags (a new token, a redeemed code, a row just written would be missing).
            replication: {
              master: { url: config.database.url },
              slaves: readUrls.map((url) => ({ url })),
              defaultMode: 'master' as const,
            },
          }),
    };
  }
  if (config.database.file !== ':memory:') fs.mkdirSync(path.dirname(config.database.file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.database.file,
    enableWAL: true,
    // busy timeout: wait for another writer instead of failing with SQLITE_BUSY
    timeout: 10_000,
    // the driver turns foreign_keys on itself; synchronous=NORMAL is safe with WAL
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('synchronous = NORMAL');
    },
  };
}
