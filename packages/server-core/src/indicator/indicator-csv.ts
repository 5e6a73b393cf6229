import { type MessageKey, type ReasonParams } from '@pingyi/domain';
import { keyedProblem, type ProblemData } from '../common/problem-result';
import { readCsv } from '../file-limits/csv-text';
import { type IndicatorValueRow } from './indicator-table';

/** A problem found in an import, tied to its line (1 = the header); its path is `line 3`, `line 3, complaints`. */
const lineProblem = (line: number, path: string, key: MessageKey, params: ReasonParams): ProblemData =>
  keyedProblem(path, key, params, line);

/** What a CSV holds: rows with their line, or the problems that stop the import. */
export interface ParsedIndicatorCsv {
  readonly rows: readonly (IndicatorValueRow & { readonly line: number })[];
  readonly problems: readonly ProblemData[];
}

const MAX_ROWS = 20_000;

/** Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, CRLF), within the file limits. */
export function splitCsv(text: string): { fields: string[]; line: number }[] {
  return readCsv(text).filter((record) => !(record.fields.length === 1 && record.fields[0]?.trim() === ''));
}

const parseNumber = (text: string): number | null => {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
};

/**
 * Reads indicator values from CSV, in either of two shapes:
 * long, `unit,indicator,value` (one value per line), or wide,
 * `unit,<indicator>,<indicator>...` (one unit per line; an empty cell is no
 * value). Checks the shape only (numbers, columns, repeats); whether units
 * and indicators exist is for the caller. Every problem is reported with its
 * line, nothing is half-read.
 */
export function parseIndicatorCsv(text: string): ParsedIndicatorCsv {
  const records = splitCsv(text);
  const problems: ProblemData[] = [];
  const rows: (IndicatorValueRow & { line: number })[] = [];
  const header = records[0];
  if (!header)
    return {
      rows,
      problems: [lineProblem(1, 'line 1', 'csvEmpty', { header: 'unit,indicator,value or unit,<indicator>,...' })],
    };
  const columns = header.fields.map((name) => name.trim());
  if (columns[0] !== 'unit' || columns.length < 2) {
    return {
      rows,
      problems: [lineProblem(header.line, `line ${header.line}`, 'indicatorHeader', { header: columns.join(',') })],
    };
  }
  if (records.length - 1 > MAX_ROWS) {
    return {
      rows,
      problems: [
        lineProblem(header.line, `line ${header.line}`, 'csvTooManyRows', { max: MAX_ROWS, count: records.length - 1 }),
      ],
    };
  }
  const long = columns.length === 3 && columns[1] === 'indicator' && columns[2] === 'value';
  const indicators = long ? [] : columns.slice(1);
  const repeatedColumn = indicators.find((code, i) => code === '' || indicators.indexOf(code) !== i);
  if (repeatedColumn !== undefined) {
    return {
      rows,
      problems: [
        repeatedColumn === ''
          ? lineProblem(header.line, `line ${header.line}`, 'indicatorColumnEmpty', {})
          : lineProblem(header.line, `line ${header.line}`, 'csvColumnTwice', { column: repeatedColumn }),
      ],
    };
  }
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    const at = `line ${record.line}`;
    const problem = (key: MessageKey, params: ReasonParams, column?: string) =>
      problems.push(lineProblem(record.line, column ? `${at}, ${column}` : at, key, params));
    if (record.fields.length !== columns.length) {
      problem('indicatorFields', { found: record.fields.length, expected: columns.length });
      continue;
    }
    const unit = (record.fields[0] as string).trim();
    if (unit === '') {
      problem('indicatorUnitEmpty', {});
      continue;
    }
    const cells = long
      ? [{ indicator: (record.fields[1] as string).trim(), text: record.fields[2] as string }]
      : indicators.map((indicator, i) => ({ indicator, text: record.fields[i + 1] as string }));
    for (const { indicator, text: cell } of cells) {
      if (indicator === '') {
        problem('indicatorCodeEmpty', {});
        continue;
      }
      if (!long && cell.trim() === '') continue;
      const value = parseNumber(cell);
      if (value === null) {
        problem('notANumber', { value: cell.trim() }, indicator);
        continue;
      }
      const key = `${unit}\u0000${indicator}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problem('indicatorValueTwice', { unit, indicator, line: first }, indicator);
        continue;
      }
      seen.set(key, record.line);
      rows.push({ unit, indicator, value, line: record.line });
    }
  }
  return { rows, problems };
}
