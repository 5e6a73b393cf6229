import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { integrityMigrationSuite } from './integrity-migration.suite';

describe('referential integrity migration [sqlite]', () => integrityMigrationSuite('sqlite'));
describeOnPostgres('referential integrity migration', () => integrityMigrationSuite('postgres'));
