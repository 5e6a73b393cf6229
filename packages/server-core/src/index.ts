// Public API of @pingyi/server-core: what apps/server, the test kit and plugins use.

export * from './config/pingyi-config';
export * from './config/config.tokens';
export * from './config/config.module';

export * from './database/data-source-options';
export * from './database/dialect';
export * from './database/migration-columns';
export * from './database/column-defaults';
export * from './database/snake-naming.strategy';
export * from './database/statement-counter';

export * from './common/allow.decorator';
export * from './common/allow.guard';
export * from './common/audit-sink';
export * from './common/authenticator';
export * from './common/ctx.decorator';
export * from './common/error-result';
export * from './common/pagination';
export * from './common/pingyi-feature';
export * from './common/request-context';
export * from './common/roles';
export * from './common/scoping';
export * from './common/unit-directory';
export * from './common/validation';

export * from './graphql/graphql-options';
export * from './graphql/query-limits';
export * from './graphql/format-error';

export * from './settings/server-secret.service';
export * from './bureau/bureau.entity';
export * from './bureau/bureau.service';
export * from './auth/user.entity';
export * from './auth/auth-token.entity';
export * from './auth/auth.errors';
export * from './auth/user.service';
export * from './auth/token.service';
export * from './auth/password-hasher';
export * from './auth/first-start.service';
export * from './audit/audit.decorator';
export * from './audit/audit-entry.entity';
export * from './audit/audit.service';

export * from './modules';
export * from './pingyi-server.module';
export * from './bootstrap';

// The shared error type, for callers that do not depend on @pingyi/domain themselves.
export { PingyiError, isPingyiError } from '@pingyi/domain';
