import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPluginList } from '../src/plugin-list';
import { configDir } from './plugins.suite';

// The real server process, started as `npm start` starts it (TypeScript through tsx here).
function startServer(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-start-'));
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '../src/main.ts')], {
    cwd: path.join(__dirname, '..'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      PINGYI_DATA_DIR: data,
      PINGYI_DEMO: '0',
      PINGYI_ADMIN_PASSWORD: 'start-test-password',
      DATABASE_URL: '',
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  fs.rmSync(data, { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ADMIN_PASSWORD = 'start-test-password';

/** Starts the real server in its own process and waits until it listens; returns its URL and a stop function. */
async function bootServer(
  env: Record<string, string>,
): Promise<{ url: string; output: () => string; stop: () => Promise<number | null> }> {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-boot-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../src/main.ts')], {
    cwd: path.join(__dirname, '..'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      PINGYI_DATA_DIR: data,
      PINGYI_DEMO: '0',
      PINGYI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DATABASE_URL: '',
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in time:\n${output}`)), 60_000);
    const check = () => {
      const match = /Pingyi is running at (http:\/\/localhost:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`the server exited:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      fs.rmSync(data, { recursive: true, force: true });
      return code;
    },
  };
}

describe('plugins at start', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('refuses an incompatible plugin: the server stops with a message naming plugin, range and version', () => {
    const dir = configDir([
      '@pingyi/plugin-weighted-indicators',
      { package: path.join(__dirname, 'plugins-incompatible.plugin.mjs') },
    ]);
    dirs.push(dir);
    const started = startServer({ PINGYI_CONFIG: path.join(dir, 'pingyi.config.json') });
    expect(started.status).toBe(2);
    expect(started.stderr.trim().split('\n')).toHaveLength(1);
    expect(started.stderr.trim()).toBe(
      `Pingyi cannot start: plugin "@pingyi-test/from-the-future" (from ${path.join(__dirname, 'plugins-incompatible.plugin.mjs')}) requires @pingyi/server-core ^9.0.0, but this server is version 0.1.0; install a version of the plugin made for 0.1.0`,
    );
    expect(started.stdout).not.toMatch(/Pingyi is running/);
  });

  it('refuses a config file that names a plugin that is not installed', () => {
    const dir = configDir(['@acme/pingyi-plugin-not-installed']);
    dirs.push(dir);
    const started = startServer({ PINGYI_CONFIG: path.join(dir, 'pingyi.config.json') });
    expect(started.status).toBe(2);
    expect(started.stderr).toMatch(
      /^Pingyi cannot start: .*pingyi\.config\.json: plugins\[0\]: cannot find the package "@acme\/pingyi-plugin-not-installed"/,
    );
  });

  // A plugin folder inside the repository, so that its own copy of server-core finds Nest in the root node_modules.
  const pluginFolder = (name: string, files: Record<string, string>): string => {
    const dir = fs.mkdtempSync(path.join(__dirname, '.tmp-plugin-'));
    dirs.push(dir);
    for (const [file, content] of Object.entries({
      'package.json': JSON.stringify({ name, version: '1.0.0', main: 'index.js' }),
      ...files,
    })) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    }
    return dir;
  };

  it('refuses a plugin that loads its own copy of @pingyi/server-core: one line naming the plugin, both copies and the fix; exit 2', () => {
    const core = path.dirname(require.resolve('@pingyi/server-core/package.json'));
    const plugin = pluginFolder('@acme/pingyi-plugin-twice', {
      'index.js':
        "const { definePlugin } = require('@pingyi/server-core');\nexports.default = definePlugin({ name: '@acme/pingyi-plugin-twice', compatibility: '^0.1.0' });\n",
      'node_modules/@pingyi/server-core/package.json': fs.readFileSync(path.join(core, 'package.json'), 'utf8'),
      'node_modules/@pingyi/server-core/dist/index.js': fs.readFileSync(path.join(core, 'dist/index.js'), 'utf8'),
    });
    const dir = configDir([plugin]);
    dirs.push(dir);
    const started = startServer({ PINGYI_CONFIG: path.join(dir, 'pingyi.config.json') });
    expect(started.status).toBe(2);
    const lines = started.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `plugin "${plugin}" (${path.join(plugin, 'index.js')}) loads a second copy of @pingyi/server-core (0.1.0, from ${path.join(plugin, 'node_modules/@pingyi/server-core')})`,
    );
    expect(lines[0]).toMatch(/declare @pingyi\/server-core in the plugin's peerDependencies, not dependencies/);
    expect(started.stderr).not.toMatch(/Cannot determine a GraphQL output type|at /);
  });

  // three server processes, one after the other
  it(
    'refuses a package that exports no plugin, and a plugin whose init throws, in one line each; --verbose adds the stack',
    { timeout: 180_000 },
    () => {
      const notAPlugin = pluginFolder('@acme/not-a-plugin', { 'index.js': 'exports.strategy = {};\n' });
      const throwing = pluginFolder('@acme/pingyi-plugin-picky', {
        'index.js':
          "const { definePlugin } = require('@pingyi/server-core');\nexports.default = definePlugin({ name: '@acme/pingyi-plugin-picky', compatibility: '^0.1.0', init(options) { if (!options) throw new Error('rosterSize is required'); } });\n",
      });
      for (const [plugin, expected] of [
        [
          notAPlugin,
          `plugin "${notAPlugin}" (${path.join(notAPlugin, 'index.js')}) does not export a plugin: its default export must be definePlugin(`,
        ],
        [
          throwing,
          `plugin "@acme/pingyi-plugin-picky" (from ${throwing}, ${path.join(throwing, 'index.js')}) refused to start: rosterSize is required; change its options in the config file`,
        ],
      ] as const) {
        const dir = configDir([plugin]);
        dirs.push(dir);
        const started = startServer({ PINGYI_CONFIG: path.join(dir, 'pingyi.config.json') });
        expect(started.status).toBe(2);
        expect(started.stderr.trim().split('\n')).toHaveLength(1);
        expect(started.stderr).toContain(expected);
      }
      const dir = configDir([throwing]);
      dirs.push(dir);
      const verbose = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(__dirname, '../src/main.ts'), '--verbose'],
        {
          cwd: path.join(__dirname, '..'),
          env: {
            ...process.env,
            NODE_ENV: 'test',
            PORT: '0',
            PINGYI_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-start-')),
            PINGYI_DEMO: '0',
            DATABASE_URL: '',
            PINGYI_CONFIG: path.join(dir, 'pingyi.config.json'),
          },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(verbose.status).toBe(2);
      expect(verbose.stderr).toMatch(/refused to start: rosterSize is required[^\n]*\n.*PingyiError/s);
      expect(verbose.stderr).toMatch(/\n\s+at /);
    },
  );

  it('starts with the example plugins installed through the workspace, listed in the config file, and serves their strategies', async () => {
    const dir = configDir([
      '@pingyi/plugin-weighted-indicators',
      ['@pingyi/plugin-peoples-congress-majority', { rosterSize: 420 }],
    ]);
    dirs.push(dir);
    const server = await bootServer({ PINGYI_CONFIG: path.join(dir, 'pingyi.config.json') });
    try {
      expect(server.output()).toContain(
        `Plugins from ${path.join(dir, 'pingyi.config.json')}: @pingyi/plugin-weighted-indicators, @pingyi/plugin-peoples-congress-majority`,
      );
      const post = async (query: string, token?: string) => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query }),
        });
        return (await response.json()) as { data: Record<string, unknown> };
      };
      const login = await post(
        `mutation { login(username: "admin", password: "${ADMIN_PASSWORD}") { ... on LoginSuccess { token } } }`,
      );
      const token = (login.data.login as { token: string }).token;
      const { data } = await post('{ scoringStrategies { code plugin } campaignTemplates { code plugin } }', token);
      expect(data.scoringStrategies).toEqual(
        expect.arrayContaining([
          { code: 'weighted-indicators/composite', plugin: '@pingyi/plugin-weighted-indicators' },
          { code: 'peoples-congress/majority', plugin: '@pingyi/plugin-peoples-congress-majority' },
        ]),
      );
      expect(data.campaignTemplates).toEqual([
        { code: 'seed', plugin: null },
        { code: 'weighted-indicators/seed-composite', plugin: '@pingyi/plugin-weighted-indicators' },
      ]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('finds the example plugins installed through the workspace from any folder', async () => {
    const dir = configDir([
      '@pingyi/plugin-weighted-indicators',
      ['@pingyi/plugin-peoples-congress-majority', { rosterSize: 420 }],
    ]);
    dirs.push(dir);
    const list = await loadPluginList({ cwd: dir, env: {} });
    expect(list.plugins.map((use) => [use.plugin.name, use.options])).toEqual([
      ['@pingyi/plugin-weighted-indicators', undefined],
      ['@pingyi/plugin-peoples-congress-majority', { rosterSize: 420 }],
    ]);
    expect(list.features.map((feature) => feature.name)).toEqual(['plugins']);
  });
});
