import { ServerSecretService } from '@pingyi/server-core';
import { createTestServer, type TestDatabase } from '@pingyi/testing';
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, it } from 'vitest';

const hmacUnder = (secret: string, purpose: string, value: string): string =>
  createHmac('sha256', createHmac('sha256', Buffer.from(secret, 'utf8')).update(`pingyi:${purpose}`).digest())
    .update(value)
    .digest('hex');

/**
 * The server secret never sits in the database: in development a generated
 * one lives in the data folder (mode 0600), and one an earlier version kept
 * in `server_setting` is moved out to that file on start.
 */
export function serverSecretSuite(database: TestDatabase): void {
  it('keeps a generated secret in the data folder, mode 0600, and nothing in the database', async () => {
    const server = await createTestServer({ database });
    try {
      const file = path.join(server.config.dataDir, 'server-secret');
      expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
      const secret = fs.readFileSync(file, 'utf8').trim();
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(server.app.get(ServerSecretService).hmac('t', 'v')).toBe(hmacUnder(secret, 't', 'v'));
      expect(await server.dataSource.query('SELECT * FROM server_setting')).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('moves a secret an earlier version kept in server_setting out to the file, so its codes keep working', async () => {
    const first = await createTestServer({ database });
    const legacy = 'legacy-secret-kept-in-the-database-0123456789';
    const reuse =
      first.config.database.type === 'postgres'
        ? { dataDir: first.config.dataDir, databaseUrl: first.config.database.url }
        : { dataDir: first.config.dataDir };
    await first.dataSource.query(`INSERT INTO server_setting (key, value) VALUES ('server-secret', '${legacy}')`);
    await first.close({ keepData: true });
    fs.rmSync(path.join(reuse.dataDir, 'server-secret'));
    const second = await createTestServer({ database, reuse });
    try {
      expect(second.app.get(ServerSecretService).hmac('access-code', 'X')).toBe(hmacUnder(legacy, 'access-code', 'X'));
      expect(await second.dataSource.query('SELECT * FROM server_setting')).toEqual([]);
      const file = path.join(reuse.dataDir, 'server-secret');
      expect(fs.readFileSync(file, 'utf8').trim()).toBe(legacy);
      expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    } finally {
      await second.close();
    }
  });

  it('refuses to start in production without PINGYI_SECRET, naming the variable', async () => {
    await expect(createTestServer({ database, env: { NODE_ENV: 'production' } })).rejects.toThrow(
      /PINGYI_SECRET: is required when NODE_ENV=production/,
    );
  });

  it('uses PINGYI_SECRET and writes no file when it is set', async () => {
    const secret = 'an-environment-secret-0123456789abcdef';
    const server = await createTestServer({ database, env: { PINGYI_SECRET: secret } });
    try {
      expect(server.app.get(ServerSecretService).hmac('t', 'v')).toBe(hmacUnder(secret, 't', 'v'));
      expect(fs.existsSync(path.join(server.config.dataDir, 'server-secret'))).toBe(false);
    } finally {
      await server.close();
    }
  });
}
