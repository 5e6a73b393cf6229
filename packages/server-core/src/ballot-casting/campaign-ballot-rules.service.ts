import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { appraisedUnits, type BallotRules, buildUnitTree, type RatingScale } from '@pingyi/domain';
import { Repository } from 'typeorm';
import { Campaign } from '../campaign/campaign.entity';
import { CampaignChangeFeed } from '../campaign/campaign-change-feed';
import { Unit } from '../organization/unit.entity';

/** A campaign as a ballot sees it: its sheet (units, scale, groups) and calendar. */
export interface CampaignBallotRules {
  readonly campaign: Campaign;
  /** Appraised units in ballot order. */
  readonly units: readonly { readonly code: string; readonly name: string }[];
  readonly scale: RatingScale;
  readonly rules: BallotRules;
  readonly groupLabels: ReadonlyMap<string, string>;
}

// Casting reads the same campaign for every ballot; a short cache saves two
// queries per ballot. A change made through this server drops the campaign's
// entry at once (the feed); one made through another server on the same
// database is seen here within the two seconds.
const TTL_MS = 2_000;

/** The ballot rules of campaigns, by id (no bureau scope: a code names its campaign). */
@Injectable()
export class CampaignBallotRulesService {
  private readonly cache = new Map<
    number,
    { readonly rules: Promise<CampaignBallotRules>; readonly expires: number }
  >();

  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    changeFeed: CampaignChangeFeed,
  ) {
    changeFeed.onChange((campaignId) => this.cache.delete(campaignId));
  }

  /** The rules of campaign `id` (which exists: an access code refers to it). */
  rulesOf(id: number): Promise<CampaignBallotRules> {
    const now = Date.now();
    const cached = this.cache.get(id);
    if (cached && cached.expires > now) return cached.rules;
    const rules = this.load(id);
    this.cache.set(id, { rules, expires: now + TTL_MS });
    rules.catch(() => this.cache.delete(id));
    if (this.cache.size > 100) for (const [key, entry] of this.cache) if (entry.expires <= now) this.cache.delete(key);
    return rules;
  }

  private async load(id: number): Promise<CampaignBallotRules> {
    const campaign = await this.campaigns.findOneOrFail({ where: { id }, relations: { evaluatorGroups: true } });
    const rows = await this.units.find({ where: { campaignId: id }, order: { sortOrder: 'ASC' } });
    const tree = buildUnitTree(
      rows.map(({ code, name, parentCode, appraised }) => ({ code, name, parentCode, appraised })),
    );
    const units = appraisedUnits(tree).map((unit) => ({ code: unit.code, name: unit.name }));
    const scale = campaign.policy.scale;
    campaign.evaluatorGroups.sort((a, b) => a.sortOrder - b.sortOrder);
    return {
      campaign,
      units,
      scale,
      rules: { appraisedUnitCodes: units.map((unit) => unit.code), scale },
      groupLabels: new Map(campaign.evaluatorGroups.map((group) => [group.code, group.label])),
    };
  }
}
