import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { resultsSuite } from './results.suite';

describe('results [sqlite]', () => resultsSuite('sqlite'));
describeOnPostgres('results', () => resultsSuite('postgres'));
