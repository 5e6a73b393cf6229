import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPluginList, PLUGIN_FILE } from './plugin-list';

describe('loadPluginList', () => {
  const dirs: string[] = [];
  const dirWith = (content: string | null): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-plugins-'));
    dirs.push(dir);
    if (content !== null) fs.writeFileSync(path.join(dir, PLUGIN_FILE), content);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('finds no plugins when there is no plugin file', () => {
    expect(loadPluginList(dirWith(null))).toEqual([]);
  });

  it('reads the features a deployment lists', () => {
    const plugins = loadPluginList(dirWith('class M {}\nmodule.exports = { plugins: [{ name: "local-strategy", module: M }] };'));
    expect(plugins.map((p) => p.name)).toEqual(['local-strategy']);
  });

  it.each([
    ['no plugins array', 'module.exports = { plugin: [] };', /must export \{ plugins: \[\.\.\.\] \}/],
    ['an entry without module', 'module.exports = { plugins: [{ name: "x" }] };', /plugins\[0\] must be a PingyiFeature with a name and a module/],
  ])('refuses %s, naming the file', (_name, content, message) => {
    const dir = dirWith(content);
    expect(() => loadPluginList(dir)).toThrow(message);
    expect(() => loadPluginList(dir)).toThrow(path.join(dir, PLUGIN_FILE));
  });
});
