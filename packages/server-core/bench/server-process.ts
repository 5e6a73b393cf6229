// Starts the real Pingyi server (dist) from the environment, as apps/server
// does, and prints "LISTENING <url>": the casting benchmark drives it over
// HTTP from another process, so load generator and server do not share a thread.
import * as core from '../dist/index.js';

async function main(): Promise<void> {
  const config = core.loadConfig(process.env);
  const server = await core.bootstrap(config, { host: '127.0.0.1', logLevels: ['warn', 'error'] });
  process.stdout.write(`LISTENING ${server.url}\n`);
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
