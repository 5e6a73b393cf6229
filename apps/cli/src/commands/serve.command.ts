import { CliInputError, EXIT_OK, type CliIo } from '../cli-io.js';
import { parseOptions } from '../parse-options.js';
import { asInputError, loadServerCore, pluginUsesOf } from '../plugins.js';
import type { Command } from './command.js';

const HELP = `Usage: pingyi serve [--plugin PATH|NAME | --config FILE] [--verbose]

Runs a Pingyi server (GraphQL at /graphql) from this folder, with the plugin
--plugin names (a package name or a path, e.g. "." in a plugin's folder) or
the plugins pingyi.config.* lists. The server is configured from the
environment as apps/server is: PORT (default 3000), HOST (127.0.0.1 outside
production, every interface in production), DATABASE_URL (default: SQLite in
PINGYI_DATA_DIR, ./data), PINGYI_ADMIN_PASSWORD, NODE_ENV and the rest of the
README's settings. Stops on Ctrl-C.

Options:
  --plugin PATH|NAME  run with this plugin
  --config FILE    the pingyi.config file listing plugins (default:
                   PINGYI_CONFIG, else pingyi.config.* in this folder)
  --verbose        when it cannot start, the stack trace too
  -h, --help       show this help

Exit status: 2 when it cannot start (a plugin that is not installed, not a
plugin, made for another version, a second copy of @pingyi/server-core, a
throw in init, a bad setting), with one line on stderr naming the problem.
`;

const OPTIONS = {
  plugin: { type: 'string' },
  config: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `pingyi serve`: a server with a plugin, for a plugin author or a small deployment. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'run a Pingyi server here, with --plugin PATH|NAME or the pingyi.config.* plugins',
  help: HELP,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const command = 'pingyi serve';
    const options = parseOptions(argv, OPTIONS, command);
    if (options.help) {
      io.stdout.write(HELP);
      return EXIT_OK;
    }
    if (options.plugin !== undefined && options.config !== undefined)
      throw new CliInputError(`${command}: give --plugin or --config, not both`);
    const core = await loadServerCore();
    const server = await withStack(options.verbose === true, io, async () => {
      const uses = await pluginUsesOf(core, options, command);
      return {
        uses,
        running: await asInputError(command, () =>
          core.bootstrap(core.loadConfig(process.env), { plugins: core.pluginFeatures(uses) }),
        ),
      };
    });
    const names = server.uses.map((use) => use.plugin.name);
    io.stdout.write(
      `Pingyi is running at ${server.running.url.replace('127.0.0.1', 'localhost')}/ (GraphQL at /graphql)${names.length ? `; plugins: ${names.join(', ')}` : ''}\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => void server.running.shutdown().then(resolve, resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT_OK;
  },
};

// The one line main prints stays; --verbose writes the stack trace first.
async function withStack<T>(verbose: boolean, io: CliIo, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause ?? error;
    if (verbose && cause instanceof Error && cause.stack) io.stderr.write(`${cause.stack}\n`);
    throw error;
  }
}
