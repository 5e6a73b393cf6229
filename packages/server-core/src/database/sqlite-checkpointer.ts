import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// SQLite in WAL mode copies the log back into the database file (a
// checkpoint) on the connection that commits once the log passes 1,000 pages.
// After a bulk write that is hundreds of megabytes, copied synchronously on
// the event loop: 13 s without an answer after a 30,000-ballot import. So the
// server's connections never checkpoint themselves (`wal_autocheckpoint = 0`)
// and a worker thread with a connection of its own checkpoints every few
// seconds. PASSIVE checkpoints neither wait for nor block readers and writers.

const EVERY_MS = 2_000;

// The worker's code, evaluated as a CommonJS script: tsup bundles the server,
// so there is no separate file to point a Worker at.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
db.pragma('wal_autocheckpoint = 0');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error && error.message || error)); } };
const timer = setInterval(checkpoint, workerData.every);
parentPort.on('message', (message) => {
  if (message === 'stop') { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); }
});
`;

export interface Checkpointer {
  /** A last checkpoint, then the worker ends. */
  stop(): Promise<void>;
}

/** Starts the checkpointing worker for the database file `file`. */
export function startCheckpointer(file: string, onError: (message: string) => void = () => undefined): Checkpointer {
  const driver = createRequire(__filename).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, every: EVERY_MS } });
  worker.unref();
  worker.on('message', (message: unknown) => onError(String(message)));
  worker.on('error', (error) => onError(error.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: async () => {
      // held until it has ended: unref'd, a process with nothing else left to do would exit
      // in the middle of the last checkpoint, and whatever its shutdown awaits after this never runs
      worker.ref();
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      await worker.terminate();
    },
  };
}
