import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { accessSuite } from './access.suite';

describe('access [sqlite]', () => accessSuite('sqlite'));
describeOnPostgres('access', () => accessSuite('postgres'));
