/**
 * A `LIKE … ESCAPE '\'` pattern matching text that contains `search`
 * (lower-cased: compare with `LOWER(column)`); `%`, `_` and `\` match themselves.
 */
export function likeContaining(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
