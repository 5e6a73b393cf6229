import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PingyiError } from '@pingyi/domain';
import { Repository } from 'typeorm';
import { assertCampaignActionOpen } from '../campaign/campaign-calendar';
import { CampaignService } from '../campaign/campaign.service';
import { type ListOptions, type Page, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { whereUnitInScope } from '../common/scoping';
import { likeContaining } from '../common/search';
import { checkCode, checkOneOf, checkOptionalText, checkText } from '../common/validation';
import { type OpinionListFilter } from './dto/appraisal.dto';
import { Opinion, OpinionStatus, REVIEW_STATUSES } from './opinion.entity';

/** Roles that read every opinion; a liaison reads the opinions about their unit (for rectification). */
export const OPINION_READERS_BUREAU_WIDE = [Role.admin, Role.office, Role.leader, Role.inspector] as const;

/** Longest tag the office may put on an opinion. */
export const MAX_TAG_LENGTH = 20;

const OPINION_LIST = {
  sortable: { receivedOn: 'opinion.receivedOn', unitCode: 'opinion.unitCode', status: 'opinion.status' },
  defaultSort: [['receivedOn', SortOrder.DESC]],
} as const;

/** Opinions (意见表): listed for review, their status set by the office. */
@Injectable()
export class OpinionService {
  constructor(
    @InjectRepository(Opinion) private readonly opinions: Repository<Opinion>,
    private readonly campaigns: CampaignService,
  ) {}

  async list(
    ctx: RequestContext,
    campaignId: unknown,
    options?: ListOptions | null,
    filter?: OpinionListFilter | null,
  ): Promise<Page<Opinion>> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const query = this.opinions
      .createQueryBuilder('opinion')
      .where('opinion.bureauId = :bureauId AND opinion.campaignId = :campaignId', {
        bureauId: ctx.bureauId,
        campaignId: campaign.id,
      });
    whereUnitInScope(query, ctx, OPINION_READERS_BUREAU_WIDE);
    if (filter?.unitCode)
      query.andWhere('opinion.unitCode = :unitCode', { unitCode: checkCode(filter.unitCode, 'filter.unitCode') });
    if (filter?.evaluatorGroupCode)
      query.andWhere('opinion.evaluatorGroupCode = :group', {
        group: checkCode(filter.evaluatorGroupCode, 'filter.evaluatorGroupCode'),
      });
    const search = checkOptionalText(filter?.search, 'filter.search', { max: 100 });
    if (search) query.andWhere("LOWER(opinion.text) LIKE :like ESCAPE '\\'", { like: likeContaining(search) });
    const tag = checkOptionalText(filter?.tag, 'filter.tag', { max: MAX_TAG_LENGTH });
    // opinion_tag (opinion review): the tags the office set; a subquery keeps one row per opinion
    if (tag)
      query.andWhere(
        'EXISTS (SELECT 1 FROM opinion_tag tagged WHERE tagged.opinion_id = opinion.id AND tagged.tag = :tag)',
        { tag },
      );
    if (filter?.status)
      query.andWhere('opinion.status = :status', {
        status: checkOneOf(filter.status, 'filter.status', Object.values(OpinionStatus)),
      });
    return paginate(query, options, OPINION_LIST);
  }

  /** Sets the review status; open from the appraisal phase on (`reviewOpinions`). */
  async review(ctx: RequestContext, id: unknown, status: unknown, now: Date = new Date()): Promise<Opinion> {
    const opinionId = checkText(id, 'id', {
      min: 36,
      max: 36,
      pattern: { regex: /^[0-9a-f-]{36}$/i, description: 'an opinion id (UUID)' },
    });
    const next = checkOneOf(status, 'status', REVIEW_STATUSES);
    const opinion = await this.opinions.findOneBy({ id: opinionId, bureauId: ctx.bureauId });
    if (!opinion) throw new PingyiError('NOT_FOUND', `no opinion with id ${opinionId} in your bureau`, 'id');
    const campaign = await this.campaigns.findOrThrow(ctx, opinion.campaignId, 'id');
    assertCampaignActionOpen(campaign, 'reviewOpinions', now);
    opinion.status = next;
    return this.opinions.save(opinion);
  }
}
