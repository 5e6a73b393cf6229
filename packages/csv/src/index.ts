// The one CSV reader and the one CSV writer of Pingyi (see README.md). The
// stream reader is in `@pingyi/csv/stream` (server only).
export { type CsvReadProblem, CsvReadError, isCsvReadError } from './csv-read-error.js';
export { type CsvLimits, type CsvReadOptions, type CsvRecord, readCsvText } from './csv-reader.js';
export { type ByteSource, type CsvEncoding, decodeCsvChunks, decodeUtf8, detectCsvEncoding } from './csv-encoding.js';
export { type CsvCell, type CsvWriteOptions, neutraliseFormula, writeCsv } from './csv-writer.js';
