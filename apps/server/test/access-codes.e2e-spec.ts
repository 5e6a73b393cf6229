import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { accessCodesSuite } from './access-codes.suite';

describe('access codes [sqlite]', () => accessCodesSuite('sqlite'));
describeOnPostgres('access codes', () => accessCodesSuite('postgres'));
