import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { type SqlStep } from '../database/sql-steps';

/**
 * The statement that gives `campaignId` a new tally stamp (see
 * `TallyStamp`), for the transaction that changes its counted ratings.
 */
export function tallyStampStep(campaignId: number): SqlStep {
  return {
    name: 'tallyStamp',
    sql: `INSERT INTO tally_stamp (campaign_id, stamp) VALUES (?, ?)
          ON CONFLICT (campaign_id) DO UPDATE SET stamp = excluded.stamp`,
    params: [campaignId, randomUUID()],
  };
}

/** The campaign's tally stamp as `manager` sees it; null before its first counted ballot. */
export async function readTallyStamp(manager: EntityManager, campaignId: number): Promise<string | null> {
  const postgres = manager.connection.options.type === 'postgres';
  const rows = (await manager.query(`SELECT stamp FROM tally_stamp WHERE campaign_id = ${postgres ? '$1' : '?'}`, [
    campaignId,
  ])) as { stamp: string }[];
  return rows[0]?.stamp ?? null;
}
