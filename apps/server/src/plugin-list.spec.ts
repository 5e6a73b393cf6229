import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPluginList } from './plugin-list';

// A plugin file as a bureau might keep next to its config (the brand is what definePlugin adds).
const localPlugin = (name: string, compatibility: string) =>
  `exports.default = { name: ${JSON.stringify(name)}, compatibility: ${JSON.stringify(compatibility)}, [Symbol.for('pingyi.plugin')]: true };\n`;

describe('loadPluginList', () => {
  const dirs: string[] = [];
  const dirWith = (files: Record<string, string>): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-plugins-'));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('runs no plugin when there is no config file (the host feature only)', async () => {
    const list = await loadPluginList({ cwd: dirWith({}), env: {} });
    expect(list.file).toBeNull();
    expect(list.plugins).toEqual([]);
    expect(list.features.map((feature) => feature.name)).toEqual(['plugins']);
  });

  it('reads pingyi.config.json in the working directory, with options', async () => {
    const cwd = dirWith({
      'local.cjs': localPlugin('local-plugin', '^0.1.0'),
      'pingyi.config.json': '{ "plugins": [["./local.cjs", { "rosterSize": 420 }]] }',
    });
    const list = await loadPluginList({ cwd, env: {} });
    expect(list.file).toBe(path.join(cwd, 'pingyi.config.json'));
    expect(list.plugins.map((use) => [use.plugin.name, use.options])).toEqual([['local-plugin', { rosterSize: 420 }]]);
  });

  it('takes the file PINGYI_CONFIG names', async () => {
    const elsewhere = dirWith({
      'local.cjs': localPlugin('named-plugin', '*'),
      'my-config.json': '{ "plugins": ["./local.cjs"] }',
    });
    const list = await loadPluginList({
      cwd: dirWith({}),
      env: { PINGYI_CONFIG: path.join(elsewhere, 'my-config.json') },
    });
    expect(list.plugins.map((use) => use.plugin.name)).toEqual(['named-plugin']);
  });

  it('refuses an incompatible plugin, naming plugin, range and server version', async () => {
    const cwd = dirWith({
      'old.cjs': localPlugin('old-plugin', '^0.1.0'),
      'pingyi.config.json': '{ "plugins": ["./old.cjs"] }',
    });
    await expect(loadPluginList({ cwd, env: {}, serverVersion: '1.0.0' })).rejects.toThrow(
      `plugin "old-plugin" (from ./old.cjs, ${cwd}/old.cjs) requires @pingyi/server-core ^0.1.0, but this server is version 1.0.0`,
    );
  });

  it('refuses a plugin that is not installed, naming the config file', async () => {
    const cwd = dirWith({ 'pingyi.config.json': '{ "plugins": ["@acme/pingyi-plugin-nowhere"] }' });
    await expect(loadPluginList({ cwd, env: {} })).rejects.toThrow(
      new RegExp(
        `${cwd}/pingyi\\.config\\.json: plugins\\[0\\]: cannot find the package "@acme/pingyi-plugin-nowhere"`,
      ),
    );
  });
});
