import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Campaign } from '../campaign/campaign.entity';
import { type RequestContext } from '../common/request-context';
import { checkCode } from '../common/validation';
import { type UnitTrend } from './dto/trend.dto';
import { ResultSnapshot } from './result-snapshot.entity';

/** Most campaigns a trend covers (the latest ones). */
export const MAX_TREND_CAMPAIGNS = 20;

/**
 * A unit's trend: its score and rank in the latest published snapshot of
 * each of the bureau's campaigns (archived ones too), by year. Only
 * published results: nothing a published snapshot did not already show.
 */
@Injectable()
export class TrendService {
  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    @InjectRepository(ResultSnapshot) private readonly snapshots: Repository<ResultSnapshot>,
  ) {}

  async unitTrend(ctx: RequestContext, unitCode: unknown): Promise<UnitTrend> {
    const code = checkCode(unitCode, 'unitCode');
    const campaigns = await this.campaigns.find({
      where: { bureauId: ctx.bureauId },
      order: { year: 'DESC', id: 'DESC' },
      take: MAX_TREND_CAMPAIGNS,
    });
    const snapshots = campaigns.length
      ? await this.snapshots.find({
          where: { bureauId: ctx.bureauId, campaignId: In(campaigns.map((c) => c.id)) },
          order: { publishedAt: 'DESC', id: 'DESC' },
        })
      : [];
    let unitName: string | null = null;
    const points = [];
    for (const campaign of [...campaigns].reverse()) {
      const snapshot = snapshots.find((s) => s.campaignId === campaign.id);
      const standing = snapshot?.standings.find((s) => s.unitCode === code);
      if (!snapshot || !standing) continue;
      unitName = standing.unitName ?? unitName;
      points.push({
        campaignId: String(campaign.id),
        campaignName: campaign.name,
        year: campaign.year,
        score: standing.score,
        rank: standing.rank,
        unitCount: snapshot.standings.length,
        decimals: snapshot.policy.decimals,
        tierLabel: standing.tierLabel ?? null,
      });
    }
    return { unitCode: code, unitName, points };
  }
}
