import type { CliIo } from '../cli-io.js';

/** One `pingyi <name>` command; main.ts holds the table of them. */
export interface Command {
  readonly name: string;
  /** One line for `pingyi --help`. */
  readonly summary: string;
  /** Full text for `pingyi <name> --help`. */
  readonly help: string;
  /**
   * Runs the command; returns the exit status. Throws `CliInputError` or a
   * `PingyiError` for bad input (main prints one line and exits 2).
   */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
