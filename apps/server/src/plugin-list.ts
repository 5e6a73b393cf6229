import {
  CONFIG_FILE_ENV,
  loadPluginConfig,
  type PingyiFeature,
  pluginFeatures,
  type PluginUse,
} from '@pingyi/server-core';
import * as path from 'node:path';

/** The repository root (apps/server/dist or apps/server/src → three levels up). */
const REPOSITORY_ROOT = path.resolve(__dirname, '../../..');
/** The server's package folder: plugins installed for it resolve from here. */
const SERVER_DIR = path.resolve(__dirname, '..');

/** The plugins a deployment runs, as read from its config file. */
export interface PluginList {
  /** The config file read; null when there is none (no plugins). */
  readonly file: string | null;
  readonly plugins: readonly PluginUse[];
  /** What `bootstrap(config, { plugins })` takes. */
  readonly features: PingyiFeature[];
}

export interface PluginListOptions {
  /** Where the server is started (`npm start` runs in apps/server). */
  readonly cwd: string;
  /** `PINGYI_CONFIG` names the config file explicitly. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The version plugins' compatibility ranges are checked against (tests); default this server-core's. */
  readonly serverVersion?: string;
}

/**
 * Reads the plugin list: the file `PINGYI_CONFIG` names, else the first
 * `pingyi.config.{cjs,mjs,js,json}` in the server's working directory, then
 * in the repository root. Packages resolve from the config file's folder,
 * then from the server's. Each plugin is checked (compatibility with this
 * server, unique codes, its `init(options)`); any problem throws a
 * `PingyiError` whose message names the file or plugin, so the server does
 * not start. No file: no plugins.
 */
export async function loadPluginList(options: PluginListOptions): Promise<PluginList> {
  const { file, plugins } = await loadPluginConfig({
    dirs: [options.cwd, REPOSITORY_ROOT],
    explicit: options.env?.[CONFIG_FILE_ENV],
    resolveFrom: [SERVER_DIR],
  });
  return { file, plugins, features: pluginFeatures(plugins, options.serverVersion) };
}
