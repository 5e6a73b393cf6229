import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliInputError, EXIT_OK, type CliIo } from '../cli-io.js';
import { CLI_VERSION } from '../version.js';
import { parseArguments } from '../parse-options.js';
import type { Command } from './command.js';

const HELP = `Usage: pingyi plugin init NAME [--dir FOLDER] [--force]

Writes a working Pingyi plugin into a new folder (NAME, or --dir): a scoring
strategy (src/median.strategy.ts), its test with @pingyi/testing, the plugin
declaration (src/index.ts), a tsup build (CommonJS and ESM, with types), a
package.json whose Pingyi packages are peer dependencies, and a sample tally
and policy. Then:

  cd NAME && npm install && npm test && npm run build
  npx pingyi score --plugin . --tally tally.csv --policy policy.json
  npx pingyi serve --plugin .

NAME is the npm package name: "my-rule" or "@acme/pingyi-plugin-median". The
strategy's code is "<prefix>/median", the prefix being the scope ("acme") or
the name ("my-rule").

Options:
  --dir FOLDER  where to write (default: the name without its scope)
  --force       write into a folder that exists and is not empty
  -h, --help    show this help

Exit status: 0 on success; 2 on bad input, with one line on stderr.
`;

const OPTIONS = { dir: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
const PACKAGE_NAME = /^(?:@([a-z0-9-~][a-z0-9-._~]*)\/)?([a-z0-9-~][a-z0-9-._~]*)$/;

/** The template's folder, template/plugin in this package (found from dist/main.js or src/commands/). */
function templateFolder(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'template', 'plugin', 'package.json.tmpl'))) return join(dir, 'template', 'plugin');
    if (dirname(dir) === dir) throw new Error('the plugin template is missing from @pingyi/cli (template/plugin)');
  }
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)],
  );
}

async function init(argv: readonly string[], io: CliIo): Promise<number> {
  const command = 'pingyi plugin init';
  const { options, positionals } = parseArguments(argv, OPTIONS, command, 1);
  if (options.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  const [name] = positionals;
  if (name === undefined)
    throw new CliInputError(
      `${command}: missing the plugin's package NAME, e.g. pingyi plugin init my-rule (see ${command} --help)`,
    );
  const match = PACKAGE_NAME.exec(name);
  if (!match)
    throw new CliInputError(
      `${command}: "${name}" is not an npm package name (lower case, digits, - . _ ~, optionally @scope/)`,
    );
  const [, scope, bare] = match as unknown as [string, string | undefined, string];
  const prefix = (scope ?? bare.replace(/^pingyi-plugin-/, '')).replace(/[^a-z0-9._-]/g, '-');
  const target = resolve(options.dir ?? bare);
  if (existsSync(target) && readdirSync(target).length > 0 && !options.force) {
    throw new CliInputError(
      `${command}: ${options.dir ?? bare} exists and is not empty; choose another --dir, or give --force to write into it`,
    );
  }
  // A released CLI scaffolds for its own release line: 0.1.x → ^0.1.0.
  const [major, minor] = CLI_VERSION.split('.');
  const values: Record<string, string> = {
    __PACKAGE__: name,
    __CODE__: `${prefix}/median`,
    __PINGYI_RANGE__: `^${major}.${minor}.0`,
  };
  const written: string[] = [];
  const template = templateFolder();
  for (const source of files(template)) {
    const file = relative(template, source)
      .replace(/\.tmpl$/, '')
      .replace(/^gitignore$/, '.gitignore');
    const text = readFileSync(source, 'utf8').replace(/__[A-Z_]+__/g, (key) => values[key] ?? key);
    mkdirSync(dirname(join(target, file)), { recursive: true });
    writeFileSync(join(target, file), text);
    written.push(file);
  }
  const folder = relative(process.cwd(), target) || '.';
  io.stdout.write(
    `wrote ${folder}/ (${written.length} files): the plugin ${name} with the strategy ${values.__CODE__}\nnext: cd ${folder} && npm install && npm test && npm run build, then npx pingyi serve --plugin .\n`,
  );
  return EXIT_OK;
}

/** `pingyi plugin init NAME`: scaffolding for a plugin author. */
export const pluginCommand: Command = {
  name: 'plugin',
  summary: 'plugin init NAME: write a working plugin folder (strategy, test, build)',
  help: HELP,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h') {
      io.stdout.write(HELP);
      return EXIT_OK;
    }
    if (name !== 'init')
      throw new CliInputError(`pingyi plugin: unknown subcommand "${name}" (init; see pingyi plugin --help)`);
    return init(rest, io);
  },
};
