import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { statelessSuite } from './stateless.suite';

describe('two instances [sqlite]', () => statelessSuite('sqlite'));
describeOnPostgres('two instances', () => statelessSuite('postgres'));
