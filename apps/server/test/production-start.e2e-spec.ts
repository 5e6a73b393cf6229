import { GENERATED_PASSWORDS_FILE } from '@pingyi/server-core';
import { createTestServer } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gqlAt, type ServerProcess, startServerProcess } from './support/server-process';

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on LoginSuccess { token } } }`;
const SECRET = 'production-start-test-secret-0123456789';

/** A production start as a service runs it: NODE_ENV=production, no terminal, output captured as the server log. */
describe('production start', () => {
  const started: ServerProcess[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.stop()));
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  const startProduction = async (
    env: Record<string, string> = {},
  ): Promise<{ server: ServerProcess; data: string }> => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-production-'));
    dirs.push(data);
    const server = await startServerProcess(
      {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PINGYI_DATA_DIR: data,
        PINGYI_ADMIN_PASSWORD: '',
        PINGYI_DEMO: '',
        PINGYI_SECRET: SECRET,
        ...env,
      },
      { detached: true },
    );
    started.push(server);
    return { server, data };
  };
  const generatedPassword = (data: string, username: string): string => {
    const text = fs.readFileSync(path.join(data, GENERATED_PASSWORDS_FILE), 'utf8');
    const match = new RegExp(`"${username}" with the generated password: (\\S+)|^\\s+${username}\\s+(\\S+)`, 'm').exec(
      text,
    );
    if (!match) throw new Error(`no password of ${username} in ${text}`);
    return (match[1] ?? match[2]) as string;
  };
  const tokenOf = async (url: string, username: string, password: string): Promise<string> => {
    const { data } = await gqlAt(url, LOGIN, { u: username, p: password });
    expect(data.login.__typename).toBe('LoginSuccess');
    return data.login.token as string;
  };

  it('loads no demo campaign and no demo users without PINGYI_DEMO=1, and keeps the generated admin password out of the log', async () => {
    const { server, data } = await startProduction();
    const file = path.join(data, GENERATED_PASSWORDS_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const password = generatedPassword(data, 'admin');
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(server.output()).not.toContain(password);
    expect(server.output()).toContain(file);

    const token = await tokenOf(server.url, 'admin', password);
    const { data: listed } = await gqlAt(
      server.url,
      '{ campaigns { totalItems } users { items { username } } }',
      {},
      token,
    );
    expect(listed.campaigns.totalItems).toBe(0);
    expect(listed.users.items.map((user: { username: string }) => user.username)).toEqual(['admin']);
    expect(
      (await gqlAt(server.url, LOGIN, { u: 'demo-office', p: 'demo-office-pass' })).data.login.__typename,
    ).not.toBe('LoginSuccess');
  });

  it('loads the demo with PINGYI_DEMO=1, with generated passwords for the demo users kept out of the log', async () => {
    const { server, data } = await startProduction({ PINGYI_DEMO: '1' });
    const password = generatedPassword(data, 'demo-office');
    expect(password).not.toBe('demo-office-pass');
    expect(server.output()).not.toContain(password);
    expect(server.output()).not.toContain(generatedPassword(data, 'admin'));
    const token = await tokenOf(server.url, 'demo-office', password);
    expect(
      (await gqlAt(server.url, '{ campaigns { totalItems } }', {}, token)).data.campaigns.totalItems,
    ).toBeGreaterThan(0);
  }, 180_000);

  it('listens on the address HOST names, and only there', async () => {
    const server = await createTestServer({ env: { HOST: '127.0.0.2' } });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
      expect((server.app.getHttpServer().address() as { address: string }).address).toBe('127.0.0.2');
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      const port = new URL(server.url).port;
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      await server.close();
    }
  });
});
