import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { toXlsx } from './xlsx';
import { crc32, zip } from './zip';

describe('toCsv', () => {
  it.each([
    [[['a', 1, null]], '\uFEFFa,1,\r\n'],
    [[['含,逗号', 'say "hi"']], '\uFEFF"含,逗号","say ""hi"""\r\n'],
    [[['=SUM(A1)', -3]], "\uFEFF'=SUM(A1),-3\r\n"],
    [[['two\nlines']], '\uFEFF"two\nlines"\r\n'],
  ])('%j', (rows, csv) => expect(toCsv(rows)).toBe(csv));
});

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes an archive a standard reader lists and extracts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-zip-'));
    const file = path.join(dir, 'test.zip');
    fs.writeFileSync(file, zip([{ name: 'a.txt', data: new TextEncoder().encode('甲乙丙') }, { name: 'dir/b.txt', data: new Uint8Array([1, 2, 3]) }]));
    // python's zipfile checks the headers, the central directory and every CRC
    const script = 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(",".join(z.namelist())); print(z.read("a.txt").decode())';
    let out: string;
    try {
      out = execFileSync('python3', ['-c', script, file], { encoding: 'utf8' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        console.warn('python3 is not installed: the ZIP is checked by its structure only');
        const bytes = fs.readFileSync(file);
        expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
        expect(bytes.readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
        return;
      }
      throw error;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(out.trim().split('\n')).toEqual(['a.txt,dir/b.txt', '甲乙丙']);
  });
});

describe('toXlsx', () => {
  it('holds a sheet with numbers as numbers and escaped inline text', () => {
    const bytes = toXlsx([['单位', '得分'], ['交警<支队>', 91.25], ['法制处', null]], 'Results');
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('[Content_Types].xml');
    expect(text).toContain('<c r="B2"><v>91.25</v></c>');
    expect(text).toContain('交警&lt;支队&gt;');
    expect(text).toContain('<sheet name="Results"');
    expect(text).not.toContain('r="B3"');
  });
});
