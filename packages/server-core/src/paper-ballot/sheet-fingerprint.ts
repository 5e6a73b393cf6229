import { createHash } from 'node:crypto';
import { EventLoopSlice } from '../common/event-loop-slice';
import { BLANK, type CompactSheet, UNREADABLE } from './paper-sheet';

/**
 * The SHA-256 of what a checked sheet says, independent of how it was keyed:
 * rows as evaluator group, sheet number and one level code per unit in unit
 * code order, sorted. Line endings, BOM, encoding, CSV or XLSX, quoting,
 * spacing, labels or codes, column and row order all give the same value, so
 * the same paper sheets keyed again are recognised.
 */
export async function sheetFingerprint(sheet: CompactSheet): Promise<string> {
  const slice = new EventLoopSlice(); // 30,000 rows take a few hundred ms
  const width = sheet.unitCodes.length;
  const order = sheet.unitCodes
    .map((_, u) => u)
    .sort((a, b) => ((sheet.unitCodes[a] as string) < (sheet.unitCodes[b] as string) ? -1 : 1));
  const rows: string[] = [];
  for (let r = 0; r < sheet.rows; r += 1) {
    if (r % 100 === 0) await slice.pause();
    const cells = order.map((u) => {
      const cell = sheet.cells[r * width + u] as number;
      return cell === BLANK ? '' : cell === UNREADABLE ? '?' : (sheet.levelCodes[cell - 1] as string);
    });
    const number = sheet.sheetNumbers?.[r]?.normalize('NFKC').trim() ?? '';
    rows.push(JSON.stringify([sheet.groupCodes[sheet.groupOfRow[r] as number], number, cells]));
  }
  rows.sort();
  const hash = createHash('sha256').update(JSON.stringify(order.map((u) => sheet.unitCodes[u])));
  for (const row of rows) hash.update(`\n${row}`);
  return hash.digest('hex');
}
