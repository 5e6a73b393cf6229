import { CliInputError } from './cli-io.js';

/** A command's options: `--name VALUE` strings and `--name` flags. */
export type OptionSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;

export type ParsedOptions<S extends OptionSpec> = {
  [K in keyof S]?: S[K]['type'] extends 'boolean' ? boolean : string;
};

/**
 * Parses `--name value`, `--name=value`, `--flag` and short flags (`-h`).
 * Unknown options, positional arguments, repeated options and missing values
 * are a {@link CliInputError} whose text is prefixed with `command`.
 */
export function parseOptions<S extends OptionSpec>(argv: readonly string[], spec: S, command: string): ParsedOptions<S> {
  const fail = (message: string): never => {
    throw new CliInputError(`${command}: ${message} (see ${command} --help)`);
  };
  const byShort = new Map(Object.entries(spec).flatMap(([name, option]) => (option.short ? [[option.short, name] as const] : [])));
  const values: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
    } else if (/^-[a-zA-Z]$/.test(arg)) {
      name = byShort.get(arg.slice(1)) ?? fail(`unknown option ${arg}`);
    } else {
      fail(`unexpected argument "${arg}"`);
    }
    const option = spec[name as string] ?? fail(`unknown option --${name}`);
    if ((name as string) in values) fail(`option --${name} is given twice`);
    if (option.type === 'boolean') {
      if (inline !== undefined) fail(`option --${name} takes no value`);
      values[name as string] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) fail(`option --${name} needs a value`);
    values[name as string] = value as string;
  }
  return values as ParsedOptions<S>;
}
