// @pingyi/testing: start a real Pingyi server in tests and speak GraphQL to it.
export * from './test-server';
export * from './campaign-fixtures';
export * from './postgres';
export * from './describe-on-postgres';
export * from './redis';
export { StatementCounter, type RecordedStatement } from '@pingyi/server-core';
export * from './strategy-test-kit';
