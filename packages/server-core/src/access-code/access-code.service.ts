import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { actionWindows, assertWithinQuota, PingyiError, refusal } from '@pingyi/domain';
import { DataSource, Repository } from 'typeorm';
import { assertCampaignActionOpen, calendarOf } from '../campaign/campaign-calendar';
import { type Campaign } from '../campaign/campaign.entity';
import { CampaignService } from '../campaign/campaign.service';
import { type EvaluatorGroup } from '../campaign/evaluator-group.entity';
import { type ListOptions, type Page, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { whereBureau } from '../common/scoping';
import { checkCode, checkId, checkInt } from '../common/validation';
import { ServerSecretService } from '../settings/server-secret.service';
import { AccessCodeBatch } from './access-code-batch.entity';
import { formatAccessCode, generateAccessCode } from './access-code-format';
import { bulkInsertSteps } from './bulk-insert';
import {
  type AccessCodeBatchFilter,
  type AccessCodeGroupSummary,
  type AccessCodeSummary,
  IssuedAccessCodes,
} from './dto/access-code.dto';
import { type SqlStep } from '../database/sql-steps';
import { Transactions } from '../database/transactions';

/** Most codes one `issueAccessCodes` call may issue. */
export const MAX_CODES_PER_BATCH = 20_000;
/** HMAC purpose of access-code hashes (see ServerSecretService.hmac). */
export const ACCESS_CODE_HMAC_PURPOSE = 'access-code';

const BATCH_LIST = {
  sortable: { issuedAt: 'batch.issuedAt', evaluatorGroupCode: 'batch.evaluatorGroupCode', count: 'batch.count' },
  defaultSort: [['issuedAt', SortOrder.DESC]],
} as const;

/** The evaluator group `code` of a campaign, or INVALID_ARGUMENT at `path`. */
export function groupOfCampaign(campaign: Campaign, code: unknown, path: string): EvaluatorGroup {
  const groupCode = checkCode(code, path);
  const group = campaign.evaluatorGroups.find((candidate) => candidate.code === groupCode);
  if (!group) {
    const known = campaign.evaluatorGroups.map((candidate) => candidate.code).join(', ');
    throw new PingyiError(
      'INVALID_ARGUMENT',
      `"${groupCode}" is not an evaluator group of this campaign (${known})`,
      path,
    );
  }
  return group;
}

/** The days ballots may be cast, in words for a slip: `2025-10-16 至 2025-11-15`. */
export function castingWindowOf(campaign: Campaign): string {
  return actionWindows(calendarOf(campaign), 'castBallot')
    .map((phase) => `${phase.start} 至 ${phase.end}`)
    .join('、');
}

/**
 * 评议码: issued in batches per evaluator group within its quota, stored as
 * HMAC-SHA256 under the server secret, revoked per batch, counted per group.
 */
@Injectable()
export class AccessCodeService {
  private readonly tx: Transactions;

  constructor(
    dataSource: DataSource,
    @InjectRepository(AccessCodeBatch) private readonly batches: Repository<AccessCodeBatch>,
    private readonly campaigns: CampaignService,
    private readonly secret: ServerSecretService,
  ) {
    this.tx = new Transactions(dataSource);
  }

  /** The stored form of a normalized code. */
  hashOf(code: string): string {
    return this.secret.hmac(ACCESS_CODE_HMAC_PURPOSE, code);
  }

  /**
   * Issues `count` new codes for the group; `QUOTA_EXCEEDED` (with what is
   * left) when they do not fit in its quota. The check and the insert are one
   * transaction (the group row locked on PostgreSQL), so concurrent calls
   * cannot overshoot the quota together.
   */
  async issue(
    ctx: RequestContext,
    campaignId: unknown,
    groupCode: unknown,
    count: unknown,
    now: Date = new Date(),
  ): Promise<IssuedAccessCodes> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const group = groupOfCampaign(campaign, groupCode, 'group');
    const quota = { code: group.code, label: group.label, quota: group.quota };
    const requested = checkInt(count, 'count', 1, MAX_CODES_PER_BATCH);
    assertCampaignActionOpen(campaign, 'issueAccessCodes', now);
    assertWithinQuota(quota, await this.issuedCount(campaign.id, group.code), requested);

    const codes = new Set<string>();
    while (codes.size < requested) codes.add(generateAccessCode());
    const hashes = [...codes].map((code) => this.hashOf(code));
    const issuedBy = ctx.userOrThrow.username;
    const steps: (SqlStep | ((rows: readonly (readonly Record<string, unknown>[])[]) => Iterable<SqlStep>))[] = [];
    if (this.tx.dialect === 'postgres') {
      steps.push({
        sql: 'SELECT id FROM evaluator_group WHERE id = ? FOR UPDATE',
        params: [group.id],
        returnsRows: true,
      });
    }
    steps.push({
      name: 'quota',
      sql: `INSERT INTO access_code_batch (bureau_id, campaign_id, evaluator_group_code, count, issued_by)
            SELECT ?, ?, ?, ?, ? WHERE (SELECT COUNT(*) FROM access_code WHERE campaign_id = ? AND evaluator_group_code = ? AND state <> 'revoked') + ? <= ?
            RETURNING id`,
      params: [
        campaign.bureauId,
        campaign.id,
        group.code,
        requested,
        issuedBy,
        campaign.id,
        group.code,
        requested,
        group.quota,
      ],
      returnsRows: true,
      expectChanges: 1,
    });
    steps.push((rows) => {
      const batchId = Number(rows[rows.length - 1]?.[0]?.id);
      return bulkInsertSteps(
        this.tx.dialect,
        'access_code',
        [
          { name: 'bureau_id', pgType: 'integer' },
          { name: 'campaign_id', pgType: 'integer' },
          { name: 'batch_id', pgType: 'integer' },
          { name: 'evaluator_group_code', pgType: 'varchar' },
          { name: 'code_hash', pgType: 'varchar' },
        ],
        hashes.map((hash) => [campaign.bureauId, campaign.id, batchId, group.code, hash]),
      );
    });
    const outcome = await this.tx.steps(steps);
    if (!outcome.ok) {
      // another batch took the room between the check and the insert
      assertWithinQuota(quota, await this.issuedCount(campaign.id, group.code), requested);
      throw refusal('QUOTA_EXCEEDED', 'quotaFull', { group: group.code, label: group.label, requested }, 'count');
    }
    const batchId = Number(outcome.rows[outcome.rows.length - 1]?.[0]?.id);
    const batch = await this.batches.findOneByOrFail({ id: batchId });
    const issued = new IssuedAccessCodes();
    issued.batch = Object.assign(batch, { used: 0, unused: requested, revoked: 0 });
    issued.codes = [...codes].map(formatAccessCode);
    issued.slipContext = {
      campaignName: campaign.name,
      groupCode: group.code,
      groupLabel: group.label,
      window: castingWindowOf(campaign),
    };
    return issued;
  }

  /** Revokes the batch's unused codes (used ones keep their ballots); again is a no-op. */
  async revokeBatch(ctx: RequestContext, id: unknown, now: Date = new Date()): Promise<AccessCodeBatch> {
    const batch = await this.batchOrThrow(ctx, id);
    if (batch.revokedAt === null) {
      await this.tx.steps([
        {
          sql: 'UPDATE access_code_batch SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL',
          params: [now, ctx.userOrThrow.username, batch.id],
        },
        { sql: "UPDATE access_code SET state = 'revoked' WHERE batch_id = ? AND state = 'unused'", params: [batch.id] },
      ]);
    }
    const [revoked] = await this.withCounts([await this.batches.findOneByOrFail({ id: batch.id })]);
    return revoked as AccessCodeBatch;
  }

  /** Issued, used, unused and revoked codes per evaluator group (one GROUP BY). */
  async summary(ctx: RequestContext, campaignId: unknown): Promise<AccessCodeSummary> {
    return this.summaryOf(await this.campaigns.findOrThrow(ctx, campaignId));
  }

  /** {@link summary} of a campaign already checked to be the caller's (results read it for response rates). */
  async summaryOf(campaign: Campaign): Promise<AccessCodeSummary> {
    const rows = await this.batches.manager
      .createQueryBuilder()
      .select('code.evaluator_group_code', 'group')
      .addSelect('code.state', 'state')
      .addSelect('COUNT(*)', 'count')
      .from('access_code', 'code')
      .where('code.campaign_id = :campaignId', { campaignId: campaign.id })
      .groupBy('code.evaluator_group_code')
      .addGroupBy('code.state')
      .getRawMany<{ group: string; state: string; count: string | number }>();
    const countOf = (group: string, state: string): number =>
      Number(rows.find((row) => row.group === group && row.state === state)?.count ?? 0);
    const groups = campaign.evaluatorGroups.map((group): AccessCodeGroupSummary => {
      const used = countOf(group.code, 'used');
      const unused = countOf(group.code, 'unused');
      return {
        code: group.code,
        label: group.label,
        quota: group.quota,
        issued: used + unused,
        used,
        unused,
        revoked: countOf(group.code, 'revoked'),
        remaining: Math.max(group.quota - used - unused, 0),
      };
    });
    return { campaignId: String(campaign.id), groups };
  }

  /** The campaign's batches, newest first, with their used/unused/revoked counts (one more GROUP BY). */
  async listBatches(
    ctx: RequestContext,
    campaignId: unknown,
    options?: ListOptions | null,
    filter?: AccessCodeBatchFilter | null,
  ): Promise<Page<AccessCodeBatch>> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const query = whereBureau(this.batches.createQueryBuilder('batch'), ctx).andWhere(
      'batch.campaignId = :campaignId',
      { campaignId: campaign.id },
    );
    if (filter?.evaluatorGroupCode)
      query.andWhere('batch.evaluatorGroupCode = :group', {
        group: checkCode(filter.evaluatorGroupCode, 'filter.evaluatorGroupCode'),
      });
    if (filter?.revoked === true) query.andWhere('batch.revokedAt IS NOT NULL');
    if (filter?.revoked === false) query.andWhere('batch.revokedAt IS NULL');
    const page = await paginate(query, options, BATCH_LIST);
    return { ...page, items: await this.withCounts(page.items) };
  }

  private async batchOrThrow(ctx: RequestContext, id: unknown): Promise<AccessCodeBatch> {
    const batchId = checkId(id, 'id');
    const batch = await this.batches.findOneBy({ id: batchId, bureauId: ctx.bureauId });
    if (!batch) throw new PingyiError('NOT_FOUND', `no access code batch with id ${batchId} in your bureau`, 'id');
    return batch;
  }

  private async issuedCount(campaignId: number, groupCode: string): Promise<number> {
    const row = await this.batches.manager
      .createQueryBuilder()
      .select('COUNT(*)', 'count')
      .from('access_code', 'code')
      .where("code.campaign_id = :campaignId AND code.evaluator_group_code = :groupCode AND code.state <> 'revoked'", {
        campaignId,
        groupCode,
      })
      .getRawOne<{ count: string | number }>();
    return Number(row?.count ?? 0);
  }

  private async withCounts(batches: AccessCodeBatch[]): Promise<AccessCodeBatch[]> {
    if (batches.length === 0) return batches;
    const rows = await this.batches.manager
      .createQueryBuilder()
      .select('code.batch_id', 'batchId')
      .addSelect('code.state', 'state')
      .addSelect('COUNT(*)', 'count')
      .from('access_code', 'code')
      .where('code.batch_id IN (:...ids)', { ids: batches.map((batch) => batch.id) })
      .groupBy('code.batch_id')
      .addGroupBy('code.state')
      .getRawMany<{ batchId: number | string; state: string; count: string | number }>();
    const countOf = (batchId: number, state: string): number =>
      Number(rows.find((row) => Number(row.batchId) === batchId && row.state === state)?.count ?? 0);
    return batches.map((batch) =>
      Object.assign(batch, {
        used: countOf(batch.id, 'used'),
        unused: countOf(batch.id, 'unused'),
        revoked: countOf(batch.id, 'revoked'),
      }),
    );
  }
}
