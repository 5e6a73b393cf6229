import { createTestServer, describeOnPostgres } from '@pingyi/testing';
import { describe, expect, it } from 'vitest';
import { demoSuite } from './demo.suite';

describe('demo [sqlite]', () => {
  demoSuite('sqlite');

  it('loads nothing with PINGYI_DEMO=0', async () => {
    const server = await createTestServer({ env: { PINGYI_DEMO: '0' } });
    try {
      expect(
        (await server.gql('{ campaigns { totalItems } }', {}, await server.adminToken())).data.campaigns.totalItems,
      ).toBe(0);
    } finally {
      await server.close();
    }
  });
});
describeOnPostgres('demo', () => demoSuite('postgres'));
