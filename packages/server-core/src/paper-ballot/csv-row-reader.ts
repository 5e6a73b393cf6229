import { MAX_CELL_CHARS, MAX_ROWS_PER_FILE, MAX_CELLS_PER_ROW, malformedFile, type SheetRow, tooManyCells, tooManyRows } from './sheet-row';

/** Re-opens the file's bytes (the encoding is checked in a first pass, the rows read in a second). */
export type ByteSource = () => AsyncIterable<Uint8Array>;

/** The text encodings a keyed-in CSV may have: UTF-8 (with or without BOM), or GB18030/GBK as Excel saves it in China. */
export type CsvEncoding = 'utf-8' | 'gb18030';

/**
 * Decides the encoding by reading the whole file once: UTF-8 when every byte
 * sequence is valid UTF-8, otherwise GB18030 (which includes GBK) when that
 * decodes it; UTF-16, NUL bytes and anything else are refused with a
 * message that says what to do.
 */
export async function detectCsvEncoding(open: ByteSource): Promise<CsvEncoding> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let valid = true;
  for await (const chunk of open()) {
    if (first) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        throw malformedFile('the file is UTF-16 text; save it as "CSV UTF-8" (or GBK) and upload it again');
      }
      if (chunk[0] === 0x50 && chunk[1] === 0x4b) throw malformedFile('the file is a ZIP archive (an .xlsx?) sent as CSV; upload it as XLSX');
      if (chunk[0] === 0xd0 && chunk[1] === 0xcf) throw malformedFile('the file is an old Excel .xls workbook; save it as .xlsx or CSV');
    }
    if (chunk.includes(0)) throw malformedFile('the file holds NUL bytes: it is not a text (CSV) file');
    if (valid) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        valid = false;
      }
    }
  }
  if (valid) {
    try {
      utf8.decode();
      return 'utf-8';
    } catch {
      // a sequence cut off at the end
    }
  }
  const gb = new TextDecoder('gb18030', { fatal: true });
  try {
    for await (const chunk of open()) gb.decode(chunk, { stream: true });
    gb.decode();
  } catch {
    throw malformedFile('the file is neither UTF-8 nor GBK/GB18030 text; save it as "CSV UTF-8" and upload it again');
  }
  return 'gb18030';
}

/**
 * Reads CSV rows (RFC 4180: quotes, doubled quotes, line breaks inside
 * quotes; `,` or, when the first line has no comma but a tab, tab-separated)
 * chunk by chunk without holding the file: a row is handed over as soon as it
 * is complete. A cell longer than {@link MAX_CELL_CHARS} is cut (and flagged),
 * so one huge cell cannot fill the memory. Blank lines are skipped.
 */
export async function* readCsvRows(open: ByteSource, encoding: CsvEncoding, onBytes: (bytes: number) => void = () => undefined): AsyncGenerator<SheetRow> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  let delimiter: string | null = null;
  let cells: string[] = [];
  let tooLong: number[] = [];
  let formulas: number[] = [];
  let cell = '';
  let cellLength = 0;
  let quoted = false; // inside a quoted cell
  let quotePending = false; // saw a quote inside a quoted cell: end or doubled?
  let line = 1;
  let rowLine = 1;
  let rows = 0;
  let pendingCR = false;

  const endCell = (): void => {
    if (cells.length >= MAX_CELLS_PER_ROW) throw tooManyCells(`line ${rowLine}`);
    if (cellLength > MAX_CELL_CHARS) tooLong.push(cells.length);
    if (/^\s*[=＝]/.test(cell) && cell.trim().length > 1) formulas.push(cells.length);
    cells.push(cell);
    cell = '';
    cellLength = 0;
  };
  const takeRow = (): SheetRow | null => {
    endCell();
    const row = cells.every((text) => text.trim() === '') ? null : { line: rowLine, cells, tooLong, formulas };
    cells = [];
    tooLong = [];
    formulas = [];
    if (row && (rows += 1) > MAX_ROWS_PER_FILE) throw tooManyRows(`line ${rowLine}`);
    return row;
  };
  const add = (char: string): void => {
    cellLength += 1;
    if (cellLength <= MAX_CELL_CHARS) cell += char;
  };

  const out: SheetRow[] = [];
  const feed = (body: string): void => {
    for (let i = 0; i < body.length; i += 1) {
      const char = body[i] as string;
      if (pendingCR) {
        pendingCR = false;
        if (char === '\n') continue;
      }
      if (quoted) {
        if (quotePending) {
          quotePending = false;
          if (char === '"') {
            add('"');
            continue;
          }
          quoted = false; // that quote closed the cell: `char` follows it
        } else if (char === '"') {
          quotePending = true;
          continue;
        } else {
          if (char === '\n' || char === '\r') line += 1;
          if (char === '\r') pendingCR = true;
          add(char === '\r' ? '\n' : char);
          continue;
        }
      }
      if (char === delimiter) endCell();
      else if (char === '\n' || char === '\r') {
        const row = takeRow();
        if (row) out.push(row);
        line += 1;
        rowLine = line;
        if (char === '\r') pendingCR = true;
      } else if (char === '"' && cellLength === 0) quoted = true;
      else add(char);
    }
  };
  const decide = (head: string): string => (!head.includes(',') && head.includes('\t') ? '\t' : ',');

  let carry = '';
  for await (const chunk of open()) {
    onBytes(chunk.length);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw malformedFile(`line ${line}: the bytes are not valid ${encoding}`);
    }
    if (delimiter === null) {
      // the delimiter is decided on the first line: wait until it is complete
      carry += text;
      const end = carry.search(/[\r\n]/);
      if (end < 0 && carry.length < 65_536) continue;
      delimiter = decide(end < 0 ? carry : carry.slice(0, end));
      text = carry;
      carry = '';
    }
    feed(text);
    yield* out.splice(0);
  }
  if (delimiter === null) {
    delimiter = decide(carry);
    feed(carry);
  }
  yield* out.splice(0);
  try {
    decoder.decode();
  } catch {
    throw malformedFile('the file ends in the middle of a character');
  }
  if (quoted && !quotePending) throw malformedFile(`line ${rowLine}: a quoted cell is never closed`);
  if (cell !== '' || cells.length > 0) {
    const row = takeRow();
    if (row) yield row;
  }
}
