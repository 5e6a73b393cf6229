import { parse } from 'csv-parse/stream';
import { type CsvReadOptions, type CsvRecord, csvParser, delimiterOf, toLf } from './csv-reader.js';

/** The longest first line waited for before the delimiter is decided. */
const FIRST_LINE_CHARS = 65_536;

/**
 * Reads CSV records from text chunks as they come, without holding the text:
 * a record is handed over as soon as it is complete, and the limits are
 * checked as each cell is read (the same options and records as
 * `readCsvText`). Throws `CsvReadError`.
 */
export async function* readCsvStream(
  chunks: AsyncIterable<string>,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRecord> {
  const source = lfChunks(chunks)[Symbol.asyncIterator]();
  // the delimiter is decided on the first line: wait until it is complete
  let head = '';
  let done = false;
  while (!done && head.length < FIRST_LINE_CHARS && !head.includes('\n')) {
    const next = await source.next();
    if (next.done) done = true;
    else head += next.value;
  }
  if (head.startsWith('\uFEFF')) head = head.slice(1);
  const parser = csvParser(options, delimiterOf(head.split('\n', 1)[0] ?? '', options.delimiter));
  const encoder = new TextEncoder();
  let first = true;
  const bytes = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(encoder.encode(head));
        if (done) controller.close();
        return;
      }
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const reader = bytes
    .pipeThrough(parse(parser.parse) as unknown as TransformStream<Uint8Array, CsvRecord>)
    .getReader();
  try {
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) return;
      yield value;
    }
  } catch (error) {
    parser.fail(error);
  } finally {
    reader.releaseLock();
  }
}

// LF line ends, also for a CRLF split between two chunks
async function* lfChunks(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry + chunk;
    carry = text.endsWith('\r') ? '\r' : '';
    yield toLf(carry ? text.slice(0, -1) : text);
  }
  if (carry) yield '\n';
}
