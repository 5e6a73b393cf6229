import { Injectable } from '@nestjs/common';
import { CampaignService } from '../campaign/campaign.service';
import { type RequestContext } from '../common/request-context';
import { type StandingsComparison, type UnitComparison } from './dto/results.dto';
import { type UnitStanding } from './dto/standings.dto';
import { PublicationService } from './publication.service';
import { StandingsService } from './standings.service';

/**
 * Compares a campaign with the previous one: its latest published standings
 * (or its live standings while none is published) against the previous
 * campaign's latest published snapshot, by unit code.
 */
@Injectable()
export class ComparisonService {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly standings: StandingsService,
    private readonly publication: PublicationService,
  ) {}

  async compare(ctx: RequestContext, campaignId: unknown): Promise<StandingsComparison> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const snapshot = await this.publication.latest(campaign.id);
    const current = snapshot
      ? { source: 'published', standings: snapshot.standings, decimals: snapshot.policy.decimals }
      : {
          source: 'live',
          standings: (await this.standings.compute(campaign, campaign.policy)).standings,
          decimals: campaign.policy.decimals,
        };
    const previous = await this.campaigns.previousOf(ctx, campaign);
    const previousSnapshot = previous ? await this.publication.latest(previous.id) : null;
    const base = {
      campaignId: String(campaign.id),
      currentSource: current.source,
      previousCampaignId: previous ? String(previous.id) : null,
      previousYear: previous?.year ?? null,
      previousPublishedAt: previousSnapshot?.publishedAt ?? null,
    };
    if (!previous || !previousSnapshot) {
      const note = previous
        ? `the previous campaign (${previous.year}) has no published results`
        : 'your bureau has no earlier campaign';
      return {
        ...base,
        note,
        units: current.standings.map((standing) => compareUnit(standing, undefined, current.decimals)),
      };
    }
    const before = new Map(previousSnapshot.standings.map((standing) => [standing.unitCode, standing]));
    const units = current.standings.map((standing) =>
      compareUnit(standing, before.get(standing.unitCode), current.decimals),
    );
    const seen = new Set(current.standings.map((standing) => standing.unitCode));
    for (const old of previousSnapshot.standings) {
      if (!seen.has(old.unitCode))
        units.push({
          ...compareUnit(old, old, current.decimals),
          rank: null,
          score: null,
          rankChange: null,
          scoreChange: null,
        });
    }
    return { ...base, note: null, units };
  }
}

// ranked within series, a unit's place against last year is its overall rank (results published before series have only `rank`)
const overall = (standing: UnitStanding | undefined): number | null =>
  standing ? (standing.overallRank ?? standing.rank) : null;

function compareUnit(now: UnitStanding, before: UnitStanding | undefined, decimals: number): UnitComparison {
  const scale = 10 ** decimals;
  const rank = overall(now);
  const previousRank = overall(before);
  return {
    unitCode: now.unitCode,
    unitName: now.unitName ?? before?.unitName ?? null,
    rank,
    previousRank,
    rankChange: rank !== null && previousRank !== null ? previousRank - rank : null,
    score: now.score,
    previousScore: before?.score ?? null,
    // both scores have at most `decimals` places, so rounding the float difference is exact
    scoreChange:
      now.score !== null && before?.score !== null && before?.score !== undefined
        ? Math.round((now.score - before.score) * scale) / scale
        : null,
  };
}
