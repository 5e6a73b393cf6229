import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PingyiError } from '@pingyi/domain';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { type ListOptions, type Page, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { whereBureau } from '../common/scoping';
import { checkCode, checkId, checkIsoDate, checkText } from '../common/validation';
import { RectificationCampaigns } from '../rectification/rectification-campaigns.service';
import { AccountabilityRecord } from './accountability-record.entity';
import { CriticismNotice } from './criticism-notice.entity';
import { type IssueCriticismNoticeInput, type RecordAccountabilityInput, type UnitFilter } from './dto/notice.dto';
import { Inspection } from './inspection.entity';
import { supervisionScopeOf } from './supervision-access';
import { notifyUnitAndOffice } from './supervision-notify';
import { Transactions } from '../database/transactions';

/**
 * 通报批评 and 责任追究: criticism notices to units and the accountability
 * measures that follow, written by inspectors and the office in any phase of
 * the campaign, read by them and leaders, and by the liaisons of the unit
 * concerned only. Each one lands in the unit's and the office's inbox.
 */
@Injectable()
export class NoticeService {
  constructor(
    private readonly transactions: Transactions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: RectificationCampaigns,
  ) {}

  async notices(
    ctx: RequestContext,
    campaignId: unknown,
    options?: ListOptions | null,
    filter?: UnitFilter | null,
  ): Promise<Page<CriticismNotice>> {
    const query = await this.scoped(ctx, CriticismNotice, 'notice', campaignId, filter);
    return paginate(query, options, {
      sortable: { issuedOn: 'notice.issuedOn', id: 'notice.id' },
      defaultSort: [['issuedOn', SortOrder.DESC]],
    });
  }

  async accountability(
    ctx: RequestContext,
    campaignId: unknown,
    options?: ListOptions | null,
    filter?: UnitFilter | null,
  ): Promise<Page<AccountabilityRecord>> {
    const query = await this.scoped(ctx, AccountabilityRecord, 'record', campaignId, filter);
    return paginate(query, options, {
      sortable: { decidedOn: 'record.decidedOn', id: 'record.id' },
      defaultSort: [['decidedOn', SortOrder.DESC]],
    });
  }

  async noticeOrThrow(ctx: RequestContext, id: unknown, path = 'id'): Promise<CriticismNotice> {
    const noticeId = checkId(id, path);
    const scope = supervisionScopeOf(ctx);
    const found = await this.dataSource.manager.findOneBy(CriticismNotice, {
      id: noticeId,
      bureauId: ctx.bureauId,
      ...(scope ? { unitCode: scope } : {}),
    });
    if (!found) throw new PingyiError('NOT_FOUND', `no criticism notice with id ${noticeId} for you`, path);
    return found;
  }

  async issue(ctx: RequestContext, input: IssueCriticismNoticeInput): Promise<CriticismNotice> {
    const campaign = await this.campaigns.findOrThrow(ctx, input.campaignId, 'input.campaignId');
    const now = this.campaigns.now();
    this.campaigns.assertOpen(campaign, 'issueNotice', now);
    const unitCode = await this.campaigns.unitOrThrow(campaign, input.unitCode, 'input.unitCode');
    const title = checkText(input.title, 'input.title', { max: 200 });
    const text = checkText(input.text, 'input.text', { max: 20_000 });
    return this.transactions.run(async (manager) => {
      let inspectionId: number | null = null;
      if (input.inspectionId) {
        inspectionId = checkId(input.inspectionId, 'input.inspectionId');
        if (
          !(await manager.existsBy(Inspection, {
            id: inspectionId,
            bureauId: ctx.bureauId,
            campaignId: campaign.id,
            unitCode,
          }))
        ) {
          throw new PingyiError(
            'NOT_FOUND',
            `no inspection with id ${inspectionId} of ${unitCode} in this campaign`,
            'input.inspectionId',
          );
        }
      }
      const saved = await manager.save(
        manager.create(CriticismNotice, {
          bureauId: ctx.bureauId,
          campaignId: campaign.id,
          unitCode,
          title,
          text,
          issuedOn: this.campaigns.today(campaign, now),
          issuedBy: ctx.userOrThrow.username,
          inspectionId,
        }),
      );
      await notifyUnitAndOffice(manager, ctx, {
        campaignId: campaign.id,
        unitCode,
        subjectType: 'criticismNotice',
        subjectId: saved.id,
        reason: 'issueNotice',
        sentence: { key: 'notifyCriticismNotice', params: { title } },
      });
      return saved;
    });
  }

  async recordAccountability(ctx: RequestContext, input: RecordAccountabilityInput): Promise<AccountabilityRecord> {
    const campaign = await this.campaigns.findOrThrow(ctx, input.campaignId, 'input.campaignId');
    const now = this.campaigns.now();
    this.campaigns.assertOpen(campaign, 'issueNotice', now);
    const today = this.campaigns.today(campaign, now);
    const unitCode = await this.campaigns.unitOrThrow(campaign, input.unitCode, 'input.unitCode');
    const decidedOn = input.decidedOn ? checkIsoDate(input.decidedOn, 'input.decidedOn') : today;
    if (decidedOn > today)
      throw new PingyiError('INVALID_ARGUMENT', `${decidedOn} is after today ${today}`, 'input.decidedOn');
    const fields = {
      person: checkText(input.person, 'input.person', { max: 100 }),
      measure: checkText(input.measure, 'input.measure', { max: 5000 }),
    };
    return this.transactions.run(async (manager) => {
      let noticeId: number | null = null;
      if (input.noticeId) {
        noticeId = checkId(input.noticeId, 'input.noticeId');
        if (
          !(await manager.existsBy(CriticismNotice, {
            id: noticeId,
            bureauId: ctx.bureauId,
            campaignId: campaign.id,
            unitCode,
          }))
        ) {
          throw new PingyiError(
            'NOT_FOUND',
            `no criticism notice with id ${noticeId} to ${unitCode} in this campaign`,
            'input.noticeId',
          );
        }
      }
      const saved = await manager.save(
        manager.create(AccountabilityRecord, {
          ...fields,
          bureauId: ctx.bureauId,
          campaignId: campaign.id,
          unitCode,
          decidedOn,
          noticeId,
          createdBy: ctx.userOrThrow.username,
        }),
      );
      await notifyUnitAndOffice(manager, ctx, {
        campaignId: campaign.id,
        unitCode,
        subjectType: 'accountabilityRecord',
        subjectId: saved.id,
        reason: 'recordAccountability',
        sentence: { key: 'notifyAccountability', params: { person: fields.person } },
      });
      return saved;
    });
  }

  private async scoped<T extends ObjectLiteral>(
    ctx: RequestContext,
    entity: new () => T,
    alias: string,
    campaignId: unknown,
    filter?: UnitFilter | null,
  ): Promise<SelectQueryBuilder<T>> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const query = whereBureau(this.dataSource.getRepository(entity).createQueryBuilder(alias), ctx).andWhere(
      `${alias}.campaignId = :campaignId`,
      { campaignId: campaign.id },
    );
    const scope = supervisionScopeOf(ctx);
    if (scope) query.andWhere(`${alias}.unitCode = :scope`, { scope });
    if (filter?.unitCode)
      query.andWhere(`${alias}.unitCode = :unitCode`, { unitCode: checkCode(filter.unitCode, 'filter.unitCode') });
    return query;
  }
}
