import { type MessageKey, messageText, type ReasonParams } from '@pingyi/domain';
import { type ProblemSentence } from '../common/problem-result';
import { type FileLimitDetails } from '../file-limits/file-limits';
import { columnLetter, MAX_CELL_CHARS, type SheetRow } from './sheet-row';

/** What a keyed-in sheet is checked against: the campaign's appraised units, groups and scale. */
export interface PaperSheetRules {
  /** Appraised units in ballot order. */
  readonly units: readonly { readonly code: string; readonly name: string }[];
  readonly groups: readonly { readonly code: string; readonly label: string }[];
  readonly levels: readonly { readonly code: string; readonly label: string }[];
}

/** One bad row or cell of a file (line 0: the file as a whole): where, what it held, and why it is refused. */
export interface SheetProblem extends ProblemSentence {
  readonly line: number;
  /** The column as the header names it, with its letter (`C 交警支队`); null for the whole row. */
  readonly column: string | null;
  /** The cell as keyed in, cut to 40 characters. */
  readonly value: string | null;
  /** Why, in English (the sentence of `messageKey`). */
  readonly reason: string;
  /** For the file as a whole: `MALFORMED_FILE`, `FILE_LIMIT_EXCEEDED` or `REPEATED_BATCH`. */
  readonly code?: string;
  /** The limit a `FILE_LIMIT_EXCEEDED` file passed: which, its value, where. */
  readonly limit?: FileLimitDetails | null;
  /** The batch a `REPEATED_BATCH` keying repeats. */
  readonly repeats?: { readonly batchId: string; readonly batchCode: string } | null;
}

/** Cell codes of the compact form. */
export const BLANK = 0;
export const UNREADABLE = 255;

/**
 * A checked sheet in compact form, about one byte per cell (10,000 ballots ×
 * 80 units ≈ 800 kB): a group index per row, and per cell 0 (blank:
 * abstention), 255 (unreadable) or 1 + the level's index.
 */
export interface CompactSheet {
  readonly rows: number;
  readonly unitCodes: readonly string[];
  readonly groupCodes: readonly string[];
  readonly levelCodes: readonly string[];
  readonly groupOfRow: Uint8Array;
  readonly cells: Uint8Array;
  /** The file line of each row (error reports, keying comparison). */
  readonly lines: Uint32Array;
  /** The sheet number column, when the file has one. */
  readonly sheetNumbers: readonly string[] | null;
}

/** An opinion read from paper (a scanned opinion form's box, transcribed): joined to no ballot. */
export interface PaperOpinion {
  readonly groupCode: string;
  readonly unitCode: string;
  readonly text: string;
}

/** Most problems kept for the report; the total is counted beyond it. */
export const MAX_REPORTED_PROBLEMS = 500;

const GROUP_HEADERS = new Set([
  'group',
  'evaluatorgroup',
  'evaluator_group',
  '评议对象类别',
  '评议对象',
  '类别',
  '组别',
]);
const SHEET_HEADERS = new Set(['sheet', 'sheetno', 'no', '序号', '编号', '表号']);
const UNREADABLE_MARKS = new Set(['?', '？', '无法辨认', '无法识别', 'unreadable']);

