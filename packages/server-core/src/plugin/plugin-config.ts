import { PingyiError } from '@pingyi/domain';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isPingyiPlugin, type PingyiPlugin } from './define-plugin';
import { type PluginUse } from './plugin-registry';
import { loadedServerCoreCopies, secondCopyProblem } from './server-core-copies';

/** The names a deployment's config file may have, in the order they are looked for in a folder. */
export const CONFIG_FILE_NAMES = [
  'pingyi.config.cjs',
  'pingyi.config.mjs',
  'pingyi.config.js',
  'pingyi.config.json',
] as const;

/** The environment variable that names the config file explicitly. */
export const CONFIG_FILE_ENV = 'PINGYI_CONFIG';

/** What a config file's `plugins` list holds, one entry per plugin. */
export type PluginConfigEntry =
  | string
  | PingyiPlugin
  | readonly [string | PingyiPlugin, unknown?]
  | { readonly package: string; readonly options?: unknown }
  | { readonly plugin: PingyiPlugin; readonly options?: unknown };

/** A config file as read: where it is and the plugins it lists (loaded). */
export interface LoadedConfig {
  /** Absolute path of the file; null when none was found (no plugins). */
  readonly file: string | null;
  readonly plugins: readonly PluginUse[];
}

export interface FindConfigOptions {
  /** Folders to look in, in order (the server's working directory, the repository root). */
  readonly dirs: readonly string[];
  /** An explicit file (`PINGYI_CONFIG`); it must exist. */
  readonly explicit?: string | undefined;
}

/** The config file to use: the explicit one, else the first `pingyi.config.*` in `dirs`; null when none. */
export function findConfigFile(options: FindConfigOptions): string | null {
  if (options.explicit !== undefined && options.explicit !== '') {
    const file = path.resolve(options.explicit);
    if (!fs.existsSync(file))
      throw new PingyiError('INVALID_CONFIG', `${CONFIG_FILE_ENV}=${options.explicit}: no such file`);
    return file;
  }
  for (const dir of options.dirs) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.resolve(dir, name);
      if (fs.existsSync(file)) return file;
    }
  }
  return null;
}

export interface LoadConfigOptions extends FindConfigOptions {
  /**
   * Folders plugin packages are resolved from after the config file's own
   * folder: the server's (or the CLI's) package folder, so that a plugin
   * installed in the workspace is found wherever the config file is.
   */
  readonly resolveFrom?: readonly string[];
}

/**
 * Finds and reads the config file and loads every plugin it lists:
 *
 * ```js
 * // pingyi.config.cjs
 * module.exports = {
 *   plugins: [
 *     '@pingyi/plugin-weighted-indicators',                                  // a package
 *     ['@pingyi/plugin-peoples-congress-majority', { rosterSize: 420 }],     // with options
 *     { package: './local-plugin', options: {} },                           // a path from this file
 *   ],
 * };
 * ```
 * (`pingyi.config.json` takes the same list without the JavaScript.) No file
 * means no plugins. Any problem is `INVALID_CONFIG` naming the file, the entry
 * and what is wrong.
 */
export async function loadPluginConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const file = findConfigFile(options);
  if (file === null) return { file: null, plugins: [] };
  const fail = (where: string, message: string): never => {
    throw new PingyiError('INVALID_CONFIG', `${file}: ${where}${message}`);
  };
  const before = loadedServerCoreCopies().length;
  const exported = await readConfigModule(file, fail);
  const fromConfig = secondCopyProblem(`the config file`, before);
  if (fromConfig) fail('', fromConfig);
  const list = (exported as { plugins?: unknown } | null)?.plugins;
  if (list === undefined) return { file, plugins: [] };
  if (!Array.isArray(list)) return fail('', 'plugins must be a list, e.g. { "plugins": ["@acme/pingyi-plugin"] }');
  const dirs = [path.dirname(file), ...(options.resolveFrom ?? [])];
  const plugins: PluginUse[] = [];
  for (const [i, entry] of (list as unknown[]).entries()) {
    const at = `plugins[${i}]: `;
    const { target, options: pluginOptions } = entryParts(entry, (message) => fail(at, message));
    if (typeof target !== 'string') {
      plugins.push({ plugin: target, options: pluginOptions, source: file });
      continue;
    }
    plugins.push(await loadPluginUse(target, pluginOptions, dirs, (message) => fail(at, message)));
  }
  return { file, plugins };
}

/**
 * Loads one plugin package (or file) for a tool that is given it directly
 * (`pingyi score --plugin PATH|NAME`): resolved from `dirs` in order (a path
 * from the first). Any problem is `INVALID_PLUGIN` naming the plugin, where
 * it is and the fix, as for a config file's entries.
 */
