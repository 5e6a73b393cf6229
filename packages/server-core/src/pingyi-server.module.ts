import { type ApolloServerPlugin } from '@apollo/server';
import { type ApolloDriverConfig } from './graphql/apollo-driver';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type Logger as TypeOrmLogger } from 'typeorm';
import { AllowGuard } from './common/allow.guard';
import { GraphqlExceptionFilter } from './common/graphql-exception.filter';
import { collectEntities, collectMigrations, type PingyiFeature } from './common/pingyi-feature';
import { PingyiConfigModule } from './config/config.module';
import { TempFolderSweeper } from './file-limits/temp-folder.sweeper';
import { type LogLevelName, type PingyiConfig } from './config/pingyi-config';
import { PingyiLoggingModule } from './logging/logging.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { initializeDataSource } from './database/dialect';
import { TransactionsModule } from './database/transactions';
import { buildGraphqlOptions } from './graphql/graphql-options';
import { type QueryLimits } from './graphql/query-limits';
import { HealthController } from './health/health.controller';
import { ServerLifecycle } from './health/server-lifecycle';
import { PingyiMetricsModule } from './metrics/metrics.module';
import { BackgroundWorkModule } from './background-work/background-work.module';
import { ANONYMOUS_RATE_LIMIT, AnonymousRateLimit } from './rate-limit/anonymous-rate-limit';
import { CORE_FEATURES } from './modules';

/** What the composition root may add to the core. */
export interface PingyiServerOptions {
  /** Extra features (plugins, test-only modules), composed after the core ones. */
  readonly plugins?: readonly PingyiFeature[];
  /** TypeORM logger, e.g. the test kit's statement counter. */
  readonly sqlLogger?: TypeOrmLogger;
  readonly queryLimits?: QueryLimits;
  readonly apolloPlugins?: ApolloServerPlugin[];
  /** JSON log lines go here instead of stdout (tests that read them). */
  readonly logDestination?: NodeJS.WritableStream;
  /** Overrides `config.logLevel` (the test kit's quieter servers). */
  readonly logLevel?: LogLevelName;
}

/** The features a server with these options runs: core first, then plugins. */
export function featuresOf(options: PingyiServerOptions = {}): PingyiFeature[] {
  return [...CORE_FEATURES, ...(options.plugins ?? [])];
}

/** The root module: configuration, database, GraphQL, the global guard, and every feature. */
@Module({})
export class PingyiServerModule {
  static forRoot(config: PingyiConfig, options: PingyiServerOptions = {}): DynamicModule {
    const features = featuresOf(options);
    const dataSourceOptions = buildDataSourceOptions(config, {
      entities: collectEntities(features),
      migrations: collectMigrations(features),
      ...(options.sqlLogger ? { logger: options.sqlLogger } : {}),
    });
    return {
      module: PingyiServerModule,
      imports: [
        PingyiConfigModule.forRoot(config),
        PingyiLoggingModule.forRoot({
          level: options.logLevel ?? config.logLevel,
          ...(options.logDestination ? { destination: options.logDestination } : {}),
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions, retryAttempts: 2, retryDelay: 1000 }),
          dataSourceFactory: (options) => initializeDataSource(options ?? dataSourceOptions),
        }),
        TransactionsModule,
        PingyiMetricsModule,
        BackgroundWorkModule,
        GraphQLModule.forRoot<ApolloDriverConfig>(
          buildGraphqlOptions(config, {
            ...(options.queryLimits ? { limits: options.queryLimits } : {}),
            ...(options.apolloPlugins ? { plugins: options.apolloPlugins } : {}),
          }),
        ),
        ...features.map((feature) => feature.module),
      ],
      controllers: [HealthController],
      providers: [
        { provide: ANONYMOUS_RATE_LIMIT, useClass: AnonymousRateLimit },
        { provide: APP_GUARD, useClass: AllowGuard },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
        TempFolderSweeper,
        ServerLifecycle,
      ],
    };
  }
}
