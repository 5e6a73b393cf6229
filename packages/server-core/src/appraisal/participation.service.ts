import { Injectable } from '@nestjs/common';
import { BallotBoxService } from '../ballot-box/ballot-box.service';
import { type Campaign } from '../campaign/campaign.entity';
import { CampaignService } from '../campaign/campaign.service';
import { type RequestContext } from '../common/request-context';
import { Ballot } from './ballot.entity';
import { type Participation } from './dto/appraisal.dto';
import { Opinion } from './opinion.entity';

/** How many ballots each evaluator group has returned against its quota (one GROUP BY). */
@Injectable()
export class ParticipationService {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly box: BallotBoxService,
  ) {}

  async participation(ctx: RequestContext, campaignId: unknown): Promise<Participation> {
    return this.participationOf(await this.campaigns.findOrThrow(ctx, campaignId));
  }

  /** {@link participation} of a campaign already checked to be the caller's (results read it for response rates). */
  async participationOf(campaign: Campaign): Promise<Participation> {
    // the counted ballots and opinions, and those still waiting in the ballot box
    const { counted, waiting } = await this.box.countWithBox(campaign.id, async (manager) => ({
      rows: await manager
        .getRepository(Ballot)
        .createQueryBuilder('ballot')
        .select('ballot.evaluatorGroupCode', 'group')
        .addSelect('ballot.channel', 'channel')
        .addSelect('COUNT(*)', 'count')
        .where('ballot.campaignId = :campaignId', { campaignId: campaign.id })
        .groupBy('ballot.evaluatorGroupCode')
        .addGroupBy('ballot.channel')
        .getRawMany<{ group: string; channel: string; count: string | number }>(),
      opinions: await manager.getRepository(Opinion).countBy({ campaignId: campaign.id }),
    }));
    const count = (group: string, channel: string): number =>
      counted.rows
        .filter((row) => row.group === group && row.channel === channel)
        .reduce((sum, row) => sum + Number(row.count), 0) +
      waiting.filter((ballot) => ballot.evaluatorGroupCode === group && ballot.channel === channel).length;
    const groups = campaign.evaluatorGroups.map((group) => {
      const online = count(group.code, 'online');
      const paper = count(group.code, 'paper');
      const ballots = online + paper;
      return {
        code: group.code,
        label: group.label,
        quota: group.quota,
        online,
        paper,
        ballots,
        rate: Math.round((ballots / group.quota) * 10_000) / 100,
      };
    });
    return {
      groups,
      quota: groups.reduce((sum, group) => sum + group.quota, 0),
      ballots: groups.reduce((sum, group) => sum + group.ballots, 0),
      opinions: counted.opinions + waiting.reduce((sum, ballot) => sum + ballot.opinionCount, 0),
    };
  }
}
