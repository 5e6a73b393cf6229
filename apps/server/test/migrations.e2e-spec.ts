import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { migrationsSuite } from './migrations.suite';

describe('migrations [sqlite]', () => migrationsSuite('sqlite'));
describeOnPostgres('migrations', () => migrationsSuite('postgres'));
