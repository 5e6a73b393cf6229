import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-text';
import { fileLimitOf } from './file-limits';

const LIMITS = { lines: 3, cellsPerRow: 3, cellChars: 5 };
function limitOf(text: string) {
  try {
    readCsv(text, 'csv', LIMITS);
  } catch (error) {
    return fileLimitOf(error);
  }
  return null;
}

describe('readCsv limits', () => {
  it('stops at the first line, cell or cell length past its limit, naming where', () => {
    expect(limitOf('a\nb\n\n\nc\n')).toBeNull(); // blank lines do not count
    expect(limitOf('a\nb\nc\nd\n')).toEqual({ limit: 'csvLines', max: 3, where: 'line 4' });
    expect(limitOf('a,b,c\nd,e,f,g\n')).toEqual({ limit: 'cellsPerRow', max: 3, where: 'line 2' });
    expect(limitOf('a\n"12345\n6"\n')).toEqual({ limit: 'csvCellChars', max: 5, where: 'line 2' });
  });
});
