import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PingyiError } from '@pingyi/domain';
import { type EntityManager, Repository } from 'typeorm';
import { assertCampaignActionOpen } from '../campaign/campaign-calendar';
import { CampaignService } from '../campaign/campaign.service';
import { type ListOptions, type Page, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { checkId, checkOneOf, checkOptionalText, checkText } from '../common/validation';
import { Bulletin, BulletinStatus, DEFAULT_BULLETIN_RECIPIENT } from './bulletin.entity';
import { type BulletinInput, type BulletinListFilter } from './dto/bulletin.dto';

const BULLETIN_LIST = {
  sortable: { createdAt: 'bulletin.createdAt', sentAt: 'bulletin.sentAt', title: 'bulletin.title' },
  defaultSort: [['createdAt', SortOrder.DESC]],
} as const;

/** Roles that write bulletins and see drafts; everyone else sees sent bulletins only. */
export const BULLETIN_EDITORS = [Role.admin, Role.office] as const;

/** 工作信息: drafted by the office, then sent (frozen) to the city appraisal office. */
@Injectable()
export class BulletinService {
  constructor(
    @InjectRepository(Bulletin) private readonly bulletins: Repository<Bulletin>,
    private readonly campaigns: CampaignService,
  ) {}

  async list(
    ctx: RequestContext,
    campaignId: unknown,
    options?: ListOptions | null,
    filter?: BulletinListFilter | null,
  ): Promise<Page<Bulletin>> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const query = this.bulletins
      .createQueryBuilder('bulletin')
      .where('bulletin.bureauId = :bureauId AND bulletin.campaignId = :campaignId', {
        bureauId: ctx.bureauId,
        campaignId: campaign.id,
      });
    if (!ctx.hasRole(...BULLETIN_EDITORS)) query.andWhere('bulletin.status = :sent', { sent: BulletinStatus.sent });
    if (filter?.status)
      query.andWhere('bulletin.status = :status', {
        status: checkOneOf(filter.status, 'filter.status', Object.values(BulletinStatus)),
      });
    return paginate(query, options, BULLETIN_LIST);
  }

  async create(
    ctx: RequestContext,
    campaignId: unknown,
    input: BulletinInput,
    options: { manager?: EntityManager } = {},
  ): Promise<Bulletin> {
    const campaign = await this.campaigns.findWritableOrThrow(ctx, campaignId, 'campaignId', options.manager);
    const repository = options.manager?.getRepository(Bulletin) ?? this.bulletins;
    return repository.save(
      repository.create({
        bureauId: campaign.bureauId,
        campaignId: campaign.id,
        ...checkInput(input),
        status: BulletinStatus.draft,
        sentAt: null,
        sentBy: null,
        createdBy: ctx.userOrThrow.username,
      }),
    );
  }

  /** Changes a draft; a sent bulletin is `ALREADY_SENT`. */
  async update(ctx: RequestContext, id: unknown, input: BulletinInput): Promise<Bulletin> {
    const bulletin = await this.draftOrThrow(ctx, id);
    return this.bulletins.save(Object.assign(bulletin, checkInput(input)));
  }

  /** Sends a draft: open in any phase of the campaign (`publishBulletin`), frozen afterwards. */
  async send(ctx: RequestContext, id: unknown, now: Date = new Date(), manager?: EntityManager): Promise<Bulletin> {
    const bulletin = await this.draftOrThrow(ctx, id, manager);
    const campaign = await this.campaigns.findWritableOrThrow(ctx, bulletin.campaignId, 'id', manager);
    assertCampaignActionOpen(campaign, 'publishBulletin', now);
    return (manager?.getRepository(Bulletin) ?? this.bulletins).save(
      Object.assign(bulletin, { status: BulletinStatus.sent, sentAt: now, sentBy: ctx.userOrThrow.username }),
    );
  }

  async delete(ctx: RequestContext, id: unknown): Promise<number> {
    const bulletin = await this.draftOrThrow(ctx, id);
    await this.bulletins.delete({ id: bulletin.id });
    return bulletin.id;
  }

  private async draftOrThrow(ctx: RequestContext, id: unknown, manager?: EntityManager): Promise<Bulletin> {
    const bulletinId = checkId(id, 'id');
    const bulletin = await (manager?.getRepository(Bulletin) ?? this.bulletins).findOneBy({
      id: bulletinId,
      bureauId: ctx.bureauId,
    });
    if (!bulletin) throw new PingyiError('NOT_FOUND', `no bulletin with id ${bulletinId} in your bureau`, 'id');
    if (bulletin.status === BulletinStatus.sent)
      throw new PingyiError(
        'ALREADY_SENT',
        `the bulletin "${bulletin.title}" was sent${bulletin.sentAt ? ` at ${bulletin.sentAt.toISOString()}` : ''}`,
        'id',
      );
    return bulletin;
  }
}

function checkInput(input: BulletinInput): Pick<Bulletin, 'title' | 'body' | 'recipient'> {
  return {
    title: checkText(input?.title, 'input.title', { max: 200 }),
    body: checkText(input?.body, 'input.body', { max: 20_000 }),
    recipient: checkOptionalText(input?.recipient, 'input.recipient', { max: 100 }) ?? DEFAULT_BULLETIN_RECIPIENT,
  };
}
