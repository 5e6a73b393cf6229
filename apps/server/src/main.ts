import { bootstrap, isPingyiError, loadConfig } from '@pingyi/server-core';
import * as path from 'node:path';
import { loadPluginList } from './plugin-list';
import { startFailure } from './start-failure';

// The composition root: configuration from the environment, the plugin list,
// then the server (migrations run as it starts).
async function main(): Promise<void> {
  const config = loadConfig(process.env, { consoleDir: path.resolve(__dirname, '../../console/dist') });
  const plugins = await loadPluginList({ cwd: process.cwd(), env: process.env });
  if (plugins.file)
    console.log(`Plugins from ${plugins.file}: ${plugins.plugins.map((use) => use.plugin.name).join(', ') || 'none'}`);
  const server = await bootstrap(config, { plugins: plugins.features });
  console.log(`Pingyi is running at ${server.url.replace('127.0.0.1', 'localhost')}/ (GraphQL at /graphql)`);
  // graceful: stop accepting, let requests in flight finish, then the mixer's batch, then the pool
  const stop = (signal: string): void => {
    console.log(`${signal}: stopping`);
    server.shutdown().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const { message, exitCode } = startFailure(error, { verbose: process.argv.includes('--verbose'), isPingyiError });
  console.error(message);
  process.exit(exitCode);
});
