import { describe, expect, it } from 'vitest';
import { fileLimitOf } from './file-limits';
import { XmlLimitScanner } from './xml-limit-scanner';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
function limitOf(scan: () => void) {
  try {
    scan();
  } catch (error) {
    return fileLimitOf(error);
  }
  return null;
}

describe('XmlLimitScanner', () => {
  it('counts elements by local name, prefixed or not, across chunk boundaries', () => {
    const scanner = new XmlLimitScanner({ part: 'p.xml', elements: { si: { max: 2, limit: 'sharedStrings' } } });
    const text = bytes('<sst><si><t>a</t></si><x:si><t>b</t></x:si><si/></sst>');
    expect(limitOf(() => text.forEach((byte) => scanner.scan(Uint8Array.of(byte))))).toEqual({
      limit: 'sharedStrings',
      max: 2,
      where: 'p.xml',
    });
  });

  it('names the row where a row has too many cells', () => {
    const scanner = new XmlLimitScanner({ part: 'sheet.xml', cellsPerRow: 2 });
    expect(limitOf(() => scanner.scan(bytes('<row r="1"><c/><c/></row><row r="7"><c r="A7"/><c/><c/></row>')))).toEqual(
      { limit: 'cellsPerRow', max: 2, where: 'sheet.xml row 7' },
    );
  });

  it('bounds every byte: text runs, tags, and what comments or CDATA hide', () => {
    const long = 'x'.repeat(40 * 1024);
    expect(limitOf(() => new XmlLimitScanner({ part: 'a' }).scan(bytes(`<t>${long}</t>`)))?.limit).toBe('xmlTextBytes');
    expect(limitOf(() => new XmlLimitScanner({ part: 'a' }).scan(bytes(`<c r="${long}"/>`)))?.limit).toBe(
      'xmlTagBytes',
    );
    expect(limitOf(() => new XmlLimitScanner({ part: 'a' }).scan(bytes(`<![CDATA[${long}]]>`)))?.limit).toBe(
      'xmlTagBytes',
    );
    expect(limitOf(() => new XmlLimitScanner({ part: 'a' }).scan(bytes(`<!-- > ${long} -->`)))?.limit).toBe(
      'xmlTextBytes',
    );
    expect(limitOf(() => new XmlLimitScanner({ part: 'a' }).scan(bytes('<t>short</t>')))).toBeNull();
  });
});