// Keyed text compared leniently: NFKC (full-width to half-width), no spaces, case-folded.
const fold = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const clip = (text: string): string => ([...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text);

class GrowingBytes {
  private bytes = new Uint8Array(4096);
  length = 0;

  push(values: Uint8Array): void {
    while (this.length + values.length > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    this.bytes.set(values, this.length);
    this.length += values.length;
  }

  take(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/**
 * Checks a keyed-in sheet row by row as it streams in (header first), keeping
 * only the compact form and the problems found. The header has an evaluator
 * group column (group / 评议对象类别), optionally a sheet number column (序号),
 * and one column per appraised unit, by code or name; every appraised unit
 * must have its column. A cell holds a level code or label (满意), blank for an
 * abstention, or `?` / 无法辨认 for an unreadable mark.
 */
export class PaperSheetValidator {
  private readonly problems: SheetProblem[] = [];
  private problemCount = 0;
  private headerSeen = false;
  private headerOk = false;
  private groupColumn = -1;
  private sheetColumn = -1;
  private columnNames: string[] = [];
  /** Header column → position of its unit in ballot order, or -1. */
  private unitOfColumn: number[] = [];
  private readonly levelOf = new Map<string, number>();
  private readonly groupOf = new Map<string, number>();
  private readonly groupsRow = new GrowingBytes();
  private readonly cellsOut = new GrowingBytes();
  private readonly lines: number[] = [];
  private rowsRead = 0;
  private readonly sheets: string[] = [];
  private readonly sheetLine = new Map<string, number>();
  private readonly rowCells: Uint8Array;

  constructor(private readonly rules: PaperSheetRules) {
    rules.levels.forEach((level, i) => {
      this.levelOf.set(fold(level.code), i + 1);
      this.levelOf.set(fold(level.label), i + 1);
    });
    rules.groups.forEach((group, i) => {
      this.groupOf.set(fold(group.code), i);
      this.groupOf.set(fold(group.label), i);
    });
    this.rowCells = new Uint8Array(rules.units.length);
  }

  /** Ballot rows read so far, those with problems included (the report's row count). */
  get rowCount(): number {
    return this.rowsRead;
  }

  /** Problems found so far (all of them, also those past the report's cap). */
  get problemTotal(): number {
    return this.problemCount;
  }

  /** Checks the next row of the file: the first one is the header. */
  accept(row: SheetRow): void {
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.readHeader(row);
      return;
    }
    if (this.headerOk) this.readRow(row);
  }

  /** The compact sheet, or every problem found (the file is refused as a whole). */
  finish(): { ok: true; sheet: CompactSheet } | { ok: false; problems: readonly SheetProblem[]; total: number } {
    if (!this.headerSeen) this.problem({ line: 1, column: null, value: null }, 'sheetEmpty');
    else if (this.headerOk && this.lines.length === 0 && this.problemCount === 0) {
      this.problem({ line: 2, column: null, value: null }, 'sheetNoRows');
    }
    if (this.problemCount > 0) return { ok: false, problems: this.problems, total: this.problemCount };
    return {
      ok: true,
      sheet: {
        rows: this.lines.length,
        unitCodes: this.rules.units.map((unit) => unit.code),
        groupCodes: this.rules.groups.map((group) => group.code),
        levelCodes: this.rules.levels.map((level) => level.code),
        groupOfRow: this.groupsRow.take(),
        cells: this.cellsOut.take(),
        lines: Uint32Array.from(this.lines),
        sheetNumbers: this.sheetColumn >= 0 ? this.sheets : null,
      },
    };
  }

  private problem(
    at: Pick<SheetProblem, 'line' | 'column' | 'value'>,
    messageKey: MessageKey,
    params: ReasonParams = {},
  ): void {
    this.problemCount += 1;
    if (this.problems.length < MAX_REPORTED_PROBLEMS)
      this.problems.push({ ...at, reason: messageText(messageKey, params), messageKey, params });
  }

  private columnName(index: number): string {
    const name = this.columnNames[index];
    return name ? `${columnLetter(index)} ${clip(name)}` : columnLetter(index);
  }

  private readHeader(row: SheetRow): void {
    const { line, cells } = row;
    this.columnNames = cells.map((cell) => cell.trim());
    const unitIndex = new Map<string, number>();
    this.rules.units.forEach((unit, i) => {
      unitIndex.set(fold(unit.code), i);
      unitIndex.set(fold(unit.name), i);
    });
    const columnOfUnit = new Map<number, number>();
    const before = this.problemCount;
    this.unitOfColumn = cells.map((raw, column) => {
      const name = fold(raw);
      if (name === '') return -1;
      if (row.tooLong.includes(column)) {
        this.problem({ line, column: columnLetter(column), value: clip(raw) }, 'headerTooLong', {
          max: MAX_CELL_CHARS,
        });
        return -1;
      }
      if (GROUP_HEADERS.has(name)) {
        if (this.groupColumn >= 0)
          this.problem({ line, column: this.columnName(column), value: clip(raw) }, 'secondGroupColumn', {
            first: columnLetter(this.groupColumn),
          });
        else this.groupColumn = column;
        return -1;
      }
      if (SHEET_HEADERS.has(name)) {
        if (this.sheetColumn >= 0)
          this.problem({ line, column: this.columnName(column), value: clip(raw) }, 'secondSheetColumn');
        else this.sheetColumn = column;
        return -1;
      }
      const unit = unitIndex.get(name);
      if (unit === undefined) {
        this.problem({ line, column: this.columnName(column), value: clip(raw) }, 'unknownColumn');
        return -1;
      }
      const first = columnOfUnit.get(unit);
      if (first !== undefined) {
        this.problem({ line, column: this.columnName(column), value: clip(raw) }, 'unitColumnTwice', {
          unit: this.rules.units[unit]?.name ?? '',
          first: columnLetter(first),
        });
        return -1;
      }
      columnOfUnit.set(unit, column);
      return unit;
    });
    if (this.groupColumn < 0) this.problem({ line, column: null, value: null }, 'noGroupColumn');
    this.rules.units.forEach((unit, i) => {
      if (!columnOfUnit.has(i))
        this.problem({ line, column: null, value: null }, 'unitWithoutColumn', { unit: unit.name, code: unit.code });
    });
    this.headerOk = this.problemCount === before;
  }

  private readRow(row: SheetRow): void {
    const { line, cells } = row;
    this.rowsRead += 1;
    const before = this.problemCount;
    this.rowCells.fill(BLANK);
    let group = -1;
    cells.forEach((raw, column) => {
      const text = raw.trim();
      if (row.formulas.includes(column)) {
        this.problem({ line, column: this.columnName(column), value: clip(raw) }, 'cellFormula');
        return;
      }
      if (row.tooLong.includes(column)) {
        this.problem({ line, column: this.columnName(column), value: clip(raw) }, 'cellTooLong', {
          max: MAX_CELL_CHARS,
        });
        return;
      }
      if (column === this.groupColumn) {
        if (text === '') this.problem({ line, column: this.columnName(column), value: null }, 'groupMissing');
        else {
          group = this.groupOf.get(fold(text)) ?? -1;
          if (group < 0) {
            const known = this.rules.groups.map((g) => g.label).join('、');
            this.problem({ line, column: this.columnName(column), value: clip(raw) }, 'unknownGroup', { known });
          }
        }
        return;
      }
      if (column === this.sheetColumn) {
        const first = this.sheetLine.get(text);
        if (text !== '' && first !== undefined)
          this.problem({ line, column: this.columnName(column), value: clip(raw) }, 'sheetNumberTwice', { first });
        else if (text !== '') this.sheetLine.set(text, line);
        return;
      }
      const unit = this.unitOfColumn[column];
      if (unit === undefined || unit < 0) {
        if (text !== '') this.problem({ line, column: this.columnName(column), value: clip(raw) }, 'valueOutsideUnits');
        return;
      }
      if (text === '') return;
      const folded = fold(text);
      if (UNREADABLE_MARKS.has(folded)) {
        this.rowCells[unit] = UNREADABLE;
        return;
      }
      const level = this.levelOf.get(folded);
      if (level === undefined) {
        const known = this.rules.levels.map((l) => l.label).join('、');
        this.problem({ line, column: this.columnName(column), value: clip(raw) }, 'unknownLevel', { known });
        return;
      }
      this.rowCells[unit] = level;
    });
    if (this.groupColumn >= cells.length)
      this.problem({ line, column: this.columnName(this.groupColumn), value: null }, 'groupMissing');
    if (this.problemCount > before) return;
    this.groupsRow.push(Uint8Array.of(group));
    this.cellsOut.push(this.rowCells);
    this.lines.push(line);
    if (this.sheetColumn >= 0) this.sheets.push((cells[this.sheetColumn] ?? '').trim());
  }
}

/** Whether row `r` of a compact sheet is spoilt: every cell blank or unreadable. */
export function isSpoilt(sheet: CompactSheet, r: number): boolean {
  const width = sheet.unitCodes.length;
  for (let u = 0; u < width; u += 1) {
    const cell = sheet.cells[r * width + u] as number;
    if (cell !== BLANK && cell !== UNREADABLE) return false;
  }
  return true;
}

/** Ballots and spoilt sheets per evaluator group code. */
export function countByGroup(sheet: CompactSheet): Record<string, { ballots: number; spoilt: number }> {
  const counts: Record<string, { ballots: number; spoilt: number }> = {};
  for (let r = 0; r < sheet.rows; r += 1) {
    const code = sheet.groupCodes[sheet.groupOfRow[r] as number] as string;
    const entry = (counts[code] ??= { ballots: 0, spoilt: 0 });
    if (isSpoilt(sheet, r)) entry.spoilt += 1;
    else entry.ballots += 1;
  }
  return counts;
}
