/** What a deployment may set for the plugin in its pingyi.config file. */
export interface PeoplesCongressOptions {
  /**
   * Deputies on the standing committee's roster: the electorate of every
   * unit that has no `deputies` indicator and whose policy gives no
   * `electorate`. A whole number ≥ 1.
   */
  readonly rosterSize?: number;
}

/** Checks the options from the config file; throws a message naming the option. */
export function parsePeoplesCongressOptions(options: unknown): PeoplesCongressOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options))
    throw new Error(`options must be an object like { "rosterSize": 420 }, got ${JSON.stringify(options)}`);
  const { rosterSize } = options as Record<string, unknown>;
  if (
    rosterSize !== undefined &&
    !(typeof rosterSize === 'number' && Number.isSafeInteger(rosterSize) && rosterSize >= 1)
  ) {
    throw new Error(`options.rosterSize must be a whole number of deputies ≥ 1, got ${JSON.stringify(rosterSize)}`);
  }
  return rosterSize === undefined ? {} : { rosterSize };
}
