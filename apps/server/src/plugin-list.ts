import { type PingyiFeature } from '@pingyi/server-core';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The file a deployment lists its plugins in, next to where the server is started. */
export const PLUGIN_FILE = 'pingyi.plugins.cjs';

/**
 * Reads the plugin list from `pingyi.plugins.cjs` in `dir` when it exists:
 * `module.exports = { plugins: [myPlugin] }`, each a `PingyiFeature`. No file
 * means no plugins. A malformed file is an error naming it.
 */
export function loadPluginList(dir: string, load: (file: string) => unknown = require): PingyiFeature[] {
  const file = path.resolve(dir, PLUGIN_FILE);
  if (!fs.existsSync(file)) return [];
  const exported = load(file) as { plugins?: unknown } | null;
  const plugins = exported?.plugins;
  if (!Array.isArray(plugins)) throw new Error(`${file}: must export { plugins: [...] }`);
  plugins.forEach((plugin: unknown, i) => {
    const candidate = plugin as Partial<PingyiFeature> | null;
    if (!candidate || typeof candidate.name !== 'string' || !candidate.module) {
      throw new Error(`${file}: plugins[${i}] must be a PingyiFeature with a name and a module`);
    }
  });
  return plugins as PingyiFeature[];
}
