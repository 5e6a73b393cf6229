import { isPingyiError } from '@pingyi/domain';
import { parsePolicy, scoreTally, tallyFromCsv } from '@pingyi/scoring';
import { CliInputError, EXIT_OK, type CliIo } from '../cli-io.js';
import { formatCsv } from '../output/format-csv.js';
import { formatJson } from '../output/format-json.js';
import { formatTable } from '../output/format-table.js';
import type { StandingsOutput } from '../output/standings-output.js';
import { parseOptions } from '../parse-options.js';
import { parseJsonFile, readInputFile } from '../read-input.js';
import type { Command } from './command.js';

const FORMATS: Readonly<Record<string, (output: StandingsOutput) => string>> = { json: formatJson, csv: formatCsv, table: formatTable };

const OPTIONS = {
  tally: { type: 'string' },
  policy: { type: 'string' },
  format: { type: 'string' },
  explain: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: pingyi score --tally FILE.csv --policy FILE.json [--format json|csv|table] [--explain]

Scores a tally against a scoring policy and prints the standings:
score, rank, tier and rates per unit, rounded half-up (四舍五入).

Options:
  --tally FILE     the tally: CSV with the header unit,group,level,count
                   (the group column may be left out)
  --policy FILE    the scoring policy: JSON, "version": 1
  --format FORMAT  json (the default: stable, for scripts), csv, or table
                   (aligned, with the scale's Chinese labels, for people)
  --explain        add each unit's explanation: the counts and the
                   arithmetic behind its score, rank and tier
  -h, --help       show this help

Exit status: 0 on success; 2 on bad input, with one line on stderr naming
the file, the line or field, and the problem, and nothing on stdout.

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
    if (tallyFile === undefined) throw new CliInputError('pingyi score: missing required option --tally FILE.csv (see pingyi score --help)');
    if (policyFile === undefined) throw new CliInputError('pingyi score: missing required option --policy FILE.json (see pingyi score --help)');
    const format = options.format ?? 'json';
    const write = FORMATS[format];
    if (!write) throw new CliInputError(`pingyi score: --format must be json, csv or table, not "${format}"`);

    // Read both files before reporting on either, so a missing file is found first.
    const [policyBytes, tallyBytes] = await Promise.all([readInputFile(policyFile, 'policy'), readInputFile(tallyFile, 'tally')]);
    const policy = inFile(policyFile, () => parsePolicy(parseJsonFile(policyBytes, policyFile)));
    const tally = inFile(tallyFile, () => tallyFromCsv(tallyBytes, policy, { file: tallyFile }));
    // A tally that does not fit the policy, or a strategy that fails on it, is about the tally.
    const { standings } = inFile(tallyFile, () => scoreTally(tally, policy));
    io.stdout.write(write({ standings, policy, explain: options.explain === true }));
    return EXIT_OK;
  },
};

/** Runs `fn`; a PingyiError becomes one line naming the file: `tally.csv: line 14: unknown level "x"`. */
function inFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isPingyiError(error)) throw new CliInputError(`${file}: ${error.message}`);
    throw error;
  }
}
