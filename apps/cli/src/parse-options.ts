import { parseArgs } from 'node:util';
import { CliInputError } from './cli-io.js';

/** A command's options: `--name VALUE` strings and `--name` flags. */
export type OptionSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;

export type ParsedOptions<S extends OptionSpec> = {
  [K in keyof S]?: S[K]['type'] extends 'boolean' ? boolean : string;
};

/**
 * Parses `--name value`, `--name=value`, `--flag` and short flags (`-h`)
 * with `node:util`'s `parseArgs`, and up to `maxPositionals` arguments
 * (`campaign check FILE`). Unknown options, extra arguments, repeated
 * options and missing values are a {@link CliInputError} whose text is
 * prefixed with `command`.
 */
export function parseArguments<S extends OptionSpec>(
  argv: readonly string[],
  spec: S,
  command: string,
  maxPositionals = 0,
): { options: ParsedOptions<S>; positionals: string[] } {
  const fail = (message: string): never => {
    throw new CliInputError(`${command}: ${message} (see ${command} --help)`);
  };
  let parsed: ReturnType<
    typeof parseArgs<{ options: S; tokens: true; allowPositionals: true; strict: true; args: string[] }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options: spec, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(?:-\w, )?(--?[^' <]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return fail(`unknown option ${option}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      return fail(
        /does not take an argument/.test(message)
          ? `option ${option} takes no value`
          : `option ${option} needs a value`,
      );
    }
    throw error;
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) fail(`option --${token.name} is given twice`);
    seen.add(token.name);
  }
  if (parsed.positionals.length > maxPositionals)
    fail(`unexpected argument "${parsed.positionals[maxPositionals] as string}"`);
  return { options: parsed.values as ParsedOptions<S>, positionals: parsed.positionals };
}

/** {@link parseArguments} for a command that takes options only. */
export function parseOptions<S extends OptionSpec>(
  argv: readonly string[],
  spec: S,
  command: string,
): ParsedOptions<S> {
  return parseArguments(argv, spec, command).options;
}
