import { describeOnPostgres } from '@pingyi/testing';
import { describe } from 'vitest';
import { referentialIntegritySuite } from './referential-integrity.suite';

describe('referential integrity [sqlite]', () => referentialIntegritySuite('sqlite'));
describeOnPostgres('referential integrity', () => referentialIntegritySuite('postgres'));
// the test kit may build throwaway schemas from the entities: the same keys must hold there
describe('referential integrity, schema from the entities [sqlite]', () =>
  referentialIntegritySuite('sqlite', { synchronize: true }));
describeOnPostgres('referential integrity, schema from the entities', () =>
  referentialIntegritySuite('postgres', { synchronize: true }),
);
