import { isPingyiError } from '@pingyi/domain';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliInputError, EXIT_OK, oneLine, type CliIo } from '../cli-io.js';
import { parseArguments, parseOptions } from '../parse-options.js';
import { readInputFile } from '../read-input.js';
import { loadServerCore, pluginsOf, type ServerCore } from '../plugins.js';
import type { Command } from './command.js';

const HELP = `Usage: pingyi campaign init --template NAME --year YYYY [--name TEXT] [--format json|yaml] [--out FILE] [--force]
                            [--server URL --token TOKEN] [--config FILE]
       pingyi campaign check FILE [--format json|yaml] [--config FILE]
       pingyi campaign templates [--config FILE]

Campaign-as-code: a campaign's whole configuration (calendar, plan texts,
evaluator groups and quotas, scoring policy, units, leading group, themes and
work items, indicators; never ballots) as one JSON or YAML file.

  init       writes the configuration of a campaign made from a template for
             a year, to edit and then import (console, or importCampaignConfig);
             with --server and --token, creates the campaign there directly
  check      checks a configuration file offline and reports every problem
  templates  lists the templates: the built-in "seed", then the plugins'

Options:
  --template NAME  a template code (pingyi campaign templates lists them)
  --year YYYY      the campaign's year (its first phase starts then)
  --name TEXT      the campaign's name (default: <year>年度<plan title>)
  --format FORMAT  json (default) or yaml; default from the --out or FILE name
  --out FILE       write there instead of stdout (refuses to overwrite without --force)
  --server URL     a Pingyi server to create the campaign on (http://host:3000)
  --token TOKEN    a sign-in token of an office or admin user of that server
  --config FILE    the pingyi.config file listing plugins (default:
                   PINGYI_CONFIG, else pingyi.config.* in this folder, the
                   repository root or apps/server)
  -h, --help       show this help

Exit status: 0 on success; 2 on bad input, with one line on stderr.

Example:
  npx pingyi campaign init --template seed --year 2026 --format yaml --out campaign-2026.yaml
`;

