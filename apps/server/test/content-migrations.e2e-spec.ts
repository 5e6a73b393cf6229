import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { contentMigrationsSuite } from './content-migrations.suite';

describe('campaign content migrations [sqlite]', () => contentMigrationsSuite('sqlite'));
describeOnPostgres('campaign content migrations', () => contentMigrationsSuite('postgres'));
