import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findConfigFile, loadPluginConfig } from './plugin-config';

// A plugin module as a package would ship it (CommonJS, default export). The
// brand is what definePlugin() adds; the real packages are covered end to end.
const pluginModule = (name: string, esm = false): string => {
  const body = `{ name: ${JSON.stringify(name)}, compatibility: '*', [Symbol.for('pingyi.plugin')]: true }`;
  return esm ? `export default ${body};\n` : `exports.default = ${body};\n`;
};

describe('loadPluginConfig', () => {
  const dirs: string[] = [];
  const tempDir = (files: Record<string, string> = {}): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-config-'));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  const installed = () =>
    tempDir({
      'node_modules/@acme/pingyi-plugin-a/package.json': JSON.stringify({
        name: '@acme/pingyi-plugin-a',
        main: 'index.js',
      }),
      'node_modules/@acme/pingyi-plugin-a/index.js': pluginModule('@acme/pingyi-plugin-a'),
      'node_modules/not-a-plugin/index.js': 'module.exports = { hello: 1 };',
    });

  it('finds no plugins when there is no config file', async () => {
    expect(await loadPluginConfig({ dirs: [tempDir()] })).toEqual({ file: null, plugins: [] });
  });

  it('reads a JSON list of packages resolved from the server, with options', async () => {
    const server = installed();
    const dir = tempDir({
      'pingyi.config.json': JSON.stringify({
        plugins: ['@acme/pingyi-plugin-a', ['@acme/pingyi-plugin-a', { rosterSize: 420 }]],
      }),
    });
    const loaded = await loadPluginConfig({ dirs: [dir], resolveFrom: [server] });
    expect(loaded.file).toBe(path.join(dir, 'pingyi.config.json'));
    expect(loaded.plugins.map((use) => [use.plugin.name, use.options, use.source])).toEqual([
      ['@acme/pingyi-plugin-a', undefined, '@acme/pingyi-plugin-a'],
      ['@acme/pingyi-plugin-a', { rosterSize: 420 }, '@acme/pingyi-plugin-a'],
    ]);
  });

  it('reads a CommonJS config with local paths, package objects and plugin objects', async () => {
    const dir = tempDir({
      'local/plugin.cjs': pluginModule('local-plugin'),
      'pingyi.config.cjs': `
        const inline = { name: 'inline-plugin', compatibility: '*', [Symbol.for('pingyi.plugin')]: true };
        module.exports = { plugins: [{ package: './local/plugin.cjs', options: { a: 1 } }, inline, { plugin: inline, options: 2 }] };`,
    });
    const loaded = await loadPluginConfig({ dirs: [dir] });
    expect(loaded.plugins.map((use) => [use.plugin.name, use.options])).toEqual([
      ['local-plugin', { a: 1 }],
      ['inline-plugin', undefined],
      ['inline-plugin', 2],
    ]);
  });

  it('reads an ES module config and ES module plugins', async () => {
    const dir = tempDir({
      'esm-plugin.mjs': pluginModule('esm-plugin', true),
      'pingyi.config.mjs': "export default { plugins: ['./esm-plugin.mjs'] };\n",
    });
    const loaded = await loadPluginConfig({ dirs: [dir] });
    expect(loaded.plugins.map((use) => use.plugin.name)).toEqual(['esm-plugin']);
  });

  it('prefers PINGYI_CONFIG, then the first folder that has a file, .cjs before .json', () => {
    const first = tempDir({ 'pingyi.config.json': '{}', 'pingyi.config.cjs': 'module.exports = {};' });
    const second = tempDir({ 'pingyi.config.json': '{}' });
    expect(findConfigFile({ dirs: [first, second] })).toBe(path.join(first, 'pingyi.config.cjs'));
    expect(findConfigFile({ dirs: [tempDir(), second] })).toBe(path.join(second, 'pingyi.config.json'));
    expect(findConfigFile({ dirs: [first], explicit: path.join(second, 'pingyi.config.json') })).toBe(
      path.join(second, 'pingyi.config.json'),
    );
    expect(() => findConfigFile({ dirs: [first], explicit: '/nowhere/pingyi.config.json' })).toThrow(
      'PINGYI_CONFIG=/nowhere/pingyi.config.json: no such file',
    );
  });

  it.each([
    ['invalid JSON', { 'pingyi.config.json': '{ "plugins": [' }, /pingyi\.config\.json: not valid JSON/],
    [
      'plugins that is not a list',
      { 'pingyi.config.json': '{ "plugins": "a" }' },
      /pingyi\.config\.json: plugins must be a list/,
    ],
    [
      'an entry of the wrong kind',
      { 'pingyi.config.json': '{ "plugins": [42] }' },
      /plugins\[0\]: must be a package name, \[package, options\], \{ package, options \} or a plugin object, got 42/,
    ],
    [
      'a package that is not installed',
      { 'pingyi.config.json': '{ "plugins": ["@acme/missing"] }' },
      /plugins\[0\]: cannot find the package "@acme\/missing" \(looked from .*\); install it with npm install @acme\/missing/,
    ],
    [
      'a package that is no plugin',
      { 'pingyi.config.json': '{ "plugins": ["not-a-plugin"] }' },
      /plugins\[0\]: plugin "not-a-plugin" \(.*not-a-plugin\/index\.js\) does not export a plugin: its default export must be definePlugin/,
    ],
    [
      'a missing local file',
      { 'pingyi.config.json': '{ "plugins": ["./nope.cjs"] }' },
      /plugins\[0\]: cannot find "\.\/nope\.cjs" next to the config file/,
    ],
    [
      'a config that throws',
      { 'pingyi.config.cjs': 'throw new Error("typo here");' },
      /pingyi\.config\.cjs: cannot be loaded: typo here/,
    ],
  ])('refuses %s, naming the file and entry', async (_name, files, message) => {
    const server = installed();
    const dir = tempDir(files);
    await expect(loadPluginConfig({ dirs: [dir], resolveFrom: [server] })).rejects.toThrow(message);
    await expect(loadPluginConfig({ dirs: [dir], resolveFrom: [server] })).rejects.toThrow(dir);
  });

  it('refuses a plugin that brings its own copy of @pingyi/server-core, naming the plugin, both copies and the fix', async () => {
    // What loading a second copy does: it registers itself on the process-wide list (server-core-copies.ts).
    const secondCopy = `const list = globalThis[Symbol.for('pingyi.server-core.copies')];
      list.push({ version: '0.1.0', file: require('path').join(__dirname, 'node_modules/@pingyi/server-core/dist/index.js') });
      exports.default = { name: '@acme/pingyi-plugin-twice', compatibility: '*', [Symbol.for('pingyi.plugin')]: true };`;
    const server = tempDir({
      'node_modules/@acme/pingyi-plugin-twice/package.json': JSON.stringify({
        name: '@acme/pingyi-plugin-twice',
        main: 'index.js',
      }),
      'node_modules/@acme/pingyi-plugin-twice/index.js': secondCopy,
      'node_modules/@acme/pingyi-plugin-twice/node_modules/@pingyi/server-core/package.json':
        '{ "name": "@pingyi/server-core" }',
    });
    const dir = tempDir({ 'pingyi.config.json': '{ "plugins": ["@acme/pingyi-plugin-twice"] }' });
    const error = await loadPluginConfig({ dirs: [dir], resolveFrom: [server] }).catch((e: unknown) => e as Error);
    expect((error as Error).message).toMatch(
      /plugins\[0\]: plugin "@acme\/pingyi-plugin-twice" \(.*index\.js\) loads a second copy of @pingyi\/server-core \(0\.1\.0, from .*pingyi-plugin-twice\/node_modules\/@pingyi\/server-core\) besides the server's \(0\.1\.0, from .*\); a server cannot run two copies: declare @pingyi\/server-core in the plugin's peerDependencies/,
    );
    expect((error as Error).message).not.toMatch(/\n/);
  });
});
