import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { assertCampaignActionOpen } from '../campaign/campaign-calendar';
import { type Campaign } from '../campaign/campaign.entity';
import { CampaignService } from '../campaign/campaign.service';
import { type RequestContext } from '../common/request-context';
import { ResultSnapshot } from './result-snapshot.entity';
import { StandingsService } from './standings.service';

/** Publishing results (公布评议结果): frozen snapshots of the standings and the policy used. */
@Injectable()
export class PublicationService {
  constructor(
    @InjectRepository(ResultSnapshot) private readonly snapshots: Repository<ResultSnapshot>,
    private readonly campaigns: CampaignService,
    private readonly standings: StandingsService,
  ) {}

  /** Publishes the current standings; open from the rectification phase on (`publishStandings`). */
  async publish(ctx: RequestContext, campaignId: unknown, now: Date = new Date()): Promise<ResultSnapshot> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    assertCampaignActionOpen(campaign, 'publishStandings', now);
    return this.freeze(ctx, campaign, now);
  }

  /**
   * Computes the standings under the campaign's stored policy and stores
   * them with that policy. No phase check: `publish` does it; the demo uses
   * this to load a past campaign's published results.
   */
  async freeze(ctx: RequestContext, campaign: Campaign, now: Date, manager?: EntityManager): Promise<ResultSnapshot> {
    const computed = await this.standings.compute(campaign, campaign.policy, { manager, withResponses: true });
    const groupResponses = await computed.groupResponses();
    // published results keep the response figures as values
    const standings = await Promise.all(
      computed.standings.map(async ({ pendingResponse, ...standing }) => ({
        ...standing,
        ...(await pendingResponse?.()),
      })),
    );
    const repository = manager?.getRepository(ResultSnapshot) ?? this.snapshots;
    return repository.save(
      repository.create({
        bureauId: campaign.bureauId,
        campaignId: campaign.id,
        policy: computed.policy,
        standings,
        ratingCount: computed.ratingCount,
        groupResponses,
        smallCellK: this.standings.smallCellK,
        publishedAt: now,
        publishedBy: ctx.userOrThrow.username,
      }),
    );
  }

  /** The campaign's snapshots, latest first. */
  async published(ctx: RequestContext, campaignId: unknown): Promise<ResultSnapshot[]> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    return this.snapshots.find({
      where: { campaignId: campaign.id, bureauId: ctx.bureauId },
      order: { publishedAt: 'DESC', id: 'DESC' },
    });
  }

  /** The latest snapshot of a campaign already checked to be the caller's, or null. */
  latest(campaignId: number): Promise<ResultSnapshot | null> {
    return this.snapshots.findOne({ where: { campaignId }, order: { publishedAt: 'DESC', id: 'DESC' } });
  }
}
