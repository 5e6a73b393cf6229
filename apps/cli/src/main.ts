import { CliInputError, EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, oneLine, type CliIo } from './cli-io.js';
import type { Command } from './commands/command.js';
import { backupCommand, restoreCommand } from './commands/backup.command.js';
import { campaignCommand } from './commands/campaign-init.command.js';
import { pluginCommand } from './commands/plugin-init.command.js';
import { scoreCommand } from './commands/score.command.js';
import { serveCommand } from './commands/serve.command.js';
import { CLI_VERSION } from './version.js';

/** The command table: `import`, `export` and `campaign init` slot in here. */
const COMMANDS: readonly Command[] = [
  scoreCommand,
  campaignCommand,
  pluginCommand,
  serveCommand,
  backupCommand,
  restoreCommand,
];

const usage = (): string => {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'Usage: pingyi <command> [options]',
    '',
    "Pingyi (评议): run a bureau's democratic appraisal campaign.",
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `pingyi <command> --help` for its options, `pingyi --version` for the version.',
    '',
  ].join('\n');
};

/**
 * The `pingyi` command line. Returns the exit status: 0 on success, 2 on bad
 * input or usage (exactly one line on stderr, nothing on stdout), 1 on an
 * unexpected error (a bug; also one line).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(usage());
      return EXIT_OK;
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write(`${CLI_VERSION}\n`);
      return EXIT_OK;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (!command) {
      const known = COMMANDS.map((candidate) => candidate.name).join(', ');
      throw new CliInputError(`pingyi: unknown command "${name}" (commands: ${known}; see pingyi --help)`);
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliInputError) {
      io.stderr.write(`${oneLine(error.message.startsWith('pingyi') ? error.message : `pingyi: ${error.message}`)}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr.write(
      `${oneLine(`pingyi: internal error: ${error instanceof Error ? error.message : String(error)}`)}\n`,
    );
    return EXIT_FAILURE;
  }
}
