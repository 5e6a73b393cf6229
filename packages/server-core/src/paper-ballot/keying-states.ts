// The writes that move a keying and its batch between states while the keying
// is checked (interrupted, invalid, kept alive), and the repeat lookup: SQL
// steps of PaperImportService, on either database through Transactions.
import { type Transactions } from '../database/transactions';
import { type PaperBatch, PaperBatchState } from './paper-batch.entity';
import { type SheetProblem } from './paper-sheet';

const inList = (states: readonly string[]): string => states.map((state) => `'${state}'`).join(', ');

/** Ends a check that cannot go on: nothing of it was stored. */
export async function interruptKeying(
  tx: Transactions,
  batchId: number,
  keyingId: number,
  message: string,
): Promise<void> {
  await tx
    .steps([
      {
        sql: `UPDATE paper_batch SET state = 'interrupted', heartbeat_ms = NULL, message = ? WHERE id = ? AND state IN ('validating', 'importing')`,
        params: [message, batchId],
      },
      {
        sql: `UPDATE paper_keying SET state = 'interrupted', active_checksum = NULL WHERE id = ? AND state = 'validating'`,
        params: [keyingId],
      },
    ])
    .catch(() => undefined);
}

/** The first other batch of the campaign with a valid keying of the same sheets. */
export async function repeatedBatchOf(
  tx: Transactions,
  campaignId: number,
  batchId: number,
  contentHash: string,
): Promise<{ batchId: number; batchCode: string } | null> {
  const [row] = await tx.query(
    `SELECT k.batch_id AS batch_id, b.code AS code FROM paper_keying k JOIN paper_batch b ON b.id = k.batch_id
     WHERE k.campaign_id = ? AND k.content_hash = ? AND k.batch_id <> ? AND k.state = 'valid' ORDER BY k.id LIMIT 1`,
    [campaignId, contentHash, batchId],
  );
  return row ? { batchId: Number(row.batch_id), batchCode: String(row.code) } : null;
}

export async function finishInvalidKeying(
  tx: Transactions,
  batch: PaperBatch,
  keyingId: number,
  found: {
    encoding: string | null;
    processed: number;
    rows: number;
    problems: readonly SheetProblem[];
    total: number;
  },
  now: Date,
): Promise<void> {
  await tx.steps([
    {
      sql: `UPDATE paper_keying SET state = 'invalid', active_checksum = NULL, encoding = ?, processed_bytes = ?, rows = ?, problem_count = ?, report = ?, finished_at = ? WHERE id = ?`,
      params: [found.encoding, found.processed, found.rows, found.total, JSON.stringify(found.problems), now, keyingId],
    },
    {
      sql: `UPDATE paper_batch SET state = ?, heartbeat_ms = NULL WHERE id = ? AND state = 'validating'`,
      params: [batch.doubleKeyed ? PaperBatchState.open : PaperBatchState.rejected, batch.id],
    },
  ]);
}

/** The batch's heartbeat: the sweep leaves it alone while someone works on it or waits for a worker. */
export async function keepBatchAlive(tx: Transactions, batchId: number): Promise<void> {
  await tx.query(
    `UPDATE paper_batch SET heartbeat_ms = ? WHERE id = ? AND state IN (${inList(['validating', 'importing'])})`,
    [Date.now(), batchId],
  );
}