const INIT_OPTIONS = {
  template: { type: 'string' },
  year: { type: 'string' },
  name: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  server: { type: 'string' },
  token: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
const CHECK_OPTIONS = {
  format: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
const LIST_OPTIONS = { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

type Format = 'json' | 'yaml';

function formatOf(core: ServerCore, given: string | undefined, file: string | undefined, command: string): Format {
  if (given !== undefined) {
    if (given !== 'json' && given !== 'yaml')
      throw new CliInputError(`${command}: --format must be json or yaml, not "${given}"`);
    return given;
  }
  return (file ? core.formatOfFileName(file) : null) ?? 'json';
}

const problemsLine = (problems: readonly { path: string; message: string }[]): string =>
  `${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`;

async function init(argv: readonly string[], io: CliIo): Promise<number> {
  const command = 'pingyi campaign init';
  const options = parseOptions(argv, INIT_OPTIONS, command);
  if (options.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (options.template === undefined)
    throw new CliInputError(`${command}: missing required option --template NAME (see pingyi campaign templates)`);
  if (options.year === undefined) throw new CliInputError(`${command}: missing required option --year YYYY`);
  if (!/^\d{4}$/.test(options.year) || Number(options.year) < 2000 || Number(options.year) > 2999) {
    throw new CliInputError(`${command}: --year must be a year from 2000 to 2999, not "${options.year}"`);
  }
  if ((options.server === undefined) !== (options.token === undefined))
    throw new CliInputError(`${command}: --server and --token go together`);
  const core = await loadServerCore();
  const format = formatOf(core, options.format, options.out, command);
  const plugins = await pluginsOf(core, { config: options.config }, command);
  const year = Number(options.year);
  let text: string;
  try {
    const { template } = core.findTemplateOrThrow(plugins, options.template);
    const config = core.campaignConfigFromTemplate(template, year, options.name);
    const checked = core.checkCampaignConfig(config, plugins.strategyRegistry());
    if (!checked.ok)
      throw new CliInputError(
        `${command}: template ${template.code} for ${year} has ${problemsLine(checked.problems)}`,
      );
    text = core.formatCampaignConfig(config, format);
  } catch (error) {
    if (isPingyiError(error)) throw new CliInputError(`${command}: ${error.message.replace(/^template: /, '')}`);
    throw error;
  }
  if (options.server !== undefined)
    return createOnServer(options.server, options.token as string, text, format, io, command);
  if (options.out === undefined) {
    io.stdout.write(text);
    return EXIT_OK;
  }
  const out = resolve(options.out);
  if (existsSync(out) && !options.force)
    throw new CliInputError(`${command}: ${options.out} exists; give --force to overwrite it`);
  try {
    await writeFile(out, text);
  } catch (error) {
    throw new CliInputError(`${command}: cannot write ${options.out}: ${oneLine((error as Error).message)}`);
  }
  io.stdout.write(`wrote ${options.out} (${format}): template ${options.template}, ${year}\n`);
  return EXIT_OK;
}

const IMPORT = `mutation($text: String!, $format: CampaignConfigFormat!) { importCampaignConfig(text: $text, format: $format) {
  __typename ... on Campaign { id year name } ... on InvalidCampaignConfigError { problems { path message } } ... on ErrorResult { errorCode message } } }`;

async function createOnServer(
  server: string,
  token: string,
  text: string,
  format: Format,
  io: CliIo,
  command: string,
): Promise<number> {
  let url: URL;
  try {
    url = new URL('/graphql', server);
  } catch {
    throw new CliInputError(`${command}: --server must be a URL like http://localhost:3000, not "${server}"`);
  }
  let body: { data?: { importCampaignConfig?: Record<string, unknown> } | null; errors?: { message: string }[] };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: IMPORT, variables: { text, format: format.toUpperCase() } }),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw new CliInputError(`${command}: cannot reach ${url.origin}: ${oneLine((error as Error).message)}`);
  }
  const result = body.data?.importCampaignConfig;
  if (!result)
    throw new CliInputError(
      `${command}: ${url.origin} refused: ${body.errors?.map((error) => error.message).join('; ') ?? 'no answer'}`,
    );
  if (result.__typename === 'InvalidCampaignConfigError')
    throw new CliInputError(
      `${command}: ${url.origin} refused the configuration: ${problemsLine(result.problems as { path: string; message: string }[])}`,
    );
  if (result.__typename !== 'Campaign')
    throw new CliInputError(
      `${command}: ${url.origin} refused: ${String(result.errorCode)}: ${String(result.message)}`,
    );
  io.stdout.write(
    `created campaign ${String(result.id)} (${String(result.year)} ${String(result.name)}) on ${url.origin}\n`,
  );
  return EXIT_OK;
}

async function check(argv: readonly string[], io: CliIo): Promise<number> {
  const command = 'pingyi campaign check';
  const { options, positionals } = parseArguments(argv, CHECK_OPTIONS, command, 1);
  if (options.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  const [file] = positionals;
  if (file === undefined)
    throw new CliInputError(`${command}: missing the configuration FILE to check (see ${command} --help)`);
  const core = await loadServerCore();
  const format = formatOf(core, options.format, file, command);
  const bytes = await readInputFile(file, 'campaign configuration');
  const plugins = await pluginsOf(core, { config: options.config }, command);
  let raw: unknown;
  try {
    raw = core.parseCampaignConfigText(new TextDecoder().decode(bytes), format);
  } catch (error) {
    if (isPingyiError(error)) throw new CliInputError(`${file}: ${error.message}`);
    throw error;
  }
  const checked = core.checkCampaignConfig(raw, plugins.strategyRegistry());
  if (!checked.ok) throw new CliInputError(`${file}: ${problemsLine(checked.problems)}`);
  const { config } = checked.checked;
  const appraised = config.units.filter((unit) => unit.appraised).length;
  io.stdout.write(
    `${file}: ok: ${config.campaign.year} ${config.campaign.name}, ${config.campaign.phases.length} phases, ${config.units.length} units (${appraised} appraised), ${config.workItems.length} work items, ${config.evaluatorGroups.length} evaluator groups, strategy ${checked.checked.policy.strategy.code}\n`,
  );
  return EXIT_OK;
}

async function templates(argv: readonly string[], io: CliIo): Promise<number> {
  const command = 'pingyi campaign templates';
  const options = parseOptions(argv, LIST_OPTIONS, command);
  if (options.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  const core = await loadServerCore();
  const plugins = await pluginsOf(core, { config: options.config }, command);
  const lines = core
    .listTemplates(plugins)
    .map(({ template, plugin }) => `${template.code}\t${template.label}\t${plugin ?? 'built-in'}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

const SUBCOMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIo) => Promise<number>>> = {
  init,
  check,
  templates,
};

/** `pingyi campaign init | check | templates`: campaign configuration files. */
export const campaignCommand: Command = {
  name: 'campaign',
  summary: 'campaign-as-code: init a configuration file from a template, check one, list templates',
  help: HELP,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h') {
      io.stdout.write(HELP);
      return EXIT_OK;
    }
    const subcommand = SUBCOMMANDS[name];
    if (!subcommand)
      throw new CliInputError(
        `pingyi campaign: unknown subcommand "${name}" (init, check, templates; see pingyi campaign --help)`,
      );
    return subcommand(rest, io);
  },
};
