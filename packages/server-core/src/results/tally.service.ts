import { Injectable } from '@nestjs/common';
import { type TallyRow } from '@pingyi/scoring';
import { type EntityManager } from 'typeorm';
import { Rating } from '../appraisal/rating.entity';
import { BallotBoxService } from '../ballot-box/ballot-box.service';
import { type CountedBatch } from '../ballot-box/tally-stamp';
import { CountedTallyCache } from './counted-tally-cache';

/** A tally row as the database counts it. */
export interface CountedRow extends TallyRow {
  readonly group: string;
}

/**
 * The tally of a campaign, counted by the database: ONE statement,
 * `SELECT unit, group, level, COUNT(*) … GROUP BY unit, group, level` over
 * the rating table (served by its covering index), plus the ballots still
 * waiting in the ballot box (counted here), read in one read-only
 * transaction, so a tally taken at any moment holds every stored ballot once.
 * The counted part is kept in memory while the campaign's tally stamp stays
 * the same ({@link CountedTallyCache}): polling standings does not count
 * 800,000 ratings again until the mixer or a withdrawal changes them.
 */
@Injectable()
export class TallyService {
  private readonly countedCache = new CountedTallyCache<CountedRow>();

  constructor(private readonly box: BallotBoxService) {
    box.onCounted((batch) =>
      this.countedCache.advance(batch.campaignId, batch.before, batch.after, (rows) =>
        withBallots(rows, batch.ballots),
      ),
    );
  }

  async rows(campaignId: number, manager?: EntityManager): Promise<readonly CountedRow[]> {
    const { counted, waiting } = await this.box.countWithBox(campaignId, (reader) => {
      const within = manager ?? reader;
      return this.countedCache.rows(campaignId, within, () => this.countedRows(campaignId, within));
    });
    return waiting.length === 0 ? counted : withBallots(counted, waiting);
  }

  private async countedRows(campaignId: number, manager: EntityManager): Promise<CountedRow[]> {
    const raw = await manager
      .getRepository(Rating)
      .createQueryBuilder('rating')
      .select('rating.unitCode', 'unitCode')
      .addSelect('rating.evaluatorGroupCode', 'groupCode')
      .addSelect('rating.levelCode', 'levelCode')
      .addSelect('COUNT(*)', 'ratingCount')
      .where('rating.campaignId = :campaignId', { campaignId })
      .groupBy('rating.unitCode')
      .addGroupBy('rating.evaluatorGroupCode')
      .addGroupBy('rating.levelCode')
      .getRawMany<{ unitCode: string; groupCode: string; levelCode: string; ratingCount: string | number }>();
    // PostgreSQL's COUNT is a bigint, which the driver returns as text
    return raw.map((row) => ({
      unit: row.unitCode,
      group: row.groupCode,
      level: row.levelCode,
      count: Number(row.ratingCount),
    }));
  }
}

/**
 * Counted rows plus ballots' ratings (waiting in the box, or a batch just
 * counted), as new rows: the rows given stay as they are for readers holding
 * them. The ratings are counted by group and by shared [unit, level] pair (no
 * key strings: 10,000 ballots are 800,000 ratings).
 */
function withBallots(rows: readonly CountedRow[], ballots: CountedBatch['ballots']): CountedRow[] {
  const byGroup = new Map<string, Map<readonly [string, string], number>>();
  for (const ballot of ballots) {
    let pairs = byGroup.get(ballot.evaluatorGroupCode);
    if (!pairs) byGroup.set(ballot.evaluatorGroupCode, (pairs = new Map()));
    for (const pair of ballot.ratings) pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  const totals = new Map<string, { unit: string; group: string; level: string; count: number }>();
  const add = (unit: string, group: string, level: string, count: number): void => {
    const key = `${unit}\u0000${group}\u0000${level}`;
    const row = totals.get(key);
    if (row) row.count += count;
    else totals.set(key, { unit, group, level, count });
  };
  for (const row of rows) add(row.unit, row.group, row.level, row.count);
  for (const [group, pairs] of byGroup) for (const [[unit, level], count] of pairs) add(unit, group, level, count);
  return [...totals.values()];
}
