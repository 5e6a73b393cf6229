import { once } from 'node:events';
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import * as yazl from 'yazl';

/** One part of a hand-made .xlsx: its text, or text made piece by piece (large parts never held whole). */
export interface XlsxPart {
  readonly name: string;
  readonly text: string | (() => Iterable<string>);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="评议表" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Excel's column letters of a 0-based index. */
export function letters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A worksheet part whose rows are inline strings (no shared strings needed), made row by row. */
export function sheetXml(rows: () => Iterable<readonly string[]>): () => Iterable<string> {
  return function* sheet() {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    let r = 0;
    for (const row of rows()) {
      r += 1;
      yield `<row r="${r}">${row.map((cell, c) => `<c r="${letters(c)}${r}" t="inlineStr"><is><t>${escape(cell)}</t></is></c>`).join('')}</row>`;
    }
    yield '</sheetData></worksheet>';
  };
}

/** A shared strings part with `count` strings made by `text(i)`. */
export function sharedStringsXml(count: number, text: (i: number) => string): () => Iterable<string> {
  return function* strings() {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`;
    let chunk = '';
    for (let i = 0; i < count; i += 1) {
      chunk += `<si><t>${text(i)}</t></si>`;
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
    yield `${chunk}</sst>`;
  };
}

/**
 * Writes a hand-made .xlsx to `file` (deflated, large parts streamed) with
 * the given parts in the given order, after the content types and the
 * workbook's own parts; returns its bytes (small: what is sent).
 */
export async function writeXlsx(
  file: string,
  parts: readonly XlsxPart[],
  options: { workbookParts?: boolean } = {},
): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  const all: XlsxPart[] = [
    { name: '[Content_Types].xml', text: CONTENT_TYPES },
    { name: '_rels/.rels', text: ROOT_RELS },
    ...(options.workbookParts === false
      ? []
      : [
          { name: 'xl/workbook.xml', text: WORKBOOK },
          { name: 'xl/_rels/workbook.xml.rels', text: WORKBOOK_RELS },
        ]),
    ...parts,
  ];
  for (const part of all) {
    if (typeof part.text === 'string') zip.addBuffer(Buffer.from(part.text), part.name, { compressionLevel: 6 });
    else {
      const pieces = part.text;
      zip.addReadStream(
        Readable.from(
          (function* bytes() {
            for (const piece of pieces()) yield Buffer.from(piece);
          })(),
        ),
        part.name,
        { compressionLevel: 6 },
      );
    }
  }
  zip.end();
  const out = fs.createWriteStream(file);
  zip.outputStream.pipe(out);
  await once(out, 'finish');
  return new Uint8Array(fs.readFileSync(file));
}

/** The highest resident set size seen while `work` runs (sampled every 10 ms), above the one before it. */
export async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - before) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}