export async function loadPlugin(
  specifier: string,
  options: { readonly dirs: readonly string[]; readonly options?: unknown },
): Promise<PluginUse> {
  const fail = (message: string): never => {
    throw new PingyiError('INVALID_PLUGIN', message);
  };
  return loadPluginUse(checkSpecifier(specifier, fail), options.options, options.dirs, fail);
}

async function loadPluginUse(
  target: string,
  options: unknown,
  dirs: readonly string[],
  fail: (message: string) => never,
): Promise<PluginUse> {
  const copies = loadedServerCoreCopies().length;
  const { exports: loaded, file: resolved } = await loadModule(target, dirs, fail);
  const where = `"${target}"${resolved === target ? '' : ` (${resolved})`}`;
  const secondCopy = secondCopyProblem(`plugin ${where}`, copies);
  if (secondCopy) fail(secondCopy);
  return { plugin: pluginOf(loaded, where, fail), options, source: target, path: resolved };
}

function entryParts(
  entry: unknown,
  fail: (message: string) => never,
): { target: string | PingyiPlugin; options: unknown } {
  if (typeof entry === 'string') return { target: checkSpecifier(entry, fail), options: undefined };
  if (isPingyiPlugin(entry)) return { target: entry, options: undefined };
  if (Array.isArray(entry)) {
    if (entry.length < 1 || entry.length > 2) fail('a list entry is [package, options]');
    const [target, options] = entry as [unknown, unknown];
    if (typeof target === 'string') return { target: checkSpecifier(target, fail), options };
    if (isPingyiPlugin(target)) return { target, options };
    return fail('a list entry is [package, options]; the first item must be a package name or a plugin');
  }
  if (typeof entry === 'object' && entry !== null) {
    const record = entry as Record<string, unknown>;
    if (typeof record.package === 'string')
      return { target: checkSpecifier(record.package, fail), options: record.options };
    if (isPingyiPlugin(record.plugin)) return { target: record.plugin, options: record.options };
  }
  return fail(
    `must be a package name, [package, options], { package, options } or a plugin object, got ${JSON.stringify(entry) ?? typeof entry}`,
  );
}

function checkSpecifier(specifier: string, fail: (message: string) => never): string {
  if (specifier.trim() === '') fail('the package name is empty');
  return specifier.trim();
}

async function readConfigModule(file: string, fail: (where: string, message: string) => never): Promise<unknown> {
  if (file.endsWith('.json')) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      return fail('', `cannot read: ${(error as Error).message}`);
    }
    try {
      return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    } catch (error) {
      return fail('', `not valid JSON: ${(error as Error).message}`);
    }
  }
  try {
    const loaded = await importOrRequire(file, createRequire(file));
    return (loaded as { default?: unknown }).default ?? loaded;
  } catch (error) {
    return fail('', `cannot be loaded: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Resolves a package name (or a path relative to the config file) from the first folder that has it, and loads it. */
async function loadModule(
  specifier: string,
  dirs: readonly string[],
  fail: (message: string) => never,
): Promise<{ exports: unknown; file: string }> {
  const relative = specifier.startsWith('.') || path.isAbsolute(specifier);
  let resolved: string | undefined;
  let requireFrom: NodeJS.Require | undefined;
  for (const dir of relative ? dirs.slice(0, 1) : dirs) {
    const require = createRequire(path.join(dir, 'noop.js'));
    try {
      resolved = require.resolve(specifier);
      requireFrom = require;
      break;
    } catch {
      // try the next folder
    }
  }
  if (!resolved || !requireFrom) {
    return fail(
      relative
        ? `cannot find "${specifier}" next to the config file`
        : `cannot find the package "${specifier}" (looked from ${dirs.join(', ')}); install it with npm install ${specifier}`,
    );
  }
  try {
    return { exports: await importOrRequire(resolved, requireFrom), file: resolved };
  } catch (error) {
    return fail(
      `"${specifier}" (${resolved}) cannot be loaded: ${(error as Error).message.split('\n')[0]}; check that it is built (npm run build in its folder)`,
    );
  }
}

// CommonJS plugins are required; ES modules are imported.
async function importOrRequire(file: string, require: NodeJS.Require): Promise<unknown> {
  if (file.endsWith('.mjs')) return dynamicImport(pathToFileURL(file).href);
  try {
    return require(file) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw error;
    return dynamicImport(pathToFileURL(file).href);
  }
}

// The CommonJS build keeps import() of a computed specifier as a real import (checked in the built file).
const dynamicImport = (specifier: string): Promise<unknown> => import(specifier);

function pluginOf(loaded: unknown, where: string, fail: (message: string) => never): PingyiPlugin {
  const candidates = [
    loaded,
    (loaded as { default?: unknown })?.default,
    (loaded as { default?: { default?: unknown } })?.default?.default,
  ];
  const plugin = candidates.find(isPingyiPlugin);
  return (
    plugin ??
    fail(
      `plugin ${where} does not export a plugin: its default export must be definePlugin({ name, compatibility, ... }) from @pingyi/server-core`,
    )
  );
}
