// The stream reader: csv-parse's Web-stream parser (server side; the console needs none).
export { readCsvStream } from './csv-stream-reader.js';
