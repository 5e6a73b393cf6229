import { decodeUtf8, isCsvReadError, readCsvText } from '@pingyi/csv';
import { PingyiError } from '@pingyi/domain';
import type { GroupParticipation } from '../standings/score-tally.js';

/**
 * Reads a participation CSV for `minResponseRate`: a header naming `group`,
 * `received` and `distributed` (any order, extra columns ignored), one row per
 * evaluator group, whole numbers ≥ 0 with received ≤ distributed. Errors are
 * `INVALID_TALLY` with path `line N`.
 */
export function participationFromCsv(input: string | Uint8Array): Record<string, GroupParticipation> {
  const text = typeof input === 'string' ? input : decodeUtf8(input);
  if (text === null) throw new PingyiError('INVALID_TALLY', 'the file is not valid UTF-8 text');
  const fail = (line: number, message: string): never => {
    throw new PingyiError('INVALID_TALLY', message, `line ${line}`, { line });
  };
  let records;
  try {
    records = readCsvText(text, { strictQuotes: true });
  } catch (error) {
    if (isCsvReadError(error)) return fail(error.line, 'a quote is not closed or misplaced');
    throw error;
  }
  const header = records.shift();
  if (!header) return fail(1, 'the file is empty; expected the header row group,received,distributed');
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const at = (name: string) => {
    const index = names.indexOf(name);
    return index >= 0
      ? index
      : fail(header.line, `the header lacks column ${name} (expected group,received,distributed)`);
  };
  const [groupAt, receivedAt, distributedAt] = ['group', 'received', 'distributed'].map(at) as [number, number, number];
  const result: Record<string, GroupParticipation> = {};
  for (const { fields, line } of records) {
    if (fields.length !== names.length)
      fail(line, `expected ${names.length} fields (${names.join(',')}), found ${fields.length}`);
    const group = (fields[groupAt] as string).trim();
    if (group === '') fail(line, 'group is empty');
    if (Object.hasOwn(result, group)) fail(line, `group "${group}" appears twice`);
    const whole = (index: number, name: string) => {
      const value = (fields[index] as string).trim();
      return /^\d{1,15}$/.test(value) ? Number(value) : fail(line, `${name} "${value}" is not a whole number ≥ 0`);
    };
    const received = whole(receivedAt, 'received');
    const distributed = whole(distributedAt, 'distributed');
    if (received > distributed) fail(line, `received ${received} is more than distributed ${distributed}`);
    result[group] = { received, distributed };
  }
  return result;
}
