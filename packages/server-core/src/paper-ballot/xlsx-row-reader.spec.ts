import * as ExcelJS from 'exceljs';
import { isPingyiError } from '@pingyi/domain';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll } from 'vitest';
import { MAX_CELL_CHARS } from './sheet-row';
import { readXlsxRows } from './xlsx-row-reader';

async function workbookBytes(fill: (sheet: ExcelJS.Worksheet) => void, extraSheet = false): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('评议表'));
  if (extraSheet) workbook.addWorksheet('说明').addRow(['这一页不是评议表']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
const folder = mkdtempSync(path.join(tmpdir(), 'xlsx-reader-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
async function rowsOf(bytes: Uint8Array) {
  const file = path.join(folder, `${(files += 1)}.xlsx`);
  writeFileSync(file, bytes);
  const rows = [];
  for await (const row of readXlsxRows(file)) rows.push(row);
  return rows;
}

describe('readXlsxRows', () => {
  it('reads the first worksheet, row by row, values as text', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['group', '交警支队', '法制处']);
      sheet.addRow(['城乡居民', '满意', null]);
      sheet.addRow([]);
      sheet.addRow(['residents', { richText: [{ text: '比较' }, { text: '满意' }] }, 3]);
    }, true);
    const rows = await rowsOf(bytes);
    expect(rows.map((row) => [row.line, row.cells])).toEqual([
      [1, ['group', '交警支队', '法制处']],
      [2, ['城乡居民', '满意']],
      [4, ['residents', '比较满意', '3']],
    ]);
  });

  it('flags formulas and cuts long cells', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['group', 'a']);
      sheet.addRow(['residents', { formula: 'IF(1,"满意","")', result: '满意' }]);
      sheet.addRow(['residents', '长'.repeat(5000)]);
    });
    const [, formula, long] = await rowsOf(bytes);
    expect(formula?.formulas).toEqual([1]);
    expect(long?.tooLong).toEqual([1]);
    expect([...(long?.cells[1] ?? '')]).toHaveLength(MAX_CELL_CHARS);
  });

  it('refuses a file that is not a workbook', async () => {
    try {
      await rowsOf(new TextEncoder().encode('PK not really a zip file at all'));
      throw new Error('accepted');
    } catch (error) {
      expect(isPingyiError(error, 'MALFORMED_FILE')).toBe(true);
    }
  });
});
