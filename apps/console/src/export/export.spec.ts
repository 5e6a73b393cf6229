import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { toXlsx } from './xlsx';

describe('toCsv', () => {
  it.each([
    [[['a', 1, null]], '\uFEFFa,1,\r\n'],
    [[['含,逗号', 'say "hi"']], '\uFEFF"含,逗号","say ""hi"""\r\n'],
    [[['=SUM(A1)', -3]], "\uFEFF'=SUM(A1),-3\r\n"],
    [[['two\nlines']], '\uFEFF"two\nlines"\r\n'],
    // OWASP: a leading tab or carriage return starts a formula too
    [[['\tcmd', '\r=1+1', '+1', '@x']], `\uFEFF'\tcmd,"'\r=1+1",'+1,'@x\r\n`],
  ])('%j', (rows, csv) => expect(toCsv(rows)).toBe(csv));
});

describe('toXlsx', () => {
  it('holds a sheet with numbers as numbers and escaped inline text', () => {
    const bytes = toXlsx(
      [
        ['单位', '得分'],
        ['交警<支队>', 91.25],
        ['法制处', null],
      ],
      'Results',
    );
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('[Content_Types].xml');
    expect(text).toContain('<c r="B2"><v>91.25</v></c>');
    expect(text).toContain('交警&lt;支队&gt;');
    expect(text).toContain('<sheet name="Results"');
    expect(text).not.toContain('r="B3"');
  });

  it('is a ZIP a standard reader lists and checks (every CRC)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-xlsx-'));
    const file = path.join(dir, 'test.xlsx');
    fs.writeFileSync(
      file,
      toXlsx([
        ['单位', '得分'],
        ['交警支队', 91.25],
      ]),
    );
    const script =
      'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(",".join(sorted(z.namelist())))';
    try {
      const out = execFileSync('python3', ['-c', script, file], { encoding: 'utf8' });
      expect(out.trim()).toBe(
        '[Content_Types].xml,_rels/.rels,xl/_rels/workbook.xml.rels,xl/styles.xml,xl/workbook.xml,xl/worksheets/sheet1.xml',
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      console.warn('python3 is not installed: the XLSX is checked by its text only');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
