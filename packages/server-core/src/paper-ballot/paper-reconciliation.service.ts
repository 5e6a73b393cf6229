import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { groupOfCampaign } from '../access-code/access-code.service';
import { BallotBoxService } from '../ballot-box/ballot-box.service';
import { type Campaign } from '../campaign/campaign.entity';
import { CampaignService } from '../campaign/campaign.service';
import { type RequestContext } from '../common/request-context';
import { checkInt } from '../common/validation';
import { type PaperReconciliation } from './dto/paper-ballot.dto';
import { PaperBatch, PaperBatchState } from './paper-batch.entity';
import { PaperReconciliationEntry } from './paper-reconciliation.entity';

/**
 * 纸质评议表核对: per evaluator group, sheets handed out (entered by the
 * office), returned = valid + spoilt, valid (paper ballots stored), spoilt
 * (counted by imports plus those the office counted by hand); more returned
 * than issued is flagged.
 */
@Injectable()
export class PaperReconciliationService {
  constructor(
    @InjectRepository(PaperReconciliationEntry) private readonly entries: Repository<PaperReconciliationEntry>,
    @InjectRepository(PaperBatch) private readonly batches: Repository<PaperBatch>,
    private readonly campaigns: CampaignService,
    private readonly box: BallotBoxService,
  ) {}

  async reconciliation(ctx: RequestContext, campaignId: unknown): Promise<PaperReconciliation> {
    return this.reconciliationOf(await this.campaigns.findOrThrow(ctx, campaignId));
  }

  /** {@link reconciliation} of a campaign already checked to be the caller's (results read it for response rates). */
  async reconciliationOf(campaign: Campaign): Promise<PaperReconciliation> {
    // paper ballots counted, and those still waiting in the ballot box
    const { counted: valid, waiting } = await this.box.countWithBox(campaign.id, (manager) =>
      manager
        .createQueryBuilder()
        .select('ballot.evaluator_group_code', 'group')
        .addSelect('COUNT(*)', 'count')
        .from('ballot', 'ballot')
        .where("ballot.campaign_id = :campaignId AND ballot.channel = 'paper'", { campaignId: campaign.id })
        .groupBy('ballot.evaluator_group_code')
        .getRawMany<{ group: string; count: string | number }>(),
    );
    const imported = await this.batches.find({
      where: { campaignId: campaign.id, state: PaperBatchState.imported },
      select: { id: true, groupCounts: true },
    });
    const entries = await this.entries.findBy({ campaignId: campaign.id });
    const printed = await this.countPerGroup('printed_sheet', "kind = 'APPRAISAL'", 'COUNT(*)', campaign.id);
    const scanned = await this.countPerGroup('scan_page', "kind = 'A'", 'COUNT(DISTINCT t.serial)', campaign.id);
    const groups = campaign.evaluatorGroups.map((group) => {
      const entry = entries.find((e) => e.evaluatorGroupCode === group.code);
      const counted = imported.reduce((sum, batch) => sum + (batch.groupCounts?.[group.code]?.spoilt ?? 0), 0);
      const spoiltNotKeyed = entry?.spoiltNotKeyed ?? 0;
      const validCount =
        Number(valid.find((row) => row.group === group.code)?.count ?? 0) +
        waiting.filter((ballot) => ballot.channel === 'paper' && ballot.evaluatorGroupCode === group.code).length;
      const spoilt = counted + spoiltNotKeyed;
      const returned = validCount + spoilt;
      const slipsIssued = entry?.slipsIssued ?? null;
      return {
        code: group.code,
        label: group.label,
        slipsIssued,
        printed: printed.get(group.code) ?? 0,
        scanned: scanned.get(group.code) ?? 0,
        returned,
        valid: validCount,
        spoilt,
        spoiltNotKeyed,
        overIssued: slipsIssued !== null && returned > slipsIssued,
      };
    });
    return { groups, flagged: groups.some((group) => group.overIssued) };
  }

  // Sheets printed (print runs) or recognised in scans, per group: the paper-print and paper-scan tables, read only.
  private async countPerGroup(
    table: 'printed_sheet' | 'scan_page',
    where: string,
    count: string,
    campaignId: number,
  ): Promise<Map<string, number>> {
    const rows = await this.batches.manager
      .createQueryBuilder()
      .select('t.evaluator_group_code', 'group')
      .addSelect(count, 'count')
      .from(table, 't')
      .where(`t.campaign_id = :campaignId AND t.${where}`, { campaignId })
      .groupBy('t.evaluator_group_code')
      .getRawMany<{ group: string; count: string | number }>();
    return new Map(rows.map((row) => [row.group, Number(row.count)]));
  }

  /** Records the sheets handed out to a group and the spoilt ones counted by hand. */
  async set(
    ctx: RequestContext,
    campaignId: unknown,
    groupCode: unknown,
    slipsIssued: unknown,
    spoiltNotKeyed: unknown,
  ): Promise<PaperReconciliation> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const group = groupOfCampaign(campaign, groupCode, 'group');
    const issued = checkInt(slipsIssued, 'slipsIssued', 0, 10_000_000);
    const spoilt = checkInt(spoiltNotKeyed ?? 0, 'spoiltNotKeyed', 0, 10_000_000);
    await this.entries.upsert(
      {
        bureauId: campaign.bureauId,
        campaignId: campaign.id,
        evaluatorGroupCode: group.code,
        slipsIssued: issued,
        spoiltNotKeyed: spoilt,
        updatedBy: ctx.userOrThrow.username,
      },
      { conflictPaths: ['campaignId', 'evaluatorGroupCode'] },
    );
    return this.reconciliation(ctx, campaign.id);
  }
}
