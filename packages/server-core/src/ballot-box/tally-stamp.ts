import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { type SqlStep } from '../database/sql-steps';

/**
 * The statement that gives `campaignId` a new tally stamp (see
 * `TallyStamp`), for the transaction that changes its counted ratings.
 */
export function tallyStampStep(campaignId: number, stamp: string = randomUUID()): SqlStep {
  return {
    name: 'tallyStamp',
    sql: `INSERT INTO tally_stamp (campaign_id, stamp) VALUES (?, ?)
          ON CONFLICT (campaign_id) DO UPDATE SET stamp = excluded.stamp`,
    params: [campaignId, stamp],
  };
}

/** The statement that reads `campaignId`'s stamp in a writer's steps (before it replaces it). */
export function readTallyStampStep(campaignId: number): SqlStep {
  return { sql: 'SELECT stamp FROM tally_stamp WHERE campaign_id = ?', params: [campaignId], returnsRows: true };
}

/**
 * A batch the mixer counted, announced in this process once committed: the
 * campaign's stamp before and after, and the ballots, so a tally kept at the
 * stamp before becomes the one at the stamp after by adding them instead of
 * counting again.
 */
export interface CountedBatch {
  readonly campaignId: number;
  readonly before: string | null;
  readonly after: string;
  readonly ballots: readonly {
    readonly evaluatorGroupCode: string;
    readonly ratings: readonly (readonly [string, string])[];
  }[];
}

/** The campaign's tally stamp as `manager` sees it; null before its first counted ballot. */
export async function readTallyStamp(manager: EntityManager, campaignId: number): Promise<string | null> {
  const postgres = manager.connection.options.type === 'postgres';
  const rows = (await manager.query(`SELECT stamp FROM tally_stamp WHERE campaign_id = ${postgres ? '$1' : '?'}`, [
    campaignId,
  ])) as { stamp: string }[];
  return rows[0]?.stamp ?? null;
}
