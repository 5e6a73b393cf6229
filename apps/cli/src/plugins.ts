import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPingyiError } from '@pingyi/domain';
import { CliInputError } from './cli-io.js';

// @pingyi/server-core is loaded only when plugins are used (it brings the
// server's libraries; `pingyi score` without plugins stays fast).
export type ServerCore = typeof import('@pingyi/server-core');
// It is an optional peer: `npx @pingyi/cli plugin init` needs no server.
export async function loadServerCore(): Promise<ServerCore> {
  try {
    return await import('@pingyi/server-core');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' || !String((error as Error).message).includes('@pingyi/server-core'))
      throw error;
    throw new CliInputError(
      'pingyi: this command needs @pingyi/server-core next to @pingyi/cli: npm install @pingyi/server-core',
    );
  }
}
type PluginRegistry = import('@pingyi/server-core').PluginRegistry;
type PluginUse = import('@pingyi/server-core').PluginUse;
interface PluginOptions {
  readonly config?: string | undefined;
  readonly plugin?: string | undefined;
}

/** server-core's CONFIG_FILE_NAMES, known here without loading it (plugins.spec.ts checks they agree). */
export const CONFIG_FILE_NAMES = [
  'pingyi.config.cjs',
  'pingyi.config.mjs',
  'pingyi.config.js',
  'pingyi.config.json',
] as const;

/** The repository root: the nearest folder above this file whose package.json has workspaces. */
function repositoryRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Where a config file is looked for: this folder, then (in the repository) its root and apps/server. */
export function configDirs(): string[] {
  const root = repositoryRoot();
  return [process.cwd(), ...(root ? [root, join(root, 'apps/server')] : [])];
}

/** Whether a config file would be found (explicitly, by PINGYI_CONFIG, or in the folders). */
export function hasPluginConfig(config: string | undefined): boolean {
  if (config !== undefined || (process.env.PINGYI_CONFIG ?? '') !== '') return true;
  return configDirs().some((dir) => CONFIG_FILE_NAMES.some((name) => existsSync(join(dir, name))));
}

/**
 * The plugins a command runs with: `--plugin PATH|NAME` (one package or file,
 * resolved from this folder), else the config file's list, not yet checked.
 * A problem is one line naming the plugin, where it is and the fix.
 */
export async function pluginUsesOf(
  core: ServerCore,
  options: PluginOptions,
  command: string,
): Promise<readonly PluginUse[]> {
  const dirs = configDirs();
  return asInputError(command, async () => {
    if (options.plugin !== undefined) return [await core.loadPlugin(options.plugin, { dirs })];
    return (
      await core.loadPluginConfig({
        dirs,
        explicit: options.config ?? process.env[core.CONFIG_FILE_ENV],
        resolveFrom: dirs,
      })
    ).plugins;
  });
}

/** {@link pluginUsesOf}, checked together (compatibility, unique codes, `init`). */
export async function pluginsOf(core: ServerCore, options: PluginOptions, command: string): Promise<PluginRegistry> {
  const uses = await pluginUsesOf(core, options, command);
  return asInputError(command, async () => core.PluginRegistry.create(uses));
}

/** Runs `fn`; a PingyiError becomes one line prefixed with the command. */
export async function asInputError<T>(command: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isPingyiError(error)) throw new CliInputError(`${command}: ${error.message}`, { cause: error });
    throw error;
  }
}
