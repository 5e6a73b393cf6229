import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type TallyRow } from '@pingyi/scoring';
import { type EntityManager, Repository } from 'typeorm';
import { Rating } from '../appraisal/rating.entity';

/** A tally row as the database counts it. */
export interface CountedRow extends TallyRow {
  readonly group: string;
}

/**
 * The tally of a campaign, counted by the database: ONE statement,
 * `SELECT unit, group, level, COUNT(*) … GROUP BY unit, group, level` over
 * the rating table (served by its covering index). Ballots are never loaded.
 */
@Injectable()
export class TallyService {
  constructor(@InjectRepository(Rating) private readonly ratings: Repository<Rating>) {}

  async rows(campaignId: number, manager?: EntityManager): Promise<CountedRow[]> {
    const raw = await (manager?.getRepository(Rating) ?? this.ratings)
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
    return raw.map((row) => ({ unit: row.unitCode, group: row.groupCode, level: row.levelCode, count: Number(row.ratingCount) }));
  }
}
