import { isPingyiError } from '@pingyi/domain';
import {
  participationFromCsv,
  parsePolicy,
  scoreTally,
  type StrategyRegistry,
  tallyFromCsv,
  unreachableTiers,
  type ScoringPolicy,
} from '@pingyi/scoring';
import { CliInputError, EXIT_OK, type CliIo } from '../cli-io.js';
import { formatCsv } from '../output/format-csv.js';
import { formatJson } from '../output/format-json.js';
import { formatTable } from '../output/format-table.js';
import type { StandingsOutput } from '../output/standings-output.js';
import { parseOptions } from '../parse-options.js';
import { hasPluginConfig, loadServerCore, pluginsOf } from '../plugins.js';
import { parseJsonFile, readInputFile } from '../read-input.js';
import type { Command } from './command.js';

const FORMATS: Readonly<Record<string, (output: StandingsOutput) => string>> = {
  json: formatJson,
  csv: formatCsv,
  table: formatTable,
};

const OPTIONS = {
  tally: { type: 'string' },
  policy: { type: 'string' },
  participation: { type: 'string' },
  format: { type: 'string' },
  explain: { type: 'boolean' },
  excel: { type: 'boolean' },
  plugin: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: pingyi score --tally FILE.csv --policy FILE.json [--format json|csv|table] [--explain] [--excel]
                    [--participation FILE.csv] [--plugin PATH|NAME | --config FILE]

Scores a tally against a scoring policy and prints the standings:
score, rank, tier and rates per unit, rounded half-up (四舍五入).

Options:
  --tally FILE     the tally: CSV with the header unit,group,level,count
                   (the group column may be left out; an optional series
                   column names each unit's series, 序列/类别)
  --policy FILE    the scoring policy: JSON, "version": 1
  --participation FILE  CSV group,received,distributed: with the policy's
                   minResponseRate, a group below it is reported, not scored
  --format FORMAT  json (the default: stable, for scripts), csv, or table
                   (aligned, with the scale's Chinese labels, for people)
  --explain        add each unit's explanation: the counts and the
                   arithmetic behind its score, rank and tier
  --excel          with --format csv: CRLF line ends and a UTF-8 BOM, so
                   Excel opens the Chinese text correctly
  --plugin PATH|NAME  score with a plugin's strategies too: a package name
                   (resolved from this folder) or a path to its built file
  --config FILE    the pingyi.config file listing plugins (default:
                   PINGYI_CONFIG, else pingyi.config.* in this folder)
  -h, --help       show this help

Exit status: 0 on success; 2 on bad input, with one line on stderr naming
the file, the line or field, and the problem, and nothing on stdout.
Tiers that can never be reached because of their order are a warning on
stderr (the standings are still printed).

Example:
  npx pingyi score --tally examples/demo-tally.csv --policy examples/seed-policy.json --format table
`;

/** `pingyi score`: CONTRACTS.md §3. */
export const scoreCommand: Command = {
  name: 'score',
  summary: 'score a tally CSV against a scoring policy JSON',
  help: HELP,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const options = parseOptions(argv, OPTIONS, 'pingyi score');
    if (options.help) {
      io.stdout.write(HELP);
      return EXIT_OK;
    }
    const { tally: tallyFile, policy: policyFile } = options;
    if (tallyFile === undefined)
      throw new CliInputError('pingyi score: missing required option --tally FILE.csv (see pingyi score --help)');
    if (policyFile === undefined)
      throw new CliInputError('pingyi score: missing required option --policy FILE.json (see pingyi score --help)');
    const format = options.format ?? 'json';
    const write = FORMATS[format];
    if (!write) throw new CliInputError(`pingyi score: --format must be json, csv or table, not "${format}"`);
    if (options.excel && format !== 'csv') throw new CliInputError('pingyi score: --excel goes with --format csv');
    if (options.plugin !== undefined && options.config !== undefined)
      throw new CliInputError('pingyi score: give --plugin or --config, not both');

    // Read both files before reporting on either, so a missing file is found first.
    const participationFile = options.participation;
    const [policyBytes, tallyBytes, participationBytes] = await Promise.all([
      readInputFile(policyFile, 'policy'),
      readInputFile(tallyFile, 'tally'),
      participationFile === undefined ? undefined : readInputFile(participationFile, 'participation'),
    ]);
    const registry = await strategiesOf(options);
    const policy = inFile(policyFile, () => parsePolicy(parseJsonFile(policyBytes, policyFile), registry));
    warnUnreachableTiers(policy, policyFile, io);
    const tally = inFile(tallyFile, () => tallyFromCsv(tallyBytes, policy, { file: tallyFile }));
    // A tally that does not fit the policy, or a strategy that fails on it, is about the tally.
    const participation =
      participationFile && participationBytes
        ? inFile(participationFile, () => participationFromCsv(participationBytes))
        : undefined;
    const { standings } = inFile(tallyFile, () =>
      scoreTally(tally, policy, registry, participation ? { participation } : {}),
    );
    io.stdout.write(write({ standings, policy, explain: options.explain === true, excel: options.excel === true }));
    return EXIT_OK;
  },
};

/** The built-in strategies, and a plugin's (`--plugin`, or the config file's plugins) when there are any. */
async function strategiesOf(options: {
  plugin?: string | undefined;
  config?: string | undefined;
}): Promise<StrategyRegistry | undefined> {
  if (options.plugin === undefined && !hasPluginConfig(options.config)) return undefined;
  const plugins = await pluginsOf(await loadServerCore(), options, 'pingyi score');
  return plugins.strategyRegistry();
}

function warnUnreachableTiers(policy: ScoringPolicy, file: string, io: CliIo): void {
  for (const { tier, index, shadowedBy } of unreachableTiers(policy.tiers)) {
    const by = policy.tiers.indexOf(shadowedBy);
    const min = (t: { min: number | null }) => (t.min === null ? 'any score' : `min ${t.min}`);
    io.stderr.write(
      `pingyi score: warning: ${file}: tiers[${index}] "${tier.code}" (${min(tier)}) can never be reached: tiers[${by}] "${shadowedBy.code}" (${min(shadowedBy)}) comes first and takes those scores; list tiers from the highest min down\n`,
    );
  }
}

/** Runs `fn`; a PingyiError becomes one line naming the file: `tally.csv: line 14: unknown level "x"`. */
function inFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isPingyiError(error)) throw new CliInputError(`${file}: ${error.message}`);
    throw error;
  }
}
