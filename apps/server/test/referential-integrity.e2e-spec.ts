import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { referentialIntegritySuite } from './referential-integrity.suite';

describe('referential integrity [sqlite]', () => referentialIntegritySuite('sqlite'));
describeOnPostgres('referential integrity', () => referentialIntegritySuite('postgres'));
