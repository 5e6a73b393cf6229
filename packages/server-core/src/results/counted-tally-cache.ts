import { LRUCache } from 'lru-cache';
import { type EntityManager } from 'typeorm';
import { readTallyStamp } from '../ballot-box/tally-stamp';

/** Campaigns whose counted tally one server keeps (about 4,300 rows each for 80 units × 9 groups × 6 levels). */
const MAX_CAMPAIGNS = 64;

/**
 * The counted part of each campaign's tally (the GROUP BY over its ratings),
 * kept in memory while the campaign's tally stamp stays the same. Every write
 * that changes the counted ratings replaces the stamp in its own transaction
 * (`ballot-box/tally-stamp.ts`), and the stamp is read in the reader's
 * transaction, so a reader never gets rows of another snapshot, on any
 * instance. Readers that miss at the same stamp share one count; a batch the
 * mixer of this server counted moves the rows to the new stamp by adding its
 * ballots ({@link advance}), so polls do not count again while it mixes. A campaign
 * without a stamp (ratings written before stamps, or by hand) is counted
 * every time.
 */
export class CountedTallyCache<Row> {
  private readonly entries = new LRUCache<number, { readonly stamp: string; readonly rows: Promise<readonly Row[]> }>({
    max: MAX_CAMPAIGNS,
  });

  /** The counted rows at the stamp `manager` sees: from memory, or from `count` (read through the same manager). */
  async rows(
    campaignId: number,
    manager: EntityManager,
    count: () => Promise<readonly Row[]>,
  ): Promise<readonly Row[]> {
    const stamp = await readTallyStamp(manager, campaignId);
    if (stamp === null) return count();
    const cached = this.entries.get(campaignId);
    if (cached?.stamp === stamp) return cached.rows;
    const rows = count();
    const entry = { stamp, rows };
    this.keep(campaignId, entry);
    return rows;
  }

  /**
   * The rows at stamp `after` made from those at `before` by `apply`, when
   * this server keeps the campaign's rows at `before` (the mixer counted a
   * batch here): polls go on from memory instead of counting again.
   */
  advance(
    campaignId: number,
    before: string | null,
    after: string,
    apply: (rows: readonly Row[]) => readonly Row[],
  ): void {
    const cached = this.entries.get(campaignId);
    if (before === null || cached?.stamp !== before) return;
    this.keep(campaignId, { stamp: after, rows: cached.rows.then(apply) });
  }

  private keep(campaignId: number, entry: { readonly stamp: string; readonly rows: Promise<readonly Row[]> }): void {
    this.entries.set(campaignId, entry);
    entry.rows.catch(() => {
      if (this.entries.get(campaignId) === entry) this.entries.delete(campaignId);
    });
  }
}
